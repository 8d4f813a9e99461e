/**
 * Accessibility (issue 17, item 7): axe-core on every page type, light and dark, at a
 * 360 px phone and a 1280 px desktop, must report no violations. Also: focus outlines are
 * at least 2 px, every page has a `main` landmark, and the card pages fetch no missing
 * favicon.
 *
 * Runs against dist/ (or A11Y_DIST=/some/dist) after `npm run build`.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST } from '../../scripts/lib/browser.ts';
import { useSite } from './harness.ts';

const ROOT = process.env['A11Y_DIST'] ? resolve(process.env['A11Y_DIST']) : DIST;

/** One page of each type the site has. */
const PAGES = [
	{ type: 'home', path: '/' },
	{ type: 'code index', path: '/codes/' },
	{ type: 'code', path: '/codes/55/' },
	{ type: 'code (acquirer)', path: '/codes/A0/' },
	{ type: 'symptom', path: '/symptoms/settlement-failure/' },
	{ type: 'cause', path: '/causes/network/' },
	{ type: 'unassigned codes', path: '/codes/unassigned/' },
	{ type: 'cards index', path: '/cards/' },
	{ type: 'card', path: '/cards/55/' },
	{ type: '404', path: '/no-such-page/' },
] as const;
const THEMES = ['light', 'dark'] as const;
/**
 * All of axe's default rules, plus the experimental one that checks a control's accessible
 * name contains its visible text (WCAG 2.5.3): voice-control users say what they see.
 */
const AXE_OPTIONS = { rules: { 'label-content-name-mismatch': { enabled: true } } };
const WIDTHS = [360, 1280] as const;

const site = useSite(ROOT);

async function open(page: Page, path: string) {
	const response = await page.goto(site.url + path, { waitUntil: 'load' });
	expect(response?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
	await page.evaluate(() => document.fonts.ready);
}

/**
 * Put the loaded page in one theme, as a reader who picked it would see it: the OS preference
 * (the card pages follow `prefers-color-scheme`) and Starlight's choice, which its theme script
 * applies as `data-theme` before paint from `localStorage['starlight-theme']`. Switching in
 * place instead of loading the page once per theme halves the page loads of this file; the
 * styles are the same, since Starlight's themes are nothing but that attribute and that query.
 */
async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	await page.evaluate((t) => {
		localStorage.setItem('starlight-theme', t);
		if (document.documentElement.dataset['theme'] !== undefined) document.documentElement.dataset['theme'] = t;
	}, theme);
}

/**
 * Rules whose outcome can depend on colours. A theme changes colours and, at most, which
 * elements show; when both themes show the same elements, the second theme runs only these.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Which elements the page shows now, as one string (compared between the themes). */
async function shownElements(page: Page): Promise<string> {
	return page.evaluate(() => [...document.querySelectorAll('body *')].map((el) => (el.checkVisibility({ visibilityProperty: true }) ? '1' : '0')).join(''));
}

/** axe's violations on the page as it is now, one line each (empty when there are none). */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
	// Legacy mode runs `axe.run` in the page itself. The default splits the run across frames
	// and finishes it in a new blank page, which costs more than the checks on pages with no
	// frames, as here: 1.6 s instead of 5.6 s on /codes/. Only violations are collected in
	// full; the details of passing checks are not read here.
	const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ ...AXE_OPTIONS, resultTypes: ['violations'] });
	const { violations: found } = await (rules ? axe.withRules(rules) : axe).analyze();
	return found.map(
		(v) =>
			`${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(' | ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
	);
}

for (const width of WIDTHS) {
	// One context per width, one test per page (both themes), so a failure names its page and theme.
	describe(`axe-core, light and dark, ${width} px`, () => {
		let context: BrowserContext;
		let page: Page;
		beforeAll(async () => {
			context = await site.browser.newContext({ viewport: { width, height: 800 } });
			page = await context.newPage();
		});
		afterAll(async () => {
			await context?.close();
		});
		for (const { type, path } of PAGES) {
			it(`${type} ${path}: no violations in either theme`, async () => {
				await open(page, path);
				const found: Record<string, string[]> = {};
				let shownInFirstTheme: string | undefined;
				for (const theme of THEMES) {
					await useTheme(page, theme);
					const dataTheme = await page.evaluate(() => document.documentElement.dataset['theme']);
					// Starlight pages must really be in the theme under test (the card pages have none).
					if (dataTheme !== undefined) expect(dataTheme, `${path} theme`).toBe(theme);
					expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${path} ${theme}: OS preference`).toBe(theme === 'dark');
					// Every rule in the first theme; in the second only the colour rules, unless the
					// second theme shows or hides anything the first did not.
					const shown = await shownElements(page);
					found[theme] = await violations(page, shown === shownInFirstTheme ? COLOUR_RULES : undefined);
					shownInFirstTheme ??= shown;
				}
				expect(found).toEqual({ light: [], dark: [] });
			});
		}
	});
}

describe('landmarks, focus and favicon', () => {
	it('every page type has exactly one main landmark', async () => {
		const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
		const missing: string[] = [];
		for (const { path } of PAGES) {
			await open(page, path);
			const mains = await page.locator('main, [role="main"]').count();
			if (mains !== 1) missing.push(`${path}: ${mains}`);
		}
		await page.close();
		expect(missing).toEqual([]);
	});

	it('keyboard focus draws an outline of at least 2 px on links, buttons and fields', async () => {
		const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
		const thin: string[] = [];
		for (const path of ['/', '/codes/55/', '/cards/55/']) {
			await open(page, path);
			// Tab through the first focusable elements, as a keyboard user does.
			for (let i = 0; i < 12; i++) {
				await page.keyboard.press('Tab');
				const f = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return undefined;
					const s = getComputedStyle(el);
					return {
						what: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} “${(el.textContent ?? '').trim().slice(0, 12)}”`,
						style: s.outlineStyle,
						width: parseFloat(s.outlineWidth),
					};
				});
				if (f && (f.style === 'none' || f.width < 2)) thin.push(`${path} ${f.what}: ${f.style} ${f.width}px`);
			}
		}
		await page.close();
		expect(thin).toEqual([]);
	});

	it('card pages link the favicon and request nothing that is missing', async () => {
		const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
		const failed: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
		});
		for (const path of ['/cards/', '/cards/55/']) {
			await open(page, path);
			expect(await page.locator('link[rel~="icon"]').getAttribute('href'), path).toBe('/favicon.svg');
		}
		// Chromium asks for /favicon.ico only after load, and only when no icon is linked.
		await page.goto(`${site.url}/cards/A0/`, { waitUntil: 'networkidle' });
		await page.close();
		expect(failed).toEqual([]);
	});
});
