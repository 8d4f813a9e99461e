/**
 * Types shared by the import modules.
 *
 * Every piece of text carries the input line it came from, so that the report can
 * point an editor at the exact place in the original document.
 */

/** The input formats `npm run import` understands, chosen by file extension. */
export type Format = 'txt' | 'md' | 'html';

/** One line of text and the 1-based line of the input file where it starts. */
export interface SourceLine {
	line: number;
	text: string;
}

/** Why a whole line left the draft. Stable identifiers; the report shows `reason`. */
export type RemovalRule =
	| 'title'
	| 'toc'
	| 'repeated-title'
	| 'duplicate'
	| 'residue'
	| 'promotion'
	| 'promotion-block'
	| 'related-block'
	| 'markup'
	| 'emptied';

export interface RemovedLine {
	line: number;
	/** The line as it was in the input (before repairs), so nothing is lost. */
	text: string;
	rule: RemovalRule;
	reason: string;
}

/** A change inside a line that is kept: residue cut out, link target dropped … */
export interface LineEdit {
	line: number;
	before: string;
	after: string;
	reason: string;
}

/**
 * A repair from `normalization.json`: a certain replacement (obfuscations, contextual),
 * the removal of a clause holding an unrecoverable word, or a brand removed or replaced.
 */
export interface Repair {
	line: number;
	kind: 'obfuscation' | 'contextual' | 'unrecoverable' | 'brand';
	find: string;
	replace: string;
	/** A few characters around the repair, before and after it. */
	before: string;
	after: string;
	why: string;
}

/** Something an editor must look at; the text is left as it is. */
export interface Flag {
	line: number;
	rule: 'uncertain' | 'brand-in-title' | 'brand-in-body' | 'truncated' | 'numbering-restart' | 'charset' | 'title' | 'kind';
	message: string;
	/** The text the flag is about, for context. */
	text: string;
}

/** A link whose target is not kept in the text (Markdown or HTML links, images). */
export interface LinkNote {
	line: number;
	url: string;
	/** True when the host is on the citation allow-list; such links become draft sources. */
	citation: boolean;
}

/**
 * Kinds and slugs come from the site's schema, so a suggestion can only name a category
 * or symptom the site has (type-only: nothing from Astro is loaded at run time).
 */
export type { ArticleKind, CategorySlug, SymptomSlug } from '../../../src/schemas/common.ts';

/** One suggested frontmatter value and the input line that suggested it. */
export interface Suggestion {
	field: 'kind' | 'code' | 'symptom' | 'category' | 'categories';
	value: string;
	line: number;
	evidence: string;
}
