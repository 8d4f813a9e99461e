/**
 * Each broken fixture is the base plus one change: it differs from `fixtures/base/`
 * only in the files its case names. Without this, an unrelated difference could make
 * a case pass for the wrong reason, or a base edit could leave the copies behind.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CASES, CASES } from './cases.ts';

const FIXTURES = 'test/validate/fixtures';

function files(dir: string, prefix = ''): string[] {
	return readdirSync(dir).flatMap((name) => {
		const abs = join(dir, name);
		return statSync(abs).isDirectory() ? files(abs, `${prefix}${name}/`) : [`${prefix}${name}`];
	});
}

function differences(caseDir: string): string[] {
	const base = new Set(files(`${FIXTURES}/base`));
	const own = new Set(files(caseDir));
	const changed = [...new Set([...base, ...own])].filter(
		(f) => !base.has(f) || !own.has(f) || readFileSync(join(`${FIXTURES}/base`, f), 'utf8') !== readFileSync(join(caseDir, f), 'utf8'),
	);
	return changed.sort();
}

describe('fixtures', () => {
	it.each(CASES.map((c) => [c.name, c.changed] as const))('%s differs from base only in its changed files', (name, changed) => {
		expect(differences(`${FIXTURES}/${name}`)).toEqual([...changed].sort());
	});

	it('has a case row for every fixture folder', () => {
		const folders = readdirSync(FIXTURES).filter((n) => statSync(join(FIXTURES, n)).isDirectory() && n !== 'base');
		const named = [...CASES.map((c) => c.name), ...BUILT_CASES.map((c) => c.name)];
		expect(folders.sort()).toEqual(named.sort());
		for (const c of BUILT_CASES) expect(existsSync(join(FIXTURES, c.name, 'site', 'index.html')), c.name).toBe(true);
	});
});
