/**
 * Results as JSON in `bench/results/` (git-ignored): `<timestamp>.json` for every run and
 * `latest.json` for the newest, so two runs can be compared with any JSON diff tool, or
 * with `node scripts/bench.ts --compare bench/results/<a>.json` (prints the changes
 * of this run against that file).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatValue, type Figure } from './figures.ts';

export interface Machine {
	cpus: number;
	cpuModel: string;
	memoryBytes: number;
	/** 1-minute load average when the run started and ended; > cpus means timings are noisy. */
	loadStart: number;
	loadEnd?: number;
	node: string;
	chromium: string;
	platform: string;
}

export interface BenchResults {
	version: 1;
	startedAt: string;
	finishedAt?: string;
	durationMs?: number;
	mode: 'quick' | 'full' | 'custom';
	argv: string[];
	git: { commit: string; dirty: boolean } | null;
	machine: Machine;
	compression: string;
	figures: Figure[];
	/** Per-figure raw data (requests, builds, Lighthouse metrics …). */
	details: Record<string, unknown>;
}

export function machineInfo(chromiumPath: string): Machine {
	let chromium = 'unknown';
	try {
		chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		/* reported as unknown */
	}
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryBytes: totalmem(),
		loadStart: loadavg()[0] ?? 0,
		node: process.version,
		chromium,
		platform: `${process.platform} ${process.arch}`,
	};
}

export function gitInfo(cwd: string): BenchResults['git'] {
	try {
		const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
		return { commit, dirty };
	} catch {
		return null;
	}
}

/** Write `<timestamp>.json` and `latest.json`; returns the timestamped path. */
export function writeResults(dir: string, results: BenchResults): string {
	mkdirSync(dir, { recursive: true });
	const stamp = results.startedAt.replace(/[:.]/g, '-');
	const file = join(dir, `${stamp}.json`);
	const text = `${JSON.stringify(results, null, '\t')}\n`;
	writeFileSync(file, text);
	writeFileSync(join(dir, 'latest.json'), text);
	return file;
}

/** Lines describing how this run's figures differ from an earlier results file. */
export function compareWith(previousFile: string, figures: Figure[]): string[] {
	const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as BenchResults;
	const before = new Map(previous.figures.map((f) => [f.id, f]));
	const lines: string[] = [];
	for (const f of figures) {
		const b = before.get(f.id);
		if (!b || b.value === null || f.value === null) continue;
		if (b.value === f.value && b.status === f.status) continue;
		const change = b.value !== 0 ? ` (${f.value >= b.value ? '+' : ''}${(((f.value - b.value) / b.value) * 100).toFixed(1)} %)` : '';
		const status = b.status !== f.status ? `  ${b.status} → ${f.status}` : '';
		lines.push(`${f.label}: ${formatValue(b)} → ${formatValue(f)}${change}${status}`);
	}
	return lines;
}
