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
	'是怎么回事',
	'怎么回事',
	'是什么原因',
	'什么原因',
	'是什么问题',
	'什么问题',
	'怎么解决',
	'怎么处理',
	'如何处理',
	'如何解决',
	'怎么操作',
	'如何操作',
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
	// Question words last, after the phrases that contain them.
	'怎么',
	'如何',
];

/**
 * Words that contain a filler phrase but are not fillers, and what is left of them:
 * "怎么办理" (how do I apply) is "办理", not "怎么办" + "理"; "办pos机" (get a terminal)
 * is "办理", not "办" once "pos机" is gone.
 */
export const FILLER_EXCEPTIONS: Readonly<Record<string, string>> = {
	怎么办理: '办理',
	办pos机: '办理',
	办个pos机: '办理',
	办理pos机: '办理',
};

/**
 * A question particle or 了 at the very end ("押金能退吗", "密码输错了") says nothing about
 * the page, and 了 would match names such as "按错了" by its character pair alone.
 */
const TRAILING_PARTICLE = /[吗呢啊吧呀了]+$/u;

/** Particles dropped when they stand alone as a word segment. */
export const FILLER_SEGMENTS: ReadonlySet<string> = new Set(['了', '的', '吗', '呢', '啊', '吧', '呀', '么', '？', '?']);

/**
 * Function words that a long question carries but no page needs to contain: left out of
 * the words that relaxed queries are built from (see `relax.ts`), so that "可是卡上有钱"
 * does not count as five words the right page lacks.
 */
export const STOP_SEGMENTS: ReadonlySet<string> = new Set([
	'是',
	'但',
	'但是',
	'可是',
	'还',
	'还是',
	'要',
	'再',
	'能',
	'可以',
	'会',
	'什么',
	'哪',
	'哪里',
	'在哪',
	'多少',
	'多久',
	'有',
	'我',
	'你',
	'他',
	'这',
	'那',
	'这个',
	'那个',
	'就',
	'也',
	'都',
	'和',
	'跟',
	'或',
	'与',
	'一下',
	'以后',
	'时候',
	'之后',
]);

/**
 * Canonical form of a query: Unicode NFKC (full-width digits and letters become ASCII,
 * e.g. "５５" → "55", "Ａ０" → "A0"), Latin letters lower-cased, punctuation other than
 * word characters turned into spaces, whitespace collapsed; then the two ways people
 * mistype a code (see `fixCodeTypos`).
 */
export function normalizeQuery(raw: string): string {
	return fixCodeTypos(normalizeText(raw));
}

/**
 * `normalizeQuery` without the code-typo repair: what the reader typed, in canonical form.
 * Code detection compares the two to tell that a code came from a letter O ("o5" → 05).
 */
export function normalizeText(raw: string): string {
	return raw
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\p{P}\p{S}]+/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

/**
 * A code typed with a letter O for a zero, or with a space inside, becomes the code:
 * "o5" → "05", "1o" → "10", "ao" → "a0" (A0 is the only letter code ending in 0), and
 * "0 5" → "05". Only a two-character Latin/digit run on its own counts, so words such as
 * "pos", "no" or "ok" are never touched, and "T+1" (which becomes "t 1") stays as it is.
 */
export function fixCodeTypos(normalized: string): string {
	return normalized
		.replace(/(?<![a-z0-9])(\d) (\d)(?![a-z0-9])/gu, '$1$2')
		.replace(/(?<![a-z0-9])(o\d|\do|ao)(?![a-z0-9])/gu, (run) => run.replace('o', '0'));
}

/** Remove the filler phrases (see `FILLER_PHRASES`) from a normalised query. */
export function stripFillers(normalized: string): string {
	// Shield the exceptions with a private-use placeholder each while fillers are removed.
	const exceptions = Object.entries(FILLER_EXCEPTIONS);
	let out = normalized;
	exceptions.forEach(([word], i) => {
		out = out.split(word).join(` ${String.fromCharCode(0xe000 + i)} `);
	});
	for (const phrase of FILLER_PHRASES) out = out.split(phrase).join(' ');
	exceptions.forEach(([, kept], i) => {
		out = out.split(String.fromCharCode(0xe000 + i)).join(kept);
	});
	return out
		.split(/\s+/u)
		.map((w) => w.replace(TRAILING_PARTICLE, ''))
		.filter(Boolean)
		.join(' ');
}
