/**
 * What to say to the customer (issue 8). The line is said aloud at the counter, so:
 * - every code, symptom and task has one;
 * - the line of a `discreet` code or symptom contains none of the forbidden words in
 *   `content/rules/discretion.json` (it must not hint at fraud, theft or a blacklist);
 * - the line of a PIN code (`pin: true`), or any line that mentions the PIN, never asks
 *   the customer to say, tell or write down the PIN (the cashier must not hear it).
 */
import { fieldLine, hasFacts, stamp, type Check, type ContentIndex, type DiscretionRules, type Finding } from './types.ts';

interface Line {
	/** `code 55` or `symptom card-swipe-alert`. */
	who: string;
	/** The article is about the PIN (`pin: true`). */
	pin: boolean;
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
		for (const l of customerLines(index)) {
			if (l.text === undefined || l.text.trim() === '') {
				findings.push({
					file: l.file,
					line: l.line,
					message: `${l.who} has no customerLine`,
					fix: 'add `customerLine:`: one or two polite sentences the cashier can say as written, pointing the customer to their next step',
				});
				continue;
			}
			if (discretion.rules) findings.push(...judge(l, l.text, discretion.rules, discretion.file));
		}
		return stamp('customer-line', findings);
	},
};

function customerLines(index: ContentIndex): Line[] {
	const lines: Line[] = [];
	for (const a of index.articles) {
		if (!hasFacts(a) || !a.frontmatter.data) continue;
		const text = a.data['customerLine'];
		lines.push({
			who: `${a.kind} ${a.id ?? a.name}`,
			pin: a.data['pin'] === true,
			text: typeof text === 'string' ? text : undefined,
			discreet: a.data['discreet'] === true,
			file: a.file,
			line: text === undefined ? a.frontmatter.startLine || 1 : fieldLine(a, 'customerLine'),
		});
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
