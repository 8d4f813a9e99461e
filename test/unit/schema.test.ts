/**
 * Article frontmatter: one strict object per kind (issues 2 and 12). A misspelled field or
 * a code written as a number must fail, with the path of the field. A code's facts live in
 * its frontmatter, under the same field names symptoms use.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { articleSchema, contentArticleSchema } from '../../src/schemas/article.ts';

const schema = articleSchema(docsSchema()({ image: () => z.string() } as never) as unknown as z.ZodObject);

const code = {
	kind: 'code',
	code: '55',
	title: '55 密码错误',
	description: '返回码 55 表示持卡人输入的密码不正确。',
	meaning: '不正确的PIN',
	display: ['密码错'],
	handlingClass: 'C',
	whoActs: ['cardholder', 'merchant'],
	firstAction: '请持卡人遮挡键盘重新输入一次密码。',
	customerLine: '密码没有通过，请您遮挡一下再输一次。',
	pin: true,
	categories: ['keys'],
	reviewed: new Date('2026-11-22'),
	sources: [{ title: 'ISO 8583:1987' }],
};
const task = {
	kind: 'task',
	task: 'sign-in',
	title: '签到',
	description: '每天开始收款前让终端签到，下载当天的工作密钥。',
	meaning: '签到让终端和收单机构对齐当天的工作密钥。',
	firstAction: '在终端菜单里选“签到”，等待提示成功。',
	customerLine: '请稍等，终端在准备，马上就好。',
	whoActs: ['merchant'],
	categories: ['keys'],
	reviewed: new Date('2026-11-22'),
	sources: [{ title: '受理终端操作说明' }],
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
		expect(issuesOf(task)).toEqual([]);
		expect(issuesOf(cause)).toEqual([]);
	});

	it('reads content outside Astro with the same fields (no Starlight base)', () => {
		for (const article of [code, symptom, task, cause]) expect(contentArticleSchema.safeParse(article).success, article.kind).toBe(true);
		// Defaults are filled in as on the site.
		const parsed = contentArticleSchema.parse(code);
		expect(parsed).toMatchObject({ status: 'active', discreet: false, moneyAtRisk: false, related: [], alsoShownAs: [] });
	});

	it('gives a code its facts under the shared names, and rejects the old `class`', () => {
		const { handlingClass: _h, ...noClass } = code;
		expect(issuesOf({ ...noClass, class: 'C' })).toEqual(expect.arrayContaining([expect.stringMatching(/^handlingClass:/), expect.stringMatching(/class/)]));
		expect(issuesOf({ ...code, handlingClass: 'F' }).join()).toMatch(/^handlingClass:/);
		const { display: _d, ...noDisplay } = code;
		expect(issuesOf(noDisplay).join()).toMatch(/^display:/);
		expect(issuesOf({ ...code, status: 'retired' }).join()).toMatch(/^retiredNote: a retired code needs a retiredNote/);
		expect(issuesOf({ ...code, status: 'retired', retiredNote: '2026 年起不再使用。' })).toEqual([]);
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
		const { firstAction: _f, ...noFirstAction } = task;
		expect(issuesOf(noFirstAction).join()).toMatch(/^firstAction:/);
		// Slugs are file names: lower-case words and hyphens (that the file exists is the validator's job).
		expect(issuesOf({ ...symptom, symptom: 'Printer Jam' }).join()).toMatch(/^symptom: a slug is lower-case/);
		expect(issuesOf({ ...cause, category: 'keys_2' }).join()).toMatch(/^category: a slug is lower-case/);
	});

	it('rejects an unknown kind and a too-long customer line', () => {
		expect(issuesOf({ ...code, kind: 'faq' }).length).toBeGreaterThan(0);
		expect(issuesOf({ ...symptom, customerLine: '请'.repeat(91) }).join()).toMatch(/customerLine/);
	});
});
