/**
 * `npm run bench`: build the site and measure what issue 7 (and issue 5.6) ask for, then
 * print one table — figure | value | goal | result — and write the results as JSON to
 * `bench/results/<timestamp>.json` and `bench/results/latest.json` (git-ignored).
 *
 *   npm run bench                      # everything (about 4–5 minutes on 2 cores)
 *   npm run bench -- --quick           # page weight + limit ratio + the real site's build + the importer (about 1 minute)
 *   npm run bench -- --only weight,peer --no-build --dist dist
 *   npm run bench -- --only import       # the importer on four 5 MB adversarial inputs (~1 min)
 *   npm run bench -- --compare bench/results/latest.json
 *
 * Options:
 *   --quick            page weight, limit ratio, the build of the real site and the importer only
 *   --only LIST        run only these figures: weight, limit, search, offline, peer, lighthouse, pdf, scaling, import
 *   --no-build         do not build; measure the output in --dist (default dist/)
 *   --dist DIR         where the site is built (default: a temporary directory, so a
 *                      running preview of dist/ is not disturbed)
 *   --compare FILE     also print how this run differs from an earlier results file
 *   --keep             keep the temporary directories (the build copy, peer pages)
 *   --lighthouse-runs N  Lighthouse runs per page, median reported (default 1)
 *   --strict           exit 1 when a goal is missed (default: exit 0, it is a report)
 *
 * It is a script, not a test: it reports, and only fails (exit 1) when it cannot measure
 * (the build breaks, Chromium does not start) or, with --strict, when a goal is missed.
 * A bad option exits 2 with one line.
 * Timings depend on the machine's load; the table header prints the load average, and
 * the scaling figures give CPU time beside wall time for that reason.
 */
import { mkdtempSync, rmSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { figure, formatBytes, formatMs, notMeasured, type Figure } from './lib/bench/figures.ts';
import { renderTable, summary } from './lib/bench/table.ts';
import { compareWith, gitInfo, machineInfo, writeResults, type BenchResults } from './lib/bench/results.ts';
import { astroCommand, runMeasured } from './lib/bench/run.ts';
import { serveCompressed } from './lib/bench/server.ts';
import { launchChromium } from './lib/bench/browser.ts';
import { measureWeight } from './lib/bench/weight.ts';
import { measureLimitRatio } from './lib/bench/limit-ratio.ts';
import { measureSearch } from './lib/bench/search.ts';
import { measureOffline } from './lib/bench/offline.ts';
import { buildServiceWorker } from './lib/sw/build.ts';
import { measurePeer, preparePeer } from './lib/bench/peer.ts';
import { measureLighthouse } from './lib/bench/lighthouse.ts';
import { measureScaling } from './lib/bench/scaling.ts';
import { measureImport } from './lib/bench/import.ts';
import { dirBytes } from './lib/bench/fs.ts';
import { measurePdfs } from './lib/bench/pdf.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ALL = ['weight', 'limit', 'search', 'offline', 'peer', 'lighthouse', 'pdf', 'scaling', 'import'] as const;
type Part = (typeof ALL)[number];

function readArgs() {
	try {
		return parseArgs({
			options: {
				quick: { type: 'boolean', default: false },
				only: { type: 'string' },
				'no-build': { type: 'boolean', default: false },
				dist: { type: 'string' },
				compare: { type: 'string' },
				keep: { type: 'boolean', default: false },
				'lighthouse-runs': { type: 'string', default: '1' },
				strict: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
			strict: true,
		}).values;
	} catch (error) {
		// parseArgs throws a TypeError with a stack; a mistyped option deserves one line.
		console.error(`bench: ${(error as Error).message}; see npm run bench -- --help`);
		process.exit(2);
	}
}
const args = readArgs();

if (args.help) {
	const source = readFileSync(new URL(import.meta.url), 'utf8');
	console.log(/\/\*\*([\s\S]*?)\*\//.exec(source)?.[1]?.replace(/^ \* ?/gm, '').trim());
	process.exit(0);
}

const parts = new Set<Part>(
	args.only
		? args.only.split(',').map((p) => {
				const part = p.trim() as Part;
				if (!ALL.includes(part)) {
					console.error(`--only: unknown figure "${p}"; use ${ALL.join(', ')}`);
					process.exit(2);
				}
				return part;
			})
		: args.quick
			? ['weight', 'limit', 'scaling', 'import']
			: ALL,
);
if (parts.has('limit')) parts.add('weight'); // the ratio is taken on the weight load
const mode: BenchResults['mode'] = args.only ? 'custom' : args.quick ? 'quick' : 'full';

const log = (msg: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);
const started = performance.now();
const startedAt = new Date().toISOString();
const machine = machineInfo(CHROMIUM);
const work = mkdtempSync(join(tmpdir(), 'poskb-bench-'));
const scalingWork = join(ROOT, 'bench', 'results', '.work');
const cleanup = () => {
	if (args.keep) return;
	rmSync(work, { recursive: true, force: true });
	// The build copy is deleted after its build; drop the folder once it is empty.
	if (parts.has('scaling') && existsSync(scalingWork) && readdirSync(scalingWork).length === 0) rmSync(scalingWork, { recursive: true });
};
process.on('SIGINT', () => {
	if (!args.keep && parts.has('scaling')) rmSync(join(scalingWork, 'site'), { recursive: true, force: true });
	cleanup();
	process.exit(130);
});

const figures: Figure[] = [];
const details: Record<string, unknown> = {};


async function main(): Promise<number> {
	log(
		`${mode} run · ${machine.cpus} CPUs · load average ${machine.loadStart.toFixed(1)}${machine.loadStart > machine.cpus ? ' (busy machine: timings are noisy)' : ''} · ${machine.node} · ${machine.chromium}`,
	);

	// 1. The real site.
	const needsSite = [...parts].some((p) => p !== 'scaling' && p !== 'import');
	const dist = resolve(args.dist ?? (args['no-build'] ? join(ROOT, 'dist') : join(work, 'site')));
	if (needsSite && !args['no-build']) {
		log(`building the site into ${dist} …`);
		const [node, astro] = astroCommand(ROOT);
		const build = await runMeasured(node, [...astro, 'build', '--outDir', dist], { cwd: ROOT });
		if (build.exitCode !== 0) {
			console.error(`astro build failed (exit ${build.exitCode}):\n${build.tail}`);
			return 1;
		}
		// The post-build step of `npm run build`: the service worker and its precache list.
		await buildServiceWorker(dist);
		const pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? NaN);
		details['siteBuild'] = { pages, wallMs: build.wallMs, cpuMs: build.cpuMs, peakRssBytes: build.peakRssBytes };
		figures.push(
			figure({
				group: 'Site build (this repository)',
				id: 'site.build',
				label: `astro build + Pagefind, ${pages} pages`,
				value: build.wallMs,
				unit: 'ms',
				display: `${formatMs(build.wallMs)} wall · ${formatMs(build.cpuMs)} CPU`,
				note: `peak memory ${formatBytes(build.peakRssBytes)} · output ${formatBytes(dirBytes(dist))}`,
			}),
		);
	} else if (needsSite && !existsSync(join(dist, 'index.html'))) {
		console.error(`${dist}/index.html is missing: build first, or drop --no-build`);
		return 1;
	}

	// 2. Browser figures, one Chromium, one compressing server.
	if (parts.has('weight') || parts.has('search') || parts.has('offline') || parts.has('peer')) {
		const peer = parts.has('peer') ? preparePeer(ROOT, dist, join(work, 'peer')) : undefined;
		const server = await serveCompressed({ root: dist, ...(peer ? { mounts: peer.mounts } : {}) });
		const browser = await launchChromium();
		try {
			if (parts.has('weight')) {
				log('page weight …');
				const w = await measureWeight(browser, server, dist);
				figures.push(...w.figures);
				details['weight'] = w.pages;
				if (parts.has('limit')) {
					if (w.article && w.pages['article']) {
						const l = await measureLimitRatio(w.article, w.pages['article']);
						figures.push(...l.figures);
						details['limitRatio'] = l.detail;
					} else {
						figures.push(notMeasured('Limit ratio', 'limit./codes/55/', '/codes/55/: limit ratio', 'the article was not measured'));
					}
				}
				await w.article?.context.close();
			}
			if (parts.has('search')) {
				log('search …');
				const s = await measureSearch(browser, server, dist);
				figures.push(...s.figures);
				details['search'] = s.detail;
			}
			if (parts.has('offline')) {
				log('offline precache and slow-link search …');
				const o = await measureOffline(browser, server, dist);
				figures.push(...o.figures);
				details['offline'] = o.detail;
			}
			if (peer) {
				log('peer comparison (client-side mermaid) …');
				const p = await measurePeer(browser, server, peer);
				figures.push(...p.figures);
				details['peer'] = p.detail;
			}
		} finally {
			await browser.close();
			await server.close();
		}
	}

	// 3. Card PDFs: printed into the bench's build (PDFs exist only after cards:pdf).
	if (parts.has('pdf')) {
		log('card PDFs (cards:pdf) …');
		const p = await measurePdfs(dist);
		figures.push(...p.figures);
		details['pdf'] = p.detail;
	}

	// 4. Lighthouse (its own Chromium through chrome-launcher).
	if (parts.has('lighthouse')) {
		log('Lighthouse (mobile) …');
		const l = await measureLighthouse(dist, CHROMIUM, Math.max(1, Number(args['lighthouse-runs']) || 1));
		figures.push(...l.figures);
		details['lighthouse'] = l.detail;
	}

	// 5. The cost of building the real site.
	if (parts.has('scaling')) {
		// Inside the repository (git-ignored): see scaling.ts for why not in the temp directory.
		const s = await measureScaling(ROOT, scalingWork, log, args.keep);
		figures.push(...s.figures);
		details['scaling'] = s.detail;
	}

	// 6. The importer on 5 MB adversarial inputs (no site needed).
	if (parts.has('import')) {
		const i = await measureImport(ROOT, work, log);
		figures.push(...i.figures);
		details['import'] = i.detail;
	}
	return 0;
}

let code = 1;
try {
	code = await main();
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	code = 1;
}

machine.loadEnd = loadavg()[0] ?? 0;
const durationMs = performance.now() - started;
if (figures.length > 0) {
	const results: BenchResults = {
		version: 1,
		startedAt,
		finishedAt: new Date().toISOString(),
		durationMs,
		mode,
		argv: process.argv.slice(2),
		git: gitInfo(ROOT),
		machine,
		compression: 'gzip level 6 on the wire (what hosts send to HTTP clients); brotli quality 11 computed for the same responses',
		figures,
		details,
	};
	// Read the earlier file first: it may be latest.json, which this run replaces.
	const changes = args.compare ? compareWith(resolve(args.compare), figures) : undefined;
	const file = writeResults(join(ROOT, 'bench', 'results'), results);
	const s = summary(figures);
	console.log('');
	console.log(
		`poskb bench · ${mode} · ${startedAt} · ${machine.cpus} CPUs, load average ${machine.loadStart.toFixed(1)} → ${machine.loadEnd.toFixed(1)} · ${formatMs(durationMs)}`,
	);
	console.log('Bytes: gzip level 6 as sent over HTTP (brotli q11 computed for the same files, in the notes).');
	console.log('');
	console.log(renderTable(figures));
	console.log('');
	console.log(`${s.pass} passed, ${s.fail} failed, ${s.na} not measured · results: ${file.replace(`${ROOT}/`, '')}`);
	if (s.fail > 0) console.log(`missed: ${s.failed.map((f) => f.label).join('; ')}`);
	if (changes) {
		console.log(`\nChanges since ${args.compare}:${changes.length ? '' : ' none'}`);
		for (const l of changes) console.log(`  ${l}`);
	}
	if (code === 0 && args.strict && s.fail > 0) code = 1;
}
cleanup();
process.exit(code);
