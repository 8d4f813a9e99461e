/**
 * Smoke test (issue 2): the home page and /codes/55/ open in real Chromium, are
 * zh-CN, and the flowchart is an inline SVG that is actually visible, with no script; a
 * mistyped short link lands on a 404 page whose search box works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveDist } from '../../scripts/lib/browser.ts';

let site: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;

beforeAll(async () => {
	site = await serveDist();
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

describe('smoke', () => {
	it('home page is a zh-CN page with the search box and the common codes', async () => {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(`${site.url}/`);
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		// The site's name once in the tab title, not "POS 故障速查 | POS 故障速查".
		expect((await page.title()).split('POS 故障速查')).toHaveLength(2);
		await expect(page.locator('a[href="/codes/55/"]').first().isVisible()).resolves.toBe(true);
		await expect(page.locator('a[href="/symptoms/settlement-failure/"]').first().isVisible()).resolves.toBe(true);
		// Nothing wider than the 360 px phone screen.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.close();
	});

	it('/codes/55/ shows meaning, first action and a visible flowchart SVG with links', async () => {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
		await page.goto(`${site.url}/codes/55/`);
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		await expect(page.locator('h1').textContent()).resolves.toContain('55');
		await expect(page.locator('.facts').textContent()).resolves.toContain('不正确的PIN');
		await expect(page.locator('.facts-first').textContent()).resolves.toContain('先做这一步');
		const svg = page.locator('figure.flowchart svg').first();
		expect(await svg.isVisible()).toBe(true);
		const box = await svg.boundingBox();
		expect(box?.width ?? 0).toBeGreaterThan(200);
		expect(box?.height ?? 0).toBeGreaterThan(200);
		// The diagram's text was really drawn: a node label has a non-zero rendered size.
		// (The SVG's first <text> is a one-character 是/否 edge label, about as wide as its 12 px
		// font; a node's label is what this means.)
		const label = page.locator('figure.flowchart svg .node text').first();
		expect((await label.boundingBox())?.width ?? 0).toBeGreaterThan(10);
		// Nodes that point to another article are real links, also in the text alternative.
		expect(await page.locator('figure.flowchart svg a[href="/codes/75/"]').count()).toBe(1);
		expect(await page.locator('figure.flowchart details a[href="/codes/75/"]').count()).toBe(1);
		// No diagram JavaScript: the page has no mermaid script at all.
		const scripts = await page.locator('script[src*="mermaid"]').count();
		expect(scripts).toBe(0);
		await page.close();
	});

	it('a mistyped short link gets a 404 page that searches: "55" in its box answers /codes/55/', async () => {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
		const response = await page.goto(`${site.url}/555/`);
		expect(response?.status()).toBe(404);
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		await expect(page.locator('h1').textContent()).resolves.toContain('找不到这一页');
		expect(await page.locator('main a[href="/codes/"]').count()).toBe(1);
		await page.locator('#home-search-input').fill('55');
		await page.waitForFunction(() => {
			const el = document.querySelector<HTMLElement>('[data-search-root="home"]');
			return el?.dataset['searchState'] === 'done' && el.dataset['searchQuery'] === '55';
		});
		const first = await page.locator('[data-search-root="home"] [data-search-results] a').first().getAttribute('href');
		expect(first).toBe('/codes/55/');
		await page.close();
	});
});
