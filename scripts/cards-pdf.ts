/**
 * Print every card and the wall chart to PDF, ready for support staff to download:
 * `dist/cards/<id>.pdf` for each `dist/cards/<id>/index.html`, and
 * `dist/cards/wall-chart.pdf` for `dist/cards/index.html`.
 *
 * Usage: node scripts/cards-pdf.ts [--dist dist] [--only 55,A0] [--concurrency 2]
 *
 * Runs after `astro build`, never inside it (a build needs no browser). The pages link
 * these files only when built with `POSKB_CARD_PDFS=1` (src/lib/site.ts); then
 * `validate -- --built`, run after this step, fails on any linked PDF that is missing.
 * Pages printed two at a time (the build machines have two cores), each worker in its own
 * Chromium on one reused tab (measured: 99 cards in 48 s with one Chromium for both
 * workers, 40 s with one each). Each PDF gets the same checks as the browser test
 * (scripts/lib/cards/print-check.ts): one A4 page, a CJK font really used and embedded,
 * nothing outside the page, no text under 8 pt. Exit codes: 0 every PDF passed; 1 a card
 * failed the checks (the files are named, and the failing PDF is still written so it can
 * be looked at); 2 a bad option or no build to print from (one line).
 *
 * Links on the page are made absolute (the page's canonical site) before printing, so
 * the QR code's neighbour links and the diagram's links in the PDF point at the real
 * site, not at the local server used for printing.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveDist } from './lib/browser.ts';
import { A4_VIEWPORT, CHECKS_FILE, CJK_SELECTORS, checkPrintedPage, type PrintCheck, type PrintChecks } from './lib/cards/print-check.ts';
import { SITE } from '../src/lib/site.ts';

const USAGE = 'usage: node scripts/cards-pdf.ts [--dist dist] [--only 55,A0] [--concurrency 2]';

interface Options {
	dist: string;
	only: string[] | undefined;
	concurrency: number;
}

/** Bad command line or missing build: exit 2, as the other scripts do for setup errors. */
export class UsageError extends Error {}

/** Command-line options; a bad one throws `UsageError` (exit 2). */
export function readOptions(argv: string[]): Options | 'help' {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				dist: { type: 'string', default: 'dist' },
				only: { type: 'string' },
				concurrency: { type: 'string', default: '2' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (values.help) return 'help';
	const concurrency = Number(values.concurrency);
	if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, not "${values.concurrency}"`);
	return { dist: values.dist, only: values.only?.split(',').filter(Boolean), concurrency };
}

export interface PrintJob {
	/** Page path on the site, e.g. `/cards/55/`. */
	path: string;
	/** Output file, e.g. `dist/cards/55.pdf`. */
	out: string;
	kind: 'card' | 'wall-chart';
}

/** Every card directory under `<dist>/cards/`, plus the wall chart. */
export function printJobs(dist: string, only?: string[]): PrintJob[] {
	const cards = join(dist, 'cards');
	if (!existsSync(join(cards, 'index.html'))) throw new UsageError(`${cards}/index.html is missing: run \`astro build\` first`);
	const ids = readdirSync(cards)
		.filter((d) => statSync(join(cards, d)).isDirectory() && existsSync(join(cards, d, 'index.html')))
		.sort();
	const jobs: PrintJob[] = ids.map((id) => ({ path: `/cards/${id}/`, out: join(cards, `${id}.pdf`), kind: 'card' }));
	jobs.push({ path: '/cards/', out: join(cards, 'wall-chart.pdf'), kind: 'wall-chart' });
	if (!only) return jobs;
	return jobs.filter((j) => only.some((o) => j.path === `/cards/${o}/` || (o === 'wall-chart' && j.kind === 'wall-chart')));
}

/** Point every root-relative link at the page's canonical site, for the PDF. */
async function absoluteLinks(page: Page): Promise<void> {
	await page.evaluate(() => {
		const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
		if (!canonical) return;
		const origin = new URL(canonical).origin;
		for (const a of document.querySelectorAll('a[href]')) {
			const href = a.getAttribute('href')!;
			if (href.startsWith('/') && !href.startsWith('//')) a.setAttribute('href', new URL(href, origin).href);
		}
	});
}

async function printOne(page: Page, base: string, job: PrintJob): Promise<PrintCheck> {
	const id = job.kind === 'wall-chart' ? 'wall-chart' : job.path.split('/')[2]!;
	const result: PrintCheck = { path: job.path, id, kind: job.kind, pdf: basename(job.out), bytes: 0, problems: [], smallestTextPx: null, fonts: [], pages: 0 };
	try {
		const response = await page.goto(base + job.path, { waitUntil: 'load' });
		if (!response?.ok()) return { ...result, problems: [`HTTP ${response?.status() ?? 'no response'} for ${job.path}`] };
		await absoluteLinks(page);
		const printed = await checkPrintedPage(page, job.kind === 'card' ? CJK_SELECTORS.card : CJK_SELECTORS.wallChart, job.out);
		const px = printed.layout.smallestText.px;
		return { ...result, problems: printed.problems, bytes: printed.bytes, smallestTextPx: Number.isFinite(px) ? px : null, fonts: printed.pdf.fonts, pages: printed.pdf.pages };
	} catch (error) {
		return { ...result, problems: [`printing failed: ${(error as Error).message}`] };
	}
}

/**
 * Print every job, check each PDF, and write `<dist>/cards/checks.json` with every result
 * (the browser test asserts on it instead of printing the cards again). Returns the exit code.
 */
export async function printCards(options: Options): Promise<number> {
	const dist = resolve(options.dist);
	const jobs = printJobs(dist, options.only);
	const started = performance.now();
	const site = await serveDist(dist);
	const browsers: Browser[] = [];
	const results: PrintCheck[] = [];
	try {
		let next = 0;
		// Each worker prints on one tab, page after page: a new tab costs a new renderer that
		// parses the print font's stylesheet and decodes its pieces again (measured: 1.4 s a
		// card on fresh tabs, 0.44 s on one reused tab). Every check sets the viewport and
		// print media itself, so nothing carries over from the previous card but the caches.
		// A tab that failed is replaced, so one broken card cannot fail the ones after it.
		const worker = async () => {
			const browser = await launchChromium();
			browsers.push(browser);
			// Cards register the offline service worker; printing needs none, and its precache
			// download would compete with the printing.
			let page = await browser.newPage({ viewport: A4_VIEWPORT, serviceWorkers: 'block' });
			while (next < jobs.length) {
				const result = await printOne(page, site.url, jobs[next++]!);
				results.push(result);
				if (result.problems.some((p) => p.startsWith('printing failed'))) {
					await page.close().catch(() => undefined);
					page = await browser.newPage({ viewport: A4_VIEWPORT, serviceWorkers: 'block' });
				}
			}
			await page.close();
		};
		await Promise.all(Array.from({ length: Math.min(options.concurrency, jobs.length) }, worker));
	} finally {
		await Promise.all(browsers.map((b) => b.close()));
		await site.close();
	}
	const ms = performance.now() - started;
	results.sort((a, b) => a.path.localeCompare(b.path));
	const report: PrintChecks = { site: SITE, ms: Math.round(ms), results };
	writeFileSync(join(dist, 'cards', CHECKS_FILE), `${JSON.stringify(report, null, '\t')}\n`);
	const seconds = (ms / 1000).toFixed(1);
	const rel = (p: string) => p.replace(`${process.cwd()}/`, '');
	const total = results.reduce((a, r) => a + r.bytes, 0);
	const failures = results.filter((r) => r.problems.length > 0);
	if (failures.length > 0) {
		for (const r of failures) {
			console.error(`${rel(join(dist, 'cards', r.pdf))} (${r.path}):`);
			for (const p of r.problems) console.error(`  - ${p}`);
		}
		console.error(`cards:pdf: ${failures.length} of ${jobs.length} PDF(s) failed the print checks (${seconds} s)`);
		return 1;
	}
	const largest = results.reduce((a, r) => (r.bytes > a.bytes ? r : a));
	console.log(
		`cards:pdf: wrote ${jobs.length} PDF(s) to ${rel(join(dist, 'cards'))}/ in ${seconds} s: ${(total / 1024 / 1024).toFixed(2)} MiB in all, largest ${largest.pdf} ${(largest.bytes / 1024).toFixed(0)} KiB; results in ${CHECKS_FILE}`,
	);
	return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cards-pdf.ts')) {
	try {
		const options = readOptions(process.argv.slice(2));
		if (options === 'help') console.log(USAGE);
		else process.exitCode = await printCards(options);
	} catch (error) {
		console.error(`cards:pdf: ${(error as Error).message}`);
		process.exitCode = error instanceof UsageError ? 2 : 1;
	}
}
