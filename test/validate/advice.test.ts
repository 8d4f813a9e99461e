/**
 * The forbidden-advice rules in content/rules/advice.yaml (issue 13): for every rule, a
 * segment with the forbidden wording fails and the correct wording passes. The real rule
 * file is loaded, so a rule that stops matching (or starts matching the safe wording) fails
 * here. Bad rule files are setup errors that name file:line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAdvice, loadAdviceRules } from '../../scripts/lib/validate/advice.ts';
import type { TextSegment } from '../../scripts/lib/validate/rule-text.ts';
import { SetupError } from '../../scripts/lib/validate/types.ts';

const RULES = loadAdviceRules('content/rules/advice.yaml');

function seg(text: string, over: Partial<TextSegment> = {}): TextSegment {
	return { file: 'content/codes/61.mdx', line: 7, text, where: 'body', kind: 'code', id: '61', ...over };
}

/** Rule ids found in one segment. */
function ids(s: TextSegment): string[] {
	return checkAdvice([s], RULES).map((f) => /\[([a-z-]+)\]/.exec(f.message)![1]!);
}

interface Case {
	rule: string;
	bad: TextSegment;
	good: TextSegment;
}

const PICKUP = { id: '04', family: 'pick-up' } as const;
const TIMEOUT = { id: '68', family: 'uncertain-outcome' } as const;

const CASES: Case[] = [
	{ rule: 'split-sale', bad: seg('金额没错：把一笔拆成两笔刷，每笔小一点。'), good: seg('不要把一笔拆开刷；可以换一张卡，或用两张不同的卡各付一部分。') },
	{ rule: 'split-sale', bad: seg('请持卡人换卡、分开付或联系发卡行调整限额。', { where: 'facts', field: 'firstAction' }), good: seg('请持卡人换一张卡或换付款方式；不要把一笔拆开刷。', { where: 'facts', field: 'firstAction' }) },
	{ rule: 'second-sale-for-difference', bad: seg('少收了，差额另收一笔即可。', { kind: 'cause', id: 'operator' }), good: seg('少收了：当天、结算前撤销这一笔，再按正确金额重新做一笔消费。', { kind: 'cause', id: 'operator' }) },
	{ rule: 'cashier-loads-keys', bad: seg('  H -->|是| I[查连线，装密钥]', { where: 'flowchart', id: '99' }), good: seg('  H -->|是| I[查连线，找收单机构重新灌装主密钥]', { where: 'flowchart', id: '99' }) },
	{ rule: 'cashier-loads-keys', bad: seg('签到还是失败就恢复出厂设置。', { kind: 'cause', id: 'keys' }), good: seg('不要恢复出厂设置，找收单机构处理。', { kind: 'cause', id: 'keys' }) },
	{ rule: 'pin-handled-by-others', bad: seg('持卡人不会用键盘时，收银员替顾客输入密码。', { id: '55' }), good: seg('请持卡人自己遮挡着输入密码，不要替顾客输密码。', { id: '55' }) },
	{ rule: 'pin-handled-by-others', bad: seg('记下持卡人的密码，稍后再试。', { id: '55' }), good: seg('需要密码的卡，请持卡人自己输入。', { id: '55' }) },
	{ rule: 'pickup-retry', bad: seg('先换一台终端再试一次。', PICKUP), good: seg('不要重刷，不换终端，不手输卡号。', PICKUP) },
	{ rule: 'uncertain-retry-without-check', bad: seg('  E -->|是| G[请顾客换卡]', { where: 'flowchart', ...TIMEOUT }), good: seg('  E -->|是| G[两笔都查清未扣款，再请顾客换卡]', { where: 'flowchart', ...TIMEOUT }) },
	{ rule: 'second-uncertain-without-double-check', bad: seg('重试又是 68：请顾客换一张别家银行的卡。', TIMEOUT), good: seg('重试又是 68：先把两笔都查清，确认都没有扣款，再请顾客换一张别家银行的卡。', TIMEOUT) },
];

describe('advice rules', () => {
	it('has a failing and a passing case for every rule in the file', () => {
		expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULES.rules.map((r) => r.id)));
	});

	it.each(CASES.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s: forbidden wording fails, correct wording passes', (_, c) => {
		expect(ids(c.bad)).toContain(c.rule);
		expect(ids(c.good)).toEqual([]);
	});

	it('names the rule, quotes the words, and says what to write', () => {
		const [f] = checkAdvice([seg('把一笔拆成两笔刷')], RULES);
		expect(f).toMatchObject({ file: 'content/codes/61.mdx', line: 7 });
		expect(f!.message).toContain('[split-sale] "一笔拆成"');
		expect(f!.fix).toContain('不要把一笔拆开刷');
	});

	it('keeps scoped rules to their codes and families', () => {
		// A retry is fine advice on 13 (re-enter the amount), forbidden on a pick-up code.
		expect(ids(seg('改好金额后再试一次。', { id: '13' }))).toEqual([]);
		expect(ids(seg('改好金额后再试一次。', PICKUP))).toContain('pickup-retry');
		expect(ids(seg('再刷一次就好。', { kind: 'family', id: 'pick-up' }))).toContain('pickup-retry');
	});

	it('never reads quoted standard wording in display or meaning', () => {
		expect(checkAdvice([seg('请换卡重试', { where: 'facts', field: 'display', ...PICKUP })], RULES)).toEqual([]);
		expect(ids(seg('屏幕显示“此卡有误，请换卡重试”。', PICKUP))).toEqual([]);
	});

	it('does not carry a negation across a clause', () => {
		expect(ids(seg('不要重刷，把一笔拆成两笔刷。'))).toContain('split-sale');
	});
});

describe('loadAdviceRules', () => {
	const dir = mkdtempSync(join(tmpdir(), 'advice-'));
	const write = (name: string, text: string) => {
		const p = join(dir, name);
		writeFileSync(p, text);
		return p;
	};
	const header = 'negations:\n  before: [不要]\nrules:\n';
	const rule = (extra: string) => `  - id: x\n    pattern: '拆开'\n    appliesTo: { where: [body] }\n    message: m\n    fix: f\n${extra}`;

	it('reports YAML syntax errors as file:line', () => {
		const p = write('syntax.yaml', `${header}  - id: x\n    pattern: [unclosed\n`);
		expect(() => loadAdviceRules(p)).toThrow(SetupError);
		expect(() => loadAdviceRules(p)).toThrow(new RegExp(`^${p}:\\d+: YAML error`));
	});

	it('refuses an unknown field (strict schema) at its rule', () => {
		const p = write('unknown.yaml', header + rule('    severity: high\n'));
		expect(() => loadAdviceRules(p)).toThrow(`${p}:4: rules.0: `);
	});

	it('refuses a regex that does not compile, naming the pattern line', () => {
		const p = write('regex.yaml', `${header}  - id: x\n    pattern: '(拆开'\n    appliesTo: { where: [body] }\n    message: m\n    fix: f\n`);
		expect(() => loadAdviceRules(p)).toThrow(`${p}:5: pattern does not compile`);
	});

	it('refuses a missing file', () => {
		expect(() => loadAdviceRules(join(dir, 'none.yaml'))).toThrow(SetupError);
	});
});
