/**
 * What every browser test file sets up the same way: `dist/` (or another build) served on
 * loopback and one Chromium, opened before the file's tests and closed after them.
 * Also the listing of built article pages, read from the build so new kinds join by themselves.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DIST, launchChromium, serveDist, type StaticServer } from '../../scripts/lib/browser.ts';

export interface Site {
	/** The served site's origin, e.g. `http://127.0.0.1:43210`. */
	readonly url: string;
	readonly browser: Browser;
}

/**
 * The browser's contexts and pages block service workers unless a test asks for one
 * (`newContext({ serviceWorkers: 'allow' })`). Every page of the site registers `/sw.js`
 * once it is idle, and the worker then downloads the whole precache (450 files, 7 MB): in
 * each new context of every file, beside the test, for nothing but the offline test
 * (offline.test.ts, which launches its own browser and allows them). `newPage` goes
 * through `newContext`, so both get the default.
 */
function blockServiceWorkers(browser: Browser): Browser {
	const newContext = browser.newContext.bind(browser);
	browser.newContext = (options: BrowserContextOptions = {}) => newContext({ serviceWorkers: 'block', ...options });
	return browser;
}

/** Serve `root` and launch Chromium for the calling test file; both close after its tests. */
export function useSite(root: string = DIST): Site {
	let server: StaticServer | undefined;
	let chromium: Browser | undefined;
	beforeAll(async () => {
		server = await serveDist(root);
		chromium = blockServiceWorkers(await launchChromium());
	});
	afterAll(async () => {
		await chromium?.close();
		await server?.close();
	});
	const ready = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('useSite: used before its beforeAll ran');
		return value;
	};
	return {
		get url() {
			return ready(server).url;
		},
		get browser() {
			return ready(chromium);
		},
	};
}

/**
 * Site paths of the built pages under these folders (`/codes/55/` …), sorted; `keep` gets the
 * path and the page's `index.html` file.
 */
export function builtPages(root: string, folders: readonly string[], keep: (path: string, file: string) => boolean = () => true): string[] {
	const paths: string[] = [];
	for (const folder of folders) {
		const dir = join(root, folder);
		if (!existsSync(dir)) continue;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const file = join(dir, entry.name, 'index.html');
			const path = `/${folder}/${entry.name}/`;
			if (entry.isDirectory() && existsSync(file) && keep(path, file)) paths.push(path);
		}
	}
	return paths.sort();
}

/** Same page, ignoring case (Starlight lower-cases slugs) and `#…`. */
export const samePage = (a: string, b: string) => new URL(a, 'http://x').pathname.toLowerCase() === new URL(b, 'http://x').pathname.toLowerCase();

/**
 * `fn` over `items` on `tabs` pages at once, each page taking the next item when it is free;
 * the results come back in the items' order. Most of a per-item browser check is waiting
 * (search's typing debounce, a page load, a frame), so two or three tabs fill those waits on
 * a two-core machine: the file runs in about half the time with the same assertions.
 */
export async function mapOnTabs<T, R>(
	open: () => Promise<Page>,
	tabs: number,
	items: readonly T[],
	fn: (page: Page, item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		const page = await open();
		try {
			while (next < items.length) {
				const index = next++;
				results[index] = await fn(page, items[index]!, index);
			}
		} finally {
			await page.close();
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(tabs, items.length)) }, worker));
	return results;
}

/**
 * Home pages searching at once in the search checks (see `mapOnTabs`): measured, two finished
 * the question set in 31 s against 41 s on one, and three were no faster than two.
 */
export const SEARCH_TABS = 2;

/** A 360 px phone on the site's home page, ready to search. */
export async function openPhoneHome(site: Site): Promise<Page> {
	const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
	await page.goto(`${site.url}/`);
	return page;
}

/**
 * Search the home box through the page's own `window.poskbSearch.run` (src/scripts/search/boot.ts):
 * the path typing takes, from the box's value to the rendered list, without the 60 ms typing
 * debounce. Returns the result links on screen. For checks of what is found; typing itself
 * has its own tests (search.test.ts).
 */
export async function searchHome(page: Page, q: string): Promise<string[]> {
	const root = '[data-search-root="home"]';
	await page.evaluate((query) => window.poskbSearch.run(query, 'home'), q);
	expect(await page.locator(`${root} input[data-search-input]`).inputValue()).toBe(q);
	return page.locator(`${root} [data-search-results] a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}
