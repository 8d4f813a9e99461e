/**
 * Short links for cards and chat: `/55/` and `/a0/` lead to `/codes/55/` and `/codes/A0/`.
 * And the article folders without an index page of their own (`/symptoms/`, `/tasks/`,
 * `/causes/`, what a reader gets by cutting an article's URL short) lead to their list on
 * the home page.
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
	/** Where it leads, e.g. `/codes/A0/`, or `/#symptoms` for a folder listed on the home page. */
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

/**
 * Folders whose articles are listed on the home page under a heading with this id
 * (src/pages/index.astro), not on an index page of their own.
 */
export const HOME_LISTED = ['symptoms', 'tasks', 'causes'] as const;

/** `/symptoms/` → `/#symptoms`, and so on. */
export function sectionAliases(): Alias[] {
	return HOME_LISTED.map((folder) => ({ from: `/${folder}/`, to: `/#${folder}` }));
}

/** Every alias the site answers: the code short links and the article folders. */
export function siteAliases(contentDir = 'content'): Alias[] {
	return [...codeAliases(contentDir), ...sectionAliases()];
}
