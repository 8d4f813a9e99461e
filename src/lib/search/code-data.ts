/**
 * The registry slice for code detection, as the HTML attributes `Search.astro` puts on every
 * page, computed once per build. Computing it in the component (for every page) made
 * rendering quadratic in the number of codes: 45 s of CPU at 5,000 codes (`npm run bench`).
 */
import { registry } from '../registry.ts';
import { getArticles } from '../articles.ts';
import { codeDataFrom, encodeCodeData } from './code-query.ts';

let cached: Promise<Record<string, string>> | undefined;

async function load(): Promise<Record<string, string>> {
	// The URL each code article was built at, so Enter on a code never leads to a 404.
	const { codes } = await getArticles();
	const built = new Map(codes.map((e) => [e.data.code.toUpperCase(), `/${e.id}/`]));
	return encodeCodeData(codeDataFrom(registry, (code) => built.get(code)));
}

export function searchCodeAttributes(): Promise<Record<string, string>> {
	if (import.meta.env.DEV) return load();
	return (cached ??= load());
}
