/**
 * Take a printed card's text out of an article's MDX body, so authors write each step
 * once. The body is read through the site's own compiler (`src/lib/content/outline.ts`),
 * never by pattern matching. Pure functions: no Astro, no file system.
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
import { outline, tidyText, type Outline } from '../content/outline.ts';

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

export { DEFAULT_WARNING_TITLE } from '../../user-components/warning-title.ts';
import { DEFAULT_WARNING_TITLE } from '../../user-components/warning-title.ts';

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

/** Every `<RoleSteps role="…">` list in an outline, in the author's order, steps as plain text. */
export function roleStepsOf(o: Outline): RoleStepList[] {
	return o.roleSteps.map(({ role, line, steps }) => {
		if (!role || !(ROLES as readonly string[]).includes(role)) {
			throw new Error(`line ${line}: <RoleSteps> needs role="${ROLES.join('|')}", got ${role ? `"${role}"` : 'none'}`);
		}
		return { role: role as StepRole, steps: steps.map((s) => s.text) };
	});
}

/** Every `<Warning>` in an outline: its title (or the default) and its text. */
export function warningsOf(o: Outline): CardWarning[] {
	return o.warnings.map((w) => ({ title: tidyText(w.title ?? DEFAULT_WARNING_TITLE), text: w.text }));
}

/** The card's flowchart: the first mermaid block that is a flowchart (the article's 判断流程). */
export function flowchartOf(o: Outline): string | undefined {
	return o.mermaid.find((b) => /^\s*(?:flowchart|graph)\s/.test(b.source.trimStart().split('\n')[0] ?? ''))?.source;
}

/** Parse an MDX body for the card; a body the compiler refuses stops the build with its line. */
export function cardOutline(mdx: string): Outline {
	const o = outline(mdx);
	if (o.error) throw new Error(`line ${o.error.line}:${o.error.column}: ${o.error.message}`);
	return o;
}

/** Every `<RoleSteps role="…">` list in the body, in the author's order, steps as plain text. */
export const roleStepsFromMdx = (mdx: string) => roleStepsOf(cardOutline(mdx));
/** Every `<Warning>` in the body: its title (or the default) and its text. */
export const warningsFromMdx = (mdx: string) => warningsOf(cardOutline(mdx));
/** True when the body places the shared family text (`<Family />`). */
export const usesFamily = (mdx: string) => cardOutline(mdx).components.has('Family');
/** The card's flowchart source, or undefined when the article has none. */
export const cardFlowchartSource = (mdx: string) => flowchartOf(cardOutline(mdx));
