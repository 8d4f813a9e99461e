/**
 * The registry is the single source of truth for code facts (issue 2), and it covers
 * the whole UnionPay table (issue 3): 00–99 are each either a code or unassigned, plus
 * A0–A7, each exactly once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registry as raw } from '../../content/registry.ts';
import { parseRegistry, registry } from '../../src/lib/registry.ts';
import { categorySlugSchema } from '../../src/schemas/common.ts';

describe('registry', () => {
	it('lists every two-digit number exactly once, as a code or as unassigned, plus A0–A7', () => {
		const all = [...registry.codes.map((c) => c.code), ...registry.unassigned];
		expect(new Set(all).size).toBe(all.length);
		const expected = [...Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')), ...Array.from({ length: 8 }, (_, i) => `A${i}`)];
		expect([...all].sort()).toEqual([...expected].sort());
	});

	it('every related code is a registry code, and never the code itself', () => {
		const codes = new Set(registry.codes.map((c) => c.code));
		for (const e of registry.codes) {
			for (const r of e.related) {
				expect(codes.has(r), `${e.code} → related ${r}`).toBe(true);
				expect(r).not.toBe(e.code);
			}
		}
	});

	it('uses only known categories, and every category has at least one code', () => {
		const used = new Set(registry.codes.flatMap((c) => c.categories));
		for (const c of categorySlugSchema.options) expect(used.has(c), c).toBe(true);
	});

	it('codes that need the operator or money care are marked so', () => {
		const byCode = new Map(registry.codes.map((c) => [c.code, c]));
		// The pick-up family is class D, discreet, and money/card at risk.
		for (const c of ['04', '07', '33', '34', '35', '36', '37', '41', '43', '67']) {
			const e = byCode.get(c as never)!;
			expect(e.family, c).toBe('pick-up');
			expect(e.class, c).toBe('D');
			expect(e.discreet, c).toBe(true);
			expect(e.moneyAtRisk, c).toBe(true);
		}
		// Codes where the first attempt may have gone through.
		for (const c of ['68', '94', '98']) expect(byCode.get(c as never)!.moneyAtRisk, c).toBe(true);
		// Sign-in cures these.
		for (const c of ['77', '99', 'A0']) expect(byCode.get(c as never)!.family, c).toBe('sign-in');
	});

	it('states the standard meanings of the source topics', () => {
		const byCode = new Map(registry.codes.map((c) => [c.code, c]));
		expect(byCode.get('52' as never)!.meaning).toBe('无此支票账户');
		expect(byCode.get('55' as never)!.meaning).toBe('不正确的PIN');
		expect(byCode.get('A0' as never)!.meaning).toBe('MAC 鉴别失败');
	});

	it('rejects a duplicate field, a bad code, an unknown field and a retired code without a note', () => {
		const base = structuredClone(raw) as unknown as { codes: Record<string, unknown>[] };
		const first = base.codes[0]!;
		expect(() => parseRegistry({ ...base, codes: [{ ...first, code: 5 }] })).toThrow(/content\/registry\.ts:\d+: codes\.0\.code/);
		expect(() => parseRegistry({ ...base, codes: [{ ...first, colour: 'red' }] })).toThrow(/Unrecognized key/);
		expect(() => parseRegistry({ ...base, codes: [{ ...first, status: 'retired' }] })).toThrow(/retiredNote/);
		expect(() => parseRegistry({ ...base, codes: [{ ...first, class: 'F' }] })).toThrow(/codes\.0\.class/);
	});

	it('names the line of the offending entry', () => {
		const base = structuredClone(raw) as unknown as { codes: Record<string, unknown>[] };
		const i = base.codes.findIndex((c) => c['code'] === '55');
		base.codes[i] = { ...base.codes[i], whoActs: [] };
		let message = '';
		try {
			parseRegistry(base);
		} catch (e) {
			message = (e as Error).message;
		}
		const line = Number(/content\/registry\.ts:(\d+):/.exec(message)?.[1]);
		const lines = readFileSync('content/registry.ts', 'utf8').split('\n');
		expect(lines[line - 1]).toMatch(/code: '55'/);
	});
});
