/**
 * Query normalisation for real questions (issue 14, item 5): codes typed with a letter O or
 * a space, question words, and the function words left out of relaxed queries.
 */
import { describe, expect, it } from 'vitest';
import { fixCodeTypos, normalizeQuery, stripFillers } from '../../src/lib/search/normalize.ts';
import { segmentTerms } from '../../src/lib/search/relax.ts';

const clean = (q: string) => stripFillers(normalizeQuery(q));

describe('codes typed with a letter O or a space', () => {
	it('reads a letter O next to a digit, and AO, as a zero', () => {
		expect(normalizeQuery('pos机显示O5是什么意思')).toBe('pos机显示05是什么意思');
		expect(normalizeQuery('新机器刷卡显示O3')).toBe('新机器刷卡显示03');
		expect(normalizeQuery('POS机代码AO是什么意思')).toBe('pos机代码a0是什么意思');
		expect(fixCodeTypos('1o')).toBe('10');
	});
	it('leaves words with an o alone', () => {
		expect(normalizeQuery('pos no ok go')).toBe('pos no ok go');
		expect(normalizeQuery('ot未知返回码')).toBe('ot未知返回码');
		expect(normalizeQuery('o55')).toBe('o55');
	});
	it('joins a code typed with a space, but not T+1 or longer numbers', () => {
		expect(normalizeQuery('刷卡 返回码 0 5 怎么处理')).toBe('刷卡 返回码 05 怎么处理');
		expect(normalizeQuery('T+1')).toBe('t 1');
		expect(normalizeQuery('10 5')).toBe('10 5');
	});
	it('still turns full-width digits into ASCII', () => {
		expect(normalizeQuery('刷卡机显示 ５５ 密码不对')).toBe('刷卡机显示 55 密码不对');
	});
});

describe('question words', () => {
	it('removes question phrases and a final particle', () => {
		expect(clean('pos机签到失败是什么原因')).toBe('签到失败');
		expect(clean('pos机刷卡未出小票但钱扣了是怎么回事')).toBe('刷卡未出小票但钱扣');
		expect(clean('pos机押金能退吗')).toBe('押金能退');
		expect(clean('密码输错了')).toBe('密码输错');
		expect(clean('pos机怎么退货')).toBe('退货');
	});
	it('keeps words that only contain a filler', () => {
		expect(clean('pos机怎么办理')).toBe('办理');
		expect(clean('个人可以办pos机吗')).toBe('个人可以 办理');
		expect(clean('pos机怎么办')).toBe('');
	});
});

describe('terms for relaxed queries', () => {
	it('leaves out function words a long question carries', () => {
		expect(segmentTerms('余额不足可是卡上有钱')).not.toContain('可是');
		expect(segmentTerms('押金能退')).not.toContain('能');
		expect(segmentTerms('押金能退')).toContain('押金');
	});
});
