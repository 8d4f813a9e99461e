/**
 * Forbidden advice (issue 13): instructions that would cost a merchant money or break the
 * acquirer's rules (split sales, a second sale for a difference, the cashier loading keys,
 * anyone but the cardholder handling the PIN, retrying a pick-up code, paying again after
 * an uncertain outcome without checking). The rules are data in `content/rules/advice.yaml`,
 * so an editor can add one without touching code; this module loads them and checks text.
 *
 * A match is forgiven when it is negated in its own clause ("不要把一笔拆开刷" passes,
 * "把一笔拆成两笔刷" fails), or when the rule's `unless` phrases show the safe context
 * ("找收单机构重新灌装主密钥" names who does it; "两笔都查清再换卡" checks first).
 */
import { z } from 'astro/zod';
import { blankQuotes, compileRegex, escapeRegex, loadYamlRules, spanAround, type RuleFinding, type TextSegment } from './rule-text.ts';
import { SetupError } from './types.ts';

const whereSchema = z.enum(['facts', 'body', 'flowchart']);
const kindSchema = z.enum(['code', 'symptom', 'cause', 'task', 'family']);

const adviceRuleSchema = z
	.object({
		/** Stable kebab-case id, quoted in every message (`split-sale`). */
		id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id must be kebab-case'),
		/**
		 * What is forbidden: a JavaScript regular expression source (compiled with `gu`), or
		 * a list of literal phrases (any one matches). Prefer phrases; use a regex only when
		 * the wording varies.
		 */
		pattern: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
		/** Where the rule applies. */
		appliesTo: z
			.object({
				/** Which kinds of text: registry/frontmatter facts, article body, flowchart. */
				where: z.array(whereSchema).min(1),
				/** Which kinds of article; default all. */
				kinds: z.array(kindSchema).min(1).optional(),
				/** Only these codes (for code segments); with `families`, either one is enough. */
				codes: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).min(1).optional(),
				/** Only codes of these families, and these family pages. */
				families: z.array(z.string().min(1)).min(1).optional(),
			})
			.strict(),
		/**
		 * Phrases that make a match safe when they appear near it (in the same `unlessScope`),
		 * e.g. 收单机构 next to a key-loading verb, or 查询 next to a retry.
		 */
		unless: z.array(z.string().min(1)).default([]),
		/** How far `unless` looks: the clause (default), the sentence, or the whole segment. */
		unlessScope: z.enum(['clause', 'sentence', 'segment']).default('clause'),
		/** Facts fields the rule does not read (e.g. `customerLine`, which tells the customer, not the cashier). */
		skipFields: z.array(z.string().min(1)).default([]),
		/** Skip text inside “…” / 「…」 (a display text such as “请换卡重试” is not advice). Default false. */
		skipQuoted: z.boolean().default(false),
		/** What is wrong, in one sentence; the check adds the rule id and the quoted words. */
		message: z.string().min(1),
		/** What to write instead, in one sentence. */
		fix: z.string().min(1),
	})
	.strict();

const adviceFileSchema = z
	.object({
		/**
		 * Negation words. A match whose clause has one of `before` anywhere before it, or one of
		 * `immediate` right before it, or one of `after` anywhere after it, is a prohibition,
		 * not advice.
		 */
		negations: z
			.object({
				before: z.array(z.string().min(1)).min(1),
				immediate: z.array(z.string().min(1)).default([]),
				after: z.array(z.string().min(1)).default([]),
			})
			.strict(),
		/** The rules. */
		rules: z.array(adviceRuleSchema).min(1),
	})
	.strict();

export type AdviceRuleInput = z.input<typeof adviceRuleSchema>;
export type AdviceFile = z.infer<typeof adviceFileSchema>;

/** A loaded rule with its pattern compiled. */
export interface AdviceRule extends z.infer<typeof adviceRuleSchema> {
	regex: RegExp;
	/** Where the rule is defined, `content/rules/advice.yaml:12`, for messages. */
	source: string;
}

export interface AdviceRules {
	negations: AdviceFile['negations'];
	rules: AdviceRule[];
}

/** Loads and validates `content/rules/advice.yaml`; throws a SetupError naming file:line. */
export function loadAdviceRules(path: string): AdviceRules {
	const { rules: file, lineOf } = loadYamlRules(path, adviceFileSchema);
	const ids = new Set<string>();
	const rules = file.rules.map((r, i) => {
		const where = `${path}:${lineOf(['rules', i, 'pattern'])}`;
		if (ids.has(r.id)) throw new SetupError(`${path}:${lineOf(['rules', i, 'id'])}: duplicate rule id ${r.id}`);
		ids.add(r.id);
		const regex = compileRegex(typeof r.pattern === 'string' ? r.pattern : r.pattern.map(escapeRegex).join('|'), where);
		if (regex.test('')) throw new SetupError(`${where}: pattern matches the empty string`);
		return { ...r, regex, source: `${path}:${lineOf(['rules', i])}` };
	});
	return { negations: file.negations, rules };
}

/** Is the rule meant for this segment? */
export function adviceApplies(rule: Pick<AdviceRule, 'appliesTo'>, seg: TextSegment): boolean {
	const a = rule.appliesTo;
	if (!a.where.includes(seg.where)) return false;
	if (a.kinds && !a.kinds.includes(seg.kind)) return false;
	if (a.codes || a.families) {
		if (seg.kind === 'code') return (a.codes?.includes(seg.id) ?? false) || (seg.family !== undefined && (a.families?.includes(seg.family) ?? false));
		if (seg.kind === 'family') return a.families?.includes(seg.id) ?? false;
	}
	return true;
}

/** True when the words at `[start, end)` are negated in their clause. */
function negated(text: string, start: number, end: number, neg: AdviceFile['negations']): boolean {
	const [a, b] = spanAround(text, start, end, 'clause');
	const before = text.slice(a, start);
	const after = text.slice(end, b);
	return neg.before.some((w) => before.includes(w)) || neg.immediate.some((w) => before.endsWith(w)) || neg.after.some((w) => after.includes(w));
}

/**
 * Fields that quote standard tables or name a source as written (a source note may quote a
 * class definition such as “B 交易失败，可重试”); they are not advice.
 */
const QUOTED_FIELDS = new Set(['display', 'meaning', 'newerMeaning', 'alsoShownAs', 'sources', 'title']);

/** Every forbidden piece of advice in the segments. */
export function checkAdvice(segments: TextSegment[], rules: AdviceRules): RuleFinding[] {
	const findings: RuleFinding[] = [];
	for (const seg of segments) {
		// Standard wording is quoted, not advised.
		if (seg.field !== undefined && QUOTED_FIELDS.has(seg.field)) continue;
		for (const rule of rules.rules) {
			if (!adviceApplies(rule, seg)) continue;
			if (seg.field && rule.skipFields.includes(seg.field)) continue;
			const text = rule.skipQuoted ? blankQuotes(seg.text) : seg.text;
			for (const m of text.matchAll(rule.regex)) {
				const start = m.index;
				const end = start + m[0].length;
				if (negated(text, start, end, rules.negations)) continue;
				if (rule.unless.length > 0) {
					const [a, b] = spanAround(text, start, end, rule.unlessScope);
					const around = text.slice(a, b);
					if (rule.unless.some((w) => around.includes(w))) continue;
				}
				findings.push({ file: seg.file, line: seg.line, message: `forbidden advice [${rule.id}] "${m[0]}": ${rule.message}`, fix: rule.fix });
				break; // one finding per rule and segment is enough to send the editor there
			}
		}
	}
	return findings;
}
