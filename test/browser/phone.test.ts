/**
 * Every article on a 360×740 phone (issue 17), one visit per page and two checks on it:
 *
 * - The whole answer on the first screen (item 6): on every code, symptom and task article
 *   (new kinds join as soon as their folder is built), the meaning, the first action and the
 *   customer line (对顾客说) are all on screen without scrolling.
 * - Flowcharts fit a phone (item 8): on every flowchart of every article page, labels (box
 *   and 是/否 edge labels) are drawn at 12 CSS px or more, a diagram wider than its box is
 *   never cut off without a visible "横向滑动查看" cue, and each can be opened full-screen and
 *   has its text version one tap away (the full-screen view itself: flowcharts.test.ts).
 *
 * The pages are visited once, in `beforeAll`, and both checks read what was measured: two
 * loops over the same hundred pages were a quarter of a minute of CI for nothing.
 *
 * Runs against dist/ (or PHONE_DIST=/some/dist) after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/browser.ts';
import { builtPages, useSite } from './harness.ts';

const ROOT = process.env['PHONE_DIST'] ? resolve(process.env['PHONE_DIST']) : DIST;
const VIEWPORT = { width: 360, height: 740 };
const MIN_LABEL_PX = 12;
/** Article folders (`src/schemas/common.ts` KIND_FOLDERS); tasks join when they are built. */
const FOLDERS = ['codes', 'symptoms', 'causes', 'tasks'] as const;
/** Folders whose articles carry facts (meaning, first action, customer line): code, symptom, task. */
const FACTS_FOLDERS = new Set(['codes', 'symptoms', 'tasks']);
/** Listing pages that live in those folders but are not articles; anything else must carry facts. */
const NOT_ARTICLES = new Set(['/codes/unassigned/']);

const html = (path: string) => readFileSync(join(ROOT, path, 'index.html'), 'utf8');
const isFactsArticle = (path: string) => FACTS_FOLDERS.has(path.split('/')[1]!) && !NOT_ARTICLES.has(path);
const hasFlowchart = (path: string) => html(path).includes('class="flowchart ');

/** Every built page under the article folders that either check reads, from `dist/`. */
const paths = builtPages(ROOT, FOLDERS, (path) => isFactsArticle(path) || hasFlowchart(path));
const factsPaths = paths.filter(isFactsArticle);
const flowchartPaths = paths.filter(hasFlowchart);

const site = useSite(ROOT);

interface FirstScreen {
	/** Bottom edges in CSS px from the top of the page at scroll 0; -1 when the part is missing. */
	meaning: number;
	first: number;
	customer: number;
	scrollY: number;
}

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
	textBeforeChart: boolean;
}

interface Visit {
	path: string;
	ok: boolean;
	firstScreen: FirstScreen;
	figures: FigureReport[];
}

let visits: Visit[] = [];

beforeAll(async () => {
	const page = await site.browser.newPage({ viewport: VIEWPORT });
	try {
		for (const path of paths) {
			const response = await page.goto(site.url + path, { waitUntil: 'load' });
			// Web fonts change line breaks: measure only after they have settled. The flowchart cue
			// is animated on the box's scroll timeline, which takes effect on the next rendered
			// frame: wait for two, or a busy machine reads the cue before it shows.
			await page.evaluate(() => document.fonts.ready);
			await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
			const measured = await page.evaluate(() => {
				const bottom = (sel: string) => {
					const el = document.querySelector(sel);
					return el ? el.getBoundingClientRect().bottom + window.scrollY : -1;
				};
				const firstScreen = { meaning: bottom('.facts-meaning'), first: bottom('.facts-first'), customer: bottom('.customer-line'), scrollY: window.scrollY };
				const figures = [...document.querySelectorAll<HTMLElement>('figure.flowchart')].map((figure, index) => {
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
						textBeforeChart: !!summary && summary.getBoundingClientRect().bottom <= svg.getBoundingClientRect().top,
					};
				});
				return { firstScreen, figures };
			});
			visits.push({ path, ok: response?.ok() ?? false, ...measured });
		}
	} finally {
		await page.close();
	}
});

describe('first screen at 360×740', () => {
	it('finds the code and symptom articles in dist/', () => {
		expect(factsPaths.filter((p) => p.startsWith('/codes/')).length).toBeGreaterThan(50);
		expect(factsPaths.filter((p) => p.startsWith('/symptoms/')).length).toBeGreaterThan(0);
		// Each of them really is an article with a facts block (guards against a listing page slipping in).
		for (const p of factsPaths) expect(html(p), p).toContain('class="customer-line');
	});

	it('meaning, first action and customer line end within 740 px on every article', () => {
		const rows = visits.filter((v) => isFactsArticle(v.path));
		expect(rows.map((v) => v.path)).toEqual(factsPaths);
		expect(rows.filter((v) => !v.ok).map((v) => v.path), 'pages that did not load').toEqual([]);
		expect(rows.filter((v) => v.firstScreen.scrollY !== 0).map((v) => v.path), 'pages that opened scrolled').toEqual([]);
		const worst = [...rows].sort((a, b) => b.firstScreen.customer - a.firstScreen.customer);
		console.log(
			`first screen: ${rows.length} articles; customer-line bottom worst ${worst
				.slice(0, 3)
				.map((r) => `${r.path} ${Math.round(r.firstScreen.customer)} px`)
				.join(', ')}; best ${Math.round(worst.at(-1)?.firstScreen.customer ?? 0)} px`,
		);
		const late = rows.filter(({ firstScreen: m }) => m.meaning < 0 || m.first < 0 || m.customer < 0 || Math.max(m.meaning, m.first, m.customer) > VIEWPORT.height);
		expect(
			late.map(({ path, firstScreen: m }) => `${path}: meaning ${Math.round(m.meaning)}, first ${Math.round(m.first)}, customer ${Math.round(m.customer)}`),
		).toEqual([]);
	});
});

describe('flowcharts at 360 px', () => {
	it('finds flowcharts in dist/', () => {
		expect(flowchartPaths.length).toBeGreaterThan(10);
	});

	it('labels ≥ 12 px, and any diagram wider than its box shows the scroll cue', () => {
		const rows = visits.filter((v) => hasFlowchart(v.path));
		expect(rows.map((v) => v.path)).toEqual(flowchartPaths);
		expect(rows.filter((v) => !v.ok).map((v) => v.path), 'pages that did not load').toEqual([]);
		const problems: string[] = [];
		const all = rows.flatMap((v) => v.figures.map((r) => ({ path: v.path, ...r })));
		for (const v of rows) if (v.figures.length === 0) problems.push(`${v.path}: the built page has a flowchart, the browser found none`);
		for (const r of all) {
			const where = `${r.path} figure ${r.index + 1}`;
			if (r.nodePx < MIN_LABEL_PX) problems.push(`${where}: box labels ${r.nodePx.toFixed(1)} px`);
			if (Number.isFinite(r.edgePx) && r.edgePx < MIN_LABEL_PX) problems.push(`${where}: edge labels ${r.edgePx.toFixed(1)} px`);
			if (r.overflow && !r.cueVisible) problems.push(`${where}: cut off at the side with no visible 横向滑动查看 cue`);
			if (r.pageOverflow) problems.push(`${where}: the diagram box is wider than the screen`);
			if (!r.hasFullScreen) problems.push(`${where}: no visible full-screen button`);
			if (!r.hasTextVersion) problems.push(`${where}: no text version`);
			else if (!r.textBeforeChart) problems.push(`${where}: the text version is below the diagram, not one tap away`);
		}
		const min = (k: 'nodePx' | 'edgePx') => Math.min(...all.map((r) => r[k]).filter(Number.isFinite)).toFixed(1);
		console.log(
			`flowcharts: ${all.length} on ${rows.length} pages; smallest box label ${min('nodePx')} px, edge label ${min('edgePx')} px; ` +
				`${all.filter((r) => r.overflow).length} scroll sideways, ${all.filter((r) => r.overflow && r.cueVisible).length} of them with the cue`,
		);
		expect(problems).toEqual([]);
	});
});

describe('the phone menu at 360×740', () => {
	it('opens from the menu button, and each link and the theme picker is a 44 px tall target', async () => {
		const page = await site.browser.newPage({ viewport: VIEWPORT });
		try {
			await page.goto(`${site.url}/codes/55/`);
			await page.click('.sl-menu-button');
			await page.waitForSelector('#starlight__sidebar:popover-open');
			const targets = await page.$$eval('#starlight__sidebar .pk-menu a, #starlight__sidebar select', (els) =>
				els.map((e) => ({ text: e.textContent?.trim().slice(0, 12) ?? '', height: e.getBoundingClientRect().height })),
			);
			expect(targets.length).toBe(6);
			for (const t of targets) expect(t.height, t.text).toBeGreaterThanOrEqual(44);
			// The open menu shows its close icon, not both (icons are CSS masks, src/styles/icons.css).
			const shown = await page.$$eval('.sl-menu-button .pk-icon', (els) => els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.className));
			expect(shown).toEqual([expect.stringContaining('close-menu')]);
		} finally {
			await page.close();
		}
	});
});
