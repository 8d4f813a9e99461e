/**
 * The CLI as CI runs it: plain `file:line: message — fix` lines and a summary, `--json`
 * for machines, and the exit code (0 clean, 1 problems, 2 could not run).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const NODE = 'node_modules/.bin/node';
const run = (...args: string[]) => spawnSync(NODE, ['scripts/validate.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

// Each test starts a Node process that loads mermaid; allow for a busy CI machine.
describe('scripts/validate.ts', { timeout: 120_000 }, () => {
	it('exits 0 with a one-line summary on clean content', () => {
		const r = run('--root', 'test/validate/fixtures/base');
		expect(r.status).toBe(0);
		expect(r.stdout.trim()).toMatch(/^validate: ok \(9 checks, 4 files, \d+\.\d s\)$/);
	});

	it('exits 1 and prints file:line: message — fix', () => {
		const r = run('--root', 'test/validate/fixtures/links-broken-page');
		expect(r.status).toBe(1);
		const lines = r.stdout.trim().split('\n');
		expect(lines[0]).toBe(
			'test/validate/fixtures/links-broken-page/codes/55.mdx:17: link /symptoms/card-alert/: no page /symptoms/card-alert/ — link to a page that exists: /codes/<CODE>/, /symptoms/<slug>/, /causes/<slug>/ or one of the index pages',
		);
		expect(lines.at(-1)).toMatch(/^validate: 1 problem in 1 file \(9 checks, \d+\.\d s\)$/);
	});

	it('gives machine output with --json', () => {
		const r = run('--json', '--root', 'test/validate/fixtures/customer-line-pin');
		expect(r.status).toBe(1);
		const out = JSON.parse(r.stdout) as { ok: boolean; checks: string[]; problems: { check: string; file: string; line: number; message: string; fix: string }[] };
		expect(out.ok).toBe(false);
		expect(out.checks).toHaveLength(9);
		expect(out.problems).toEqual([
			expect.objectContaining({ check: 'customer-line', file: 'test/validate/fixtures/customer-line-pin/registry.ts', line: 17, fix: expect.stringContaining('keypad') }),
		]);
	});

	it('checks a built site with --built and --dist', () => {
		const r = run('--built', '--json', '--root', 'test/validate/fixtures/base', '--dist', 'test/validate/fixtures/built-orphans/site');
		expect(r.status).toBe(1);
		const out = JSON.parse(r.stdout) as { checks: string[]; problems: { check: string }[] };
		expect(out.checks).toEqual(['built-links', 'built-orphans']);
		expect(out.problems.map((p) => p.check)).toEqual(['built-orphans']);
	});

	it('runs only the checks named with --check', () => {
		const r = run('--check', 'freshness', '--root', 'test/validate/fixtures/links-broken-page');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/validate: ok \(1 check,/);
	});

	it('exits 2 when it cannot run', () => {
		expect(run('--root', 'test/validate/fixtures/nope').status).toBe(2);
		expect(run('--check', 'nope').status).toBe(2);
		expect(run('--bogus').status).toBe(2);
	});
});
