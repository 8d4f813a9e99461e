/**
 * Text → numbered lines, per input format.
 *
 * Whatever the format, the rest of the pipeline sees the same thing: a title and a list
 * of non-blank, trimmed lines, each with the input line it starts on. Markdown and HTML
 * block structure survives as Markdown-like prefixes (`## `, `- `) that `structure.ts`
 * recognises; inline markup is dropped. Links lose their target, which is recorded
 * (and kept as a source when it points to an allow-listed citation host).
 */
import { isCitationUrl } from '../rules/patterns.ts';
import type { Format, LineEdit, LinkNote, RemovedLine, SourceLine } from './types.ts';

export interface Extracted {
	/** The document's title as written, if one was found. */
	title?: SourceLine;
	/** Body lines: trimmed, non-blank, title excluded. */
	lines: SourceLine[];
	removed: RemovedLine[];
	edits: LineEdit[];
	links: LinkNote[];
	/** The charset an HTML document declares, if any (compared with what was detected). */
	declaredCharset?: string;
}

export function formatOf(fileName: string): Format | undefined {
	const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (ext === 'txt' || ext === 'text') return 'txt';
	if (ext === 'md' || ext === 'markdown') return 'md';
	if (ext === 'html' || ext === 'htm') return 'html';
	return undefined;
}

/** Zero-width and soft-hyphen characters: invisible, and used to dodge keyword filters. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

function splitLines(text: string): SourceLine[] {
	return text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t.replace(/[\u2028\u2029]/g, ' ') }));
}

/** Trims, drops blank lines and strips invisible characters (recording that it did). */
function tidy(lines: SourceLine[], edits: LineEdit[]): SourceLine[] {
	const out: SourceLine[] = [];
	for (const l of lines) {
		let text = l.text;
		const invisible = text.match(INVISIBLE);
		if (invisible) {
			text = text.replace(INVISIBLE, '');
			edits.push({ line: l.line, before: l.text.trim(), after: text.trim(), reason: `removed ${invisible.length} invisible character(s)` });
		}
		text = text.trim();
		if (text !== '') out.push({ line: l.line, text });
	}
	return out;
}

/** Markdown inline markup → plain text; links and images are recorded, not silently dropped. */
function markdownInline(l: SourceLine, citationDomains: string[], edits: LineEdit[], links: LinkNote[]): SourceLine {
	let text = l.text.replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/g, (whole, alt: string, url: string) => {
		links.push({ line: l.line, url, citation: isCitationUrl(url, citationDomains) });
		edits.push({ line: l.line, before: whole, after: '', reason: `image removed${alt ? ` (alt text "${alt}")` : ''}` });
		return '';
	});
	text = text.replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g, (whole, label: string, url: string) => {
		const citation = isCitationUrl(url, citationDomains);
		links.push({ line: l.line, url, citation });
		edits.push({ line: l.line, before: whole, after: label, reason: citation ? 'link target moved to the draft sources' : 'link target removed' });
		return label;
	});
	// Emphasis and code spans are formatting, not content; the editor re-applies them.
	text = text.replace(/\*\*|__|`+/g, '');
	return { line: l.line, text };
}

function fromMarkdown(text: string, citationDomains: string[]): Extracted {
	const edits: LineEdit[] = [];
	const links: LinkNote[] = [];
	const removed: RemovedLine[] = [];
	let raw = splitLines(text);
	// Source frontmatter belongs to another site; keep it only in the report.
	if (/^---\s*$/.test(raw[0]?.text ?? '')) {
		const end = raw.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
		if (end > 0) {
			for (const l of raw.slice(0, end + 1)) {
				if (l.text.trim() !== '') removed.push({ line: l.line, text: l.text, rule: 'markup', reason: 'frontmatter of the source document' });
			}
			raw = raw.slice(end + 1);
		}
	}
	const lines = tidy(raw, edits).map((l) => markdownInline(l, citationDomains, edits, links)).filter((l) => l.text.trim() !== '');
	const first = lines.shift();
	const result: Extracted = { lines, removed, edits, links };
	if (first) result.title = { line: first.line, text: first.text.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '') };
	return result;
}

function fromText(text: string): Extracted {
	const edits: LineEdit[] = [];
	const lines = tidy(splitLines(text), edits);
	const first = lines.shift();
	const result: Extracted = { lines, removed: [], edits, links: [] };
	if (first) result.title = first;
	return result;
}

const ENTITIES: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
	ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', hellip: '…', mdash: '—', ndash: '–', middot: '·',
	times: '×', copy: '©', reg: '®', yen: '¥', laquo: '«', raquo: '»', bull: '•',
};

export function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
		}
		return ENTITIES[body.toLowerCase()] ?? whole;
	});
}

const BLOCK_TAGS = new Set(
	'address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul caption details summary center'.split(' '),
);
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’';
/**
 * HTML source wraps lines anywhere; between Chinese characters (or Chinese and the
 * ASCII punctuation SEO text uses in its place) that wrap is not a space.
 */
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK},.;:!?()])|(?<=[${CJK}][,.;:!?()])\\s+(?=[${CJK}])`, 'gu');

function attr(attrs: string, name: string): string | undefined {
	const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
	return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

function countNewlines(s: string): number {
	let n = 0;
	for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
	return n;
}

/**
 * A small HTML → lines converter. It is not a full HTML parser: it only needs block
 * boundaries, headings, list items, links and the input line of every text run, and a
 * regex tokenizer gives the line numbers exactly.
 */
function fromHtml(html: string, citationDomains: string[]): Extracted {
	const removed: RemovedLine[] = [];
	const edits: LineEdit[] = [];
	const links: LinkNote[] = [];
	const raw: SourceLine[] = [];
	const lineAt = (index: number) => countNewlines(html.slice(0, index)) + 1;

	const result: Extracted = { lines: raw, removed, edits, links };
	// Bounded and `<`-free, so a page of unclosed `<meta` cannot make this quadratic.
	const charset = /<meta[^<>]{0,1000}?charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(html)?.[1];
	if (charset) result.declaredCharset = charset.toLowerCase();
	// Only searched when a closing tag exists: otherwise every `<title>` would scan to the end.
	const titleMatch = /<\/title\s*>/i.test(html) ? /<title\b[^<>]*>([\s\S]*?)<\/title\s*>/i.exec(html) : null;
	const htmlTitle = titleMatch ? { line: lineAt(titleMatch.index), text: decodeEntities(titleMatch[1] ?? '').replace(/\s+/g, ' ').trim() } : undefined;

	let buffer = '';
	let bufferLine = 0;
	/** True once the buffer holds a non-blank text run (its first line is `bufferLine`). */
	let bufferHasText = false;
	let prefix = '';
	/** Ends the current text block. An empty block keeps the prefix: `<li><p>…` is still a list item. */
	const flush = () => {
		const text = buffer.replace(/\s+/g, ' ').replace(SPACE_BETWEEN_CJK, '').trim();
		buffer = '';
		bufferHasText = false;
		if (text === '') return;
		raw.push({ line: bufferLine, text: prefix + text });
		prefix = '';
	};

	/*
	 * One token at a time, each found by a sticky pattern at the current position, so the
	 * whole input is scanned about once. Nothing may rescan to the end of the input from
	 * every `<` (that was quadratic, probe I10): a tag's unquoted part stops at the next
	 * `<`, and a search for a closing `</script>`, `-->` or `</iframe>` that failed once is
	 * remembered, so it is not repeated for the next opener.
	 */
	const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>/iy;
	const RAW_OPEN = /<(script|style|noscript|template|svg|iframe|title)\b((?:[^<>"']|"[^"]*"|'[^']*')*)>/iy;
	const OTHER = /<![^<>]*>|<\?[^<>]*>/y;
	const TEXT = /[^<]+/y;
	/** Position after which a given closer does not occur (searched once, then known). */
	const absentAfter = new Map<string, number>();
	const findFrom = (closer: RegExp, key: string, from: number): RegExpExecArray | undefined => {
		const known = absentAfter.get(key);
		if (known !== undefined && from >= known) return undefined;
		closer.lastIndex = from;
		const m = closer.exec(html);
		if (!m) absentAfter.set(key, from);
		return m ?? undefined;
	};
	let line = 1;
	let pos = 0;
	const at = (re: RegExp) => {
		re.lastIndex = pos;
		return re.exec(html);
	};
	while (pos < html.length) {
		const startLine = line;
		const advance = (end: number) => {
			line += countNewlines(html.slice(pos, end));
			pos = end;
		};
		if (html.startsWith('<!--', pos)) {
			const close = findFrom(/-->/g, '-->', pos + 4);
			const end = close ? close.index + 3 : html.length;
			const inner = html.slice(pos + 4, close ? close.index : end).replace(/\s+/g, ' ').trim();
			advance(end);
			if (inner) removed.push({ line: startLine, text: inner, rule: 'markup', reason: 'HTML comment' });
			continue;
		}
		const raw = html[pos] === '<' ? at(RAW_OPEN) : null;
		if (raw) {
			const tag = raw[1]!.toLowerCase();
			const openEnd = pos + raw[0].length;
			const selfClosed = /\/\s*$/.test(raw[2] ?? '');
			const close = selfClosed ? undefined : findFrom(new RegExp(`</${tag}\\s*>`, 'gi'), tag, openEnd);
			if (selfClosed || !close) {
				// A self-closed or never-closed block: only its tag goes, the text after it stays (probe I21).
				advance(openEnd);
				if (tag !== 'title') {
					const why = selfClosed ? 'self-closed' : 'never closed; the text after it was kept';
					removed.push({ line: startLine, text: `<${tag}>`, rule: 'markup', reason: `HTML <${tag}> tag (${why})` });
				}
				continue;
			}
			advance(close.index + close[0].length);
			// <title> is read separately above (and reported there if it is not used).
			if (tag !== 'title') {
				const span = line > startLine ? `lines ${startLine}–${line}, ${line - startLine + 1} lines` : `line ${startLine}`;
				removed.push({ line: startLine, text: `<${tag}> … </${tag}>`, rule: 'markup', reason: `HTML <${tag}> block (${span})` });
			}
			continue;
		}
		const m = html[pos] === '<' ? at(TAG) : null;
		if (m) {
			advance(pos + m[0].length);
			const tagName = m[2]!.toLowerCase();
			const closing = m[1] === '/';
			const attrs = m[3] ?? '';
			if (tagName === 'a' && !closing) {
				const href = attr(attrs, 'href');
				if (href && !href.startsWith('#')) {
					if (/^\s*(?:javascript|data|vbscript):/i.test(href)) {
						edits.push({ line: startLine, before: `href="${href}"`, after: '', reason: 'script or data link removed' });
					} else {
						const citation = isCitationUrl(href, citationDomains);
						links.push({ line: startLine, url: href, citation });
						edits.push({ line: startLine, before: `href="${href}"`, after: '', reason: citation ? 'link target moved to the draft sources' : 'link target removed' });
					}
				}
			} else if (tagName === 'img') {
				const alt = attr(attrs, 'alt');
				edits.push({ line: startLine, before: `<img src="${attr(attrs, 'src') ?? ''}">`, after: '', reason: `image removed${alt ? ` (alt text "${alt}")` : ''}` });
			} else if ((tagName === 'td' || tagName === 'th') && !closing) {
				buffer += ' ';
			} else if (BLOCK_TAGS.has(tagName)) {
				flush();
				const prefixed = tagName === 'li' || /^h[1-6]$/.test(tagName);
				if (prefixed) prefix = closing ? '' : tagName === 'li' ? '- ' : `${'#'.repeat(Number(tagName[1]))} `;
			}
			continue;
		}
		const other = html[pos] === '<' ? at(OTHER) : null;
		if (other) {
			// Doctype or processing instruction: markup, not text.
			advance(pos + other[0].length);
			continue;
		}
		// Text, or a lone "<" that starts nothing (kept as text, like a browser does).
		const text = html[pos] === '<' ? '<' : at(TEXT)![0];
		advance(pos + text.length);
		const firstVisible = text.search(/\S/);
		if (firstVisible === -1) {
			buffer += ' ';
			continue;
		}
		// A flag, not `buffer.trim() === ''`: trimming a growing buffer per token is quadratic.
		if (!bufferHasText) bufferLine = startLine + countNewlines(text.slice(0, firstVisible));
		bufferHasText = true;
		buffer += decodeEntities(text);
	}
	flush();

	// Assigned, not pushed with a spread: a 5 MB page can have more lines than a call has arguments.
	result.lines = tidy(raw, edits);
	const body = result.lines;
	const h1 = body.findIndex((l) => /^#\s/.test(l.text));
	if (h1 !== -1) {
		const [heading] = body.splice(h1, 1);
		result.title = { line: heading!.line, text: heading!.text.replace(/^#\s+/, '') };
		if (htmlTitle && htmlTitle.text !== '' && htmlTitle.text !== result.title.text) {
			removed.push({ line: htmlTitle.line, text: htmlTitle.text, rule: 'markup', reason: 'HTML <title> (the <h1> is used as the title)' });
		}
	} else if (htmlTitle && htmlTitle.text !== '') {
		result.title = htmlTitle;
	} else {
		const first = body.shift();
		if (first) result.title = first;
	}
	return result;
}

export function extract(text: string, format: Format, citationDomains: string[]): Extracted {
	if (format === 'html') return fromHtml(text, citationDomains);
	if (format === 'md') return fromMarkdown(text, citationDomains);
	return fromText(text);
}
