/**
 * Search figures (issue 5.6), on the same built site as the page weight.
 *
 * The home page is loaded on a fresh mobile context and left idle (no search code runs
 * yet), then a query is run through the page's own hook, `window.poskbSearch.run(q,
 * 'home')` (see `src/scripts/search/boot.ts`): the same code path as typing, without the
 * 60 ms typing debounce. Measured:
 * - bytes fetched for the first query: every response from the query's start until its
 *   results are on screen (search UI and names list; Pagefind's JS and wasm, index chunks
 *   and fragments when the query needs the full text), gzip as sent. Three different first
 *   queries (a code, a display text, a symptom), each on a fresh context; the largest counts;
 * - the same for a first question, a sentence the names list does not answer alone, so
 *   Pagefind loads: reported beside it, because a question costs what Pagefind costs;
 * - time to first results: the same first queries, from the call to results on screen;
 * - later queries on the same page, searched in the full text (`fullText`, as the button
 *   under names-only results does; Pagefind loaded, new words, which may fetch another index
 *   chunk): time to results and bytes each; then the same queries again (all chunks loaded);
 * - the first query again on the Slow 4G profile (150 ms RTT, 1.6 Mbit/s), for the cashier;
 * - the index size on disk (Pagefind's `index/`, `fragment/`, `filter/`, metadata) and the
 *   whole `pagefind/` directory (JS, wasm and the unused default UI included).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadPage, SLOW_4G } from './browser.ts';
import { figure, formatBytes, formatMs, KB, median, notMeasured, type Figure } from './figures.ts';
import type { BenchServer } from './server.ts';
import { dirBytes } from './fs.ts';

export const GROUP = 'Search (issue 5.6; home page box, gzip)';

/** First queries: a bare code, a display text, a symptom. */
export const FIRST_QUERIES = ['55', '余额不足', '结算失败'];
/** A first question in the words of a public Q&A title: the names list alone does not answer it. */
export const FIRST_QUESTION = '刷卡显示余额不足可是卡上有钱';
/** Later queries on a page whose index is loaded, searched in the full text. */
export const LATER_QUERIES = ['A0', '密码错误', '交易超时', '商户状态异常', '51', '签到', '卡片过期', '重复扣款'];

interface QueryRun {
	query: string;
	ms: number;
	bytes: number;
	requests: number;
	count: number;
	/** Bytes fetched in the 500 ms after the results were shown (lazy extras, not counted). */
	trailingBytes: number;
}


export function indexSize(dist: string): { index: number; total: number; files: number } {
	const dir = join(dist, 'pagefind');
	if (!existsSync(dir)) return { index: 0, total: 0, files: 0 };
	let index = 0;
	let files = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const isDir = statSync(p).isDirectory();
		if (isDir) files += readdirSync(p).length;
		if (isDir || name.endsWith('.pf_meta') || name === 'pagefind-entry.json') index += isDir ? dirBytes(p) : statSync(p).size;
	}
	return { index, total: dirBytes(dir), files };
}

async function hasHook(page: Page): Promise<boolean> {
	return page.evaluate(() => typeof (window as unknown as { poskbSearch?: { run?: unknown } }).poskbSearch?.run === 'function');
}

async function runQuery(page: Page, server: BenchServer, query: string, fullText = false): Promise<QueryRun> {
	server.clear();
	const r = await page.evaluate(
		async ([q, full]) => {
			const hook = (window as unknown as { poskbSearch: { run: (q: string, w: string, o: object) => Promise<{ count?: number }> } }).poskbSearch;
			const t0 = performance.now();
			const detail = await hook.run(q, 'home', { fullText: full });
			return { ms: performance.now() - t0, count: detail?.count ?? 0 };
		},
		[query, fullText] as const,
	);
	const during = [...server.log];
	await page.waitForTimeout(500);
	const after = server.log.slice(during.length);
	return {
		query,
		ms: r.ms,
		count: r.count,
		bytes: during.reduce((a, x) => a + x.bodyBytes, 0),
		requests: during.length,
		trailingBytes: after.reduce((a, x) => a + x.bodyBytes, 0),
	};
}

export interface SearchDetail {
	first: QueryRun[];
	question: QueryRun | null;
	later: QueryRun[];
	repeat: QueryRun[];
	firstSlow4G: QueryRun | null;
	index: { index: number; total: number; files: number };
}

export async function measureSearch(browser: Browser, server: BenchServer, dist: string): Promise<{ figures: Figure[]; detail: SearchDetail | null }> {
	// Issue 17's goal (issue 5.6 had < 150 KB).
	const firstGoal = { op: '<=' as const, limit: 120 * KB, text: '≤ 120 KB' };
	const laterGoal = { op: '<' as const, limit: 100, text: '< 100 ms' };
	const index = indexSize(dist);
	if (index.total === 0) {
		return { figures: [notMeasured(GROUP, 'search.first.bytes', 'first query: bytes fetched', 'no pagefind/ in the build output', firstGoal)], detail: null };
	}

	const first: QueryRun[] = [];
	const later: QueryRun[] = [];
	const repeat: QueryRun[] = [];
	let question: QueryRun | null = null;
	for (const [i, q] of [...FIRST_QUERIES, FIRST_QUESTION].entries()) {
		const load = await loadPage(browser, server, '/');
		try {
			if (!(await hasHook(load.page))) {
				return {
					figures: [
						notMeasured(GROUP, 'search.first.bytes', 'first query: bytes fetched', 'the home page has no window.poskbSearch.run hook (search UI not built yet)', firstGoal),
					],
					detail: null,
				};
			}
			// Search files a page loads on its own before the query (none today; a page that warms
			// search at idle would) are part of the first search's cost.
			const warm = load.responses.filter((r) => r.path.startsWith('/pagefind/') || r.path === '/search-names.json' || /^\/_astro\/ui\./.test(r.path));
			const run = await runQuery(load.page, server, q);
			const counted = { ...run, bytes: run.bytes + warm.reduce((a, r) => a + r.bodyBytes, 0), requests: run.requests + warm.length };
			if (q === FIRST_QUESTION) question = counted;
			else first.push(counted);
			if (i === 0) {
				// Load Pagefind first (the first query itself, in the full text): later queries time searching, not loading.
				await runQuery(load.page, server, q, true);
				for (const lq of LATER_QUERIES) later.push(await runQuery(load.page, server, lq, true));
				for (const lq of LATER_QUERIES) repeat.push(await runQuery(load.page, server, lq, true));
			}
		} finally {
			await load.context.close();
		}
	}

	let firstSlow4G: QueryRun | null = null;
	{
		const load = await loadPage(browser, server, '/', { network: SLOW_4G });
		try {
			firstSlow4G = await runQuery(load.page, server, FIRST_QUERIES[1]!);
		} finally {
			await load.context.close();
		}
	}

	const maxFirst = first.reduce((a, r) => (r.bytes > a.bytes ? r : a), first[0]!);
	const laterMs = later.map((r) => r.ms);
	const laterMax = later.reduce((a, r) => (r.ms > a.ms ? r : a), later[0]!);
	const laterBytes = later.map((r) => r.bytes);
	const figures: Figure[] = [
		figure({
			group: GROUP,
			id: 'search.first.bytes',
			label: 'first query: bytes fetched',
			value: maxFirst.bytes,
			unit: 'bytes',
			goal: firstGoal,
			note: first.map((r) => `“${r.query}” ${formatBytes(r.bytes)} in ${r.requests} requests`).join(' · '),
		}),
		figure({
			group: GROUP,
			id: 'search.question.bytes',
			label: 'first question (full text): bytes fetched',
			value: question?.bytes ?? null,
			unit: 'bytes',
			note: question ? `“${question.query}” ${formatBytes(question.bytes)} in ${question.requests} requests, ${formatMs(question.ms)} (loopback): the names list, then Pagefind` : '',
		}),
		figure({
			group: GROUP,
			id: 'search.first.ms',
			label: 'first query: time to results (loopback)',
			value: median(first.map((r) => r.ms)),
			unit: 'ms',
			note: `median of ${first.map((r) => `“${r.query}” ${formatMs(r.ms)}`).join(', ')}; includes loading the search UI and the names list`,
		}),
		figure({
			group: GROUP,
			id: 'search.first.slow4g.ms',
			label: 'first query: time to results (Slow 4G)',
			value: firstSlow4G.ms,
			unit: 'ms',
			note: `“${firstSlow4G.query}”, 150 ms RTT, 1.6 Mbit/s: ${formatBytes(firstSlow4G.bytes)} in ${firstSlow4G.requests} requests`,
		}),
		figure({
			group: GROUP,
			id: 'search.later.ms',
			label: 'later queries: time to results, median',
			value: median(laterMs),
			unit: 'ms',
			goal: laterGoal,
			note: `full text, new words after the first query (Pagefind loaded; a new word can still fetch an index chunk): ${later.map((r) => `“${r.query}” ${formatMs(r.ms)}`).join(', ')}; slowest “${laterMax.query}” ${formatMs(laterMax.ms)}`,
		}),
		figure({
			group: GROUP,
			id: 'search.repeat.ms',
			label: 'same queries again (all chunks loaded), median',
			value: median(repeat.map((r) => r.ms)),
			unit: 'ms',
			note: `slowest ${formatMs(Math.max(...repeat.map((r) => r.ms)))}; ${formatBytes(repeat.reduce((a, r) => a + r.bytes, 0))} fetched`,
		}),
		figure({
			group: GROUP,
			id: 'search.later.bytes',
			label: 'later queries: bytes fetched, median',
			value: median(laterBytes),
			unit: 'bytes',
			note: `max ${formatBytes(Math.max(...laterBytes))} (${later.map((r) => `“${r.query}” ${formatBytes(r.bytes)}`).join(', ')})`,
		}),
		figure({
			group: GROUP,
			id: 'search.index.bytes',
			label: 'index size on disk',
			value: index.index,
			unit: 'bytes',
			note: `${index.files} index/fragment/filter files; whole pagefind/ directory ${formatBytes(index.total)} (Pagefind JS, wasm and its unused default UI included)`,
		}),
	];
	return { figures, detail: { first, question, later, repeat, firstSlow4G, index } };
}
