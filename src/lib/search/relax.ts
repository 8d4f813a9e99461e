/**
 * Query relaxation. Pagefind only returns pages that contain every word of the query,
 * and Chinese queries are split into words by the browser (`Intl.Segmenter`), often into
 * single characters. A support agent's own words ("钱没到账", "机器老是报警") then easily
 * contain one word the right article does not use, and the strict search finds nothing.
 *
 * When the strict search returns too few pages, the client also searches with one word
 * left out (then two), and ranks those pages after the strict matches, scaled by the
 * share of the query they matched. This is done in the client, so the articles need no
 * hidden keywords: they only need the visible text (title, display text, 常见说法 line).
 */
import { FILLER_SEGMENTS, STOP_SEGMENTS } from './normalize.ts';

/** Split search text into the words Pagefind will see, minus standalone particles and function words. */
export function segmentTerms(text: string, locale = 'zh-CN'): string[] {
	const terms: string[] = [];
	for (const chunk of text.split(/\s+/u)) {
		if (!chunk) continue;
		if (typeof Intl.Segmenter === 'undefined') {
			terms.push(chunk);
			continue;
		}
		const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
		for (const { segment, isWordLike } of segmenter.segment(chunk)) {
			if (isWordLike === false || FILLER_SEGMENTS.has(segment) || STOP_SEGMENTS.has(segment)) continue;
			terms.push(segment);
		}
	}
	return terms;
}

export interface Relaxation {
	/** The words to search for (all must be on the page). */
	terms: string[];
	/** Share of the original words kept, 0–1. */
	coverage: number;
}

/**
 * The relaxed queries to try, best first: every way of leaving one word out, then two,
 * never going below half of the words; then, for three words or more, each word of two
 * characters or more on its own (a long question often shares only one or two words with
 * its page, e.g. "小票" or "撤销"). At most `maxQueries` in all.
 */
export function relaxations(terms: readonly string[], maxQueries = 16): Relaxation[] {
	const n = terms.length;
	if (n < 2) return [];
	const out: Relaxation[] = [];
	const seen = new Set<string>();
	const add = (kept: string[]): boolean => {
		const key = kept.join(' ');
		if (seen.has(key)) return out.length < maxQueries;
		seen.add(key);
		out.push({ terms: kept, coverage: kept.length / n });
		return out.length < maxQueries;
	};
	const singles = n >= 3 ? [...new Set(terms.filter((t) => [...t].length >= 2))] : [];
	// Keep room for the single words: they are what finds the page of a long question.
	const subsetCap = Math.max(0, maxQueries - singles.length);
	const minKeep = Math.max(1, Math.ceil(n / 2));
	subsets: for (let keep = n - 1; keep >= minKeep; keep--) {
		for (const subset of combinations(n, keep)) {
			if (out.length >= subsetCap) break subsets;
			add(subset.map((i) => terms[i] as string));
		}
	}
	for (const t of singles) if (!add([t])) break;
	return out;
}

/** Index subsets of size k of 0..n-1, in lexicographic order. */
function* combinations(n: number, k: number): Generator<number[]> {
	const idx = Array.from({ length: k }, (_, i) => i);
	while (true) {
		yield [...idx];
		let i = k - 1;
		while (i >= 0 && idx[i] === n - k + i) i--;
		if (i < 0) return;
		idx[i] = (idx[i] as number) + 1;
		for (let j = i + 1; j < k; j++) idx[j] = (idx[j - 1] as number) + 1;
	}
}

export interface Scored<T> {
	id: string;
	score: number;
	item: T;
}

/**
 * Merge ranked lists. With `strictFirst` (short queries), strict matches come first in
 * their own order, then pages found only by relaxed queries, each scoring its best
 * score × coverage². Without it (long queries, where "every word somewhere on a long page"
 * is weak evidence), all pages are ranked together and a page's scores × coverage² add up
 * over every list it is in (strict coverage is 1), so a page that matches more of the
 * question's words in more combinations ranks higher.
 */
export function mergeRanked<T>(
	strict: readonly Scored<T>[],
	relaxed: readonly { coverage: number; results: readonly Scored<T>[] }[],
	{ strictFirst = true }: { strictFirst?: boolean } = {},
): Scored<T>[] {
	const best = new Map<string, Scored<T>>();
	const lists = strictFirst ? relaxed : [{ coverage: 1, results: strict }, ...relaxed];
	const skip = new Set(strictFirst ? strict.map((r) => r.id) : []);
	for (const { coverage, results } of lists) {
		for (const r of results) {
			if (skip.has(r.id)) continue;
			const score = r.score * coverage * coverage;
			const prev = best.get(r.id);
			if (!strictFirst && prev) prev.score += score;
			else if (!prev || prev.score < score) best.set(r.id, { ...r, score });
		}
	}
	const rest = [...best.values()].sort((a, b) => b.score - a.score);
	return strictFirst ? [...strict, ...rest] : rest;
}
