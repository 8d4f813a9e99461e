/**
 * Code detection: does the query name a response code, and what is the answer for it?
 *
 * A cashier types what the screen shows: "55", "055", "a0", "错误码55", "代码 55",
 * "pos机显示55". Those go straight to the code's page. A code that is not in the registry
 * gets a clear answer instead of an empty result list:
 * - a number the table leaves unassigned → `/codes/unassigned/` (terminal shows 交易失败);
 * - an acquirer-specific letter code (B1, T1 …) → the registry's `acquirerSpecific.why`;
 * - anything else code-shaped → "not a known code", pointing to the code index.
 *
 * Pure functions over a small `CodeData` (built from the registry at build time), so the
 * same logic runs in the unit tests and in the browser.
 */
import { normalizeQuery, normalizeText, stripFillers } from './normalize.ts';

/** The slice of the registry that code detection needs. */
export interface CodeData {
	/** Codes with a standard meaning and an article, upper case ("05", "A0"). */
	known: readonly string[];
	/** URL of a code's article where it is not `/codes/<CODE>/` (the built URL wins). */
	hrefs?: Readonly<Record<string, string>>;
	/** Two-digit numbers the table does not assign. */
	unassigned: readonly string[];
	/** Letter codes some acquirers define for themselves, and why the site leaves them out. */
	acquirer: { codes: readonly string[]; why: string };
}

export type CodeAnswer =
	| { status: 'known'; code: string; href: string }
	| { status: 'unassigned'; code: string; href: string }
	| { status: 'acquirer'; code: string; href: string; why: string }
	| { status: 'unknown'; code: string; href: string };

export interface QueryAnalysis {
	/** The normalised query (see `normalizeQuery`). */
	normalized: string;
	/** The code the query names, if any, with its answer. */
	code: CodeAnswer | null;
	/**
	 * True when the query is only a code, with at most words such as 错误码 / pos机显示
	 * around it: the code's answer is the whole answer, and Enter opens it at once.
	 */
	pure: boolean;
	/** What is left for full-text search: fillers and the code itself removed. */
	text: string;
	/**
	 * A known code the query probably meant, because a letter was typed for a digit that
	 * looks like it: either the query is code-shaped but not a known code ("I5" → 15), or
	 * `normalizeQuery` already read a letter O as 0 ("O5" → 05, "AO" → A0). In the second
	 * case `code` answers that code at once, and the UI still asks "是不是 05？" so the reader
	 * sees which code was opened (issues 14 and 17).
	 */
	didYouMean: string | null;
}

export const CODE_INDEX_HREF = '/codes/';
export const UNASSIGNED_HREF = '/codes/unassigned/';

/** Words that only say "this is a code": removed before deciding whether a query is a bare code. */
const CODE_WORDS = [
	'错误代码',
	'错误码',
	'返回码',
	'应答码',
	'响应码',
	'故障码',
	'报错码',
	'代码',
	'编码',
	'错误',
	'报错',
	'码',
	'号',
	'报',
	'error',
	'code',
	'err',
	'rc',
	'pos',
];

/**
 * A code-shaped token inside a longer query: 2 digits (or 0 + 2 digits), or letter + digit.
 * Not a quantity or a date ("15号", "20元", "第12笔", "30秒").
 */
const CODE_TOKEN = /(?<![a-z0-9第])(0?\d{2}|[a-z]\d)(?![a-z0-9号日月年元块次张笔分秒点天个台岁%])/u;

/** Canonical code for a token typed on its own, or null if it is not code-shaped. */
export function canonicalCode(token: string, data: CodeData): string | null {
	const t = token.toUpperCase();
	if (/^\d$/u.test(t)) return `0${t}`;
	if (/^\d{2}$/u.test(t)) return t;
	if (/^0\d{2}$/u.test(t)) return t.slice(1);
	if (/^[A-Z]\d$/u.test(t)) return t;
	// Two letters are usually a word ("IC", "OK"); only the listed acquirer codes count.
	if (/^[A-Z]{2}$/u.test(t) && data.acquirer.codes.includes(t)) return t;
	return null;
}

/** The answer for a canonical code. */
export function answerFor(code: string, data: CodeData): CodeAnswer {
	if (data.known.includes(code)) return { status: 'known', code, href: data.hrefs?.[code] ?? `/codes/${code}/` };
	if (data.unassigned.includes(code)) return { status: 'unassigned', code, href: `${UNASSIGNED_HREF}#code-${code}` };
	if (data.acquirer.codes.includes(code)) return { status: 'acquirer', code, href: CODE_INDEX_HREF, why: data.acquirer.why };
	return { status: 'unknown', code, href: CODE_INDEX_HREF };
}

/** Letters typed for the digits they look like on a terminal's screen. */
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/**
 * The known code a code-shaped token probably meant ("O5" → "05", "AO" → "A0"), or null.
 * Only a swap of look-alike characters counts, and only into a known code.
 */
export function nearMiss(token: string, data: CodeData): string | null {
	const t = token.toUpperCase();
	if (!/^[A-Z0-9]{2,3}$/u.test(t)) return null;
	// A real digit, or a letter code with O for 0 ("AO"): not words such as "OIL" or "IO".
	if (!/\d/u.test(t) && !/^[A-HJKMNP-Z][OIL]$/u.test(t)) return null;
	const swapped = t.replace(/[OIL]/gu, (c) => LOOKALIKES[c] ?? c);
	if (swapped === t) return null;
	const code = canonicalCode(swapped, data);
	return code && data.known.includes(code) ? code : null;
}

function removeWords(text: string, words: readonly string[]): string {
	let out = text;
	for (const w of words) {
		// Latin words only as whole words ("pos" but not inside "possible"); CJK as substrings.
		out = /^[a-z]+$/u.test(w)
			? out.replace(new RegExp(`(?<![a-z])${w}(?![a-z])`, 'gu'), ' ')
			: out.split(w).join(' ');
	}
	return out.replace(/\s+/gu, ' ').trim();
}

/** Analyse a raw query: code answer (if any), whether it is a bare code, and the text to search. */
export function analyzeQuery(raw: string, data: CodeData): QueryAnalysis {
	const normalized = normalizeQuery(raw);
	const withoutFillers = stripFillers(normalized);

	// A bare code: nothing but the code once code words and fillers are gone.
	const bare = removeWords(withoutFillers, CODE_WORDS).replace(/\s+/gu, '');
	const bareCode = bare ? canonicalCode(bare, data) : null;
	const known = bareCode !== null && data.known.includes(bareCode);
	// What was typed before the letter-O repair ("o5"), to tell a repaired code from a typed one.
	const typed = removeWords(stripFillers(normalizeText(raw)), CODE_WORDS).replace(/\s+/gu, '');
	const repaired = known && typed !== bare ? nearMiss(typed, data) : null;
	const didYouMean = repaired !== null && repaired === bareCode ? repaired : bare && !known ? nearMiss(bare, data) : null;
	if (bareCode) {
		return { normalized, code: answerFor(bareCode, data), pure: true, text: '', didYouMean };
	}

	// A code inside a longer query ("55 密码错", "交易失败 06"): pinned first if it is known.
	const match = CODE_TOKEN.exec(withoutFillers);
	const token = match?.[1];
	const inner = token ? canonicalCode(token, data) : null;
	if (token && inner) {
		const text = removeWords(withoutFillers.replace(token, ' '), ['错误代码', '错误码', '返回码', '应答码', '响应码', '代码']);
		return { normalized, code: answerFor(inner, data), pure: false, text, didYouMean };
	}
	return { normalized, code: null, pure: false, text: withoutFillers, didYouMean };
}

/**
 * The slim data for the browser, from the registry. `articleHref` gives the URL the build
 * actually produced for a code's article (Starlight lower-cases slugs: `/codes/a0/`).
 */
export function codeDataFrom(
	registry: {
		codes: readonly { code: string }[];
		unassigned: readonly string[];
		acquirerSpecific: { codes: readonly string[]; why: string };
	},
	articleHref: (code: string) => string | undefined = () => undefined,
): CodeData {
	const known = registry.codes.map((c) => c.code.toUpperCase());
	const hrefs: Record<string, string> = {};
	for (const code of known) {
		const href = articleHref(code);
		if (href && href !== `/codes/${code}/`) hrefs[code] = href;
	}
	return {
		known,
		hrefs,
		unassigned: [...registry.unassigned],
		acquirer: { codes: [...registry.acquirerSpecific.codes], why: registry.acquirerSpecific.why },
	};
}

