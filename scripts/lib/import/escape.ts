/**
 * Makes imported text inert in MDX.
 *
 * A draft is compiled by the same MDX pipeline as the site, so text from the internet
 * must not be able to run: `{…}` is a JavaScript expression, `<…>` is JSX, and a line
 * starting with `import`/`export` is an ES module statement. Markdown syntax characters
 * are escaped too, so the draft shows exactly the source's characters and the only
 * structure in it is the structure the importer chose.
 */

/** ASCII characters with a meaning in MDX or (GFM) Markdown inline syntax. */
const INLINE_SPECIAL = /[\\`*_{}[\]<>#|~$&]/g;

/** Escapes characters that MDX or Markdown would interpret anywhere in a line. */
export function escapeInline(text: string): string {
	return text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Escapes what would be interpreted at the start of a block: ESM statements, list
 * markers, setext underlines. Expects text that `escapeInline` has already escaped.
 */
export function escapeBlockStart(text: string): string {
	// A backslash before a letter is literal in Markdown, so ESM is defused with a
	// character reference instead: `&#x69;mport` renders as "import" and is not code.
	const esm = /^(import|export)\b/.exec(text);
	if (esm) return `&#x${text.charCodeAt(0).toString(16)};${text.slice(1)}`;
	const ordered = /^(\d+)([.)])/.exec(text);
	if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
	if (/^[-+=]/.test(text)) return `\\${text}`;
	return text;
}

/** Escapes a whole block's text: inline characters, then its start. */
export function escapeBlock(text: string): string {
	return escapeBlockStart(escapeInline(text));
}

/**
 * A YAML scalar for frontmatter. JSON strings are valid YAML, and JSON.stringify
 * escapes quotes, backslashes and control characters, so no value can break out.
 */
export function yamlValue(value: unknown): string {
	return JSON.stringify(value);
}
