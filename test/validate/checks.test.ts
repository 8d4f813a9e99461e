/**
 * Every check can fail: each case (the base fixture plus its patch) produces exactly its
 * problems, with the right check, file and line, and a fix that says what to do. The base
 * fixture produces none.
 */
import { relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../scripts/lib/validate/run.ts';
import { BUILT_CASES, CASES, type Expected } from './cases.ts';
import { BASE, materialize, type Materialized } from './patch.ts';

const FIXTURES = 'test/validate/fixtures';
/** A fixed "today", so freshness messages do not change with the calendar. */
const TODAY = '2026-06-01';

/** Problems as comparable rows: check, file and line exactly; message and fix by their words. */
function rows(problems: { check: string; file: string; line: number; message: string; fix: string }[], prefix: string) {
	return problems.map((p) => ({ check: p.check, file: p.file.startsWith(prefix) ? p.file.slice(prefix.length) : p.file, line: p.line, message: p.message, fix: p.fix }));
}

function expected(list: Expected[]) {
	return list.map((e) => ({ check: e.check, file: e.file, line: e.line, message: expect.stringContaining(e.message), fix: expect.stringContaining(e.fix) }));
}

const made: Materialized[] = [];
afterAll(() => {
	for (const m of made) m.remove();
});

// The first test loads mermaid (about a second, more on a busy machine).
describe('validate on fixtures', { timeout: 60_000 }, () => {
	it('finds nothing in the base fixture', async () => {
		const result = await validate({ root: BASE, today: TODAY });
		expect(result.problems).toEqual([]);
		expect(result.checks).toEqual(['schema', 'mdx', 'markup', 'size', 'coverage', 'links', 'orphans', 'flowcharts', 'normalization', 'freshness', 'customer-line', 'advice', 'glossary', 'integrity']);
	});

	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const m = materialize(c.patch);
		made.push(m);
		const result = await validate({ root: m.root, today: TODAY });
		// Problems are reported relative to the working directory, as the CLI prints them.
		const prefix = `${relative(process.cwd(), m.root).split('\\').join('/')}/`;
		const sort = (a: { file: string; line: number; check: string }, b: typeof a) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check);
		expect(rows(result.problems, prefix).sort(sort)).toEqual(expected(c.problems).sort(sort));
	});

	it('has a failing case for every content check', () => {
		const covered = new Set(CASES.flatMap((c) => c.problems.map((p) => p.check)));
		for (const id of ['schema', 'coverage', 'links', 'orphans', 'flowcharts', 'normalization', 'freshness', 'customer-line', 'integrity']) {
			expect(covered, id).toContain(id);
		}
	});
});

describe('validate --built on fixture sites', () => {
	it.each(BUILT_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
		const result = await validate({ root: BASE, built: true, dist: `${FIXTURES}/${name}/site`, today: TODAY });
		expect(result.checks).toEqual(['built-links', 'built-orphans', 'built-markdown']);
		expect(rows(result.problems, '')).toEqual(expected(c.problems));
	});
});
