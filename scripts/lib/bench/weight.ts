/**
 * Page weight: what a phone downloads for one page on a first visit, and how much
 * JavaScript runs before the reader touches anything.
 *
 * - Bytes are the bodies the bench server sent (gzip level 6, as hosts send to HTTP
 *   clients), split into HTML, CSS, JS, images/fonts and other. The favicon is counted
 *   (a phone fetches it; headless Chromium does not, so the bench requests it). The brotli total (quality
 *   11, what CDNs send over HTTPS) is computed for the same responses and shown beside it.
 * - "JS run before input" counts the scripts Chromium parsed in the page by `load` + 2 s
 *   with no input (CDP `Debugger.scriptParsed`): external scripts at their transferred
 *   size, inline `<script>`s at the gzip size of their text. Scripts fetched but not run
 *   (modulepreload) are in the JS transfer, not in this figure.
 * - "Diagram JS" is any script whose URL or source mentions mermaid. Goal: none.
 *
 * Pages: home, the model code article 55, its print card, the code index, and the
 * heaviest code article (found by HTML size, so a long article cannot hide).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { categorize, loadPage, type Category, type PageLoad } from './browser.ts';
import { figure, formatBytes, KB, notMeasured, type Figure } from './figures.ts';
import type { BenchServer } from './server.ts';

export const GROUP = 'Page weight (gzip on the wire; brotli computed)';

export interface PageWeight {
	path: string;
	status: number;
	total: number;
	totalBrotli: number;
	totalRaw: number;
	byCategory: Record<Category, number>;
	requests: number;
	/** Bytes of JS that ran before any input (see the module comment). */
	jsRun: number;
	jsRunScripts: { url: string; inline: boolean; bytes: number }[];
	/** Bytes of scripts that mention mermaid. */
	diagramJs: number;
	responses: { path: string; type: string; sent: number; raw: number; brotli: number }[];
}

const gz = (s: string) => gzipSync(Buffer.from(s), { level: 6 }).length;

export function pageWeight(load: PageLoad): PageWeight {
	const byCategory: Record<Category, number> = { html: 0, css: 0, js: 0, media: 0, other: 0 };
	let total = 0;
	let totalBrotli = 0;
	let totalRaw = 0;
	for (const r of load.responses) {
		byCategory[categorize(r)] += r.bodyBytes;
		total += r.bodyBytes;
		totalBrotli += r.sent === 'gzip' ? r.brotli : r.bodyBytes;
		totalRaw += r.raw;
	}
	const sentByUrl = new Map(load.responses.map((r) => [r.path, r.bodyBytes]));
	const origin = new URL(load.url).origin;
	const jsRunScripts: PageWeight['jsRunScripts'] = [];
	const inlineSources: string[] = [];
	const seen = new Set<string>();
	let diagramJs = 0;
	for (const s of load.scripts) {
		const source = load.sources.get(s.scriptId) ?? '';
		const mentionsMermaid = /mermaid/i.test(s.url) || /mermaid/i.test(source);
		if (s.inline) {
			inlineSources.push(source);
			if (mentionsMermaid) diagramJs += gz(source);
			continue;
		}
		if (seen.has(s.url)) continue;
		seen.add(s.url);
		const path = s.url.startsWith(origin) ? new URL(s.url).pathname : s.url;
		const bytes = sentByUrl.get(path) ?? gz(source);
		jsRunScripts.push({ url: path, inline: false, bytes });
		if (mentionsMermaid) diagramJs += bytes;
	}
	if (inlineSources.length > 0) {
		jsRunScripts.push({ url: `(${inlineSources.length} inline scripts)`, inline: true, bytes: gz(inlineSources.join('\n')) });
	}
	return {
		path: load.path,
		status: load.status,
		total,
		totalBrotli,
		totalRaw,
		byCategory,
		requests: load.responses.length,
		jsRun: jsRunScripts.reduce((a, s) => a + s.bytes, 0),
		jsRunScripts,
		diagramJs,
		responses: load.responses.map((r) => ({ path: r.path, type: r.type, sent: r.bodyBytes, raw: r.raw, brotli: r.brotli })),
	};
}

/** The code article with the largest gzip HTML: the worst case for the 40 KB goal. */
export function heaviestCodeArticle(dist: string): { path: string; htmlGzip: number } | undefined {
	const dir = join(dist, 'codes');
	if (!existsSync(dir)) return undefined;
	let best: { path: string; htmlGzip: number } | undefined;
	for (const name of readdirSync(dir)) {
		const file = join(dir, name, 'index.html');
		if (!existsSync(file) || name === 'unassigned') continue;
		const html = readFileSync(file, 'utf8');
		if (html.includes('http-equiv="refresh"')) continue;
		const size = gz(html);
		if (!best || size > best.htmlGzip) best = { path: `/codes/${name}/`, htmlGzip: size };
	}
	return best;
}

interface Target {
	key: string;
	path: string;
	label: string;
	/** The article goals (40 KB total, 10 KB JS) apply. */
	article: boolean;
	missingNote?: string;
}

export interface WeightResult {
	figures: Figure[];
	pages: Record<string, PageWeight>;
	/** The load of /codes/55/, kept open for the limit ratio; the caller closes it. */
	article?: PageLoad;
}

const breakdown = (w: PageWeight) =>
	`HTML ${formatBytes(w.byCategory.html)} · CSS ${formatBytes(w.byCategory.css)} · JS ${formatBytes(w.byCategory.js)} · images/fonts ${formatBytes(w.byCategory.media)}` +
	(w.byCategory.other ? ` · other ${formatBytes(w.byCategory.other)}` : '') +
	` · ${w.requests} requests · brotli ${formatBytes(w.totalBrotli)} · uncompressed ${formatBytes(w.totalRaw)}`;

export async function measureWeight(browser: Browser, server: BenchServer, dist: string, articleCode = '55'): Promise<WeightResult> {
	const heaviest = heaviestCodeArticle(dist);
	const targets: Target[] = [
		{ key: 'home', path: '/', label: 'home /', article: false },
		{ key: 'article', path: `/codes/${articleCode}/`, label: `code article /codes/${articleCode}/`, article: true },
		{
			key: 'card',
			path: `/cards/${articleCode}/`,
			label: `card /cards/${articleCode}/`,
			article: false,
			missingNote: `not built: ${join('cards', articleCode, 'index.html')} is not in the build output (print cards, issue 6, are still being written)`,
		},
		{ key: 'index', path: '/codes/', label: 'code index /codes/', article: false },
	];
	if (heaviest && heaviest.path !== `/codes/${articleCode}/`) {
		targets.push({ key: 'heaviest', path: heaviest.path, label: `heaviest code article ${heaviest.path}`, article: true });
	}

	const figures: Figure[] = [];
	const pages: Record<string, PageWeight> = {};
	let article: PageLoad | undefined;
	for (const t of targets) {
		const id = `weight.${t.key}`;
		const file = join(dist, t.path, 'index.html');
		// The model article has issue 17's goals (22 KB in all, 4 KB of JavaScript before input);
		// the heaviest article keeps issue 7's ceilings, so a long article cannot grow unseen.
		const model = t.key === 'article';
		const totalGoal = model
			? { op: '<=' as const, limit: 22 * KB, text: '≤ 22 KB' }
			: t.article
				? { op: '<' as const, limit: 40 * KB, text: '< 40 KB' }
				: undefined;
		const jsGoal = model
			? { op: '<=' as const, limit: 4 * KB, text: '≤ 4 KB' }
			: t.article
				? { op: '<' as const, limit: 10 * KB, text: '< 10 KB' }
				: undefined;
		const diagramGoal = { op: '=' as const, limit: 0, text: '0 B' };
		if (!existsSync(file)) {
			const note = t.missingNote ?? `not built: ${file} is missing`;
			figures.push(notMeasured(GROUP, `${id}.total`, `${t.label}: transferred`, note, totalGoal));
			continue;
		}
		const load = await loadPage(browser, server, t.path);
		const w = pageWeight(load);
		pages[t.key] = w;
		if (t.key === 'article') article = load;
		else await load.context.close();
		if (w.status !== 200) {
			figures.push(notMeasured(GROUP, `${id}.total`, `${t.label}: transferred`, `HTTP ${w.status}`, totalGoal));
			continue;
		}
		figures.push(
			figure({ group: GROUP, id: `${id}.total`, label: `${t.label}: transferred`, value: w.total, unit: 'bytes', note: breakdown(w), ...(totalGoal ? { goal: totalGoal } : {}) }),
			figure({
				group: GROUP,
				id: `${id}.jsRun`,
				label: `${t.label}: JS run before input`,
				value: w.jsRun,
				unit: 'bytes',
				note: w.jsRunScripts.map((s) => `${s.url.replace(/^\/_astro\//, '')} ${formatBytes(s.bytes)}`).join(' · ') || 'no scripts',
				...(jsGoal ? { goal: jsGoal } : {}),
			}),
			figure({ group: GROUP, id: `${id}.diagramJs`, label: `${t.label}: diagram (mermaid) JS`, value: w.diagramJs, unit: 'bytes', goal: diagramGoal }),
		);
	}
	return { figures, pages, ...(article ? { article } : {}) };
}
