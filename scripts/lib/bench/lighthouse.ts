/**
 * Lighthouse, mobile (its default config: Moto G Power viewport, simulated Slow 4G and
 * 4× CPU slowdown), performance and accessibility, on the home page and `/codes/55/`.
 *
 * Uses the npm `lighthouse` package's Node API with `chrome-launcher` pointed at the system
 * Chromium, against the built site served with gzip by the bench server on loopback.
 * Chromium gets the same "no background networking" flags as the browser tests, so
 * nothing leaves the machine; the page itself only loads same-origin files.
 *
 * The performance score is simulated from the observed load, so a busy machine (long CPU
 * tasks) lowers it; Lighthouse's own `benchmarkIndex` (CPU speed, higher is faster; ~1000+
 * for a quiet modern core) is printed with each score. With `runs` > 1 the median
 * performance score is reported, as Lighthouse's documentation recommends for variance.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { figure, formatMs, median, notMeasured, type Figure } from './figures.ts';
import { serveCompressed } from './server.ts';

export const GROUP = 'Lighthouse (mobile, simulated Slow 4G + 4× CPU)';

export const PAGES = ['/', '/codes/55/'];

const FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-extensions',
	'--no-first-run',
	'--no-default-browser-check',
	'--metrics-recording-only',
];

interface Run {
	performance: number;
	accessibility: number;
	benchmarkIndex: number;
	metrics: Record<string, number>;
	/** Accessibility and performance audits that did not score 1, with their titles. */
	failing: { id: string; title: string; score: number | null }[];
}

export interface LighthouseDetail {
	version: string;
	pages: Record<string, Run[]>;
}

type LhrLike = {
	lighthouseVersion: string;
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<string, { title: string; score: number | null; numericValue?: number; scoreDisplayMode: string }>;
	environment: { benchmarkIndex: number };
};

export async function measureLighthouse(dist: string, chromiumPath: string, runs = 1): Promise<{ figures: Figure[]; detail: LighthouseDetail | null }> {
	let lighthouse: (url: string, flags: object) => Promise<{ lhr: LhrLike } | undefined>;
	let launch: (o: object) => Promise<{ port: number; kill: () => void }>;
	try {
		lighthouse = ((await import('lighthouse')) as unknown as { default: typeof lighthouse }).default;
		launch = ((await import('chrome-launcher')) as unknown as { launch: typeof launch }).launch;
	} catch {
		const note = 'the lighthouse package is not installed: npm install (it is a devDependency)';
		return {
			figures: PAGES.map((p) => notMeasured(GROUP, `lighthouse.${p}.performance`, `${p}: performance`, note, { op: '>=', limit: 100, text: '100' })),
			detail: null,
		};
	}
	if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing`);

	const server = await serveCompressed({ root: dist });
	const chrome = await launch({ chromePath: chromiumPath, chromeFlags: FLAGS, logLevel: 'silent' });
	const detail: LighthouseDetail = { version: '', pages: {} };
	try {
		for (const path of PAGES) {
			const list: Run[] = [];
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(server.url + path, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility'],
				});
				if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
				const { lhr } = result;
				detail.version = lhr.lighthouseVersion;
				const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
				const failing = ['accessibility', 'performance'].flatMap((cat) =>
					(lhr.categories[cat]?.auditRefs ?? [])
						.filter((ref) => ref.weight > 0)
						.map((ref) => ({ id: ref.id, audit: lhr.audits[ref.id] }))
						.filter(({ audit }) => audit && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual' && audit.score !== null && audit.score < 1)
						.map(({ id, audit }) => ({ id, title: audit!.title, score: audit!.score })),
				);
				list.push({
					performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
					accessibility: Math.round((lhr.categories['accessibility']?.score ?? 0) * 100),
					benchmarkIndex: lhr.environment.benchmarkIndex,
					metrics: {
						fcp: metric('first-contentful-paint'),
						lcp: metric('largest-contentful-paint'),
						tbt: metric('total-blocking-time'),
						cls: metric('cumulative-layout-shift'),
						si: metric('speed-index'),
					},
					failing,
				});
			}
			detail.pages[path] = list;
		}
	} finally {
		chrome.kill();
		await server.close();
	}

	const goal = { op: '>=' as const, limit: 100, text: '100' };
	const figures: Figure[] = [];
	for (const path of PAGES) {
		const list = detail.pages[path] ?? [];
		const perf = median(list.map((r) => r.performance));
		const a11y = median(list.map((r) => r.accessibility));
		const best = list.find((r) => r.performance === perf) ?? list[0]!;
		const m = best.metrics;
		const failing = (cat: 'a' | 'p') =>
			best.failing
				.filter((f) => (cat === 'a') === !['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].includes(f.id))
				.map((f) => `${f.id} (${f.score})`)
				.join(', ');
		figures.push(
			figure({
				group: GROUP,
				id: `lighthouse.${path}.performance`,
				label: `${path}: performance`,
				value: perf,
				unit: 'score',
				goal,
				note:
					`FCP ${formatMs(m['fcp'] ?? NaN)} · LCP ${formatMs(m['lcp'] ?? NaN)} · TBT ${formatMs(m['tbt'] ?? NaN)} · CLS ${(m['cls'] ?? NaN).toFixed(3)} · SI ${formatMs(m['si'] ?? NaN)} · benchmarkIndex ${Math.round(best.benchmarkIndex)}` +
					(list.length > 1 ? ` · runs ${list.map((r) => r.performance).join(', ')}` : '') +
					(failing('p') ? ` · below 1: ${failing('p')}` : ''),
			}),
			figure({
				group: GROUP,
				id: `lighthouse.${path}.accessibility`,
				label: `${path}: accessibility`,
				value: a11y,
				unit: 'score',
				goal,
				...(failing('a') ? { note: `failing: ${failing('a')}` } : {}),
			}),
		);
	}
	return { figures, detail };
}
