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
import { FILLER_SEGMENTS } from './normalize.ts';

/** Split search text into the words Pagefind will see, minus standalone particles. */
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
			if (isWordLike === false || FILLER_SEGMENTS.has(segment)) continue;
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
 * never going below half of the words, and at most `maxQueries` in all.
 */
export function relaxations(terms: readonly string[], maxQueries = 12): Relaxation[] {
	const n = terms.length;
	if (n < 2) return [];
	const out: Relaxation[] = [];
	const seen = new Set<string>();
	const minKeep = Math.max(1, Math.ceil(n / 2));
	for (let keep = n - 1; keep >= minKeep; keep--) {
		for (const subset of combinations(n, keep)) {
			const kept = subset.map((i) => terms[i] as string);
			const key = kept.join(' ');
			if (seen.has(key)) continue;
			seen.add(key);
			out.push({ terms: kept, coverage: keep / n });
			if (out.length >= maxQueries) return out;
		}
	}
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
 * their own order, then pages found only by relaxed queries. Without it (long queries,
 * where "every word somewhere on a long page" is weak evidence), all pages are ranked
 * together. Either way a page scores its best score × coverage² (strict coverage is 1).
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
			if (!prev || prev.score < score) best.set(r.id, { ...r, score });
		}
	}
	const rest = [...best.values()].sort((a, b) => b.score - a.score);
	return strictFirst ? [...strict, ...rest] : rest;
}
