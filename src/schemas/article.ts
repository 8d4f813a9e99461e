/**
 * Frontmatter of the MDX articles in `content/`, one strict object per kind.
 *
 * Like withastro/docs' `content.config.ts`, the kinds are a discriminated union on
 * `kind`, so each kind gets exactly its own required fields. Every object is strict:
 * a misspelled field is an error, not silently dropped.
 *
 * Code facts (meaning, display text, class, who acts …) are NOT repeated here; they
 * live once in the registry (`content/registry.ts`) and are looked up by `code`.
 */
import { z } from 'astro/zod';
import {
	categorySlugSchema,
	codeSchema,
	customerLineSchema,
	firstActionSchema,
	roleSchema,
	symptomSlugSchema,
} from './common.ts';

/** A source cited in the article's 参考 section. */
export const sourceSchema = z
	.object({
		/** Title of the source, as a reader would search for it. */
		title: z.string().min(2),
		/** Link, if the source is online. The host must be on the citation allow-list. */
		url: z.url().optional(),
		/** What this source supports in the article, in a few words. */
		note: z.string().optional(),
	})
	.strict();
export type Source = z.infer<typeof sourceSchema>;

/** Fields every article has, whatever its kind. */
const commonFields = {
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

/** `/codes/<CODE>/`: one article per registry code. */
export const codeArticleFields = z
	.object({
		kind: z.literal('code'),
		/** The registry code this article explains; the file is `content/codes/<code>.mdx`. */
		code: codeSchema,
		...commonFields,
	})
	.strict();

/** `/symptoms/<slug>/`: a message the terminal shows without a code. */
export const symptomArticleFields = z
	.object({
		kind: z.literal('symptom'),
		/** The symptom slug; the file is `content/symptoms/<symptom>.mdx`. */
		symptom: symptomSlugSchema,
		/** What the message means, in one or two sentences. Symptoms have no registry entry. */
		meaning: z.string().min(10),
		/** The first thing to do, in one line. */
		firstAction: firstActionSchema,
		/** What the cashier says to the customer, as written. */
		customerLine: customerLineSchema,
		/** See the registry's `discreet`: the customer line must not reveal suspicion. */
		discreet: z.boolean().default(false),
		/** Who must act, most important first. */
		whoActs: z.array(roleSchema).min(1),
		/** Cause categories. */
		categories: z.array(categorySlugSchema).min(1),
		/** Codes that often come with or explain this message. */
		related: z.array(codeSchema).default([]),
		/** True where a wrong move costs money. */
		moneyAtRisk: z.boolean().default(false),
		...commonFields,
	})
	.strict();

/** `/causes/<slug>/`: a cause category. Its list of codes is derived from the data. */
export const causeArticleFields = z
	.object({
		kind: z.literal('cause'),
		/** The category slug; the file is `content/causes/<category>.mdx`. */
		category: categorySlugSchema,
		/** Short Chinese name used in badges and lists, e.g. "签到与密钥". */
		shortTitle: z.string().min(2).max(12),
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

/**
 * The full frontmatter schema: each kind merged onto Starlight's own frontmatter
 * (title, sidebar, pagefind …), then made strict. Both `src/content.config.ts` and the
 * validator build it here, so the site and the validator can never disagree.
 *
 * @param starlightBase Starlight's `docsSchema()(context)`; its keys are known, all others are errors.
 */
export function articleSchema(starlightBase: z.ZodObject) {
	const withBase = <T extends z.ZodObject>(kind: T) => starlightBase.extend(kind.shape).strict();
	return z.discriminatedUnion('kind', [
		withBase(codeArticleFields),
		withBase(symptomArticleFields),
		withBase(causeArticleFields),
		withBase(dataPageFields),
	]);
}

export type ArticleFields =
	| z.infer<typeof codeArticleFields>
	| z.infer<typeof symptomArticleFields>
	| z.infer<typeof causeArticleFields>;
export type CodeArticleFields = z.infer<typeof codeArticleFields>;
export type SymptomArticleFields = z.infer<typeof symptomArticleFields>;
export type CauseArticleFields = z.infer<typeof causeArticleFields>;
