/**
 * Each case is the base plus a patch that applies and changes something: `materialize`
 * refuses a `replace` whose text is not in the base file (or is there twice), and any
 * change that leaves a file as it was. Without this, an edit to the base could turn a case
 * into a copy of the base that passes for the wrong reason.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CASES, CASES } from './cases.ts';
import { BASE, materialize } from './patch.ts';

const FIXTURES = 'test/validate/fixtures';

const read = (root: string, file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined);

describe('fixture patches', () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s applies to the base and changes every file it names', (_name, c) => {
		const m = materialize(c.patch);
		try {
			for (const file of Object.keys(c.patch)) expect(read(m.root, file), file).not.toEqual(read(BASE, file));
		} finally {
			m.remove();
		}
	});

	it('refuses a replacement whose text is not in the base file', () => {
		expect(() => materialize({ 'codes/55.mdx': { replace: [['handlingClass: Q', 'handlingClass: X']] } })).toThrow(/not found/);
	});

	it('refuses an ambiguous replacement, a no-op write and deleting a missing file', () => {
		expect(() => materialize({ 'codes/55.mdx': { replace: [['密码错', '密码不对']] } })).toThrow(/more than once/);
		expect(() => materialize({ 'common.yaml': { write: readFileSync(join(BASE, 'common.yaml'), 'utf8') } })).toThrow(/changes nothing/);
		expect(() => materialize({ 'codes/38.mdx': { delete: true } })).toThrow(/no such file/);
	});

	it('has unique case names', () => {
		const names = CASES.map((c) => c.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('keeps only the base and the built sites as folders', () => {
		const folders = readdirSync(FIXTURES).filter((n) => statSync(join(FIXTURES, n)).isDirectory());
		expect(folders.sort()).toEqual(['base', ...BUILT_CASES.map((c) => c.name)].sort());
		for (const c of BUILT_CASES) expect(existsSync(join(FIXTURES, c.name, 'site', 'index.html')), c.name).toBe(true);
	});
});
