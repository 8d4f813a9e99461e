/**
 * Short links for cards and chat: `/55/` and `/a0/` lead to `/codes/55/` and `/codes/A0/`.
 *
 * The list comes from the article file names (`content/codes/<CODE>.mdx`), so a new code
 * article brings its aliases with it and nothing else has to change. One list serves
 * every place an alias is answered: Astro's HTML redirect pages (astro.config.mjs), the
 * nginx include, and the static hosts' `_redirects` (render.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Alias {
	/** Path with a trailing slash, e.g. `/a0/`. */
	from: string;
	/** The article, e.g. `/codes/A0/`. */
	to: string;
}

/** A code article's file name: two characters, digits or upper-case letters (`55`, `A0`). */
const CODE_FILE = /^([0-9A-Z]{2})\.mdx$/;

/** Every alias, sorted: the code itself and, for codes with letters, its lower-case form. */
export function codeAliases(contentDir = 'content'): Alias[] {
	const codes = readdirSync(join(contentDir, 'codes'))
		.map((f) => CODE_FILE.exec(f)?.[1])
		.filter((c): c is string => c !== undefined)
		.sort();
	return codes.flatMap((code) => {
		const to = `/codes/${code}/`;
		const forms = code === code.toLowerCase() ? [code] : [code, code.toLowerCase()];
		return forms.map((form) => ({ from: `/${form}/`, to }));
	});
}
