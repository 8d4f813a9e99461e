/**
 * Code detection (issue 5.3): "55", "055", "a0", "错误码55", "pos机显示55" name a code;
 * unknown codes get a clear answer. Runs over the real registry.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/lib/registry.ts';
import {
	analyzeQuery,
	answerFor,
	canonicalCode,
	codeDataFrom,
	CODE_INDEX_HREF,
	nearMiss,
} from '../../src/lib/search/code-query.ts';
import { normalizeQuery, stripFillers } from '../../src/lib/search/normalize.ts';

const data = codeDataFrom(registry);

describe('normalizeQuery', () => {
	it('turns full-width digits and letters into ASCII and lower-cases Latin', () => {
		expect(normalizeQuery('５５')).toBe('55');
		expect(normalizeQuery('Ａ０')).toBe('a0');
	});
	it('turns punctuation into spaces and collapses whitespace', () => {
		expect(normalizeQuery('  MAC校验错，请重新签到！ ')).toBe('mac校验错 请重新签到');
		expect(normalizeQuery('“密码错”')).toBe('密码错');
	});
	it('strips filler phrases around what the screen says', () => {
		expect(stripFillers(normalizeQuery('pos机显示余额不足是什么意思'))).toBe('余额不足');
		expect(stripFillers('刷卡报警怎么办')).toBe('刷卡报警');
		// 报 of 报警 and 码 of 密码 are never removed.
		expect(stripFillers('机器报警')).toBe('机器报警');
	});
});

describe('canonicalCode', () => {
	it.each([
		['55', '55'],
		['055', '55'],
		['5', '05'],
		['a0', 'A0'],
		['A7', 'A7'],
		['b1', 'B1'],
		['aa', 'AA'],
	])('%s → %s', (token, code) => expect(canonicalCode(token, data)).toBe(code));

	it.each(['ic', 'ok', '100', '1055', 'pin', ''])('%s is not a code', (token) => expect(canonicalCode(token, data)).toBeNull());
});

describe('analyzeQuery: a bare code goes straight to its page', () => {
	it.each(['55', '055', '５５', '错误码55', '代码 55', 'pos机显示55', 'POS机显示55是什么意思', '返回码：55', '55错误', '报55', 'error 55'])(
		'%s → /codes/55/',
		(q) => {
			const a = analyzeQuery(q, data);
			expect(a.pure).toBe(true);
			expect(a.code).toEqual({ status: 'known', code: '55', href: '/codes/55/' });
		},
	);

	it.each(['a0', 'A0', 'Ａ０', '错误码a0', 'pos机显示A0'])('%s → A0', (q) => {
		const a = analyzeQuery(q, data);
		expect(a.pure).toBe(true);
		expect(a.code?.status).toBe('known');
		expect(a.code?.code).toBe('A0');
	});

	it('every registry code, typed plainly or with a leading zero, is known', () => {
		for (const { code } of registry.codes) {
			for (const q of [code, code.toLowerCase(), `错误码${code}`, /^\d+$/.test(code) ? `0${code}` : code]) {
				const a = analyzeQuery(q, data);
				expect(a.code, q).toMatchObject({ status: 'known', code });
				expect(a.pure, q).toBe(true);
			}
		}
	});

	it('uses the built URL where it differs from /codes/<CODE>/', () => {
		const withHrefs = codeDataFrom(registry, (c) => (c === 'A0' ? '/codes/a0/' : undefined));
		expect(analyzeQuery('a0', withHrefs).code?.href).toBe('/codes/a0/');
		expect(analyzeQuery('55', withHrefs).code?.href).toBe('/codes/55/');
	});
});

describe('answers for codes that are not in the registry', () => {
	it('every two-digit number is either a registry code or unassigned', () => {
		for (let n = 0; n < 100; n++) {
			const code = String(n).padStart(2, '0');
			const status = answerFor(code, data).status;
			expect(['known', 'unassigned'], code).toContain(status);
		}
	});

	it('an unassigned number points to /codes/unassigned/ (terminal shows 交易失败)', () => {
		const a = analyzeQuery('08', data);
		expect(a.pure).toBe(true);
		expect(a.code).toEqual({ status: 'unassigned', code: '08', href: '/codes/unassigned/#code-08' });
		expect(analyzeQuery('pos机显示 8', data).code?.href).toBe('/codes/unassigned/#code-08');
	});

	it("an acquirer-specific letter code gets the registry's reason and the code index", () => {
		for (const code of registry.acquirerSpecific.codes) {
			const a = analyzeQuery(code.toLowerCase(), data);
			expect(a.code).toEqual({ status: 'acquirer', code, href: CODE_INDEX_HREF, why: registry.acquirerSpecific.why });
		}
	});

	it('any other code-shaped token is "not a known code", pointing to the code index', () => {
		for (const q of ['A9', 'z1', '错误码C9']) {
			const a = analyzeQuery(q, data);
			expect(a.code?.status, q).toBe('unknown');
			expect(a.code?.href).toBe(CODE_INDEX_HREF);
		}
	});
});

describe('analyzeQuery: codes inside longer queries, and plain text', () => {
	it('pins a known code and searches the rest', () => {
		const a = analyzeQuery('55 密码错', data);
		expect(a.pure).toBe(false);
		expect(a.code?.code).toBe('55');
		expect(a.text).toBe('密码错');
		expect(analyzeQuery('A0 MAC校验错', data)).toMatchObject({ pure: false, text: 'mac校验错', code: { code: 'A0' } });
	});

	it('leaves text without a code to full-text search', () => {
		for (const q of ['余额不足', '结算失败', '商户被冻结', '打印机没纸', '4g没信号', '金额1000元刷不了', 'IC卡', '15号结算失败', '刷了20元就报警', '等了30秒超时', '第12笔撤销失败']) {
			const a = analyzeQuery(q, data);
			expect(a.code, q).toBeNull();
			expect(a.text.length, q).toBeGreaterThan(0);
		}
		expect(analyzeQuery('pos机显示余额不足', data).text).toBe('余额不足');
	});
});

describe('the search UI\'s code list (virtual:poskb/code-data)', () => {
	it('is the registry slice, as one JSON object in a module', async () => {
		const { codeDataSource } = await import('../../scripts/lib/build/code-data-module.ts');
		const source = codeDataSource();
		const json = /^export default (\{.*\});\n$/s.exec(source)?.[1];
		expect(json).toBeDefined();
		expect(JSON.parse(json!)).toEqual(JSON.parse(JSON.stringify(data)));
		expect(data.known).toContain('55');
		expect(data.known).toContain('A0');
		expect(data.acquirer.why.length).toBeGreaterThan(10);
	});
	it('is rebuilt in dev when a code article or content/codes.yaml changes, and not for other files', async () => {
		const { feedsCodeData } = await import('../../scripts/lib/build/code-data-module.ts');
		const root = '/site';
		expect(feedsCodeData(root, '/site/content/codes/55.mdx')).toBe(true);
		expect(feedsCodeData(root, '/site/content/codes.yaml')).toBe(true);
		expect(feedsCodeData(root, '/site/content/symptoms/card-declined.mdx')).toBe(false);
		expect(feedsCodeData(root, '/site/content/codes/drafts/55.mdx')).toBe(false);
		expect(feedsCodeData(root, '/site/src/content/codes/55.mdx')).toBe(false);
		expect(feedsCodeData(root, '/other/content/codes/55.mdx')).toBe(false);
	});
});

describe('near misses (issue 17): a letter typed for a look-alike digit', () => {
	it('offers the known code: "O5" → 05, "AO" → A0, "5O"-style swaps only into known codes', () => {
		expect(analyzeQuery('O5', data).didYouMean).toBe('05');
		expect(analyzeQuery('o5', data).didYouMean).toBe('05');
		expect(analyzeQuery('AO', data).didYouMean).toBe('A0');
		expect(analyzeQuery('5I', data).didYouMean).toBe('51');
		// A letter O is read as 0 (issue 14, item 5): "O5" answers 05 at once, and still asks
		// "是不是 05？" (issue 17, item 5). Other look-alikes are only suggested: "5I" is not 51.
		expect(analyzeQuery('O5', data).code).toMatchObject({ status: 'known', code: '05' });
		expect(analyzeQuery('AO', data).code).toMatchObject({ status: 'known', code: 'A0' });
		expect(analyzeQuery('5I', data).code).toBeNull();
	});
	it('a code typed as such is not a near miss: "5 5", "５５", "0 5", "a0" suggest nothing', () => {
		for (const q of ['5 5', '５５', '0 5', 'a0', 'pos机显示05']) expect(analyzeQuery(q, data).didYouMean, q).toBeNull();
	});
	it('offers nothing for a known code, a word, or a swap that lands on no known code', () => {
		expect(analyzeQuery('05', data).didYouMean).toBeNull();
		expect(analyzeQuery('A0', data).didYouMean).toBeNull();
		expect(nearMiss('OK', data)).toBeNull();
		expect(nearMiss('IC', data)).toBeNull();
		expect(nearMiss('OIL', data)).toBeNull();
		expect(nearMiss('IO', data)).toBeNull();
		expect(analyzeQuery('余额不足', data).didYouMean).toBeNull();
		const unassigned = data.unassigned[0]!;
		expect(nearMiss(unassigned.replace('0', 'O'), data)).toBeNull();
	});
	it('"5 5" and "５５" are the bare code 55', () => {
		expect(analyzeQuery('5 5', data).code).toMatchObject({ status: 'known', code: '55' });
		expect(analyzeQuery('５５', data).code).toMatchObject({ status: 'known', code: '55' });
	});
});
