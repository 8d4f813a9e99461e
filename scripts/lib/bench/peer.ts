/**
 * Peer comparison: the same code article, with its flowchart drawn the way most
 * documentation sites draw mermaid — client-side, by the `mermaid` package in the browser.
 *
 * From the built `/codes/55/` the bench makes two copies in a temporary directory, in which
 * the inline SVG `<figure>` is replaced by `<pre class="mermaid">` holding the article's own
 * mermaid source, and mermaid (the devDependency, served from `node_modules/mermaid/dist`
 * by the same gzip server) draws it:
 * - ESM: `import mermaid from '…/mermaid.esm.min.mjs'` + `mermaid.run()`, code-split, loads
 *   only the flowchart chunks (mermaid's documented snippet; astro-mermaid, VitePress);
 * - UMD: `<script src="…/mermaid.min.js">` (one file; mkdocs-material, many blogs).
 * Everything else on the page is byte-for-byte the built page.
 *
 * Measured in the same Chromium, each on a fresh context: bytes transferred (gzip) and
 * the time from navigation start until the diagram's `<svg>` is rendered with a size
 * (requestAnimationFrame probe; "rendered", not "scrolled into view": on a phone the
 * diagram is below the fold either way). On loopback (median of 3) and on Lighthouse's
 * mobile network profile Slow 4G (one run each; 150 ms RTT, 1.6 Mbit/s).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadPage, SLOW_4G } from './browser.ts';
import { figure, formatBytes, formatMs, median, notMeasured, type Figure } from './figures.ts';
import type { BenchServer } from './server.ts';

export const GROUP = 'Peer comparison (/codes/55/, build-time SVG vs client-side mermaid)';

export interface PeerSetup {
	mounts: Record<string, string>;
	variants: { key: string; label: string; path: string }[];
	problem?: string;
}

const PROBE = `(() => {
	const check = () => {
		const svg = document.querySelector('svg[data-flowchart-svg], pre.mermaid svg, .mermaid svg');
		if (svg) {
			const r = svg.getBoundingClientRect();
			if (r.width > 0 && r.height > 0 && svg.querySelector('g, path, rect')) {
				window.__diagramAt = performance.now();
				return;
			}
		}
		requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
})();`;

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Write the client-side mermaid copies of the article; returns the server mounts and URLs. */
export function preparePeer(root: string, dist: string, dir: string, code = '55'): PeerSetup {
	const ours = { key: 'ours', label: 'build-time SVG (this site)', path: `/codes/${code}/` };
	const built = join(dist, 'codes', code, 'index.html');
	const mdx = join(root, 'content', 'codes', `${code}.mdx`);
	const mermaidDist = join(root, 'node_modules', 'mermaid', 'dist');
	if (!existsSync(built) || !existsSync(mdx) || !existsSync(join(mermaidDist, 'mermaid.esm.min.mjs'))) {
		return { mounts: {}, variants: [ours], problem: `needs ${built}, ${mdx} and node_modules/mermaid` };
	}
	const html = readFileSync(built, 'utf8');
	const source = /```mermaid\n([\s\S]*?)```/.exec(readFileSync(mdx, 'utf8'))?.[1];
	const start = html.indexOf('<figure class="flowchart');
	const end = html.indexOf('</figure>', start);
	if (!source || start < 0 || end < 0) return { mounts: {}, variants: [ours], problem: `no flowchart in ${built}` };
	const pre = `<pre class="mermaid">${escapeHtml(source)}</pre>`;
	const page = (script: string) => (html.slice(0, start) + pre + html.slice(end + '</figure>'.length)).replace('</body>', `${script}</body>`);
	const esm = page(
		`<script type="module">import mermaid from '/__mermaid/mermaid.esm.min.mjs';mermaid.initialize({ startOnLoad: false });await mermaid.run({ querySelector: 'pre.mermaid' });</script>`,
	);
	const umd = page(
		`<script src="/__mermaid/mermaid.min.js"></script><script>mermaid.initialize({ startOnLoad: false });mermaid.run({ querySelector: 'pre.mermaid' });</script>`,
	);
	for (const [name, text] of [
		['esm', esm],
		['umd', umd],
	] as const) {
		mkdirSync(join(dir, name), { recursive: true });
		writeFileSync(join(dir, name, 'index.html'), text);
	}
	return {
		mounts: { '/__peer/': dir, '/__mermaid/': mermaidDist },
		variants: [
			ours,
			{ key: 'esm', label: 'client-side mermaid, ESM build', path: '/__peer/esm/' },
			{ key: 'umd', label: 'client-side mermaid, mermaid.min.js', path: '/__peer/umd/' },
		],
	};
}

interface Sample {
	bytes: number;
	jsBytes: number;
	requests: number;
	visibleMs: number;
}

async function sample(browser: Browser, server: BenchServer, path: string, slow: boolean): Promise<Sample> {
	const load = await loadPage(browser, server, path, { initScript: PROBE, idleMs: 500, ...(slow ? { network: SLOW_4G } : {}) });
	try {
		await load.page.waitForFunction(() => (window as unknown as { __diagramAt?: number }).__diagramAt !== undefined, null, { timeout: 120_000 });
		const visibleMs = await load.page.evaluate(() => (window as unknown as { __diagramAt: number }).__diagramAt);
		await load.page.waitForTimeout(500);
		const log = [...server.log];
		return {
			bytes: log.reduce((a, r) => a + r.bodyBytes, 0),
			jsBytes: log.filter((r) => r.type.startsWith('text/javascript')).reduce((a, r) => a + r.bodyBytes, 0),
			requests: log.length,
			visibleMs,
		};
	} finally {
		await load.context.close();
	}
}

export interface PeerDetail {
	[variant: string]: { label: string; loopback: Sample[]; slow4g: Sample | null };
}

export async function measurePeer(browser: Browser, server: BenchServer, setup: PeerSetup, runs = 3): Promise<{ figures: Figure[]; detail: PeerDetail }> {
	if (setup.problem || setup.variants.length < 2) {
		return { figures: [notMeasured(GROUP, 'peer.esm.bytes', 'client-side mermaid', setup.problem ?? 'not prepared')], detail: {} };
	}
	const detail: PeerDetail = {};
	for (const v of setup.variants) {
		// Warm-up, not counted: the server compresses each file once, Chromium starts its renderer.
		await sample(browser, server, v.path, false);
		const loopback: Sample[] = [];
		for (let i = 0; i < runs; i++) loopback.push(await sample(browser, server, v.path, false));
		detail[v.key] = { label: v.label, loopback, slow4g: await sample(browser, server, v.path, true) };
	}
	const ours = detail['ours']!;
	const oursBytes = median(ours.loopback.map((s) => s.bytes));
	const oursMs = median(ours.loopback.map((s) => s.visibleMs));
	const oursSlow = ours.slow4g!.visibleMs;
	const figures: Figure[] = [];
	for (const v of setup.variants) {
		const d = detail[v.key]!;
		const bytes = median(d.loopback.map((s) => s.bytes));
		const ms = median(d.loopback.map((s) => s.visibleMs));
		const slow = d.slow4g!.visibleMs;
		const isOurs = v.key === 'ours';
		const times = (a: number, b: number) => (isOurs ? '' : ` (${(a / b).toFixed(1)}× ours)`);
		figures.push(
			figure({
				group: GROUP,
				id: `peer.${v.key}.bytes`,
				label: `${v.label}: transferred`,
				value: bytes,
				unit: 'bytes',
				display: `${formatBytes(bytes)}${times(bytes, oursBytes)}`,
				note: `JS ${formatBytes(median(d.loopback.map((s) => s.jsBytes)))} in ${d.loopback[0]?.requests ?? 0} requests`,
			}),
			figure({
				group: GROUP,
				id: `peer.${v.key}.visible`,
				label: `${v.label}: diagram rendered, loopback`,
				value: ms,
				unit: 'ms',
				display: `${formatMs(ms)}${times(ms, oursMs)}`,
				note: `runs ${d.loopback.map((s) => formatMs(s.visibleMs)).join(', ')}`,
			}),
			figure({
				group: GROUP,
				id: `peer.${v.key}.visible.slow4g`,
				label: `${v.label}: diagram rendered, Slow 4G`,
				value: slow,
				unit: 'ms',
				display: `${formatMs(slow)}${times(slow, oursSlow)}`,
			}),
		);
	}
	return { figures, detail };
}
