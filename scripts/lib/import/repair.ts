/**
 * Known obfuscations → the words they stand for, from `normalization.json`.
 *
 * Certain repairs (`obfuscations`, then `contextual`) are applied and recorded with a
 * little context on both sides; uncertain ones are only flagged. Each kind of rule runs
 * in a single pass, so a repair can never create the text of another repair of the
 * same kind, and importing twice gives the same draft.
 */
import type { CompiledRules, ReplacementRule } from '../rules/normalization.ts';
import type { Flag, Repair } from './types.ts';

const CONTEXT = 6;

function around(text: string, start: number, end: number): string {
	const left = start > CONTEXT ? `…${text.slice(start - CONTEXT, start)}` : text.slice(0, start);
	const right = end + CONTEXT < text.length ? `${text.slice(end, end + CONTEXT)}…` : text.slice(end);
	return left + text.slice(start, end) + right;
}

function applyPass(
	text: string,
	line: number,
	re: RegExp | undefined,
	byFind: Map<string, ReplacementRule>,
	kind: Repair['kind'],
	repairs: Repair[],
): string {
	if (!re) return text;
	let out = '';
	let last = 0;
	for (const m of text.matchAll(re)) {
		const rule = byFind.get(m[0]);
		if (!rule) continue; // cannot happen: the regex is built from these finds
		const start = m.index;
		const end = start + m[0].length;
		out += text.slice(last, start) + rule.replace;
		// Context "after" is measured in the repaired text, so the editor sees the result.
		const afterText = out + text.slice(end);
		const outStart = out.length - rule.replace.length;
		repairs.push({
			line,
			kind,
			find: rule.find,
			replace: rule.replace,
			before: around(text, start, end),
			after: around(afterText, outStart, outStart + rule.replace.length),
			why: rule.why,
		});
		last = end;
	}
	return out + text.slice(last);
}

export interface RepairResult {
	text: string;
	repairs: Repair[];
}

/** Applies the certain repairs to one line. */
export function repairLine(text: string, line: number, compiled: CompiledRules): RepairResult {
	const repairs: Repair[] = [];
	const afterObfuscations = applyPass(text, line, compiled.obfuscation, compiled.obfuscationByFind, 'obfuscation', repairs);
	const repaired = applyPass(afterObfuscations, line, compiled.contextual, compiled.contextualByFind, 'contextual', repairs);
	return { text: repaired, repairs };
}

/** Flags (never changes) the uncertain obfuscations in one line of already repaired text. */
export function flagUncertain(text: string, line: number, compiled: CompiledRules): Flag[] {
	const flags: Flag[] = [];
	for (const { rule, re } of compiled.uncertain) {
		for (const m of text.matchAll(re)) {
			flags.push({
				line,
				rule: 'uncertain',
				message: `"${m[0]}" may stand for "${rule.suggest}"; left as it is. ${rule.why}`,
				text: around(text, m.index, m.index + m[0].length),
			});
		}
	}
	return flags;
}
