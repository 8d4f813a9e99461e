/**
 * Frontmatter as Astro reads it, plus the file line of any field.
 *
 * Astro parses frontmatter with js-yaml's default schema (`@astrojs/internal-helpers`),
 * so `reviewed: 2026-11-22` becomes a Date exactly as it does on the site. js-yaml
 * gives no positions for values, so `lineOf` finds a field's line by indentation:
 * frontmatter here is plain block YAML (keys, `- ` lists, flow lists), which that covers.
 */
import yaml from 'js-yaml';

export type FieldPath = readonly (string | number)[];

export interface Frontmatter {
	/** The parsed object; undefined when the file has no frontmatter or it is not valid YAML. */
	data: Record<string, unknown> | undefined;
	/** 1-based line of the opening `---`, or 0 when there is none. */
	startLine: number;
	/** 1-based line of the closing `---`, or 0 when there is none. */
	endLine: number;
	/** Why the frontmatter could not be read, at the line where YAML gave up. */
	error: { line: number; message: string } | undefined;
	/** The line of a field (`['sources', 1, 'url']`); the nearest existing parent when it is missing. */
	lineOf(path: FieldPath): number;
}

interface YamlLine {
	/** 1-based line in the file. */
	file: number;
	text: string;
}

const blank = (t: string) => /^\s*(?:#.*)?$/.test(t);
const leading = (t: string) => /^ */.exec(t)![0].length;
/** Column where a line's key starts: after the indentation and an optional `- `. */
const keyColumn = (t: string) => {
	const m = /^( *)(- +)?/.exec(t)!;
	return m[1]!.length + (m[2]?.length ?? 0);
};

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
	const yamlLines: YamlLine[] = lines.slice(1, close).map((t, i) => ({ file: i + 2, text: t }));
	let data: Record<string, unknown> | undefined;
	let error: Frontmatter['error'];
	try {
		const parsed = yaml.load(yamlLines.map((l) => l.text).join('\n'));
		data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
	} catch (e) {
		const err = e as { mark?: { line?: number }; reason?: string; message?: string };
		error = { line: 2 + (err.mark?.line ?? 0), message: `the frontmatter is not valid YAML: ${err.reason ?? err.message ?? String(e)}` };
	}
	return { data, startLine: 1, endLine: close + 1, error, lineOf: (path) => lineOf(yamlLines, path, 1) };
}

/**
 * Walk down `path`: a key narrows to the lines indented under it, an index to the n-th
 * `- ` item of the list there. Stops at the deepest segment it finds.
 */
function lineOf(lines: YamlLine[], path: FieldPath, fallback: number): number {
	let lo = 0;
	let hi = lines.length;
	let found = fallback;
	for (const segment of path) {
		const range = lines.slice(lo, hi);
		const first = range.find((l) => !blank(l.text));
		if (!first) return found;
		if (typeof segment === 'string') {
			const column = keyColumn(first.text);
			const re = new RegExp(`^ *(?:- +)?${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
			const i = range.findIndex((l) => keyColumn(l.text) === column && re.test(l.text));
			if (i < 0) return found;
			found = range[i]!.file;
			// The value: following lines indented deeper than the key, or `- ` items at its column.
			let end = i + 1;
			while (end < range.length) {
				const t = range[end]!.text;
				if (!blank(t) && (leading(t) < column || (leading(t) === column && !/^ *- /.test(t)))) break;
				end++;
			}
			lo = lo + i + 1;
			hi = lo + (end - i - 1);
		} else {
			const dash = Math.min(...range.filter((l) => /^ *- /.test(l.text)).map((l) => leading(l.text)));
			if (!Number.isFinite(dash)) return found;
			const items = range.map((l, i) => ({ l, i })).filter(({ l }) => /^ *- /.test(l.text) && leading(l.text) === dash);
			const item = items[segment];
			if (!item) return found;
			found = item.l.file;
			const next = items[segment + 1]?.i ?? range.length;
			hi = lo + next;
			lo = lo + item.i;
		}
	}
	return found;
}
