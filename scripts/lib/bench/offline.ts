/**
 * Offline app and instant answers (issue 17), on the same built site and server as the
 * page weight.
 *
 * - Precache transfer: a fresh phone context opens `/codes/55/` with service workers allowed; every
 *   response after the page's `load` until the service worker is active is the precache
 *   download (the registration waits for `load`, so the page's own bytes are not in it).
 *   Gzip as sent. Goal ≤ 2 MB. The files are counted from `sw.js`'s manifest as well.
 * - On a throttled link (400 kbit/s both ways, 400 ms RTT, CDP
 *   `Network.emulateNetworkConditions`), first visit to `/`, then the reader taps the box
 *   and types: time from the first `input` event to (a) the code answer for "55" (from the
 *   code list shipped with the page), (b) the first results for "余额不足" (a display text:
 *   the names list answers it) and (c) for a question, its first results (the names list's
 *   matches, shown while Pagefind loads) and its full-text results. Goal (b) and (c) first
 *   results ≤ 3 s. Each on a fresh context, so nothing is cached.
 */
import type { Browser, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOBILE } from './browser.ts';
import { figure, formatMs, KB, notMeasured, type Figure } from './figures.ts';
import type { BenchServer } from './server.ts';
import { FIRST_QUESTION } from './search.ts';

export const GROUP = 'Offline and instant answers (issue 17)';

/** The slow link of issue 17: 400 kbit/s, 400 ms round trip. */
export const SLOW_LINK = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

export interface OfflineDetail {
	precache: { bytes: number; requests: number; entries: number; ms: number } | null;
	instantCodeMs: number | null;
	firstResultMs: number | null;
	firstResultCount: number;
	/** The same, with the service worker allowed (precache downloading meanwhile). */
	withServiceWorkerMs?: number;
}

/** Number of entries in the precache manifest of `sw.js` (Workbox writes `{url:…,revision:…}` items). */
export function precacheEntries(dist: string): number {
	const file = join(dist, 'sw.js');
	if (!existsSync(file)) return 0;
	return (readFileSync(file, 'utf8').match(/\burl:"/g) ?? []).length;
}

async function measurePrecache(browser: Browser, server: BenchServer): Promise<OfflineDetail['precache']> {
	const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
	try {
		const page = await context.newPage();
		server.clear();
		// An article, not the home page: the home page also warms search at idle, which is not precache.
		await page.goto(`${server.url}/codes/55/`, { waitUntil: 'load' });
		const from = server.log.length;
		const t0 = performance.now();
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.ready;
			if (reg.active?.state !== 'activated') {
				await new Promise<void>((done) => reg.active?.addEventListener('statechange', () => reg.active?.state === 'activated' && done()));
			}
		});
		const ms = performance.now() - t0;
		const after = server.log.slice(from);
		return { bytes: after.reduce((a, r) => a + r.bodyBytes, 0), requests: after.length, entries: 0, ms };
	} finally {
		await context.close();
	}
}

/** Type `query` into the home box on a fresh throttled first visit; ms from first input to `until`. */
async function typedOnSlowLink(
	browser: Browser,
	server: BenchServer,
	query: string,
	until: 'instant' | 'done',
	options: { serviceWorker?: boolean } = {},
): Promise<{ ms: number; count: number }> {
	const context = await browser.newContext({ ...MOBILE, serviceWorkers: options.serviceWorker ? 'allow' : 'block' });
	try {
		const page: Page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_LINK });
		await page.goto(`${server.url}/`, { waitUntil: 'load', timeout: 120_000 });
		await page.evaluate(() => {
			const input = document.querySelector<HTMLInputElement>('#home-search-input')!;
			input.addEventListener('input', () => ((window as unknown as { firstInput?: number }).firstInput ??= performance.now()), { once: true });
		});
		const input = page.locator('#home-search-input');
		await input.tap();
		await input.pressSequentially(query);
		const handle = await page.waitForFunction(
			([q, mode]) => {
				const root = document.querySelector<HTMLElement>('[data-search-root="home"]')!;
				const hit = mode === 'instant' ? root.dataset['searchInstant'] === q || root.dataset['searchQuery'] === q : root.dataset['searchState'] === 'done' && root.dataset['searchQuery'] === q;
				const links = root.querySelectorAll('[data-search-results] a').length;
				return hit && links > 0 ? { at: performance.now(), count: links } : null;
			},
			[query, until] as const,
			{ timeout: 60_000, polling: 'raf' },
		);
		const { at, count } = (await handle.jsonValue()) as { at: number; count: number };
		const first = await page.evaluate(() => (window as unknown as { firstInput: number }).firstInput);
		return { ms: at - first, count };
	} finally {
		await context.close();
	}
}

export async function measureOffline(browser: Browser, server: BenchServer, dist: string): Promise<{ figures: Figure[]; detail: OfflineDetail }> {
	const entries = precacheEntries(dist);
	const detail: OfflineDetail = { precache: null, instantCodeMs: null, firstResultMs: null, firstResultCount: 0 };
	const figures: Figure[] = [];
	const precacheGoal = { op: '<=' as const, limit: 2048 * KB, text: '≤ 2 MB' };
	if (entries === 0) {
		figures.push(notMeasured(GROUP, 'offline.precache.bytes', 'precache: transferred (gzip)', 'no sw.js in the build output (run scripts/sw.ts)', precacheGoal));
	} else {
		const p = await measurePrecache(browser, server);
		if (p) p.entries = entries;
		detail.precache = p;
		figures.push(
			figure({
				group: GROUP,
				id: 'offline.precache.bytes',
				label: 'precache: transferred (gzip)',
				value: p?.bytes ?? null,
				unit: 'bytes',
				goal: precacheGoal,
				note: p ? `${entries} files in sw.js, ${p.requests} requests, service worker active ${formatMs(p.ms)} after load (loopback); card PDFs not included` : '',
			}),
		);
	}
	const slow = '400 kbit/s, 400 ms RTT, first visit';
	const withSw = await typedOnSlowLink(browser, server, '余额不足', 'done', { serviceWorker: true });
	const code = await typedOnSlowLink(browser, server, '55', 'instant');
	detail.instantCodeMs = code.ms;
	figures.push(figure({ group: GROUP, id: 'offline.slow.code.ms', label: '“55”: first keystroke → code answer (slow link)', value: code.ms, unit: 'ms', note: slow }));
	const text = await typedOnSlowLink(browser, server, '余额不足', 'done');
	const questionFirst = await typedOnSlowLink(browser, server, FIRST_QUESTION, 'instant');
	const questionFull = await typedOnSlowLink(browser, server, FIRST_QUESTION, 'done');
	detail.firstResultMs = text.ms;
	detail.firstResultCount = text.count;
	figures.push(
		figure({
			group: GROUP,
			id: 'offline.slow.text.ms',
			label: '“余额不足”: first keystroke → first results (slow link)',
			value: text.ms,
			unit: 'ms',
			goal: { op: '<=', limit: 3000, text: '≤ 3 s' },
			note: `${slow}; ${text.count} results, from the names list (requested with the search UI when the box is touched; Pagefind not needed)`,
		}),
		figure({
			group: GROUP,
			id: 'offline.slow.question.first.ms',
			label: `“${FIRST_QUESTION}”: → first results (slow link)`,
			value: questionFirst.ms,
			unit: 'ms',
			goal: { op: '<=', limit: 3000, text: '≤ 3 s' },
			note: `${slow}; ${questionFirst.count} results from the names list, shown while Pagefind loads`,
		}),
		figure({
			group: GROUP,
			id: 'offline.slow.question.full.ms',
			label: `“${FIRST_QUESTION}”: → full-text results (slow link)`,
			value: questionFull.ms,
			unit: 'ms',
			note: `${slow}; ${questionFull.count} results; Pagefind's script, wasm, index chunks and fragments after the names list`,
		}),
		figure({
			group: GROUP,
			id: 'offline.slow.text.sw.ms',
			label: '“余额不足” with the precache downloading: → first results (slow link)',
			value: withSw.ms,
			unit: 'ms',
			note: `${slow}; service worker allowed, so the precache competes for the link`,
		}),
	);
	detail.withServiceWorkerMs = withSw.ms;
	return { figures, detail };
}
