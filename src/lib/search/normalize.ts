/**
 * Query normalisation for search: what a cashier or a support agent types becomes one
 * canonical string before it reaches code detection or Pagefind.
 *
 * Pure functions only (no DOM, no Pagefind), so the unit tests cover them in Node and the
 * browser bundle stays small.
 */

/**
 * Words people wrap around what the screen says: "pos机显示…", "…是什么意思", "错误码…".
 * They carry no meaning for the match, and Pagefind requires every query word to be on
 * the page, so they would only lose results. Longest first, removed as substrings.
 * Single characters are deliberately absent (报 is part of 报警, 码 of 密码).
 */
export const FILLER_PHRASES: readonly string[] = [
	'是什么意思',
	'什么意思',
	'啥意思',
	'怎么回事',
	'怎么解决',
	'怎么处理',
	'如何处理',
	'如何解决',
	'怎么弄',
	'怎么办',
	'为什么',
	'请问',
	'pos机上',
	'pos机',
	'刷卡机上',
	'刷卡机',
	'机器上',
	'终端上',
	'屏幕上',
	'显示屏',
	'上面显示',
	'显示',
	'提示',
	'出现了',
	'出现',
	'老是',
	'总是',
	'一直',
];

/** Particles dropped when they stand alone as a word segment. */
export const FILLER_SEGMENTS: ReadonlySet<string> = new Set(['了', '的', '吗', '呢', '啊', '吧', '呀', '么', '？', '?']);

/**
 * Canonical form of a query: Unicode NFKC (full-width digits and letters become ASCII,
 * e.g. "５５" → "55", "Ａ０" → "A0"), Latin letters lower-cased, punctuation other than
 * word characters turned into spaces, whitespace collapsed.
 */
export function normalizeQuery(raw: string): string {
	return raw
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\p{P}\p{S}]+/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

/** Remove the filler phrases (see `FILLER_PHRASES`) from a normalised query. */
export function stripFillers(normalized: string): string {
	let out = normalized;
	for (const phrase of FILLER_PHRASES) out = out.split(phrase).join(' ');
	return out.replace(/\s+/gu, ' ').trim();
}
