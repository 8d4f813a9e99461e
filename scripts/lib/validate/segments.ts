/**
 * The published text of the content, cut into segments with their file line, for the
 * checks that read prose (advice, glossary): every string fact in frontmatter, and every
 * paragraph, heading, list item, table cell and flowchart line of the bodies, as the
 * site's MDX compiler reads them (`src/lib/content/outline.ts`).
 */
import type { TextSegment } from './rule-text.ts';
import { fieldLine, type ContentIndex } from './types.ts';

/** Frontmatter fields that carry published text (the rest are ids, flags, dates). */
const TEXT_FIELDS = ['title', 'description', 'meaning', 'newerMeaning', 'display', 'firstAction', 'customerLine', 'customerLineEn', 'otherNetworks', 'retiredNote', 'alsoShownAs', 'shortTitle'];

export function textSegments(index: ContentIndex): TextSegment[] {
	const segments: TextSegment[] = [];
	for (const a of index.articles) {
		const id = a.id ?? a.name;
		const family = typeof a.data['family'] === 'string' ? (a.data['family'] as string) : undefined;
		const base = { file: a.file, kind: a.kind, id, ...(family ? { family } : {}) };
		for (const field of TEXT_FIELDS) {
			const value = a.data[field];
			const values = Array.isArray(value) ? value.map((v, i) => [String(v), i] as const) : typeof value === 'string' ? [[value, undefined] as const] : [];
			for (const [text, i] of values) {
				segments.push({ ...base, where: 'facts', field, text, line: i === undefined ? fieldLine(a, field) : fieldLine(a, field, i) });
			}
		}
		for (const run of a.body.text) segments.push({ ...base, where: run.where, text: run.text, line: run.line });
	}
	for (const f of index.families) {
		for (const run of f.body.text) segments.push({ file: f.file, kind: 'family', id: f.name, family: f.name, where: run.where, text: run.text, line: run.line });
	}
	return segments;
}
