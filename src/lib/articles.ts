/**
 * Typed access to the article collection, for pages and chrome components.
 * Entries are grouped by kind once, so derived lists (codes in a category, symptoms in
 * a category) come from the data rather than being typed by hand.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CauseArticleFields, CodeArticleFields, SymptomArticleFields } from '../schemas/article.ts';
import type { CategorySlug } from '../schemas/common.ts';

export type ArticleEntry = CollectionEntry<'docs'>;
export type CodeEntry = ArticleEntry & { data: CodeArticleFields };
export type SymptomEntry = ArticleEntry & { data: SymptomArticleFields };
export type CauseEntry = ArticleEntry & { data: CauseArticleFields };

export async function getArticles() {
	const all = await getCollection('docs');
	const codes = all.filter((e): e is CodeEntry => e.data.kind === 'code');
	const symptoms = all.filter((e): e is SymptomEntry => e.data.kind === 'symptom');
	const causes = all.filter((e): e is CauseEntry => e.data.kind === 'cause');
	return { all, codes, symptoms, causes };
}

/** Short Chinese name of each category, from the category articles themselves. */
export async function categoryTitles(): Promise<Map<CategorySlug, string>> {
	const { causes } = await getArticles();
	return new Map(causes.map((c) => [c.data.category, c.data.shortTitle]));
}
