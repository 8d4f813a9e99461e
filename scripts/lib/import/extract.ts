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
	const charset = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(html)?.[1];
	if (charset) result.declaredCharset = charset.toLowerCase();
	const titleMatch = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
	const htmlTitle = titleMatch ? { line: lineAt(titleMatch.index), text: decodeEntities(titleMatch[1] ?? '').replace(/\s+/g, ' ').trim() } : undefined;

	let buffer = '';
	let bufferLine = 0;
	let prefix = '';
	/** Ends the current text block. An empty block keeps the prefix: `<li><p>…` is still a list item. */
	const flush = () => {
		const text = buffer.replace(/\s+/g, ' ').replace(SPACE_BETWEEN_CJK, '').trim();
		buffer = '';
		if (text === '') return;
		raw.push({ line: bufferLine, text: prefix + text });
		prefix = '';
	};

	const TOKEN =
		/<!--[\s\S]*?(?:-->|$)|<(script|style|noscript|template|svg|iframe|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-z][a-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<![^>]*>|<\?[^>]*>|[^<]+|</gi;
	let line = 1;
	for (const m of html.matchAll(TOKEN)) {
		const token = m[0];
		const startLine = line;
		line += countNewlines(token);
		if (token.startsWith('<!--')) {
			const inner = token.replace(/^<!--|-->$/g, '').replace(/\s+/g, ' ').trim();
			if (inner) removed.push({ line: startLine, text: inner, rule: 'markup', reason: 'HTML comment' });
			continue;
		}
		const skipped = m[1];
		if (skipped) {
			const tag = skipped.toLowerCase();
			// <title> is read separately above (and reported there if it is not used).
			if (tag !== 'title') removed.push({ line: startLine, text: `<${tag}> … </${tag}>`, rule: 'markup', reason: `HTML <${tag}> block (lines ${startLine}–${line})` });
			continue;
		}
		const tagName = m[3]?.toLowerCase();
		if (tagName) {
			const closing = m[2] === '/';
			const attrs = m[4] ?? '';
			if (tagName === 'a' && !closing) {
				const href = attr(attrs, 'href');
				if (href && !href.startsWith('#') && !/^javascript:/i.test(href)) {
					const citation = isCitationUrl(href, citationDomains);
					links.push({ line: startLine, url: href, citation });
					edits.push({ line: startLine, before: `href="${href}"`, after: '', reason: citation ? 'link target moved to the draft sources' : 'link target removed' });
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
		if (token.startsWith('<')) {
			// Doctype, processing instruction or a lone "<": markup, not text.
			if (token !== '<') continue;
		}
		const firstVisible = token.search(/\S/);
		if (firstVisible === -1) {
			buffer += ' ';
			continue;
		}
		if (buffer.trim() === '') bufferLine = startLine + countNewlines(token.slice(0, firstVisible));
		buffer += decodeEntities(token);
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
