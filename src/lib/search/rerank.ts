/**
 * Phrase re-ranking of the top results. Pagefind ranks by words; a cashier types a whole
 * message as the terminal shows it ("请重新签到"). A page whose title, display text or
 * 常见说法 line *is* that message must come before pages that merely contain its words.
 *
 * Only visible metadata is compared: the page title, the registry's display texts and the
 * article's `alsoShownAs` line, all rendered in the facts panel.
 */
import { normalizeQuery } from './normalize.ts';

export interface PhraseFields {
	/** Page title, without a leading code ("密码错误" for "55 密码错误"). */
	title: string;
	/** Facts-panel "终端通常显示" text: “密码错”、“密码错误请重试”. */
	display?: string | undefined;
	/** Facts-panel "也显示为 / 常见说法" text: 密码错、密码错误、…. */
	also?: string | undefined;
}

/** Lower-case, NFKC, no punctuation, no spaces: "MAC 校验错，请重新签到" → "mac校验错请重新签到". */
export function compact(s: string): string {
	return normalizeQuery(s).replace(/\s+/gu, '');
}

/** Split a rendered list ("“A”、“B”" or "A、B") into compact items. */
export function listItems(s: string | undefined): string[] {
	if (!s) return [];
	return s
		.split('、')
		.map(compact)
		.filter(Boolean);
}

/**
 * How strongly a page's visible names match the query, 0 (not at all) to 5 (the query is
 * exactly its title or one of its display texts).
 */
export function phraseTier(query: string, fields: PhraseFields): number {
	const q = compact(query);
	if (q.length < 2) return 0;
	const primary = [compact(fields.title), ...listItems(fields.display)].filter(Boolean);
	const secondary = listItems(fields.also);
	if (primary.includes(q)) return 5;
	if (secondary.includes(q)) return 4;
	if (primary.some((p) => p.includes(q))) return 3;
	if (secondary.some((p) => p.includes(q))) return 2;
	if ([...primary, ...secondary].some((p) => p.length >= 2 && q.includes(p))) return 1;
	return 0;
}

/** Stable sort by tier, keeping Pagefind's order within a tier. */
export function rerank<T>(query: string, items: readonly T[], fields: (item: T) => PhraseFields): T[] {
	return items
		.map((item, i) => ({ item, i, tier: phraseTier(query, fields(item)) }))
		.sort((a, b) => b.tier - a.tier || a.i - b.i)
		.map((x) => x.item);
}
