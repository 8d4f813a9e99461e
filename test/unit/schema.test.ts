/**
 * Article frontmatter: one strict object per kind (issue 2). A misspelled field or a
 * code written as a number must fail, with the path of the field.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { articleSchema } from '../../src/schemas/article.ts';

const schema = articleSchema(docsSchema()({ image: () => z.string() } as never) as unknown as z.ZodObject);

const code = {
	kind: 'code',
	code: '55',
	title: '55 密码错误',
	description: '返回码 55 表示持卡人输入的密码不正确。',
	reviewed: new Date('2026-11-22'),
	sources: [{ title: 'ISO 8583:1987' }],
};
const symptom = {
	kind: 'symptom',
	symptom: 'settlement-failure',
	title: '结算失败',
	description: '终端结算失败或钱没有到账。',
	meaning: '终端批结算对不上账，或者款项没有到商户的结算卡。',
	firstAction: '先分清是终端结算失败还是钱没到账。',
	customerLine: '这是我们店里对账的事，和您的付款无关，您的交易已经完成了。',
	whoActs: ['merchant'],
	categories: ['transaction-data'],
	reviewed: new Date('2026-11-22'),
	sources: [{ title: 'PBOC 2013 No. 9' }],
};
const cause = {
	kind: 'cause',
	category: 'keys',
	shortTitle: '签到与密钥',
	title: '签到与密钥问题',
	description: '终端密钥过期或未签到引起的失败。',
	reviewed: new Date('2026-11-22'),
	sources: [{ title: 'UnionPay terminal spec' }],
};

const issuesOf = (data: unknown) => {
	const r = schema.safeParse(data);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('article schema', () => {
	it('accepts one valid article of each kind', () => {
		expect(issuesOf(code)).toEqual([]);
		expect(issuesOf(symptom)).toEqual([]);
		expect(issuesOf(cause)).toEqual([]);
	});

	it('rejects unknown fields (strict objects)', () => {
		expect(issuesOf({ ...code, reviwed: new Date() }).join()).toMatch(/reviwed/);
		expect(issuesOf({ ...cause, code: '55' }).join()).toMatch(/code/);
	});

	it('requires codes to be strings of two digits or A0–A7', () => {
		expect(issuesOf({ ...code, code: 55 }).join()).toMatch(/^code:/);
		expect(issuesOf({ ...code, code: '5' }).join()).toMatch(/two digits or A0–A7/);
		expect(issuesOf({ ...code, code: 'A9' }).join()).toMatch(/code/);
		expect(issuesOf({ ...code, code: 'A0' })).toEqual([]);
	});

	it('requires the fields of each kind', () => {
		const { customerLine: _c, ...noLine } = symptom;
		expect(issuesOf(noLine).join()).toMatch(/customerLine/);
		const { sources: _s, ...noSources } = code;
		expect(issuesOf(noSources).join()).toMatch(/sources/);
		expect(issuesOf({ ...symptom, symptom: 'printer-jam' }).join()).toMatch(/symptom/);
		expect(issuesOf({ ...cause, category: 'weather' }).join()).toMatch(/category/);
	});

	it('rejects an unknown kind and a too-long customer line', () => {
		expect(issuesOf({ ...code, kind: 'faq' }).length).toBeGreaterThan(0);
		expect(issuesOf({ ...symptom, customerLine: '请'.repeat(91) }).join()).toMatch(/customerLine/);
	});
});
