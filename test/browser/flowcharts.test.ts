/**
 * Flowcharts on a phone (issue 17, item 8): at 360 px, on every flowchart of every article
 * page in `dist/`, labels (box and 是/否 edge labels) are drawn at 12 CSS px or more, and a
 * diagram wider than its box is never cut off without a visible "横向滑动查看" cue. Each
 * diagram can be opened full-screen and its text version is one tap away.
 *
 * Runs against dist/ (or FLOWCHART_DIST=/some/dist) after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/browser.ts';
import { builtPages, useSite } from './harness.ts';

const ROOT = process.env['FLOWCHART_DIST'] ? resolve(process.env['FLOWCHART_DIST']) : DIST;
const VIEWPORT = { width: 360, height: 740 };
const MIN_LABEL_PX = 12;
/** Article folders (`src/schemas/common.ts` KIND_FOLDERS); tasks join when they are built. */
const FOLDERS = ['codes', 'symptoms', 'causes', 'tasks'] as const;

/** Every built page under the article folders whose HTML holds a rendered flowchart. */
const pagesWithFlowcharts = () => builtPages(ROOT, FOLDERS, (_path, file) => readFileSync(file, 'utf8').includes('class="flowchart '));

const site = useSite(ROOT);

interface FigureReport {
	index: number;
	/** Smallest box label and edge label, in CSS px as drawn. */
	nodePx: number;
	edgePx: number;
	overflow: boolean;
	cueVisible: boolean;
	/** The diagram's box reaches past the page's right edge (the page itself scrolls sideways). */
	pageOverflow: boolean;
	hasFullScreen: boolean;
	hasTextVersion: boolean;
}

describe('flowcharts at 360 px', () => {
	const paths = pagesWithFlowcharts();

	it('finds flowcharts in dist/', () => {
		expect(paths.length).toBeGreaterThan(10);
	});

	it('labels ≥ 12 px, and any diagram wider than its box shows the scroll cue', async () => {
		const page = await site.browser.newPage({ viewport: VIEWPORT });
		const problems: string[] = [];
		const all: (FigureReport & { path: string })[] = [];
		try {
			for (const path of paths) {
				const response = await page.goto(site.url + path, { waitUntil: 'load' });
				expect(response?.ok(), path).toBe(true);
				await page.evaluate(() => document.fonts.ready);
				// The cue is animated on the box's scroll timeline, which takes effect on the next
				// rendered frame: wait for two, or a busy machine reads the cue before it shows.
				await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
				const reports = await page.evaluate((): FigureReport[] =>
					[...document.querySelectorAll<HTMLElement>('figure.flowchart')].map((figure, index) => {
						const svg = figure.querySelector<SVGSVGElement>('svg')!;
						const scroller = svg.parentElement!;
						// Drawn size = font size in SVG units × the SVG's on-screen scale.
						const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
						const px = (sel: string) =>
							Math.min(...[...svg.querySelectorAll<SVGTextElement>(sel)].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
						const cue = figure.querySelector<HTMLElement>('.flowchart-cue');
						const cueBox = cue?.getBoundingClientRect();
						const full = figure.querySelector<HTMLElement>('[popovertarget]');
						const summary = figure.querySelector<HTMLElement>('details.flowchart-text > summary');
						return {
							index,
							nodePx: px('.node text'),
							edgePx: px('.edge-label text'),
							overflow: scroller.scrollWidth > scroller.clientWidth,
							cueVisible:
								!!cue &&
								cue.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
								!!cueBox &&
								cueBox.width > 0 &&
								cueBox.left >= 0 &&
								cueBox.right <= window.innerWidth,
							pageOverflow: scroller.getBoundingClientRect().right > window.innerWidth,
							hasFullScreen: !!full && full.checkVisibility() && full.getBoundingClientRect().height >= 24,
							hasTextVersion: !!summary && summary.checkVisibility(),
						};
					}),
				);
				for (const r of reports) {
					all.push({ path, ...r });
					const where = `${path} figure ${r.index + 1}`;
					if (r.nodePx < MIN_LABEL_PX) problems.push(`${where}: box labels ${r.nodePx.toFixed(1)} px`);
					if (Number.isFinite(r.edgePx) && r.edgePx < MIN_LABEL_PX) problems.push(`${where}: edge labels ${r.edgePx.toFixed(1)} px`);
					if (r.overflow && !r.cueVisible) problems.push(`${where}: cut off at the side with no visible 横向滑动查看 cue`);
					if (r.pageOverflow) problems.push(`${where}: the diagram box is wider than the screen`);
					if (!r.hasFullScreen) problems.push(`${where}: no visible full-screen button`);
					if (!r.hasTextVersion) problems.push(`${where}: no text version`);
				}
			}
		} finally {
			await page.close();
		}
		const min = (k: 'nodePx' | 'edgePx') => Math.min(...all.map((r) => r[k]).filter(Number.isFinite)).toFixed(1);
		console.log(
			`flowcharts: ${all.length} on ${paths.length} pages; smallest box label ${min('nodePx')} px, edge label ${min('edgePx')} px; ` +
				`${all.filter((r) => r.overflow).length} scroll sideways, ${all.filter((r) => r.overflow && r.cueVisible).length} of them with the cue`,
		);
		expect(problems).toEqual([]);
	});

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
