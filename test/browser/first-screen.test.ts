/**
 * The whole answer on the first screen (issue 17, item 6): on every code, symptom and task
 * article in `dist/` (task pages are picked up as soon as `dist/tasks/` exists), at a
 * 360×740 phone, the meaning, the first action and the customer line (对顾客说) are all
 * on screen without scrolling. One page is reused and the URLs are looped, so the whole
 * run is a few seconds.
 *
 * Runs against dist/ (or FIRST_SCREEN_DIST=/some/dist) after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/browser.ts';
import { builtPages, useSite } from './harness.ts';

const ROOT = process.env['FIRST_SCREEN_DIST'] ? resolve(process.env['FIRST_SCREEN_DIST']) : DIST;
const VIEWPORT = { width: 360, height: 740 };
/** Folders that hold articles with facts (`src/schemas/common.ts` KIND_FOLDERS for code, symptom, task). */
const FOLDERS = ['codes', 'symptoms', 'tasks'] as const;
/** Listing pages that live in those folders but are not articles; anything else must carry facts. */
const NOT_ARTICLES = new Set(['/codes/unassigned/']);

/** Every built page under the article folders, read from `dist/` so new kinds and pages join by themselves. */
const articlePaths = () => builtPages(ROOT, FOLDERS, (path) => !NOT_ARTICLES.has(path));

const site = useSite(ROOT);

interface Measure {
	path: string;
	/** Bottom edges in CSS px from the top of the page at scroll 0; -1 when the part is missing. */
	meaning: number;
	first: number;
	customer: number;
}

describe('first screen at 360×740', () => {
	const paths = articlePaths();

	it('finds the code and symptom articles in dist/', () => {
		expect(paths.filter((p) => p.startsWith('/codes/')).length).toBeGreaterThan(50);
		expect(paths.filter((p) => p.startsWith('/symptoms/')).length).toBeGreaterThan(0);
		// Each of them really is an article with a facts block (guards against a listing page slipping in).
		for (const p of paths) expect(readFileSync(join(ROOT, p, 'index.html'), 'utf8'), p).toContain('class="customer-line');
	});

	it('meaning, first action and customer line end within 740 px on every article', async () => {
		const page = await site.browser.newPage({ viewport: VIEWPORT });
		const rows: Measure[] = [];
		try {
			for (const path of paths) {
				const response = await page.goto(site.url + path, { waitUntil: 'load' });
				expect(response?.ok(), `${path} should load`).toBe(true);
				// Web fonts change line breaks: measure only after they have settled.
				await page.evaluate(() => document.fonts.ready);
				const m = await page.evaluate(() => {
					const bottom = (sel: string) => {
						const el = document.querySelector(sel);
						return el ? el.getBoundingClientRect().bottom + window.scrollY : -1;
					};
					return {
						meaning: bottom('.facts-meaning'),
						first: bottom('.facts-first'),
						customer: bottom('.customer-line'),
						scrollY: window.scrollY,
					};
				});
				expect(m.scrollY, `${path} opened scrolled`).toBe(0);
				rows.push({ path, meaning: m.meaning, first: m.first, customer: m.customer });
			}
		} finally {
			await page.close();
		}
		const worst = [...rows].sort((a, b) => b.customer - a.customer);
		console.log(
			`first screen: ${rows.length} articles; customer-line bottom worst ${worst
				.slice(0, 3)
				.map((r) => `${r.path} ${Math.round(r.customer)} px`)
				.join(', ')}; best ${Math.round(worst.at(-1)?.customer ?? 0)} px`,
		);
		const late = rows.filter((r) => r.meaning < 0 || r.first < 0 || r.customer < 0 || Math.max(r.meaning, r.first, r.customer) > VIEWPORT.height);
		expect(late.map((r) => `${r.path}: meaning ${Math.round(r.meaning)}, first ${Math.round(r.first)}, customer ${Math.round(r.customer)}`)).toEqual([]);
	});
});
