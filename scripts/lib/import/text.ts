/**
 * Small text predicates shared by clean, structure and suggest.
 *
 * SEO text mixes ASCII and full-width punctuation freely (the seeds use ASCII `,` `:`
 * `(` `?` next to `、` and `。`), so every class here lists both forms.
 */

/** Clause splitting belongs to the advertisement rule, which the validator shares. */
export { CLAUSE_SPLIT } from '../rules/promotion.ts';

/** Characters that may end a complete paragraph. */
export const PARAGRAPH_END = /[。.!！?？…”"’')）:：;；]$/u;

/** Sentence punctuation that a heading does not contain. */
const NOT_IN_HEADING = /[。!！;；,，]|[?？](?!$)/u;

/** Comparison key: no whitespace or punctuation, lower case. */
export function norm(s: string): string {
	return s.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

export function hasHan(s: string): boolean {
	return /\p{Script=Han}/u.test(s);
}

/**
 * Short, unpunctuated text that reads as a heading: "系统错误", "案例一:系统错误导致的交易失败",
 * "POS机显示52是什么意思?". A trailing colon (a heading introducing a list) is allowed.
 */
export function isHeadingLike(s: string): boolean {
	const t = s.replace(/[:：]\s*$/u, '').trim();
	const length = [...t].length;
	return length >= 2 && length <= 30 && hasHan(t) && !NOT_IN_HEADING.test(t) && !/[、…]$|\.\.\.$/u.test(t);
}

/**
 * `s` with control characters (newlines, ESC, DEL …) written as `\u` escapes: file names
 * come from anyone, and one with a newline or a terminal escape must not forge a line of
 * the report or of the terminal output.
 */
export function printable(s: string): string {
	return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
