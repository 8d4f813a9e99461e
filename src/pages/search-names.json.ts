/**
 * `/search-names.json`: the names list the search box answers from before, or instead of,
 * Pagefind (`src/lib/search/names.ts`, issue 17). Built with the pages, from the same
 * frontmatter the facts panel renders, in the order lists use (codes in table order, then
 * symptoms, tasks and causes, each by `order`).
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../lib/articles.ts';
import { factsView } from '../lib/facts.ts';
import { KIND_BADGE, type NameEntry } from '../lib/search/names.ts';

export const GET: APIRoute = async () => {
	const { codes, symptoms, tasks, causes } = await getArticles();
	const entries: NameEntry[] = [];
	// An article's URL is its id (its path under content/, see content.config.ts).
	for (const { id, data } of [...codes, ...symptoms, ...tasks]) {
		const facts = factsView(data);
		const code = data.kind === 'code' ? data.code : undefined;
		entries.push({
			href: `/${id}/`,
			kind: data.kind,
			badge: code ?? KIND_BADGE[data.kind],
			// As the results list shows a title: without the code it starts with.
			title: code && data.title.startsWith(code) ? data.title.slice(code.length).trim() : data.title,
			meaning: facts.meaning,
			// The facts panel's text, as Pagefind indexes it (`ArticleFacts.astro`).
			...(facts.display.length ? { display: facts.display.map((d) => `“${d}”`).join('、') } : {}),
			...(data.alsoShownAs.length ? { also: data.alsoShownAs.join('、') } : {}),
		});
	}
	for (const { id, data } of causes) {
		entries.push({
			href: `/${id}/`,
			kind: 'cause',
			badge: KIND_BADGE.cause,
			title: data.title,
			meaning: data.description,
			...(data.alsoShownAs.length ? { also: data.alsoShownAs.join('、') } : {}),
		});
	}
	return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
