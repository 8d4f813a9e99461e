import { describe, expect, it } from 'vitest';
import { flagUncertain, repairKept, repairLine } from '../../scripts/lib/import/repair.ts';
import { rawRules, rules } from './helpers.ts';

const c = rules();

describe('certain repairs (obfuscations)', () => {
	it.each(rawRules().obfuscations.map((o) => [o.find, o.replace] as const))('repairs %s → %s', (find, replace) => {
		const r = repairLine(`前文${find}后文`, 7, c);
		expect(r.text).toBe(`前文${replace}后文`);
		expect(r.repairs).toEqual([expect.objectContaining({ line: 7, kind: 'obfuscation', find, replace })]);
	});

	it('records context before and after each repair', () => {
		const r = repairLine('1、准备材料:POSS、银行ka卡、营业执照', 54, c);
		expect(r.text).toBe('1、准备材料:身份证、银行卡、营业执照');
		expect(r.repairs.map((x) => [x.find, x.before, x.after])).toEqual([
			// Six characters of context each side; "after" is measured in the repaired text.
			['POSS', '…、准备材料:POSS、银行ka卡…', '…、准备材料:身份证、银行ka卡…'],
			['ka卡', '…OSS、银行ka卡、营业执照', '…身份证、银行卡、营业执照'],
		]);
	});

	it('repairs every occurrence in a line', () => {
		const r = repairLine('刷ka卡消费,信用ka卡', 1, c);
		expect(r.text).toBe('刷卡消费,信用卡');
		expect(r.repairs).toHaveLength(2);
	});

	it('is idempotent', () => {
		const once = repairLine('刷ka卡出现七咋提示,个人信xi息', 1, c).text;
		const twice = repairLine(once, 1, c);
		expect(twice.text).toBe(once);
		expect(twice.repairs).toEqual([]);
	});

	it('does not touch an English word that contains a find', () => {
		expect(repairLine('POSSIBLE ERROR', 1, c).repairs).toEqual([]);
	});
});

describe('contextual repairs', () => {
	it('repairs the brand pasted over 罢工, only in its context', () => {
		const r = repairLine('4、社会事件:拉卡拉、骚乱等社会事件', 66, c);
		expect(r.text).toBe('4、社会事件:罢工、骚乱等社会事件');
		expect(r.repairs).toEqual([expect.objectContaining({ kind: 'contextual', find: '拉卡拉、骚乱' })]);
		expect(repairLine('拉卡拉会审核申请。', 1, c).text).toBe('拉卡拉会审核申请。');
	});

	it('repairs the censored 隐私', () => {
		expect(repairLine('注意保护个人不公开的和信息安全。', 1, c).text).toBe('注意保护个人隐私和信息安全。');
	});

	it('applies after obfuscation repairs', () => {
		// The contextual find is written in repaired form; it must still match raw text that needs both.
		const r = repairLine('保护个人不公开的和信xi息安全', 1, c);
		expect(r.text).toBe('保护个人隐私和信息安全');
		expect(r.repairs.map((x) => x.kind)).toEqual(['obfuscation', 'contextual']);
	});
});

describe('非常 standing for 最', () => {
	it.each([
		['查看非常近一段时间内的记录', '查看最近一段时间内的记录'],
		['是否为非常新版本', '是否为最新版本'],
		['显示52的非常常见原因是', '显示52的最常见原因是'],
		['非常后,个人需要结算', '最后,个人需要结算'],
		['非常后，个人需要结算', '最后，个人需要结算'],
	])('repairs "%s" (contextual, listed as a repair)', (text, expected) => {
		const r = repairLine(text, 3, c);
		expect(r.text).toBe(expected);
		expect(r.repairs).toEqual([expect.objectContaining({ line: 3, kind: 'contextual' })]);
	});

	it('only flags the cases that are also correct Chinese', () => {
		expect(repairLine('非常常见的问题', 1, c).text).toBe('非常常见的问题');
		const flags = flagUncertain('非常常见的问题', 1, c);
		expect(flags).toEqual([expect.objectContaining({ rule: 'uncertain' })]);
		expect(flags[0]?.message).toMatch(/"最"/);
	});

	it('does not flag 非常 used normally', () => {
		expect(flagUncertain('这一点非常重要。', 1, c)).toEqual([]);
	});
});

describe('repairKept: unrecoverable words', () => {
	it('removes the list item holding 办pos, with the separator before it', () => {
		const r = repairKept('比如输入的卡号不正确、余额不足、支付信息被办pos等。', 54, c);
		expect(r.text).toBe('比如输入的卡号不正确、余额不足。');
		expect(r.repairs).toEqual([expect.objectContaining({ line: 54, kind: 'unrecoverable', find: '办pos', replace: '' })]);
		expect(r.repairs[0]!.why).toContain('"、支付信息被办pos等"');
	});

	it('removes a sentence that is only that clause, and the separator after a leading clause', () => {
		expect(repairKept('余额不足。支付信息被办pos。请换卡。', 1, c).text).toBe('余额不足。请换卡。');
		expect(repairKept('支付信息被办pos,请换卡。', 1, c).text).toBe('请换卡。');
	});

	it('leaves 办pos机 (a different, promotional phrase) to the advertisement rule', () => {
		expect(repairKept('如何办pos机', 1, c).repairs.filter((x) => x.kind === 'unrecoverable')).toEqual([]);
		expect(flagUncertain('支付信息被办pos等。', 1, c)).toEqual([]);
	});
});

describe('repairKept: brands in the body', () => {
	it('removes a brand before a product word', () => {
		const r = repairKept('立刷POS机是一种电子支付设备。', 5, c);
		expect(r.text).toBe('POS机是一种电子支付设备。');
		expect(r.repairs).toEqual([expect.objectContaining({ line: 5, kind: 'brand', find: '立刷', replace: '' })]);
	});

	it('replaces a brand on its own by the role it plays', () => {
		expect(repairKept('拉卡拉会提供相关的结算服务。', 1, c).text).toBe('收单机构会提供相关的结算服务。');
		expect(repairKept('针对立刷POS机商户状态异常', 1, c).text).toBe('针对POS机商户状态异常');
	});

	it('keeps ordinary words that contain a brand', () => {
		const r = repairKept('建立刷卡流程,独立刷卡。', 1, c);
		expect(r.text).toBe('建立刷卡流程,独立刷卡。');
		expect(r.repairs).toEqual([]);
	});
});
