/**
 * The content loader (`src/lib/content/load.ts`) and the code facade on it
 * (`src/lib/registry.ts`): codes in table order, lookups, and errors that name the real
 * `file:line` of a broken frontmatter or data file (issue 12). Content rules (every code
 * is an article or unassigned, links resolve …) are the validator's job, not tested here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { codeOrder, ContentError, loadContent } from '../../src/lib/content/load.ts';
import { getCode, isKnownCode, registry } from '../../src/lib/registry.ts';
import { CODE_SPACE } from '../../src/schemas/common.ts';
import { materialize, type Materialized, type Patch } from '../validate/patch.ts';

const made: Materialized[] = [];
afterAll(() => {
	for (const m of made) m.remove();
});
function root(patch: Patch): string {
	const m = materialize(patch);
	made.push(m);
	return m.root;
}

/** The problems the loader reports, or [] when it loads. */
function problemsOf(dir: string): string[] {
	try {
		loadContent(dir, { fresh: true });
		return [];
	} catch (e) {
		if (e instanceof ContentError) return e.problems.map((p) => p.replace(`${dir}/`, ''));
		throw e;
	}
}

/** A new code article copied from 75, and its number taken out of `unassigned`. */
const newCode = (code: string): Patch => ({
	[`codes/${code}.mdx`]: { from: 'codes/75.mdx', replace: [['code: "75"', `code: "${code}"`], ['title: 75 ', `title: ${code} `]] },
});

describe('loadContent', () => {
	it('reads every kind from a content root and lists codes in table order (00…99, then A0…A7)', () => {
		const dir = root({
			...newCode('A0'),
			...newCode('05'),
			'codes.yaml': { replace: [['"04", "05", "06"', '"04", "06"'], [', "A0", "A1"', ', "A1"']] },
		});
		const content = loadContent(dir, { fresh: true });
		expect(content.codes.map((c) => c.code)).toEqual(['05', '55', '75', 'A0']);
		expect(content.causes.map((c) => c.category)).toEqual(['keys']);
		expect(content.codeIndex.excluded[0]?.codes).toEqual(['B0', 'C1', 'T1']);
		expect(content.common.codes).toEqual(['55', '75']);
		// Facts come with the schema's defaults filled in.
		expect(content.codes[1]).toMatchObject({ code: '55', handlingClass: 'C', pin: true, discreet: false, status: 'active' });
	});

	it('orders codes by the code space, A0…A7 after 99', () => {
		expect(CODE_SPACE.slice(98, 101)).toEqual(['98', '99', 'A0']);
		expect(codeOrder('A0')).toBeGreaterThan(codeOrder('99'));
		expect(codeOrder('05')).toBeLessThan(codeOrder('55'));
	});

	it('caches per root, and re-reads with `fresh`', () => {
		const dir = root({ 'common.yaml': { replace: [['codes: ["55", "75"]', 'codes: ["75"]']] } });
		const first = loadContent(dir, { fresh: true });
		expect(loadContent(dir)).toBe(first);
		expect(loadContent(dir, { fresh: true })).not.toBe(first);
		expect(first.common.codes).toEqual(['75']);
	});

	it('names the file and line of a wrong frontmatter value', () => {
		const dir = root({ 'codes/75.mdx': { replace: [['handlingClass: C', 'handlingClass: F']] } });
		expect(problemsOf(dir)).toEqual([expect.stringMatching(/^codes\/75\.mdx:8: handlingClass: .* — correct this field$/)]);
	});

	it('names the file and line of broken frontmatter YAML', () => {
		const dir = root({ 'codes/55.mdx': { replace: [['description: 返回码 55 表示', 'description: 返回码: 55: 表示']] } });
		expect(problemsOf(dir)).toEqual([expect.stringMatching(/^codes\/55\.mdx:5: the frontmatter is not valid YAML: .* — fix the frontmatter$/)]);
	});

	it('names the line of a frontmatter field in the wrong folder', () => {
		const dir = root({ 'causes/pin.mdx': { from: 'codes/55.mdx', replace: [] } });
		expect(problemsOf(dir)).toEqual(['causes/pin.mdx:2: kind is code, but the file is in causes/ — set `kind: cause` or move the file']);
	});

	it('names the line of an unknown frontmatter field', () => {
		const dir = root({ 'codes/55.mdx': { replace: [['alsoShownAs: [密码错]\n', 'alsoShownAs: [密码错]\ntags: [密码]\n']] } });
		expect(problemsOf(dir)).toEqual([expect.stringMatching(/^codes\/55\.mdx:18: frontmatter: .*"tags" — correct this field$/)]);
	});

	it('names the file and line of broken codes.yaml', () => {
		const syntax = root({ 'codes.yaml': { replace: [['    why: 这些字母码', '    why: 说明: 这些字母码']] } });
		expect(problemsOf(syntax)).toEqual([expect.stringMatching(/^codes\.yaml:5: .* — fix the YAML syntax$/)]);
		const value = root({ 'codes.yaml': { replace: [['    why: 这些字母码', '    why: 5\n    note: 这些字母码']] } });
		expect(problemsOf(value)).toEqual([
			expect.stringMatching(/^codes\.yaml:5: excluded\.0\.why: .* — correct this entry$/),
			expect.stringMatching(/^codes\.yaml:6: excluded\.0: .*"note" — correct this entry$/),
		]);
	});

	it('reports every broken file at once, and a missing data file', () => {
		const dir = root({ 'codes/75.mdx': { replace: [['handlingClass: C', 'handlingClass: F']] }, 'common.yaml': { delete: true } });
		expect(problemsOf(dir)).toEqual([
			expect.stringMatching(/^codes\/75\.mdx:8: handlingClass:/),
			'common.yaml:1: the file is missing — restore it (see the README\'s editing section)',
		]);
	});
});

describe('the registry facade (real content)', () => {
	const content = loadContent('content');

	it('is the loader’s view of content/', () => {
		expect(registry.codes).toEqual(content.codes);
		expect(registry.unassigned).toEqual(content.codeIndex.unassigned);
		expect(registry.acquirerSpecific.codes).toEqual(content.codeIndex.excluded.flatMap((g) => g.codes));
	});

	it('lists codes in table order', () => {
		const order = registry.codes.map((c) => codeOrder(c.code));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(order.every((o) => o >= 0)).toBe(true);
	});

	it('finds a code by its code, whatever the case of its letter', () => {
		// Under vitest `import.meta.env.DEV` is true, so each facade call re-reads content/: compare by value.
		const [first] = registry.codes.filter((c) => /[A-Z]/.test(c.code));
		expect(first, 'a letter code').toBeDefined();
		expect(getCode(first!.code.toLowerCase())).toEqual(first);
		expect(isKnownCode(first!.code)).toBe(true);
		const [unassigned] = registry.unassigned;
		expect(isKnownCode(unassigned!)).toBe(false);
		expect(getCode('nope')).toBeUndefined();
	});
});
