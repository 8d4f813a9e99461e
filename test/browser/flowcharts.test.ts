/**
 * Flowcharts beyond the phone-width check (that one, on every diagram at 360 px, is in
 * phone.test.ts): on a desktop the scroll cue stays hidden when the diagram fits, and the
 * full-screen view opens over the whole phone screen, keeps labels legible and closes with
 * its button and with Escape.
 *
 * Runs against dist/ (or FLOWCHART_DIST=/some/dist) after `npm run build`.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/browser.ts';
import { useSite } from './harness.ts';

const ROOT = process.env['FLOWCHART_DIST'] ? resolve(process.env['FLOWCHART_DIST']) : DIST;
const VIEWPORT = { width: 360, height: 740 };
const MIN_LABEL_PX = 12;
const site = useSite(ROOT);

describe('flowcharts: desktop and full screen', () => {
	it('the cue stays hidden when the diagram fits (desktop)', async () => {
		const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`${site.url}/codes/55/`);
		const r = await page.evaluate(() => {
			const figure = document.querySelector<HTMLElement>('figure.flowchart')!;
			const scroller = figure.querySelector('svg')!.parentElement!;
			return { overflow: scroller.scrollWidth > scroller.clientWidth, cue: figure.querySelector<HTMLElement>('.flowchart-cue')?.checkVisibility({ visibilityProperty: true }) ?? false };
		});
		await page.close();
		expect(r).toEqual({ overflow: false, cue: false });
	});

	it('full-screen view opens over the whole screen and closes with its button and with Escape', async () => {
		const page = await site.browser.newPage({ viewport: VIEWPORT });
		await page.goto(`${site.url}/codes/55/`);
		const figure = page.locator('figure.flowchart').first();
		const view = figure.locator('[popover]');
		await figure.locator('[popovertarget]:not([popovertargetaction="hide"])').click();
		await expect.poll(() => view.evaluate((el) => el.matches(':popover-open'))).toBe(true);
		const box = await view.boundingBox();
		expect(box).toMatchObject({ x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height });
		// Labels stay legible full-screen as well.
		const smallest = await view.evaluate((el) => {
			const svg = el.querySelector('svg')!;
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
		});
		expect(smallest).toBeGreaterThanOrEqual(MIN_LABEL_PX);
		await view.locator('[popovertargetaction="hide"]').click();
		await expect.poll(() => view.evaluate((el) => el.matches(':popover-open'))).toBe(false);
		// Closed again, the diagram is back in the page, visible.
		expect(await view.locator('svg').isVisible()).toBe(true);
		await figure.locator('[popovertarget]:not([popovertargetaction="hide"])').click();
		await page.keyboard.press('Escape');
		await expect.poll(() => view.evaluate((el) => el.matches(':popover-open'))).toBe(false);
		await page.close();
	});
});
