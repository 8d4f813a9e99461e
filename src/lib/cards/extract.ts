/**
 * Take a printed card's text out of an article's raw MDX body, so authors write each
 * step once. Pure functions: no Astro, no file system, so they are unit-tested directly.
 *
 * Authors write (see `src/user-components/RoleSteps.astro` and `Warning.astro`):
 *
 *   <RoleSteps role="merchant">
 *   1. First step. More detail.
 *   2. …
 *   </RoleSteps>
 *
 *   <Warning title="Headline">Body text.</Warning>
 *
 * The card keeps each step's first sentence, as plain text.
 */
import type { Role } from '../../schemas/common.ts';
import { mermaidBlocks } from '../flowchart/validate.ts';

export type StepRole = Exclude<Role, 'nobody'>;

export interface RoleStepList {
	role: StepRole;
	/** The steps as written, Markdown stripped, in order. */
	steps: string[];
}

export interface CardWarning {
	title: string;
	/** The body as plain text (all sentences). */
	text: string;
}

/** The title `<Warning>` shows when the author gives none (keep in step with Warning.astro). */
export const DEFAULT_WARNING_TITLE = '当心：这一步做错会造成资金损失';

const ROLES: readonly StepRole[] = ['cardholder', 'merchant', 'acquirer', 'issuer', 'technician'];

/** A Chinese character or full-width punctuation mark, as a regular expression class. */
const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’]';

/** Full-width punctuation (，。：；、！？（）and the like). */
const FULL_WIDTH_PUNCT = '[\\u3001-\\u3003\\u3008-\\u3011\\uff01\\uff08\\uff09\\uff0c\\uff1a\\uff1b\\uff1f]';

/**
 * Markdown and MDX inline syntax → plain text: links keep their text, emphasis and code
 * marks go, inline components (`<Inference>…</Inference>`) keep their content, HTML
 * entities the authors use are decoded, and runs of white space become one space.
 */
export function stripMarkdown(text: string): string {
	return (
		text
			// Images go entirely; links keep their text.
			.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
			.replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
			.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
			// MDX expressions such as {' '} and JSX comments.
			.replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '')
			.replace(/\{\s*(['"])(.*?)\1\s*\}/g, '$2')
			// Tags (inline components, <br />, <kbd>): keep what is between them.
			.replace(/<\/?[A-Za-z][^<>]*>/g, '')
			.replace(/(\*\*|__)(.+?)\1/g, '$2')
			.replace(/(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])/g, '$1')
			.replace(/(?<![\w_])_(?!\s)([^_]+?)_(?![\w_])/g, '$1')
			.replace(/`([^`]*)`/g, '$1')
			.replace(/~~(.+?)~~/g, '$1')
			.replace(/&nbsp;/g, ' ')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&')
			.replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
			// Chinese has no spaces between characters: a line break inside a paragraph
			// between two Chinese characters (or full-width punctuation) joins them directly.
			.replace(new RegExp(`(?<=${CJK})[ \\t]*\\n\\s*(?=${CJK})`, 'g'), '')
			.replace(/\s+/g, ' ')
			// Nor is there a space next to full-width punctuation ("**注意：** 先…" → "注意：先…").
			.replace(new RegExp(`(?<=${FULL_WIDTH_PUNCT}) | (?=${FULL_WIDTH_PUNCT})`, 'g'), '')
			.trim()
	);
}

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '(': ')', '「': '」', '《': '》', '【': '】' };
const CLOSERS = new Set(Object.values(OPENERS));

/**
 * Split plain text into sentences: each ends at 。！？ (or `. ` / `! ` / `? ` in Latin
 * text) that is not inside quotes or brackets, closing quotes after the mark included.
 */
export function sentences(text: string): string[] {
	const out: string[] = [];
	const stack: string[] = [];
	const chars = [...text];
	let start = 0;
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		if (OPENERS[c] && !(c === '“' && stack.at(-1) === '“')) {
			stack.push(c);
			continue;
		}
		if (CLOSERS.has(c)) {
			const open = stack.findLastIndex((o) => OPENERS[o] === c);
			if (open >= 0) stack.length = open;
			continue;
		}
		if (stack.length > 0) continue;
		const latinEnd = (c === '.' || c === '!' || c === '?') && (i + 1 === chars.length || chars[i + 1] === ' ');
		if (c === '。' || c === '！' || c === '？' || latinEnd) {
			let end = i + 1;
			while (end < chars.length && CLOSERS.has(chars[end]!)) end++;
			const sentence = chars.slice(start, end).join('').trim();
			if (sentence) out.push(sentence);
			start = end;
			i = end - 1;
		}
	}
	const rest = chars.slice(start).join('').trim();
	if (rest) out.push(rest);
	return out;
}

/** The first sentence of plain text; text without a sentence end is returned whole. */
export function firstSentence(text: string): string {
	return sentences(text)[0] ?? '';
}

/**
 * A step as the card prints it: plain text, first sentence only. A first sentence that
 * is only a lead-in ("情况一：看终端的提示。", under `minChars` characters) keeps the
 * next sentence too, so the card never prints a step with nothing to do in it.
 */
export function shortenStep(markdown: string, minChars = 14): string {
	let out = '';
	for (const s of sentences(stripMarkdown(markdown))) {
		out += s;
		if ([...out].length >= minChars) break;
	}
	return out;
}

/** Items of a Markdown ordered list (continuation lines and nested lists folded in). */
export function orderedListItems(markdown: string): string[] {
	const items: string[] = [];
	let current: string[] | undefined;
	for (const line of markdown.split('\n')) {
		const start = /^\s{0,3}\d+[.)]\s+(.*)$/.exec(line);
		if (start) {
			if (current) items.push(current.join('\n'));
			current = [start[1]!];
		} else if (current && line.trim() !== '') {
			// Nested list items become part of the step's text, without their bullet.
			current.push(line.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, ''));
		}
	}
	if (current) items.push(current.join('\n'));
	return items;
}

/** Attribute value from a JSX opening tag's attribute text, for `name="…"` or `name='…'`. */
function attribute(attrs: string, name: string): string | undefined {
	const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["']([^"']*)["']\\s*\\})`).exec(attrs);
	return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Blocks `<Tag …>inner</Tag>` of an MDX body, in order, outside code fences. */
function componentBlocks(mdx: string, tag: string): { attrs: string; inner: string; line: number }[] {
	const source = withoutFences(mdx);
	const blocks: { attrs: string; inner: string; line: number }[] = [];
	const re = new RegExp(`<${tag}((?:\\s[^>]*?)?)(\\/?)>`, 'g');
	for (let m = re.exec(source); m; m = re.exec(source)) {
		const attrs = m[1] ?? '';
		const line = source.slice(0, m.index).split('\n').length;
		if (m[2] === '/') {
			blocks.push({ attrs, inner: '', line });
			continue;
		}
		const close = source.indexOf(`</${tag}>`, re.lastIndex);
		if (close < 0) throw new Error(`line ${line}: <${tag}> is not closed — add </${tag}>`);
		blocks.push({ attrs, inner: source.slice(re.lastIndex, close), line });
		re.lastIndex = close + tag.length + 3;
	}
	return blocks;
}

/** Code fences blanked out (same line count), so examples inside them are never read as components. */
function withoutFences(mdx: string): string {
	let inFence = false;
	return mdx
		.split('\n')
		.map((line) => {
			if (/^\s*(```|~~~)/.test(line)) {
				inFence = !inFence;
				return '';
			}
			return inFence ? '' : line;
		})
		.join('\n');
}

/** Every `<RoleSteps role="…">` list in the body, in the author's order, steps stripped to plain text. */
export function roleStepsFromMdx(mdx: string): RoleStepList[] {
	return componentBlocks(mdx, 'RoleSteps').map(({ attrs, inner, line }) => {
		const role = attribute(attrs, 'role');
		if (!role || !(ROLES as readonly string[]).includes(role)) {
			throw new Error(`line ${line}: <RoleSteps> needs role="${ROLES.join('|')}", got ${role ? `"${role}"` : 'none'}`);
		}
		return { role: role as StepRole, steps: orderedListItems(inner).map(stripMarkdown).filter((s) => s.length > 0) };
	});
}

/** Every `<Warning>` in the body: its title (or the default) and its text. */
export function warningsFromMdx(mdx: string): CardWarning[] {
	return componentBlocks(mdx, 'Warning').map(({ attrs, inner }) => ({
		title: stripMarkdown(attribute(attrs, 'title') ?? DEFAULT_WARNING_TITLE),
		text: stripMarkdown(inner),
	}));
}

/** True when the body places the shared family text (`<Family />`). */
export function usesFamily(mdx: string): boolean {
	return componentBlocks(mdx, 'Family').length > 0;
}

/**
 * The card's flowchart: the first ```mermaid block that is a flowchart (the article's
 * 判断流程). Undefined when the article has none.
 */
export function cardFlowchartSource(mdx: string): string | undefined {
	return mermaidBlocks(mdx).find((b) => /^\s*(?:flowchart|graph)\s/m.test(b.source.trimStart().split('\n')[0] ?? ''))?.source;
}
