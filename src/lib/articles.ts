/**
 * Typed access to the article collection, for pages and chrome components.
 * Entries are grouped by kind once, so derived lists (codes in a category, symptoms in
 * a category) come from the data rather than being typed by hand.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CauseArticleFields, CodeArticleFields, SymptomArticleFields } from '../schemas/article.ts';
import { categorySlugSchema, symptomSlugSchema, type CategorySlug } from '../schemas/common.ts';

const symptomOrder = symptomSlugSchema.options;
const categoryOrder = categorySlugSchema.options;

export type ArticleEntry = CollectionEntry<'docs'>;
export type CodeEntry = ArticleEntry & { data: CodeArticleFields };
export type SymptomEntry = ArticleEntry & { data: SymptomArticleFields };
export type CauseEntry = ArticleEntry & { data: CauseArticleFields };

type Articles = Awaited<ReturnType<typeof loadArticles>>;
let cached: Promise<Articles> | undefined;

/**
 * The articles grouped by kind. Every page calls this (header search, facts panel, footer,
 * cards), and a build never changes the collection, so a build computes it once: at 5,000
 * articles the repeated getCollection() was a quarter of the page-rendering time
 * (`npm run bench`). `astro dev` recomputes it on every call, so edits show at once.
 */
export function getArticles(): Promise<Articles> {
	if (import.meta.env.DEV) return loadArticles();
	return (cached ??= loadArticles());
}

async function loadArticles() {
	const all = await getCollection('docs');
	const codes = all.filter((e): e is CodeEntry => e.data.kind === 'code');
	// Lists follow the order of the enums in src/schemas/common.ts (most common first),
	// not the file system's alphabetical order.
	const symptoms = all
		.filter((e): e is SymptomEntry => e.data.kind === 'symptom')
		.sort((a, b) => symptomOrder.indexOf(a.data.symptom) - symptomOrder.indexOf(b.data.symptom));
	const causes = all
		.filter((e): e is CauseEntry => e.data.kind === 'cause')
		.sort((a, b) => categoryOrder.indexOf(a.data.category) - categoryOrder.indexOf(b.data.category));
	return { all, codes, symptoms, causes };
}

/** Short Chinese name of each category, from the category articles themselves. */
export async function categoryTitles(): Promise<Map<CategorySlug, string>> {
	const { causes } = await getArticles();
	return new Map(causes.map((c) => [c.data.category, c.data.shortTitle]));
}
