/**
 * The draft file: YAML frontmatter (every value written as JSON, which YAML reads
 * unchanged, so no source text can break out of a value) and the structured body.
 */
import { yamlValue } from './escape.ts';
import type { Block } from './structure.ts';
import type { SuggestResult } from './suggest.ts';

export interface DraftSource {
	title: string;
	url?: string;
	note: string;
}

export interface DraftInput {
	title: string;
	description: string;
	suggestions: SuggestResult;
	sources: DraftSource[];
	imported: { file: string; encoding: string; report: string };
	body: string;
}

const DESCRIPTION_CHARS = 60;

/** "待编辑:" and the first sentence of the first paragraph, for the editor to rewrite. */
export function draftDescription(blocks: Block[]): string {
	const first = blocks.find((b) => b.type === 'paragraph') ?? blocks.find((b) => b.type === 'item');
	const text = first?.text ?? '';
	const sentence = /^[^。!！?？]*[。!！?？]?/u.exec(text)?.[0] ?? text;
	const chars = [...sentence];
	return `待编辑:${chars.length > DESCRIPTION_CHARS ? `${chars.slice(0, DESCRIPTION_CHARS).join('')}…` : sentence}`;
}

export function renderDraft(d: DraftInput): string {
	const s = d.suggestions;
	const fm: string[] = ['---', 'draft: true', `title: ${yamlValue(d.title)}`, `description: ${yamlValue(d.description)}`, `kind: ${yamlValue(s.kind ?? null)}`];
	if (s.kind === 'code' && s.code) fm.push(`code: ${yamlValue(s.code)}`);
	if (s.kind === 'symptom' && s.symptom) fm.push(`symptom: ${yamlValue(s.symptom)}`);
	if (s.kind === 'cause' && s.category) fm.push(`category: ${yamlValue(s.category)}`);
	fm.push(`categories: ${yamlValue(s.categories)}`, 'reviewed: null', 'sources:');
	for (const source of d.sources) fm.push(`  - ${yamlValue(source)}`);
	if (s.evidence.length === 0) fm.push('suggestions: []');
	else {
		fm.push('suggestions:');
		for (const e of s.evidence) fm.push(`  - ${yamlValue({ field: e.field, value: e.value, line: e.line, evidence: e.evidence })}`);
	}
	fm.push(`imported: ${yamlValue(d.imported)}`, '---');
	return `${fm.join('\n')}\n\n${d.body}\n`;
}
