/**
 * What to say to the customer (issue 8). The line is said aloud at the counter, so:
 * - every code, symptom and task has one;
 * - the line of a `discreet` code or symptom contains none of the forbidden words in
 *   `content/rules/discretion.json` (it must not hint at fraud, theft or a blacklist);
 * - the line of a PIN code (`pin: true`), or any line that mentions the PIN, never asks
 *   the customer to say, tell or write down the PIN (the cashier must not hear it);
 * - the same three rules hold in English for `customerLineEn`, the line shown to a
 *   foreign cardholder, with English words matched as whole words (`discretion.json` `en`),
 *   and for the wall chart's English phrases (`common.yaml` `phrases`).
 */
import { fieldLine, hasFacts, stamp, type Check, type ContentIndex, type DiscretionRules, type Finding } from './types.ts';

interface Line {
	/** `code 55` or `symptom card-swipe-alert`. */
	who: string;
	/** The article is about the PIN (`pin: true`). */
	pin: boolean;
	/** Which line: the Chinese one said aloud, or the English one shown to a foreign cardholder. */
	lang: 'zh' | 'en';
	text: string | undefined;
	discreet: boolean;
	file: string;
	line: number;
}

export const customerLineCheck: Check = {
	id: 'customer-line',
	description: 'every code, symptom and task has a customer line; discreet ones reveal nothing; none asks for the PIN',
	needs: 'content',
	run(index) {
		const { discretion } = index;
		const findings: Finding[] = [];
		if (!discretion.rules) {
			findings.push({ file: discretion.file, line: 1, message: discretion.error ?? 'no rules', fix: 'restore the file: it holds the forbidden words and PIN phrases' });
		}
		const lines = customerLines(index);
		for (const l of lines) {
			const field = l.lang === 'en' ? 'customerLineEn' : 'customerLine';
			// The English line follows the Chinese one: while that is missing, it is the one to write first.
			if (l.lang === 'en' && lines.some((o) => o.file === l.file && o.lang === 'zh' && o.text === undefined)) continue;
			if (l.text === undefined || l.text.trim() === '') {
				findings.push({
					file: l.file,
					line: l.line,
					message: `${l.who} has no ${field}`,
					fix:
						l.lang === 'en'
							? 'add `customerLineEn:`: one short, polite English sentence or two, as said at a shop counter, ending on what the customer can do next'
							: 'add `customerLine:`: one or two polite sentences the cashier can say as written, pointing the customer to their next step',
				});
				continue;
			}
			if (!discretion.rules) continue;
			findings.push(...(l.lang === 'en' ? judgeEnglish(l, l.text, discretion.rules.en, discretion.file) : judge(l, l.text, discretion.rules, discretion.file)));
		}
		const { common } = index;
		if (discretion.rules && common.data) {
			common.data.phrases.forEach((p, i) => {
				const line: Line = { who: `wall-chart phrase "${p.zh}"`, pin: true, lang: 'en', text: p.en, discreet: true, file: common.file, line: common.lineOf(['phrases', i, 'en']) };
				findings.push(...judgeEnglish(line, p.en, discretion.rules!.en, discretion.file));
			});
		}
		return stamp('customer-line', findings);
	},
};

function customerLines(index: ContentIndex): Line[] {
	const lines: Line[] = [];
	for (const a of index.articles) {
		if (!hasFacts(a) || !a.frontmatter.data) continue;
		for (const lang of ['zh', 'en'] as const) {
			const field = lang === 'en' ? 'customerLineEn' : 'customerLine';
			const text = a.data[field];
			lines.push({
				who: `${a.kind} ${a.id ?? a.name}`,
				pin: a.data['pin'] === true,
				lang,
				text: typeof text === 'string' ? text : undefined,
				discreet: a.data['discreet'] === true,
				file: a.file,
				line: text === undefined ? (lang === 'en' ? fieldLine(a, 'customerLine') : a.frontmatter.startLine || 1) : fieldLine(a, field),
			});
		}
	}
	return lines;
}

const CLAUSE_END = /[，。；！？,.;!?]/u;

function judge(l: Line, text: string, rules: DiscretionRules, rulesFile: string): Finding[] {
	const findings: Finding[] = [];
	if (l.discreet) {
		const words = rules.forbiddenWords.filter((w) => text.includes(w));
		if (words.length > 0) {
			findings.push({
				file: l.file,
				line: l.line,
				message: `${l.who} is discreet, but its customer line says ${words.map((w) => `"${w}"`).join(', ')}`,
				fix: `say nothing about the reason (see ${rulesFile}): e.g. 这张卡暂时不能在这里使用，请您联系发卡银行了解情况`,
			});
		}
	}
	const isPinLine = l.pin || rules.pin.mentions.some((m) => text.includes(m));
	if (isPinLine) {
		for (const clause of text.split(CLAUSE_END)) {
			const request = rules.pin.requests.find((r) => {
				const at = clause.indexOf(r);
				return at >= 0 && !rules.pin.negations.some((n) => clause.slice(0, at).includes(n));
			});
			if (request) {
				findings.push({
					file: l.file,
					line: l.line,
					message: `${l.who}: the customer line asks the customer for the PIN ("${request}" in "${clause}")`,
					fix: 'the customer enters the PIN on the keypad, shielded, and never says or writes it: e.g. 请您遮挡一下，在密码键盘上再输一次',
				});
				break;
			}
		}
	}
	return findings;
}

/** An English word list entry as a whole-word, case-insensitive pattern; a trailing `*` is a stem. */
function englishPattern(entry: string): RegExp {
	const stem = entry.endsWith('*');
	const words = (stem ? entry.slice(0, -1) : entry)
		.trim()
		.split(/\s+/)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('\\s+');
	return new RegExp(`(?<![\\p{L}\\p{N}'])${words}${stem ? '' : "(?![\\p{L}\\p{N}])"}`, 'iu');
}

/** English clauses end at . , ; : ! ? and dashes. */
const EN_CLAUSE_END = /[.,;:!?\u2013\u2014]|\s-\s/u;

function judgeEnglish(l: Line, raw: string, rules: DiscretionRules['en'], rulesFile: string): Finding[] {
	const findings: Finding[] = [];
	const text = raw.replace(/\u2019/g, "'");
	if (l.discreet) {
		const words = rules.forbiddenWords.filter((w) => englishPattern(w).test(text));
		if (words.length > 0) {
			findings.push({
				file: l.file,
				line: l.line,
				message: `${l.who} is discreet, but its English line says ${words.map((w) => `"${w.replace(/\*$/, '')}"`).join(', ')}`,
				fix: `give no reason (see ${rulesFile} \`en\`): e.g. "Sorry, this card can't be used here right now. Please check with your bank."`,
			});
		}
	}
	const isPinLine = l.pin || rules.pin.mentions.some((m) => englishPattern(m).test(text));
	if (isPinLine) {
		for (const clause of text.split(EN_CLAUSE_END)) {
			const request = rules.pin.requests.find((r) => {
				const m = englishPattern(r).exec(clause);
				return m !== null && !rules.pin.negations.some((n) => englishPattern(n).test(clause.slice(0, m.index)));
			});
			if (request) {
				findings.push({
					file: l.file,
					line: l.line,
					message: `${l.who}: the English line asks the customer for the PIN ("${request.replace(/\*$/, '')}" in "${clause.trim()}")`,
					fix: 'the customer keys the PIN in themselves and never says or shows it: e.g. "Please enter your PIN on the keypad."',
				});
				break;
			}
		}
	}
	return findings;
}
