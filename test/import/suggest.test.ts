import { describe, expect, it } from 'vitest';
import { suggest } from '../../scripts/lib/import/suggest.ts';
import type { SourceLine } from '../../scripts/lib/import/types.ts';

function run(title: string, ...body: string[]) {
	const t: SourceLine = { line: 1, text: title };
	return suggest(
		t,
		body.map((text, i) => ({ line: i + 3, text })),
	);
}

describe('codes', () => {
	it.each([
		['POS机错误代码55,深入解析与解决', '55'],
		['POS机显示52的原因分析', '52'],
		['刷卡提示:A0 是什么意思', 'A0'],
		['返回码为05怎么办', '05'],
	])('finds the code in "%s"', (title, code) => {
		const s = run(title, '正文。');
		expect(s.kind).toBe('code');
		expect(s.code).toBe(code);
		expect(s.evidence).toContainEqual({ field: 'code', value: code, line: 1, evidence: title });
	});

	it('takes a code from the body when the title has none, with the line as evidence', () => {
		const s = run('POS机刷卡失败', '终端显示51,余额不足。', '再次刷卡仍然显示51。');
		expect(s).toMatchObject({ kind: 'code', code: '51' });
		expect(s.evidence).toContainEqual({ field: 'code', value: '51', line: 3, evidence: '终端显示51,余额不足。' });
	});

	it('does not take durations, amounts or three-digit numbers for codes', () => {
		const s = run('POS机问题', '屏幕显示10秒后熄灭。', '提示200元以下免密。', '显示520。', '屏幕显示10秒。');
		expect(s.code).toBeUndefined();
	});

	it('flags other codes the article mentions', () => {
		const s = run('POS机显示55', '有时也会显示75,表示密码次数超限。');
		expect(s.code).toBe('55');
		expect(s.flags).toEqual([expect.objectContaining({ line: 3, rule: 'kind' })]);
		expect(s.flags[0]?.message).toMatch(/75/);
	});
});

describe('symptoms', () => {
	it.each([
		['pos机显示结算失败', 'settlement-failure'],
		['POS机结算不成功怎么办', 'settlement-failure'],
		['终端对账不平的处理', 'settlement-failure'],
		['POS机商户状态异常', 'merchant-status-abnormal'],
		['商户被冻结了怎么办', 'merchant-status-abnormal'],
		['刷卡消费POS机报警问题分析', 'card-swipe-alert'],
		['POS机提示机器受攻击', 'card-swipe-alert'],
		['Terminal Tampered 提示', 'card-swipe-alert'],
	])('"%s" → %s', (title, symptom) => {
		const s = run(title, '正文。');
		expect(s).toMatchObject({ kind: 'symptom', symptom });
		expect(s.evidence).toContainEqual({ field: 'symptom', value: symptom, line: 1, evidence: title });
	});

	it('the title decides over a symptom word in the body', () => {
		const s = run('pos机显示结算失败', '日志和报警机制失效也会影响排查。');
		expect(s.symptom).toBe('settlement-failure');
	});
});

describe('categories and kind', () => {
	it('suggests categories named on at least two lines, with the first line as evidence', () => {
		const s = run('POS机显示52', '网络故障会导致超时。', '检查网络连接。', '打印机缺纸。');
		expect(s.categories).toEqual(['network']);
		expect(s.evidence).toContainEqual({ field: 'categories', value: 'network', line: 3, evidence: '网络故障会导致超时。' });
	});

	it('suggests kind cause from a category in the title', () => {
		const s = run('POS机网络故障的常见原因', '信号弱。');
		expect(s).toMatchObject({ kind: 'cause', category: 'network' });
	});

	it('flags when nothing can be suggested', () => {
		const s = run('POS机使用心得', '用了很多年。');
		expect(s.kind).toBeUndefined();
		expect(s.flags).toEqual([expect.objectContaining({ rule: 'kind' })]);
	});
});
