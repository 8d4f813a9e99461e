/**
 * The glossary in content/rules/glossary.yaml (AUDIT-TERMS.md as data): for every concept,
 * each banned variant fails and the preferred term passes; quoted standard wording and the
 * quoted fields are exempt. Bad rule files are setup errors that name file:line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGlossary, loadGlossaryRules } from '../../scripts/lib/validate/glossary.ts';
import type { TextSegment } from '../../scripts/lib/validate/rule-text.ts';
import { SetupError } from '../../scripts/lib/validate/types.ts';

const RULES = loadGlossaryRules('content/rules/glossary.yaml');

function seg(text: string, over: Partial<TextSegment> = {}): TextSegment {
	return { file: 'content/codes/96.mdx', line: 3, text, where: 'body', kind: 'code', id: '96', ...over };
}

/** Sentences per concept: one with a banned variant, one with the preferred term. */
const CASES: Record<string, { bad: string; good: string }> = {
	'UnionPay switch': { bad: '故障出在交换中心这一段。', good: '故障出在银联这一段。' },
	'acquirer host': { bad: '终端向收单中心报到。', good: '终端向收单机构的系统报到。' },
	issuer: { bad: '发卡方没有按时回复。', good: '发卡行没有按时回复。' },
	acquirer: { bad: '请联系收单行。', good: '请联系收单机构。' },
	'loading the master key': { bad: '找收单机构重装主密钥。', good: '由收单机构重新灌装主密钥。' },
	'the paper slip': { bad: '补打小票，不要重做。', good: '补打签购单，不要重做。' },
	'last four digits': { bad: '记下卡号末四位。', good: '记下卡号后四位。' },
	'time of day': { bad: '深夜十一点前后日切。', good: '23:00 前后日切。' },
};

describe('glossary', () => {
	it('has a case for every concept in the file', () => {
		expect(Object.keys(CASES).sort()).toEqual(RULES.terms.map((t) => t.concept).sort());
	});

	it.each(Object.entries(CASES))('%s: banned variant fails, preferred term passes', (concept, c) => {
		const bad = checkGlossary([seg(c.bad)], RULES);
		expect(bad).toHaveLength(1);
		expect(bad[0]!.message).toContain(`[${concept}]`);
		expect(bad[0]!.fix).toContain(RULES.terms.find((t) => t.concept === concept)!.preferred);
		expect(checkGlossary([seg(c.good)], RULES)).toEqual([]);
	});

	it('flags every banned variant of every concept', () => {
		for (const t of RULES.terms) {
			for (const b of t.banned) expect(checkGlossary([seg(`请看${b}。`)], RULES), b).toHaveLength(1);
		}
	});

	it('exempts quoted display text and the quoted fields', () => {
		expect(checkGlossary([seg('屏幕显示“拒绝，交换中心异常，请稍后重试”。')], RULES)).toEqual([]);
		expect(checkGlossary([seg('「发卡方超时」')], RULES)).toEqual([]);
		expect(checkGlossary([seg('需要向网络中心签到', { where: 'facts', field: 'meaning' })], RULES)).toEqual([]);
		expect(checkGlossary([seg('交易失败，请联系收单行', { where: 'facts', field: 'display' })], RULES)).toEqual([]);
		// The same words outside a quotation are still refused.
		expect(checkGlossary([seg('需要向网络中心签到', { where: 'facts', field: 'firstAction' })], RULES)).toHaveLength(1);
	});

	it('allows 小票 in what the cashier says to the customer only', () => {
		expect(checkGlossary([seg('这是您的小票。', { where: 'facts', field: 'customerLine' })], RULES)).toEqual([]);
		expect(checkGlossary([seg('核对小票金额。', { where: 'facts', field: 'firstAction' })], RULES)).toHaveLength(1);
		expect(checkGlossary([seg('  D --> E[补打小票]', { where: 'flowchart' })], RULES)).toHaveLength(1);
	});
});

describe('loadGlossaryRules', () => {
	const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
	const write = (name: string, text: string) => {
		const p = join(dir, name);
		writeFileSync(p, text);
		return p;
	};
	const term = (extra = '') => `  - concept: issuer\n    preferred: 发卡行\n    banned: [发卡方]\n    note: n\n${extra}`;

	it('refuses an entry without a required field, at that entry', () => {
		const p = write('missing.yaml', 'quotedFields: [display]\nterms:\n  - concept: issuer\n    banned: [发卡方]\n    note: n\n');
		expect(() => loadGlossaryRules(p)).toThrow(SetupError);
		expect(() => loadGlossaryRules(p)).toThrow(`${p}:3: terms.0.preferred`);
	});

	it('refuses an unknown field (strict schema)', () => {
		const p = write('unknown.yaml', `quotedFields: [display]\nterms:\n${term('    severity: 1\n')}`);
		expect(() => loadGlossaryRules(p)).toThrow(`${p}:3: terms.0`);
	});

	it('refuses a variant banned by two concepts', () => {
		const p = write('twice.yaml', `quotedFields: [display]\nterms:\n${term()}${term()}`);
		expect(() => loadGlossaryRules(p)).toThrow(/twice\.yaml:9: "发卡方" is banned twice/);
	});

	it('reports YAML syntax errors as file:line', () => {
		const p = write('syntax.yaml', 'quotedFields: [display\nterms: x\n');
		expect(() => loadGlossaryRules(p)).toThrow(new RegExp(`^${p}:\\d+: YAML error`));
	});
});
