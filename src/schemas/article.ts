/**
 * Frontmatter of the MDX articles in `content/`: one strict object per kind, built from
 * one schema per concern.
 *
 * - `commonFields`: what every article has (title, summary, review date, sources).
 * - `factsFields`: what a cashier needs first (meaning, first action, who acts, customer
 *   line …). Codes, symptoms and tasks share these field names, so the facts panel, the
 *   card, search and the validator read every kind the same way.
 * - `codeFields`: what only a response code has (its code, the display texts, the
 *   handling class, its family, the Visa/Mastercard note, retirement).
 *
 * Each article file is the one home of its facts (as Rust's `error_codes/E0001.md` is for
 * an error code); `content/codes.yaml` lists only the codes that have no article.
 * Like withastro/docs' `content.config.ts`, the kinds are a discriminated union on `kind`.
 * Every object is strict: a misspelled field is an error, not silently dropped.
 */
import { z } from 'astro/zod';
import {
	categorySlugSchema,
	codeSchema,
	customerLineEnSchema,
	customerLineSchema,
	familySchema,
	firstActionSchema,
	handlingClassSchema,
	roleSchema,
	slugSchema,
} from './common.ts';

/**
 * A web address an article may link to or cite: http or https only. `javascript:` and
 * `data:` URLs would run in the reader's browser from the footer's link.
 */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: 'only http:// and https:// addresses may be cited' });

/** A source cited in the article's 参考 section. */
export const sourceSchema = z
	.object({
		/** Title of the source, as a reader would search for it (a named table, repository, package or page). */
		title: z.string().min(2),
		/** Link, if the source is online. The host must be on the citation allow-list. */
		url: webUrlSchema.optional(),
		/** What this source supports in the article, in a few words. */
		note: z.string().optional(),
	})
	.strict();
export type Source = z.infer<typeof sourceSchema>;

/** Fields every article has, whatever its kind. */
export const commonFields = {
	/** Page title, shown as the H1 and in search results. */
	title: z.string().min(2),
	/** One-sentence summary for search results and link previews. */
	description: z.string().min(10),
	/** The day an editor last checked the article against its sources. Never in the future. */
	reviewed: z.date(),
	/**
	 * Other ways the message appears or is described ("也显示为 / 常见说法"). Shown on
	 * the page as a visible line, so search finds it honestly, not via hidden keywords.
	 */
	alsoShownAs: z.array(z.string().min(2)).default([]),
	/** Sources for the 参考 section. At least one. */
	sources: z.array(sourceSchema).min(1),
};

/** What a cashier needs first, shared by codes, symptoms and tasks under the same names. */
export const factsFields = {
	/** What it means, in plain words. For a code: the standard China UnionPay wording (CUP 标准释义), e.g. "不正确的PIN". */
	meaning: z.string().min(2),
	/** The first thing to do, in one line. Shown at the top of the page and on the card; the first role step says the same. */
	firstAction: firstActionSchema,
	/** What the cashier says to the customer, as written. */
	customerLine: customerLineSchema,
	/** The same for a foreign cardholder, in English, shown in a block marked `lang="en"`. */
	customerLineEn: customerLineEnSchema.optional(),
	/**
	 * True where the real reason must not be told to the customer (suspected fraud, captured
	 * or restricted cards, risk control). The validator then checks both customer lines
	 * against the forbidden words in `content/rules/discretion.json`.
	 */
	discreet: z.boolean().default(false),
	/** Who must act, most important first. */
	whoActs: z.array(roleSchema).min(1),
	/** Cause categories (file names in `content/causes/`); each links to `/causes/<slug>/`. */
	categories: z.array(categorySlugSchema).min(1),
	/** Codes a cashier may meet next or confuse with this one. */
	related: z.array(codeSchema).default([]),
	/** True where a wrong move costs money (double charge, lost card, paying out twice); the article then needs a `<Warning>`. */
	moneyAtRisk: z.boolean().default(false),
};

/** What only a response code has. */
export const codeFields = {
	/** The code as the terminal shows it, e.g. "55" or "A0"; the file is `content/codes/<code>.mdx`. */
	code: codeSchema,
	/** `active` codes are on the current table; `retired` codes keep a page that says so. Default `active`. */
	status: z.enum(['active', 'retired']).default('active'),
	/** For `retired` codes: when and why the code left the table. */
	retiredNote: z.string().optional(),
	/** A different wording used by newer tables, if any, e.g. 05 "身份认证失败". */
	newerMeaning: z.string().optional(),
	/** What terminals typically show for this code; the first one is the most common. */
	display: z.array(z.string().min(2)).min(1),
	/** Handling class A–E, as the public SDK tables give it. */
	handlingClass: handlingClassSchema,
	/** The family (a file in `content/families/`) whose shared explanation `<Family />` shows. */
	family: familySchema.optional(),
	/** True for codes about the PIN: their customer lines are checked never to ask for it. */
	pin: z.boolean().default(false),
	/** One line where the same number means something else on Visa/Mastercard. */
	otherNetworks: z.string().optional(),
};

/** Position in lists (home page, sidebar, wall chart): lower first; equal ones by title. */
const orderField = z.number().int().min(0).max(999).default(100);

/** `/codes/<CODE>/`: one article per code in the table. */
export const codeArticleFields = z
	.object({
		kind: z.literal('code'),
		...codeFields,
		...factsFields,
		...commonFields,
	})
	.strict();

/** `/symptoms/<slug>/`: a message or problem the terminal shows without a code. */
export const symptomArticleFields = z
	.object({
		kind: z.literal('symptom'),
		/** The symptom slug; the file is `content/symptoms/<symptom>.mdx`. */
		symptom: slugSchema,
		order: orderField,
		...factsFields,
		...commonFields,
	})
	.strict();

/** `/tasks/<slug>/`: an everyday job at the terminal (签到, 结算, 消费撤销 …). */
export const taskArticleFields = z
	.object({
		kind: z.literal('task'),
		/** The task slug; the file is `content/tasks/<task>.mdx`. */
		task: slugSchema,
		order: orderField,
		...factsFields,
		...commonFields,
	})
	.strict();

/** `/causes/<slug>/`: a cause category. Its list of codes is derived from the data. */
export const causeArticleFields = z
	.object({
		kind: z.literal('cause'),
		/** The category slug; the file is `content/causes/<category>.mdx`. */
		category: slugSchema,
		/** Short Chinese name used in badges and lists, e.g. "签到与密钥". */
		shortTitle: z.string().min(2).max(12),
		order: orderField,
		...commonFields,
	})
	.strict();

/**
 * Pages that `src/pages/` builds from data with `<StarlightPage>` (home, code index,
 * cards). Starlight validates their frontmatter against this same collection schema,
 * so they need a member of the union. Never used in `content/`: the validator checks
 * that an article's kind matches its folder.
 */
export const dataPageFields = z
	.object({
		kind: z.literal('page'),
	})
	.strict();

const retiredNeedsNote = (d: Record<string, unknown>) => d['kind'] !== 'code' || d['status'] !== 'retired' || !!d['retiredNote'];

/**
 * The full frontmatter schema: each kind merged onto Starlight's own frontmatter
 * (title, sidebar, pagefind …), then made strict. `src/content.config.ts`, the content
 * loader (`src/lib/content/load.ts`) and the validator all build it here, so they can
 * never disagree.
 *
 * @param starlightBase Starlight's `docsSchema()(context)`; its keys are known, all others are errors.
 */
export function articleSchema(starlightBase: z.ZodObject) {
	const withBase = <T extends z.ZodObject>(kind: T) => starlightBase.extend(kind.shape).strict();
	return z
		.discriminatedUnion('kind', [
			withBase(codeArticleFields),
			withBase(symptomArticleFields),
			withBase(taskArticleFields),
			withBase(causeArticleFields),
			withBase(dataPageFields),
		])
		.refine(retiredNeedsNote, { message: 'a retired code needs a retiredNote saying when and why it left the table', path: ['retiredNote'] });
}

/** The article schema without Starlight's fields: what tools use to read `content/` outside Astro. */
export const contentArticleSchema = z
	.discriminatedUnion('kind', [codeArticleFields, symptomArticleFields, taskArticleFields, causeArticleFields])
	.refine(retiredNeedsNote, { message: 'a retired code needs a retiredNote saying when and why it left the table', path: ['retiredNote'] });

export type CodeArticleFields = z.infer<typeof codeArticleFields>;
export type SymptomArticleFields = z.infer<typeof symptomArticleFields>;
export type TaskArticleFields = z.infer<typeof taskArticleFields>;
export type CauseArticleFields = z.infer<typeof causeArticleFields>;
export type ArticleFields = CodeArticleFields | SymptomArticleFields | TaskArticleFields | CauseArticleFields;
/** The articles that carry facts (a facts panel, a card, a customer line). */
export type FactsArticleFields = CodeArticleFields | SymptomArticleFields | TaskArticleFields;
/** A code's facts, as the rest of the site reads them (what the old registry entry held). */
export type CodeFacts = CodeArticleFields;
