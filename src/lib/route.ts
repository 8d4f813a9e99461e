/**
 * The current page's article frontmatter, typed with our collection schema.
 *
 * Starlight types `Astro.locals.starlightRoute.entry.data` with its own base schema; the
 * collection in `src/content.config.ts` extends that schema with `src/schemas/article.ts`,
 * and Astro validated every entry against it before rendering, so the narrower type is true.
 */
import type { ArticleFields } from '../schemas/article.ts';

/** A page built from `src/pages/` with `<StarlightPage>` (home, code index, cards). */
export interface DataPageFields {
	kind: 'page';
}

export function routeData(locals: App.Locals): ArticleFields | DataPageFields | Record<string, unknown> {
	return locals.starlightRoute.entry.data as unknown as ArticleFields | DataPageFields;
}

/** The article's frontmatter, or undefined on data pages. */
export function articleData(locals: App.Locals): ArticleFields | undefined {
	const data = routeData(locals) as ArticleFields | DataPageFields;
	return data.kind === 'page' || !('kind' in data) ? undefined : data;
}
