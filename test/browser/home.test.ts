/**
 * Reachability (issue 14, item 6): on a 360 px phone, every symptom and every task article
 * is at most two taps from the home page, through links a reader can see and tap (44 px or
 * taller), and the home page stays one column wide. Counts taps by following visible links
 * in the page's main content: a link on the home page is one tap, a link on a page it leads
 * to is two.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST } from '../../scripts/lib/browser.ts';
import { useSite } from './harness.ts';

const ROOT = process.env['SEARCH_DIST'] ?? DIST;
const PHONE = { width: 360, height: 740 };

/** Every symptom and task article, from the content folders (not from the page under test). */
const targets = ['symptoms', 'tasks'].flatMap((dir) =>
	readdirSync(`content/${dir}`)
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => `/${dir}/${f.replace(/\.mdx$/u, '')}/`),
);

const site = useSite(ROOT);

interface Link {
	href: string;
	height: number;
}

/** The visible links of a page's main content, as site paths. */
async function visibleLinks(page: Page): Promise<Link[]> {
	return page.locator('main a[href]').evaluateAll((as) =>
		as
			.filter((a) => {
				const r = a.getBoundingClientRect();
				const style = getComputedStyle(a);
				return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
			})
			.map((a) => ({ href: new URL((a as HTMLAnchorElement).href).pathname, height: a.getBoundingClientRect().height })),
	);
}

describe('home page on a 360 px phone', () => {
	it('lists at least the 12 new symptoms and 8 tasks in the content', () => {
		expect(targets.filter((t) => t.startsWith('/symptoms/')).length).toBeGreaterThanOrEqual(12);
		expect(targets.filter((t) => t.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(8);
	});

	it('reaches every symptom and task in at most two taps, through tap targets of 44 px or more', async () => {
		const page = await site.browser.newPage({ viewport: PHONE });
		await page.goto(`${site.url}/`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		const first = await visibleLinks(page);
		const oneTap = new Set(first.map((l) => l.href));
		// The buttons that lead to a symptom or a task are big enough to tap.
		const small = first.filter((l) => targets.includes(l.href) && l.height < 44);
		expect(small, 'symptom and task buttons under 44 px').toEqual([]);

		const missing = targets.filter((t) => !oneTap.has(t));
		const twoTaps = new Set<string>();
		if (missing.length) {
			for (const href of [...oneTap].filter((h) => h.startsWith('/'))) {
				await page.goto(`${site.url}${href}`);
				for (const l of await visibleLinks(page)) twoTaps.add(l.href);
			}
		}
		await page.close();
		console.log(`\nHome at 360 px: ${targets.length - missing.length}/${targets.length} symptoms and tasks one tap away`);
		expect(missing.filter((t) => !twoTaps.has(t)), 'more than two taps from the home page').toEqual([]);
	});

	it('names the new sections in headings a reader can jump to', async () => {
		const page = await site.browser.newPage({ viewport: PHONE });
		await page.goto(`${site.url}/`);
		expect(await page.locator('h2#symptoms').count()).toBe(1);
		expect(await page.locator('h2#tasks').count()).toBe(1);
		// Every task link sits in the tasks list, every symptom link in the symptoms list.
		const inList = (list: string) =>
			page.locator(`[data-home-list="${list}"] a`).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect((await inList('tasks')).sort()).toEqual(targets.filter((t) => t.startsWith('/tasks/')).sort());
		expect((await inList('symptoms')).sort()).toEqual(targets.filter((t) => t.startsWith('/symptoms/')).sort());
		await page.close();
	});
});
