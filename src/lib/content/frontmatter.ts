/**
 * Frontmatter as Astro reads it, plus the exact file line of every field.
 *
 * Values come from js-yaml's default schema, as Astro parses them
 * (`@astrojs/internal-helpers`), so `reviewed: 2026-11-22` becomes a Date exactly as it does
 * on the site. Positions come from the `yaml` package's document model and `LineCounter`,
 * which knows the range of every node: no line is guessed from indentation or regexes.
 * The same two parsers read `content/codes.yaml` and the other data files (`readYamlFile`).
 */
import yaml from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export type FieldPath = readonly (string | number)[];

export interface Frontmatter {
	/** The parsed object; undefined when the file has no frontmatter or it is not valid YAML. */
	data: Record<string, unknown> | undefined;
	/** 1-based line of the opening `---`, or 0 when there is none. */
	startLine: number;
	/** 1-based line of the closing `---`, or 0 when there is none. */
	endLine: number;
	/** Why the frontmatter could not be read, at the line (and column) where YAML gave up. */
	error: { line: number; column?: number | undefined; message: string } | undefined;
	/** The line of a field (`['sources', 1, 'url']`); the nearest existing parent when it is missing. */
	lineOf(path: FieldPath): number;
}

/** A YAML text read for its values and positions. `offsetLine` is added to every line. */
export interface YamlText {
	data: unknown;
	error: { line: number; column?: number | undefined; message: string } | undefined;
	lineOf(path: FieldPath): number;
}

/**
 * Parse YAML for values (js-yaml, as Astro) and positions (yaml + LineCounter).
 * @param firstLine the file line of the text's first line (2 for frontmatter after `---`)
 */
export function readYaml(text: string, firstLine = 1): YamlText {
	const counter = new LineCounter();
	let doc: Document | undefined;
	try {
		doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	} catch {
		doc = undefined;
	}
	const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
	const lineOf = (path: FieldPath): number => {
		if (!doc) return firstLine;
		let node: unknown = doc.contents;
		let line = firstLine;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
				if (!pair) break;
				const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
				if (keyRange) line = lineAt(keyRange[0]);
				node = pair.value;
			} else if (isSeq(node) && typeof key === 'number') {
				const item = node.items[key] as { range?: [number, number, number] } | undefined;
				if (!item) break;
				if (item.range) line = lineAt(item.range[0]);
				node = item;
			} else break;
		}
		return line;
	};
	// The yaml package is stricter than js-yaml in a few places (duplicate keys); report its
	// first error with its position, since Astro would fail or silently keep one of them.
	const docError = doc?.errors[0];
	if (docError) {
		const pos = counter.linePos(docError.pos[0]);
		return { data: undefined, error: { line: pos.line + firstLine - 1, column: pos.col, message: docError.message.split('\n')[0]! }, lineOf };
	}
	try {
		return { data: yaml.load(text), error: undefined, lineOf };
	} catch (e) {
		const mark = (e as { mark?: { line: number; column: number } }).mark;
		const reason = (e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0]!;
		return { data: undefined, error: { line: (mark?.line ?? 0) + firstLine, column: mark ? mark.column + 1 : undefined, message: reason }, lineOf };
	}
}

export function parseFrontmatter(text: string): Frontmatter {
	const lines = text.split('\n');
	const open = lines[0]?.replace(/^\uFEFF/, '').trimEnd();
	const close = open === '---' ? lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---') : -1;
	if (close < 0) {
		return {
			data: undefined,
			startLine: 0,
			endLine: 0,
			error: { line: 1, message: 'the file has no frontmatter (a block between two `---` lines at the top)' },
			lineOf: () => 1,
		};
	}
	const parsed = readYaml(lines.slice(1, close).join('\n'), 2);
	const isObject = parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data);
	return {
		data: parsed.error || !isObject ? undefined : (parsed.data as Record<string, unknown>),
		startLine: 1,
		endLine: close + 1,
		error: parsed.error ? { ...parsed.error, message: `the frontmatter is not valid YAML: ${parsed.error.message}` } : isObject ? undefined : { line: 2, message: 'the frontmatter must be a list of `field: value` lines' },
		lineOf: parsed.lineOf,
	};
}
