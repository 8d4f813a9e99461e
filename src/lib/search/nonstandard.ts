/**
 * Codes that are not in the UnionPay table (issue 14, item 3). A UnionPay response code is
 * two characters: two digits, or A0–A7. Anything else that looks like a code on a terminal
 * screen (L1, M9, ER012, A8, 255, ffc, -2125) was defined by the terminal's program or by
 * the acquirer, and the one page that helps is `/symptoms/nonstandard-code/`: where to look
 * it up, what to write down, whom to ask.
 *
 * `withNonstandardCodes` wraps `analyzeQuery` (code-query.ts): a code the table does not
 * have, and the longer code shapes `analyzeQuery` does not see, become a pinned answer that
 * opens that page. Unassigned two-digit numbers keep their own page (`/codes/unassigned/`).
 * Pure functions, so the same logic runs in the unit tests and in the browser.
 */
import type { CodeData, QueryAnalysis } from './code-query.ts';
import { normalizeQuery, stripFillers } from './normalize.ts';

/** The article for every code that is not in the UnionPay table. */
export const NONSTANDARD_CODE_HREF = '/symptoms/nonstandard-code/';

/** What the pinned answer line says (the UI shows the code as its badge). */
export const NONSTANDARD_ANSWER_TEXT = {
	title: '不是银联的返回码',
	meaning: '这是终端程序或收单机构自己定的码。点这里看要记下什么、去哪里查、问谁。',
} as const;

/**
 * Letter-and-digit words that are not codes: settlement speeds (T+1 is typed "T1", D0),
 * mobile networks, and the like.
 */
export const NOT_CODES: ReadonlySet<string> = new Set(['t0', 't1', 'd0', 'd1', '2g', '3g', '4g', '5g', 'a4', 'mp3', 'mp4', 'p2p']);

/** Letters-only words made of hex digits that are English words, not codes. */
const HEX_WORDS: ReadonlySet<string> = new Set(['bad', 'bed', 'cab', 'dad', 'fee', 'face', 'fade', 'cafe', 'dead', 'beef', 'deaf', 'feed', 'add', 'ace', 'bead']);

/** Characters after a number that make it a quantity, a date or an amount, not a code. */
const QUANTITY_AFTER = /^[号日月年元块次张笔分秒点天个台岁%万千百位折倍]/u;

/** Words that say "the screen shows a code": a bare number of 3+ digits counts beside them. */
const CODE_CONTEXT = /错误|代码|报错|故障码|返回码|应答码|响应码|码|显示|提示|error|err|code/u;

/**
 * The non-standard code a query names, upper case ("L1", "ER012", "255", "FFC"), or null.
 * Codes in the table (known or unassigned) are not non-standard: `analyzeQuery` answers them.
 *
 * - letters and digits mixed, 2–8 characters: L1, M9, A8, ER012, e05;
 * - digits only, 3–6 characters (not 0 + two digits, which is a table code typed with a
 *   leading zero), when the query is only the number or speaks of a code or the screen;
 * - 3–4 hex letters only (ffc), when the query is only that or speaks of a code or the screen.
 */
export function nonstandardCode(raw: string, data: CodeData): string | null {
	const q = normalizeQuery(raw);
	const table = new Set([...data.known, ...data.unassigned].map((c) => c.toLowerCase()));
	const context = CODE_CONTEXT.test(q.replace(/(?<![a-z])pos(?![a-z])/gu, ''));
	for (const m of q.matchAll(/(?<![a-z0-9])[a-z0-9]+(?![a-z0-9])/gu)) {
		const token = m[0];
		const after = q.slice((m.index ?? 0) + token.length);
		// The whole query is the token (with at most "pos机" around it).
		const alone = q.replace(/(?<![a-z])pos(?![a-z])机?|\s/gu, '') === token;
		if (table.has(token) || NOT_CODES.has(token) || token === 'pos') continue;
		const digits = /\d/u.test(token);
		const letters = /[a-z]/u.test(token);
		if (digits && letters) {
			if (token.length < 2 || token.length > 8 || QUANTITY_AFTER.test(after)) continue;
			// A digit then letters is a quantity with a unit ("5g", "10w", "2m") unless it is short hex.
			if (/^\d+[a-z]+$/u.test(token) && !/^\d[a-f]$/u.test(token)) continue;
			return token.toUpperCase();
		}
		if (digits) {
			if (token.length < 3 || token.length > 6 || /^0\d{2}$/u.test(token) || QUANTITY_AFTER.test(after)) continue;
			if (alone || context) return token;
			continue;
		}
		if (/^[a-f]{3,4}$/u.test(token) && !HEX_WORDS.has(token) && (alone || context)) return token.toUpperCase();
	}
	return null;
}

/**
 * `analyzeQuery`'s answer, with every code the UnionPay table does not have sent to the
 * non-standard code page, and pinned even inside a longer query ("刷卡提示M9错误"): for
 * such a code that page is the whole answer. Known and unassigned codes are unchanged.
 * Inside a longer query, a word such as "D0" or "T1" ("D0 还没到账") is not a code: the
 * words are searched whole.
 */
export function withNonstandardCodes(analysis: QueryAnalysis, raw: string, data: CodeData): QueryAnalysis {
	const code = analysis.code;
	if (code && (code.status === 'known' || code.status === 'unassigned')) return analysis;
	if (code && !analysis.pure && NOT_CODES.has(code.code.toLowerCase())) {
		return { ...analysis, code: null, text: stripFillers(analysis.normalized) };
	}
	// An acquirer's own letter code keeps its status and the registry's reason; only the link changes.
	if (code?.status === 'acquirer') return { ...analysis, code: { ...code, href: NONSTANDARD_CODE_HREF }, pure: true, text: '' };
	const odd = code?.code ?? nonstandardCode(raw, data);
	if (!odd) return analysis;
	return { ...analysis, code: { status: 'unknown', code: odd, href: NONSTANDARD_CODE_HREF }, pure: true, text: '' };
}
