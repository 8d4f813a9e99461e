/**
 * The report next to the draft: every removed line, every edit inside a line, every
 * repair and every flag, each with its input line number, so an editor can check the
 * draft against the original without diffing by hand.
 */
import type { SuggestResult } from './suggest.ts';
import { printable } from './text.ts';
import type { Flag, LineEdit, LinkNote, RemovedLine, Repair } from './types.ts';

export interface ReportInput {
	file: string;
	bytes: number;
	inputLines: number;
	format: string;
	encoding: string;
	draftFile: string;
	title: string;
	removed: RemovedLine[];
	edits: LineEdit[];
	repairs: Repair[];
	flags: Flag[];
	links: LinkNote[];
	suggestions: SuggestResult;
}

/**
 * Source text as a code span, so the report shows it exactly and nothing in it renders;
 * control characters (a newline in a file name) are written as escapes, so no line of
 * the report can be forged.
 */
export function quote(raw: string): string {
	const text = printable(raw);
	if (text === '') return '(empty)';
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
	const fence = '`'.repeat(longest + 1);
	const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

const byLine = <T extends { line: number }>(items: T[]) => [...items].sort((a, b) => a.line - b.line);

function section(title: string, items: string[], none: string): string[] {
	return ['', `## ${title} (${items.length})`, '', ...(items.length > 0 ? items : [none])];
}

export function renderReport(r: ReportInput): string {
	const s = r.suggestions;
	const suggested = [
		`kind ${s.kind ?? '(none)'}`,
		s.code ? `code ${s.code}` : undefined,
		s.symptom ? `symptom ${s.symptom}` : undefined,
		s.category ? `category ${s.category}` : undefined,
		`categories ${s.categories.join(', ') || '(none)'}`,
	].filter((x) => x !== undefined);
	const out = [
		`# Import report: ${quote(r.file)}`,
		'',
		`- Input: ${quote(r.file)}, ${r.bytes} bytes, ${r.inputLines} lines, format ${r.format}`,
		`- Encoding: ${r.encoding}`,
		`- Draft: ${quote(r.draftFile)} (draft: true; never built)`,
		`- Title: ${quote(r.title)}`,
		`- Suggested: ${suggested.join('; ')}`,
		`- Removed lines: ${r.removed.length}; line edits: ${r.edits.length}; repairs: ${r.repairs.length}; flags: ${r.flags.length}`,
		'',
		'Line numbers (L) are lines of the input file. Removed lines are shown as they were in the input, before repairs.',
	];
	out.push(...section('Removed lines', byLine(r.removed).map((x) => `- L${x.line} · ${x.rule} · ${x.reason} — ${quote(x.text)}`), 'Nothing was removed.'));
	out.push(...section('Line edits', byLine(r.edits).map((x) => `- L${x.line} · ${x.reason} — ${quote(x.before)} → ${quote(x.after)}`), 'No line was edited.'));
	out.push(
		...section(
			'Repairs',
			byLine(r.repairs).map((x) => `- L${x.line} · ${x.kind} ${quote(x.find)} → ${quote(x.replace)} — ${quote(x.before)} → ${quote(x.after)} (${x.why})`),
			'No known obfuscation was found.',
		),
	);
	out.push(...section('Flags (text left as it is; an editor decides)', byLine(r.flags).map((x) => `- L${x.line} · ${x.rule} · ${x.message} — ${quote(x.text)}`), 'Nothing was flagged.'));
	out.push(...section('Suggestions', s.evidence.map((e) => `- ${e.field} = ${e.value} · L${e.line} — ${quote(e.evidence)}`), 'Nothing to suggest.'));
	out.push(
		...section(
			'Links',
			byLine(r.links).map((l) => `- L${l.line} · ${quote(l.url)} · ${l.citation ? 'allow-listed citation, added to the draft sources' : 'removed'}`),
			'No links.',
		),
	);
	return `${out.join('\n')}\n`;
}
