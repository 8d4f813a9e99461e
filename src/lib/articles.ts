/**
 * Typed access to the article collection, for pages and chrome components.
 * Entries are grouped by kind once, so derived lists (codes in a category, symptoms in
 * a category) come from the data rather than being typed by hand.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CauseArticleFields, CodeArticleFields, SymptomArticleFields, TaskArticleFields } from '../schemas/article.ts';
import type { CategorySlug } from '../schemas/common.ts';
import { codeOrder } from './content/load.ts';

export type ArticleEntry = CollectionEntry<'docs'>;
export type CodeEntry = ArticleEntry & { data: CodeArticleFields };
export type SymptomEntry = ArticleEntry & { data: SymptomArticleFields };
export type TaskEntry = ArticleEntry & { data: TaskArticleFields };
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
	// Lists follow each article's `order` (most common first, then by title), and codes the
	// table order, not the file system's alphabetical order.
	const byOrder = (a: { data: { order: number; title: string } }, b: { data: { order: number; title: string } }) =>
		a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'zh-CN');
	const codes = all.filter((e): e is CodeEntry => e.data.kind === 'code').sort((a, b) => codeOrder(a.data.code) - codeOrder(b.data.code));
	const symptoms = all.filter((e): e is SymptomEntry => e.data.kind === 'symptom').sort(byOrder);
	const tasks = all.filter((e): e is TaskEntry => e.data.kind === 'task').sort(byOrder);
	const causes = all.filter((e): e is CauseEntry => e.data.kind === 'cause').sort(byOrder);
	return { all, codes, symptoms, tasks, causes };
}

/** Short Chinese name of each category, from the category articles themselves. */
export async function categoryTitles(): Promise<Map<CategorySlug, string>> {
	const { causes } = await getArticles();
	return new Map(causes.map((c) => [c.data.category, c.data.shortTitle]));
}
