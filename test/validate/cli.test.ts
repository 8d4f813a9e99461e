/**
 * The CLI as CI runs it: plain `file:line: message — fix` lines and a summary, `--json`
 * for machines, and the exit code (0 clean, 1 problems, 2 could not run).
 *
 * Starting Node costs seconds (each process loads mermaid), so a process is spawned once
 * per exit-code contract; the output formats and the options are tested in-process,
 * through the same `validate` and formatters the CLI calls.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson, formatText } from '../../scripts/lib/validate/report.ts';
import { validate } from '../../scripts/lib/validate/run.ts';
import { SetupError } from '../../scripts/lib/validate/types.ts';
import { CASES } from './cases.ts';
import { BASE, materialize } from './patch.ts';

const NODE = 'node_modules/.bin/node';
const run = (...args: string[]) => spawnSync(NODE, ['scripts/validate.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const patchOf = (name: string) => CASES.find((c) => c.name === name)!.patch;

const brokenLink = materialize(patchOf('links-broken-page'));
const pinLine = materialize(patchOf('customer-line-pin'));
afterAll(() => {
	brokenLink.remove();
	pinLine.remove();
});
const rel = (abs: string) => relative(process.cwd(), abs).split('\\').join('/');

// Each spawned process loads mermaid; allow for a busy CI machine.
describe('scripts/validate.ts', { timeout: 120_000 }, () => {
	it('exits 0 with a one-line summary on clean content', () => {
		const r = run('--root', BASE);
		expect(r.status).toBe(0);
		expect(r.stdout.trim()).toMatch(/^validate: ok \(14 checks, 4 files, \d+\.\d s\)$/);
	});

	it('exits 1 and prints file:line: message — fix', () => {
		const r = run('--root', brokenLink.root);
		expect(r.status).toBe(1);
		const lines = r.stdout.trim().split('\n');
		expect(lines[0]).toBe(
			`${rel(brokenLink.root)}/codes/55.mdx:27: link /symptoms/card-alert/: no page /symptoms/card-alert/ — link to a page that exists: /codes/<CODE>/, /symptoms/<slug>/, /tasks/<slug>/, /causes/<slug>/ or one of the index pages`,
		);
		expect(lines.at(-1)).toMatch(/^validate: 1 problem in 1 file \(14 checks, \d+\.\d s\)$/);
	});

	it('exits 2 with one line when it cannot run', () => {
		const r = run('--root', 'test/validate/fixtures/nope');
		expect(r.status).toBe(2);
		expect(r.stderr.trim()).toMatch(/^validate: could not run: content root .*test\/validate\/fixtures\/nope does not exist or is not a folder$/);
	});
});

describe('validate, as the CLI calls it', { timeout: 60_000 }, () => {
	it('gives machine output with --json', async () => {
		const out = JSON.parse(formatJson(await validate({ root: pinLine.root }))) as { ok: boolean; checks: string[]; problems: { check: string; file: string; line: number; message: string; fix: string }[] };
		expect(out.ok).toBe(false);
		expect(out.checks).toHaveLength(14);
		expect(out.problems).toEqual([expect.objectContaining({ check: 'customer-line', file: `${rel(pinLine.root)}/codes/55.mdx`, line: 11, fix: expect.stringContaining('keypad') })]);
	});

	it('checks a built site with --built and --dist', async () => {
		const result = await validate({ root: BASE, built: true, dist: 'test/validate/fixtures/built-orphans/site' });
		expect(result.checks).toEqual(['built-links', 'built-orphans', 'built-markdown']);
		expect(result.problems.map((p) => p.check)).toEqual(['built-orphans']);
	});

	it('runs only the checks named with --check', async () => {
		const result = await validate({ root: brokenLink.root, only: ['freshness'] });
		expect(result.problems).toEqual([]);
		expect(formatText(result)).toMatch(/^validate: ok \(1 check, /);
	});

	it('refuses an unknown check or content root (exit 2 in the CLI)', async () => {
		await expect(validate({ only: ['nope'] })).rejects.toThrow(SetupError);
		await expect(validate({ only: ['nope'] })).rejects.toThrow(/unknown check nope; the checks are schema, mdx, markup, size, coverage/);
		await expect(validate({ root: 'test/validate/fixtures/nope' })).rejects.toThrow(SetupError);
	});
});
