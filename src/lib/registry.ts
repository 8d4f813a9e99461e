/**
 * The code index as pages, cards and scripts read it: every code's facts, taken from the
 * code articles' frontmatter (`content/codes/<CODE>.mdx`), plus `content/codes.yaml` for the
 * numbers with no article. There is no second home for a code's facts.
 *
 * Reading goes through `loadContent()`, which validates with the collection's own schemas
 * and stops the build with `file:line` messages.
 */
import { loadContent } from './content/load.ts';
import type { CodeFacts } from '../schemas/article.ts';
import type { CategorySlug, Code } from '../schemas/common.ts';

export type { CodeFacts } from '../schemas/article.ts';

/** `astro dev` re-reads the files on every call, so an edited frontmatter shows at once (vitest, also DEV, reads once). */
const content = () => loadContent('content', { fresh: import.meta.env?.DEV === true && !process.env['VITEST'] });

/**
 * The codes in table order, the unassigned numbers and the excluded acquirer codes.
 * Getters, so a caller always sees the current content.
 */
export const registry = {
	/** Every code with an article, in table order (00…99, then A0…A7). */
	get codes(): CodeFacts[] {
		return content().codes;
	},
	/** Numbers no table assigns (`content/codes.yaml`). */
	get unassigned(): string[] {
		return content().codeIndex.unassigned;
	},
	/** Acquirer-specific codes left out, with the reason search gives (all groups of `content/codes.yaml` `excluded`). */
	get acquirerSpecific(): { codes: string[]; why: string } {
		const groups = content().codeIndex.excluded;
		return { codes: groups.flatMap((g) => g.codes), why: groups.map((g) => g.why).join(' ') };
	},
};

export function getCode(code: string): CodeFacts | undefined {
	const upper = code.toUpperCase() as Code;
	return content().codes.find((e) => e.code === upper);
}

export function isKnownCode(code: string): boolean {
	return getCode(code) !== undefined;
}

/** URL of a code's article. One name per thing: `/codes/<CODE>/`. */
export const codeHref = (code: string) => `/codes/${code.toUpperCase()}/`;
export const symptomHref = (slug: string) => `/symptoms/${slug}/`;
export const taskHref = (slug: string) => `/tasks/${slug}/`;
export const causeHref = (slug: string) => `/causes/${slug}/`;
export const cardHref = (id: string) => `/cards/${id}/`;

/** Codes that list a category, derived from the data rather than typed by hand. */
export function codesInCategory(category: CategorySlug): CodeFacts[] {
	return content().codes.filter((e) => e.categories.includes(category));
}
