/**
 * Known obfuscations → the words they stand for, from `normalization.json`.
 *
 * Certain repairs (`obfuscations`, then `contextual`) are applied and recorded with a
 * little context on both sides; uncertain ones are only flagged. Each kind of rule runs
 * in a single pass, so a repair can never create the text of another repair of the
 * same kind, and importing twice gives the same draft.
 */
import { maskNotBrand, type CompiledRules, type ReplacementRule } from '../rules/normalization.ts';
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

/** Ends of a list item or clause, and of a sentence. */
const ITEM_SEPARATOR = /[、,，;；:：]/u;
const SENTENCE_END = /[。!！?？]/u;

/**
 * The span to remove for an unrecoverable word at [start, end): its list item or clause.
 * With a separator before it, that separator goes too (比如A、B、C被办pos等。 → 比如A、B。);
 * at the start of a sentence the separator after it goes instead, and a clause that is
 * the whole sentence goes with its full stop.
 */
function itemAround(text: string, start: number, end: number): [number, number] {
	let left = start;
	while (left > 0 && !ITEM_SEPARATOR.test(text[left - 1]!) && !SENTENCE_END.test(text[left - 1]!)) left--;
	let right = end;
	while (right < text.length && !ITEM_SEPARATOR.test(text[right]!) && !SENTENCE_END.test(text[right]!)) right++;
	if (left > 0 && ITEM_SEPARATOR.test(text[left - 1]!)) return [left - 1, right];
	if (right < text.length) return [left, right + 1];
	return [left, right];
}

/**
 * The repairs made on the lines a draft keeps, after cleaning: clauses holding an
 * unrecoverable word are removed, and brands are removed or replaced (`brandStandIn`).
 * Each is returned as a repair, so the report lists it with its input line.
 */
export function repairKept(text: string, line: number, compiled: CompiledRules): RepairResult {
	const repairs: Repair[] = [];
	let current = text;
	for (const { rule, re } of compiled.unrecoverable) {
		// One removal at a time: each removes at least the match, so this ends.
		for (let m = current.match(new RegExp(re.source, 'u')); m && m.index !== undefined; m = current.match(new RegExp(re.source, 'u'))) {
			const [from, to] = itemAround(current, m.index, m.index + m[0].length);
			const after = current.slice(0, from) + current.slice(to);
			repairs.push({
				line,
				kind: 'unrecoverable',
				find: rule.find,
				replace: '',
				before: around(current, from, to),
				after: around(after, from, from),
				why: `removed ${JSON.stringify(current.slice(from, to))}: ${rule.why}`,
			});
			current = after;
		}
	}
	const standIn = compiled.rules.brandStandIn;
	if (standIn && compiled.brand) {
		// The mask keeps UTF-16 lengths, so indexes in the masked text are indexes in `current`.
		const masked = maskNotBrand(current, compiled);
		let out = '';
		let last = 0;
		for (const m of masked.matchAll(compiled.brand)) {
			const start = m.index;
			const end = start + m[0].length;
			let replace = standIn.otherwise;
			if (compiled.brandProduct) {
				compiled.brandProduct.lastIndex = end;
				if (compiled.brandProduct.test(current)) replace = '';
			}
			// Two brands in a row (拉卡拉立刷POS机) must not become 收单机构收单机构.
			if (replace !== '' && out.endsWith(replace) && last === start) replace = '';
			out += current.slice(last, start) + replace;
			const afterText = out + current.slice(end);
			repairs.push({
				line,
				kind: 'brand',
				find: m[0],
				replace,
				before: around(current, start, end),
				after: around(afterText, out.length - replace.length, out.length),
				why: standIn.why,
			});
			last = end;
		}
		current = out + current.slice(last);
	}
	return { text: current, repairs };
}
