/**
 * Codes outside the UnionPay table (issue 14, item 3): detection of the code shapes people
 * type, and the answer that sends them to /symptoms/nonstandard-code/.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery, type CodeData } from '../../src/lib/search/code-query.ts';
import { NONSTANDARD_CODE_HREF, nonstandardCode, withNonstandardCodes } from '../../src/lib/search/nonstandard.ts';

const data: CodeData = {
	known: ['00', '05', '51', '55', '68', 'A0', 'A7'],
	unassigned: ['08', '16'],
	acquirer: { codes: ['B1', 'T1'], why: '收单机构自定义。' },
};
const answer = (q: string) => withNonstandardCodes(analyzeQuery(q, data), q, data);

describe('nonstandardCode', () => {
	it.each([
		['pos机显示L1是什么意思', 'L1'],
		['刷卡提示M9错误', 'M9'],
		['pos机报错ER012', 'ER012'],
		['刷卡机显示A8', 'A8'],
		['pos机错误代码255', '255'],
		['pos机提示ffc怎么办', 'FFC'],
		['刷卡显示 FFC 交易失败', 'FFC'],
		['pos机报错-2125', '2125'],
		['255', '255'],
	])('%s → %s', (q, code) => {
		expect(nonstandardCode(q, data)).toBe(code);
	});

	it.each([
		'55',
		'055',
		'a0',
		'08',
		'刷卡机扣了99元服务费',
		'pos机到账慢 d0 怎么还没到',
		'刷卡的钱什么时候到账 T+1',
		'pos机流量卡没信号 4g',
		'2026年3月的交易',
		'刷了600',
		'pos机显示tamper',
		'pos机哪个牌子好',
		'退款 face',
	])('%s is not a non-standard code', (q) => {
		expect(nonstandardCode(q, data)).toBeNull();
	});
});

describe('withNonstandardCodes', () => {
	it('answers a code outside the table with the non-standard code page, pinned', () => {
		for (const q of ['L1', 'pos机显示L1是什么意思', '刷卡提示M9错误', 'pos机报错ER012', 'A9']) {
			const a = answer(q);
			expect(a.code?.href, q).toBe(NONSTANDARD_CODE_HREF);
			expect(a.pure, q).toBe(true);
		}
	});
	it("keeps an acquirer code's status and reason, and links the non-standard code page", () => {
		const a = answer('T1');
		expect(a.code).toEqual({ status: 'acquirer', code: 'T1', href: NONSTANDARD_CODE_HREF, why: '收单机构自定义。' });
	});
	it('leaves table codes, unassigned numbers and plain questions alone', () => {
		expect(answer('55').code).toMatchObject({ status: 'known', code: '55' });
		expect(answer('pos机提示55密码错').code).toMatchObject({ status: 'known', code: '55' });
		expect(answer('08').code).toMatchObject({ status: 'unassigned' });
		expect(answer('结算失败').code).toBeNull();
	});
	it('does not read D0 or T1 inside a question as a code, and searches the whole question', () => {
		const a = answer('pos机到账慢 d0 怎么还没到');
		expect(a.code).toBeNull();
		expect(a.text).toContain('d0');
	});
});
