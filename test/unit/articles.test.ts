/**
 * Registry and articles agree (issue 3): the same codes, no duplicates, and every
 * category and related code that an article names exists. The validator (issue 4)
 * generalises this with file:line messages; this is the quick unit-level guard.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/lib/registry.ts';
import { categorySlugSchema, symptomSlugSchema } from '../../src/schemas/common.ts';

function frontmatter(dir: string) {
	return readdirSync(join('content', dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((file) => {
			const text = readFileSync(join('content', dir, file), 'utf8');
			const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
			return { file, data: load(yaml) as Record<string, unknown>, body: text };
		});
}

const codes = frontmatter('codes');
const symptoms = frontmatter('symptoms');
const causes = frontmatter('causes');
const registryCodes = registry.codes.map((c) => c.code);

describe('registry ↔ articles', () => {
	it('every registry code has exactly one article, and every article a registry code', () => {
		const articleCodes = codes.map((c) => String(c.data['code']));
		expect(new Set(articleCodes).size).toBe(articleCodes.length);
		expect([...articleCodes].sort()).toEqual([...registryCodes].sort());
	});

	it('each code article is named after its code, with the code as a quoted string', () => {
		for (const { file, data, body } of codes) {
			expect(file).toBe(`${String(data['code'])}.mdx`);
			expect(body).toMatch(/^code: ["'][0-9A-Z]{2}["']$/m);
		}
	});

	it('unassigned numbers have no article', () => {
		for (const u of registry.unassigned) expect(codes.some((c) => c.data['code'] === u), u).toBe(false);
	});

	it('there is one article per symptom and per category, named after its slug', () => {
		expect(symptoms.map((s) => s.file).sort()).toEqual(symptomSlugSchema.options.map((s) => `${s}.mdx`).sort());
		expect(causes.map((c) => c.file).sort()).toEqual(categorySlugSchema.options.map((c) => `${c}.mdx`).sort());
		for (const s of symptoms) expect(s.file).toBe(`${String(s.data['symptom'])}.mdx`);
		for (const c of causes) expect(c.file).toBe(`${String(c.data['category'])}.mdx`);
	});

	it('symptoms name only existing codes and categories', () => {
		for (const s of symptoms) {
			for (const r of (s.data['related'] as string[] | undefined) ?? []) expect(registryCodes, `${s.file} related ${r}`).toContain(r);
			for (const c of s.data['categories'] as string[]) expect(categorySlugSchema.options, `${s.file} category ${c}`).toContain(c);
		}
	});

	it('family texts exist for every family in the registry', () => {
		const families = new Set(registry.codes.flatMap((c) => (c.family ? [c.family] : [])));
		const files = readdirSync('content/families');
		for (const f of families) expect(files, f).toContain(`${f}.mdx`);
	});
});
