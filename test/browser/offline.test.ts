/**
 * The offline app (issue 17) in real Chromium, against a copy of the built `dist/` (the
 * update test changes files in it):
 * - one online visit to `/`, then offline: pages never visited open (a code, a symptom, a
 *   cause, a card, the code index, the wall chart), each says it is an offline copy (not in
 *   print); search finds 51 for "余额不足" (the names list) and for a question (Pagefind's
 *   full text, its files from the cache); an unknown URL gets the offline page;
 * - a first visit to a card page (no Starlight frame) sets up the offline site as well;
 * - a new build is picked up: the new worker installs in the background, the open page
 *   keeps the old version, and the next followed link shows the new one;
 * - the manifest is linked from every kind of page and names the app.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request, Response } from 'playwright-core';
import { DIST, launchChromium, serveDist } from '../../scripts/lib/browser.ts';
import { buildServiceWorker } from '../../scripts/lib/sw/build.ts';

let root: string;
let site: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const firstDir = (dir: string) => readdirSync(join(DIST, dir)).sort()[0]!;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'poskb-offline-'));
	cpSync(DIST, root, { recursive: true });
	site = await serveDist(root);
	browser = await launchChromium();
	context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	if (root) rmSync(root, { recursive: true, force: true });
});

/** Wait until a service worker controls the page (the precache is complete once it is active). */
async function controlled(p: Page): Promise<void> {
	await p.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
		}
	});
}

describe('offline after one visit', () => {
	it('registers /sw.js after load, and the worker controls the page', async () => {
		await page.goto(`${site.url}/`);
		await controlled(page);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}/sw.js`);
	});

	it('opens pages never visited, each saying it is an offline copy', async () => {
		await context.setOffline(true);
		const pages: [string, RegExp][] = [
			['/codes/51/', /51/],
			[`/symptoms/${firstDir('symptoms')}/`, /./],
			[`/causes/${firstDir('causes')}/`, /./],
			['/codes/', /返回码/],
			['/cards/55/', /55/],
			['/cards/', /挂图/],
		];
		for (const [path, title] of pages) {
			const response = await page.goto(`${site.url}${path}`);
			expect(response?.status(), path).toBe(200);
			expect(response?.fromServiceWorker(), path).toBe(true);
			expect(await page.title(), path).toMatch(title);
			expect(await page.locator('main').count(), `${path} has a main landmark`).toBe(1);
			await expect.poll(() => page.locator('.pk-offline').getAttribute('title'), { timeout: 5000 }).toMatch(/^离线浏览：本页是.*保存的副本（\d{4}\/\d{1,2}\/\d{1,2}）。$/);
			if (!path.startsWith('/cards/')) {
				// Beside the site's name, whole on a 360 px screen, and moving nothing on the page.
				const note = await page.locator('header .pk-offline').evaluate((el) => {
					const box = el.getBoundingClientRect();
					const name = document.querySelector<HTMLElement>('header .site-title')!;
					return {
						text: el.textContent,
						whole: el.scrollWidth <= el.clientWidth,
						right: box.right,
						nameWhole: name.scrollWidth <= name.clientWidth && name.getBoundingClientRect().right <= box.left,
					};
				});
				expect(note.text, path).toMatch(/^离线 · .+$/);
				expect(note.whole, `${path}: the note is cut short`).toBe(true);
				expect(note.nameWhole, `${path}: the site's name is cut short`).toBe(true);
				expect(note.right, path).toBeLessThanOrEqual(360);
			}
		}
		// The line is for the screen: a card printed offline is the same one page.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.pk-offline').isVisible()).toBe(false);
		await page.emulateMedia({ media: null });
	});

	it('searches offline: "余额不足" finds 51', async () => {
		await page.goto(`${site.url}/`);
		await page.locator('#home-search-input').fill('余额不足');
		await page.waitForFunction(() => {
			const el = document.querySelector<HTMLElement>('[data-search-root="home"]');
			return el?.dataset['searchState'] === 'done' && el.dataset['searchQuery'] === '余额不足';
		});
		const hrefs = await page.locator('[data-search-root="home"] [data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs.slice(0, 3)).toContain('/codes/51/');
	});

	it('searches the full text offline: Pagefind\'s script, wasm and index chunks come from the cache', async () => {
		// "余额不足" is answered by the names list alone; a question needs Pagefind. A fresh
		// document, so nothing of Pagefind is in memory yet.
		await page.goto(`${site.url}/`);
		const served: { path: string; status: number; cached: boolean }[] = [];
		const failed: string[] = [];
		const onResponse = (r: Response) => {
			const path = new URL(r.url()).pathname;
			if (path.startsWith('/pagefind/')) served.push({ path, status: r.status(), cached: r.fromServiceWorker() });
		};
		const onFailed = (r: Request) => failed.push(new URL(r.url()).pathname);
		page.on('response', onResponse);
		page.on('requestfailed', onFailed);
		const detail = await page.evaluate(() =>
			(window as unknown as { poskbSearch: { run: (q: string, w: string, o: object) => Promise<{ hrefs: string[] }> } }).poskbSearch.run(
				'刷卡显示余额不足可是卡上有钱',
				'home',
				{ fullText: true },
			),
		);
		page.off('response', onResponse);
		page.off('requestfailed', onFailed);
		expect(failed).toEqual([]);
		expect(detail.hrefs.slice(0, 3)).toContain('/codes/51/');
		const paths = served.map((s) => s.path);
		expect(paths).toContain('/pagefind/pagefind.js');
		expect(paths).toContain('/pagefind/wasm.unknown.pagefind');
		expect(paths.some((p) => p.endsWith('.pf_index')), paths.join(' ')).toBe(true);
		expect(paths.some((p) => p.endsWith('.pf_fragment')), paths.join(' ')).toBe(true);
		expect(served.filter((s) => s.status !== 200 || !s.cached)).toEqual([]);
	});

	it('answers an unknown URL with the offline page, which offers search and the code index', async () => {
		const response = await page.goto(`${site.url}/no-such-page/`);
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toContain('你已离线');
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
		expect(await page.locator('#home-search-input').count()).toBe(1);
		expect(await page.locator('main a[href="/codes/"]').count()).toBeGreaterThan(0);
		await context.setOffline(false);
	});
});

describe('a card as the first page', () => {
	it('a first visit to the wall chart (/cards/) also makes the site work offline', async () => {
		const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
		try {
			const first = await fresh.newPage();
			await first.goto(`${site.url}/cards/`);
			await controlled(first);
			await fresh.setOffline(true);
			for (const path of ['/codes/51/', '/', '/cards/55/']) {
				const response = await first.goto(`${site.url}${path}`);
				expect(response?.status(), path).toBe(200);
				expect(response?.fromServiceWorker(), path).toBe(true);
			}
		} finally {
			await fresh.close();
		}
	});
});

describe('update after a new build', () => {
	it('installs the new version in the background and shows it on the next followed link', async () => {
		// A new build: one page changed, the service worker regenerated over the changed output.
		const file = join(root, 'codes', '51', 'index.html');
		writeFileSync(file, readFileSync(file, 'utf8').replace('<title>', '<title>新版 '));
		await buildServiceWorker(root);

		await page.goto(`${site.url}/codes/`);
		await controlled(page);
		await page.evaluate(async () => {
			const reg = (await navigator.serviceWorker.getRegistration())!;
			await reg.update();
			const installing = reg.installing;
			if (!reg.waiting && installing) {
				await new Promise<void>((done) => installing.addEventListener('statechange', () => installing.state === 'installed' && done()));
			}
			if (!reg.waiting) throw new Error('no new service worker is waiting');
		});
		// Not mid-page: until a link is followed, the old version still answers.
		const before = await context.newPage();
		await before.goto(`${site.url}/codes/51/`);
		expect(await before.title()).not.toContain('新版');
		await before.close();

		const states = () =>
			page.evaluate(async () => {
				const reg = await navigator.serviceWorker.getRegistration();
				return `waiting ${reg?.waiting?.state ?? 'none'}, active ${reg?.active?.state ?? 'none'}`;
			});
		await page.locator('main a[href="/codes/51/"]').first().click();
		// The page holds the click until the new worker takes over (at most 3 s, register.ts).
		await page.waitForURL(/\/codes\/51\/$/, { timeout: 15_000 }).catch(async (error: Error) => {
			throw new Error(`${error.message.split('\n')[0]} (service worker: ${await states().catch(() => 'unknown')})`);
		});
		expect(await page.title()).toContain('新版');
	});
});

describe('installable', () => {
	it('links the manifest from every kind of page; the manifest names the app in zh-CN with its icons', async () => {
		for (const path of ['/', '/codes/55/', '/codes/', '/cards/55/', '/cards/', '/offline/', '/search/']) {
			const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
			expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest"');
			expect(html, path).toContain('rel="apple-touch-icon"');
		}
		const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')) as { name: string; lang: string; start_url: string; display: string; icons: { src: string; sizes: string; purpose?: string }[] };
		expect(manifest).toMatchObject({ name: 'POS 故障速查', lang: 'zh-CN', start_url: '/', display: 'standalone' });
		const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`);
		expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
		// Browsers refuse an install icon whose pixels do not match its declared size (PNG IHDR: width and height at bytes 16–23).
		for (const icon of manifest.icons.filter((i) => i.src.endsWith('.png'))) {
			const png = readFileSync(join(DIST, icon.src));
			expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
		}
		for (const icon of ['/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png', '/icons/apple-touch-icon-180.png', '/favicon.ico']) {
			const response = await page.request.get(`${site.url}${icon}`);
			expect(response.status(), icon).toBe(200);
		}
	});
});
