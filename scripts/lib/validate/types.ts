/**
 * The shapes every check shares: what it reports, what it is, and the content index it
 * reads. This module imports no other validator module, so there is no cycle.
 *
 * Like withastro/docs' linkcheck, each check is one module that turns the shared index
 * into issues, and every issue is traced to a file and line an editor can open.
 */
import type { z } from 'astro/zod';
import type { FieldPath, Frontmatter } from '../../../src/lib/content/frontmatter.ts';
import type { Outline } from '../../../src/lib/content/outline.ts';
import type { CodeIndex } from '../../../src/schemas/code-index.ts';
import type { CommonLists } from '../../../src/schemas/lists.ts';
import type { ArticleFolder, ArticleKind } from '../../../src/schemas/common.ts';
import type { CompiledRules } from '../rules/normalization.ts';

export type { FieldPath } from '../../../src/lib/content/frontmatter.ts';
export type { Link, MermaidBlock } from '../../../src/lib/content/outline.ts';

/** One problem, printed as `file:line: message — fix`. */
export interface Problem {
	/** The id of the check that found it, e.g. `links`. */
	check: string;
	/** Path relative to the repository root (the working directory), with `/` separators. */
	file: string;
	/** 1-based line in `file`. */
	line: number;
	/** 1-based column, where the parser gives one. */
	column?: number | undefined;
	/** What is wrong, in one sentence. */
	message: string;
	/** What to do about it, in one imperative sentence. */
	fix: string;
}

/**
 * A check. `content` checks read the sources; `built` checks read `dist/` and run only
 * with `--built` (after `npm run build`).
 */
export interface Check {
	id: string;
	description: string;
	needs: 'content' | 'built';
	run(index: ContentIndex): Problem[] | Promise<Problem[]>;
}

/** A problem without its check id; each check module stamps its own id on. */
export type Finding = Omit<Problem, 'check'>;

export function stamp(check: string, findings: Finding[]): Problem[] {
	return findings.map((f) => ({ check, ...f }));
}

/** The validator cannot run as asked (no such root, no built site): said plainly, without a stack. */
export class SetupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SetupError';
	}
}

export interface Article {
	/** Repo-relative path, for messages. */
	file: string;
	folder: ArticleFolder;
	/** File name without `.mdx`. */
	name: string;
	/** The kind its folder implies (the frontmatter's own `kind` may disagree; `integrity` checks). */
	kind: ArticleKind;
	text: string;
	frontmatter: Frontmatter;
	/** Raw frontmatter (not schema-checked); `{}` when unreadable. */
	data: Record<string, unknown>;
	/** The code or slug the frontmatter claims (the file name when the frontmatter is unreadable). */
	id: string | undefined;
	/** The page the site builds for this file. */
	url: string;
	/** The body as the site's MDX compiler reads it (the whole file is parsed; lines are file lines). */
	body: Outline;
}

/** A shared family text, `families/<family>.mdx`, rendered inside code pages by `<Family />`. */
export interface FamilyText {
	name: string;
	file: string;
	text: string;
	body: Outline;
}

export interface DiscretionRules {
	forbiddenWords: string[];
	pin: { mentions: string[]; requests: string[]; negations: string[] };
	/** The same rules for English lines, matched case-insensitively as whole words (`*` ends a stem). */
	en: { forbiddenWords: string[]; pin: { mentions: string[]; requests: string[]; negations: string[] } };
}

export interface RuleFile<T> {
	file: string;
	rules: T | undefined;
	/** Why the file could not be used; reported by the check that reads it. */
	error: string | undefined;
}

/** A YAML data file of `content/` (`codes.yaml`, `common.yaml`), read with positions. */
export interface DataFile<T> {
	file: string;
	/** The validated data; undefined when the file is missing or invalid (see `problems`). */
	data: T | undefined;
	/** Syntax and schema problems, reported by the `schema` check. */
	problems: Finding[];
	/** The line of a path in the file (`['unassigned', 3]`). */
	lineOf(path: FieldPath): number;
}

export interface ContentIndex {
	/** Repository root (the working directory); all `file`s are relative to it. */
	repo: string;
	/** The content root, repo-relative (`content`). */
	root: string;
	articles: Article[];
	/** Code articles by the code they claim (the first claim when two claim one code). */
	codes: Map<string, Article>;
	families: FamilyText[];
	/** Every file under the root, root-relative with `/` (for the orphans check). */
	files: string[];
	/** Files that cannot be read as content (links, bad encodings); reported by the `schema` check. */
	fileProblems: Finding[];
	/** `codes.yaml`: the codes that have no article. */
	codeIndex: DataFile<CodeIndex>;
	/** `common.yaml`: what the home page and the wall chart list first. */
	common: DataFile<CommonLists>;
	normalization: RuleFile<CompiledRules>;
	discretion: RuleFile<DiscretionRules>;
	/** Every page the site builds, by URL. */
	pages: Map<string, Page>;
	/** Host of the site's public address; an absolute link to it should be a path. */
	siteHost: string | undefined;
	/** Today in China (Asia/Shanghai), `YYYY-MM-DD`: editors date `reviewed` in local time. */
	today: string;
	/** The built site, when run with `--built`. */
	built: BuiltSite | undefined;
	/** The full frontmatter schema, built once (Starlight's base plus `src/schemas/article.ts`). */
	frontmatterSchema: z.ZodType;
}

/** The frontmatter field that names each kind's article: `code: "55"`, `symptom: …`, `task: …`, `category: …`. */
export const ID_FIELD = { code: 'code', symptom: 'symptom', task: 'task', cause: 'category' } as const satisfies Record<ArticleKind, string>;

/** The line of a frontmatter field, for checks that only have the article. */
export function fieldLine(article: Article, ...path: FieldPath): number {
	return article.frontmatter.lineOf(path);
}

/** Strings of a frontmatter list field (`related`, `categories` …); [] when absent or not a list. */
export function listField(article: Article, field: string): string[] {
	const v = article.data[field];
	return Array.isArray(v) ? v.map(String) : [];
}

/** The articles that carry facts (codes, symptoms, tasks). */
export const hasFacts = (a: Article) => a.kind !== 'cause';

/** A page the site builds, derived from the sources (`site.ts`). */
export interface Page {
	kind: 'article' | 'data' | 'alias' | 'file';
	/** Repo-relative file the page is built from, when there is one. */
	source: string | undefined;
	/** Ids a link may target; undefined where the sources cannot tell (dynamic ids, pages not written yet). */
	anchors: Set<string> | undefined;
	/** For an alias: where it redirects. */
	redirect?: string;
}

export interface BuiltLink {
	href: string;
	/** 1-based line in the HTML file. */
	line: number;
}

export interface BuiltPage {
	/** The URL a browser uses: `/codes/55/` for `codes/55/index.html`. */
	url: string;
	/** Repo-relative path of the HTML file. */
	file: string;
	ids: Set<string>;
	links: BuiltLink[];
	/** For Astro's redirect pages (`<meta http-equiv="refresh">`): the target. */
	redirect: string | undefined;
	/** Runs of text a reader sees (scripts, styles and SVG internals left out), with their line. */
	text: { text: string; line: number }[];
}

export interface BuiltSite {
	/** Repo-relative `dist` directory. */
	dist: string;
	pages: Map<string, BuiltPage>;
	/** Every file in dist as a URL path (`/favicon.svg`), for links to non-HTML files. */
	files: Set<string>;
}
