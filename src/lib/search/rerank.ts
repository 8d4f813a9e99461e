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
 * How strongly a page's visible names match the query, 0 (not at all) to 7 (the query is
 * exactly what the page is called):
 * - 7: the query is the page's whole title ("过期卡" for 54 过期卡);
 * - 6: the query is one of the names a title joins with " / ", or the title without its
 *   parenthesis ("交易失败" for "交易失败（没有返回码）", "过期卡" for 33 过期卡（没收）);
 * - 5 / 4: the query is a title or display text / a 常见说法 item;
 * - 3 / 2: the query is part of one of them;
 * - 1: one of them (two characters or more) is part of the query.
 */
export function phraseTier(query: string, fields: PhraseFields): number {
	const q = compact(query);
	if (q.length < 2) return 0;
	const primary = primaryNames(fields);
	const secondary = listItems(fields.also);
	if (compact(fields.title) === q) return 7;
	if (titleNames(fields.title).includes(q)) return 6;
	if (primary.includes(q)) return 5;
	if (secondary.includes(q)) return 4;
	if (primary.some((p) => p.includes(q))) return 3;
	if (secondary.some((p) => p.includes(q))) return 2;
	if ([...primary, ...secondary].some((p) => p.length >= 2 && q.includes(p))) return 1;
	return 0;
}

/**
 * A title and the names in it: "签到失败 / 未签到" → 签到失败未签到, 签到失败, 未签到;
 * "补打签购单（重打印）" → 补打签购单重打印, 补打签购单.
 */
export function titleNames(title: string): string[] {
	const names = title
		.replace(/[（(][^）)]*[）)]/gu, ' ')
		.split(/[/／]/u)
		.map(compact);
	return [...new Set([compact(title), ...names])].filter(Boolean);
}

/** What a title adds in parentheses ("重打印" in "补打签购单（重打印）"): a name, but not the one the page is called. */
function titleAsides(title: string): string[] {
	return [...title.matchAll(/[（(]([^）)]*)[）)]/gu)].map((m) => compact(m[1] ?? '')).filter(Boolean);
}

function primaryNames(fields: PhraseFields): string[] {
	return [...titleNames(fields.title), ...titleAsides(fields.title), ...listItems(fields.display)];
}


/**
 * Share of a longer question that a page's names explain, 0–1. For tier 1 (names inside
 * the question): the share of the question's characters covered by those names, so
 * "余额不足" explains more of "刷卡余额不足可是卡上有钱" than "刷卡" does. For tier 0 (no
 * whole name inside): the share of the question's character pairs found in the names,
 * each pair weighted by how rare it is among the candidates' names (`pairWeight`), so
 * "小票" counts and "交易" hardly does.
 */
export function phraseCoverage(query: string, fields: PhraseFields, pairWeight: (pair: string) => number = () => 1): number {
	const q = compact(query);
	if (q.length < 2) return 0;
	const primary = primaryNames(fields).filter((p) => p.length >= 2);
	const names = [...primary, ...listItems(fields.also)].filter((p) => p.length >= 2);
	const covered = new Array<boolean>(q.length).fill(false);
	let inside = false;
	for (const name of names) {
		for (let at = q.indexOf(name); at >= 0; at = q.indexOf(name, at + 1)) {
			inside = true;
			covered.fill(true, at, at + name.length);
		}
	}
	if (inside) return covered.filter(Boolean).length / q.length;
	const own = new Set(names.flatMap(pairs));
	let total = 0;
	let found = 0;
	for (const pair of new Set(pairs(q))) {
		const w = pairWeight(pair);
		total += w;
		if (own.has(pair)) found += w;
	}
	return total > 0 ? found / total : 0;
}

/** Adjacent character pairs of a compact string. */
function pairs(s: string): string[] {
	const chars = [...s];
	return chars.slice(1).map((c, i) => `${chars[i] as string}${c}`);
}

/** Share of the query's character pairs (compact) that the title has, 0–1. */
function titleCoverage(q: string, title: string): number {
	const own = new Set(pairs(compact(title)));
	const asked = [...new Set(pairs(q))];
	return asked.length ? asked.filter((p) => own.has(p)).length / asked.length : 0;
}

/** Below this share of a question's (weighted) character pairs, a page's names do not reorder it. */
export const MIN_PAIR_COVERAGE = 0.25;

/** Every name of a page (title, its names, display texts, 常见说法), compact, two characters or more. */
function allNames(fields: PhraseFields): string[] {
	return [...primaryNames(fields), ...listItems(fields.also)].filter((p) => p.length >= 2);
}

/**
 * Order the results by phrase: tier first (see `phraseTier`); then, for tiers 1 and 0, by
 * how much of the query the page's names cover (see `phraseCoverage`); then by how rare
 * among the candidates the most specific name inside the query is ("解绑" before "结算"
 * in "解绑结算卡": many pages are named with 结算); then a title or display text inside
 * the query before a 常见说法 item; then, for tiers above 0, by how much of the query the
 * title shares, and by how many of the page's names are the query; then in the given order (Pagefind's, or the
 * names list's). A pair of characters that
 * many candidates' names share ("交易", "失败") weighs less than one only a few have ("小票").
 */
export function rerank<T>(query: string, items: readonly T[], fields: (item: T) => PhraseFields): T[] {
	return rankByPhrase(query, items, fields).map((x) => x.item);
}

/** One item as `rankByPhrase` scored it. */
export interface PhraseRanked<T> {
	item: T;
	/** `phraseTier`, 0–7. */
	tier: number;
	/** `phraseCoverage` for tiers 1 and 0, rounded to 0.01; 0 in tier 0 below `MIN_PAIR_COVERAGE`, and for higher tiers. */
	cover: number;
}

/** `rerank`, with each item's tier and coverage (the names list keeps only items that match at all). */
export function rankByPhrase<T>(query: string, items: readonly T[], fields: (item: T) => PhraseFields): PhraseRanked<T>[] {
	const all = items.map(fields);
	const names = all.map(allNames);
	const df = new Map<string, number>();
	for (const own of names) {
		for (const p of new Set(own.flatMap(pairs))) df.set(p, (df.get(p) ?? 0) + 1);
	}
	const weight = (pair: string) => Math.log(1 + (all.length + 1) / (1 + (df.get(pair) ?? 0)));
	const q = compact(query);
	// How many candidates have a name containing `name`: the fewer, the more specific.
	const nameDf = (name: string) => names.filter((own) => own.some((n) => n.includes(name))).length;
	return items
		.map((item, i) => {
			const f = all[i] as PhraseFields;
			const tier = phraseTier(query, f);
			// Coverage only orders pages inside tiers 1 and 0; exact matches keep Pagefind's order.
			// In tier 0 a pair or two in common is chance: below MIN_PAIR_COVERAGE, Pagefind decides.
			const c = tier <= 1 ? phraseCoverage(query, f, weight) : 0;
			const cover = tier === 0 && c < MIN_PAIR_COVERAGE ? 0 : Math.round(c * 100) / 100;
			const inside = tier === 1 ? (names[i] as string[]).filter((n) => q.includes(n)) : [];
			const specific = inside.length ? Math.max(...inside.map((n) => 1 / nameDf(n))) : 0;
			const primary = tier === 1 && primaryNames(f).some((p) => p.length >= 2 && q.includes(p)) ? 1 : 0;
			// Ties (several pages carry the query as a name): the page whose title shares more of
			// the query's character pairs ("补打小票": 补打签购单 before 打印问题), then the page
			// that carries it under more names (67 shows "没收卡" on the terminal, as its 常见说法
			// and in its title; 34 only in the last two). Only among pages with a name in the
			// match (tier > 0): in tier 0 a pair or two shared with a title is the same chance the
			// coverage threshold ignores, and it put 55 密码错误 first for any question with 错误 in
			// it ("刷卡机屏幕出现英文字母加数字的错误"); there Pagefind's order decides.
			const named = tier > 0;
			const titled = named ? titleCoverage(q, f.title) : 0;
			const exact = named ? allNames(f).filter((n) => n === q).length : 0;
			return { item, i, tier, cover, specific, primary, titled, exact };
		})
		.sort(
			(a, b) =>
				b.tier - a.tier ||
				b.cover - a.cover ||
				b.specific - a.specific ||
				b.primary - a.primary ||
				b.titled - a.titled ||
				b.exact - a.exact ||
				a.i - b.i,
		)
		.map(({ item, tier, cover }) => ({ item, tier, cover }));
}
