/**
 * `npm run bench` is a tool people type options into: a mistyped option or figure name
 * gets one line and exit code 2 (as validate, import and cards:pdf do), not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function bench(...args: string[]) {
	return spawnSync(process.execPath, ['scripts/bench.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
}

describe('npm run bench, bad options', () => {
	it.each([
		[['--bogus'], /^bench: Unknown option '--bogus'; see npm run bench -- --help$/],
		[['--only'], /^bench: Option '--only <value>' argument missing/],
		[['--only', 'nope', '--no-build'], /^--only: unknown figure "nope"; use weight, /],
	])('%j exits 2 with one line', (args, message) => {
		const run = bench(...args);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		const lines = run.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(message);
	});
});
