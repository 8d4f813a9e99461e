/**
 * Accessibility (issue 17, item 7) in real Chromium: axe-core (WCAG 2.x A/AA rules and
 * best practices) on every page type, in light and dark mode, at 360 and 1280 px, must
 * report no violations; focus outlines are at least 2 px; every page has one `main`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIST, launchChromium, serveDist } from './support.ts';

let site: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;

beforeAll(async () => {
	site = await serveDist(DIST);
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const firstDir = (dir: string) => readdirSync(join(DIST, dir)).sort()[0]!;

/** One page of each type. */
const PAGES = [
	'/',
	'/codes/55/',
	'/codes/A0/',
	`/symptoms/${firstDir('symptoms')}/`,
	`/causes/${firstDir('causes')}/`,
	'/codes/',
	'/codes/unassigned/',
	'/cards/',
	'/cards/55/',
	'/search/',
	'/offline/',
];

describe('axe-core: no violations', () => {
	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [360, 1280]) {
			it(`${scheme}, ${width} px`, async () => {
				// Service workers off: every page comes from the server as built.
				const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, serviceWorkers: 'block' });
				const page = await context.newPage();
				const found: string[] = [];
				for (const path of PAGES) {
					await page.goto(`${site.url}${path}`);
					const { violations } = await new AxeBuilder({ page }).analyze();
					for (const v of violations) {
						found.push(`${path} ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
					}
					expect(await page.locator('main').count(), `${path}: one main landmark`).toBe(1);
				}
				await context.close();
				expect(found, found.join('\n')).toEqual([]);
			});
		}
	}
});

describe('focus outlines', () => {
	it('are at least 2 px on links, buttons, inputs and filter chips', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		for (const path of ['/', '/codes/', '/codes/55/']) {
			await page.goto(`${site.url}${path}`);
			const widths: { what: string; width: number }[] = [];
			// Tab through the first 25 stops and read the outline of whatever shows focus.
			for (let i = 0; i < 25; i++) {
				await page.keyboard.press('Tab');
				widths.push(
					await page.evaluate(() => {
						const el = document.activeElement as HTMLElement;
						// Chips: the radio is hidden, its label draws the ring.
						const shown = el.matches('input[type=radio]') ? (el.nextElementSibling as HTMLElement) : el;
						const style = getComputedStyle(shown);
						return { what: `${shown.tagName.toLowerCase()}.${shown.className}`, width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) };
					}),
				);
			}
			const thin = widths.filter((w) => w.width < 2);
			expect(thin, `${path}: ${JSON.stringify(thin)}`).toEqual([]);
		}
		await page.close();
	});
});
