/**
 * The names list: every article's visible names (title, the texts the terminal shows, the
 * 常见说法 line) with its meaning, built with the site as `/search-names.json`
 * (`src/pages/search-names.json.ts`), requested by `boot.ts` with the search UI and
 * precached for offline use (issue 17).
 *
 * Most searches are a name: a code, a message read off the terminal ("余额不足"), a symptom
 * ("结算失败"). The list answers those itself, in one small request, so the first results
 * do not wait for Pagefind's script, wasm and index chunks (about 180 KB, six round trips
 * in a row). Only a query the names do not answer exactly (a sentence, a part of a word)
 * loads Pagefind and searches the full text; the reader can also ask for that on any query.
 *
 * The strings are the ones the facts panel renders and Pagefind indexes as metadata
 * (`ArticleFacts.astro`), so `rerank.ts` compares the same text whichever way an item came.
 */
import { rankByPhrase, type PhraseFields } from './rerank.ts';

/** One article in the names list. */
export interface NameEntry extends PhraseFields {
	/** The article's path, e.g. `/codes/55/`. */
	href: string;
	kind: 'code' | 'symptom' | 'task' | 'cause';
	/** The code ("55"), or the kind's short label for other articles (see `KIND_BADGE`). */
	badge: string;
	/** The standard meaning (codes), what the message means (symptoms, tasks), or the summary (causes). */
	meaning: string;
}

/** The badge of an article without a code, as the results list shows it. */
export const KIND_BADGE: Record<NameEntry['kind'], string> = { code: '', symptom: '提示', task: '操作', cause: '原因' };

/**
 * The lowest phrase tier (see `phraseTier` in rerank.ts) at which the names answer a query
 * by themselves: 4 means the whole query is a page's title, one of the names in its title,
 * one of its display texts or one of its 常见说法 items. Below that (the query is only part
 * of a name, or a name is only part of the query), the full text is searched as well.
 */
export const EXACT_TIER = 4;

export interface NameMatch {
	entry: NameEntry;
	tier: number;
}

/**
 * The entries whose names match the query, best first (`rankByPhrase`, the same order the
 * full-text results are re-ranked by): a name equal to the query, containing it, or inside
 * it, or, for a longer question, enough of its rarer character pairs. Equal matches keep
 * the list's order (codes in table order, then symptoms, tasks, causes).
 */
export function matchNames(query: string, entries: readonly NameEntry[]): NameMatch[] {
	return rankByPhrase(query, entries, (e) => e)
		.filter((r) => r.tier > 0 || r.cover > 0)
		.map((r) => ({ entry: r.item, tier: r.tier }));
}

/** True when the best name match is exact (`EXACT_TIER`): the names alone answer the query. */
export function namesAnswer(matches: readonly NameMatch[]): boolean {
	return (matches[0]?.tier ?? 0) >= EXACT_TIER;
}

/** Check a fetched list's shape (a stale or foreign file must not break the search box). */
export function parseNames(value: unknown): NameEntry[] {
	if (!Array.isArray(value)) throw new Error('names list: not an array');
	const kinds = new Set(Object.keys(KIND_BADGE));
	// `display` and `also` are left out when an article has none; when present they are split
	// as text (`listItems`), so a number or an object there would throw on every query.
	const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
	for (const e of value as Partial<Record<keyof NameEntry, unknown>>[]) {
		if (
			typeof e?.href !== 'string' ||
			typeof e.title !== 'string' ||
			typeof e.badge !== 'string' ||
			typeof e.meaning !== 'string' ||
			typeof e.kind !== 'string' ||
			!kinds.has(e.kind) ||
			!optionalText(e.display) ||
			!optionalText(e.also)
		) {
			throw new Error('names list: malformed entry');
		}
	}
	return value as NameEntry[];
}
