/**
 * Every article's frontmatter and the small data files of `content/`, read synchronously
 * and validated with the same schemas as Astro's collection (`src/schemas/`).
 *
 * The site reads facts through here where it needs them outside a page render
 * (`astro.config.mjs` redirects, the search code list, cards, the wall chart), and the tools
 * (validator, importer, bench) read the same files the same way. An invalid file stops the
 * build with `file:line: field: problem — fix` for every problem at once.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'astro/zod';
import {
	contentArticleSchema,
	type CauseArticleFields,
	type CodeArticleFields,
	type SymptomArticleFields,
	type TaskArticleFields,
} from '../../schemas/article.ts';
import { codeIndexSchema, type CodeIndex } from '../../schemas/code-index.ts';
import { commonListsSchema, type CommonLists } from '../../schemas/lists.ts';
import { CODE_SPACE, KIND_FOLDERS } from '../../schemas/common.ts';
import { parseFrontmatter, readYaml, type FieldPath } from './frontmatter.ts';

export interface LoadedContent {
	/** Code articles in table order (00…99, then A0…A7). */
	codes: CodeArticleFields[];
	/** Symptom articles in list order (`order`, then title). */
	symptoms: SymptomArticleFields[];
	/** Task articles in list order. */
	tasks: TaskArticleFields[];
	/** Cause categories in list order. */
	causes: CauseArticleFields[];
	/** Names of the family texts in `content/families/`. */
	families: string[];
	/** `content/codes.yaml`: codes without an article. */
	codeIndex: CodeIndex;
	/** `content/common.yaml`: what the home page and the wall chart show first. */
	common: CommonLists;
}

/** The content cannot be used; the message lists every problem as `file:line: …`. */
export class ContentError extends Error {
	/** Every problem, as `file:line: field: problem — fix`. */
	readonly problems: string[];
	// A plain field, not a parameter property: Node runs the tools by stripping types only.
	constructor(problems: string[]) {
		super(`The content in content/ is invalid:\n${problems.join('\n')}`);
		this.problems = problems;
		this.name = 'ContentError';
	}
}

/** Position in table order: 00…99, then A0…A7. */
export const codeOrder = (code: string) => CODE_SPACE.indexOf(code);

const byOrder = <T extends { order: number; title: string }>(a: T, b: T) => a.order - b.order || a.title.localeCompare(b.title, 'zh-CN');

/** The `.mdx` files directly in a folder; links are never followed (they could point out of `content/`). */
export function mdxFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.mdx') && lstatSync(join(dir, name)).isFile())
		.sort();
}

/** Where a schema issue is: an unknown field at its own key, anything else at its path. */
const issuePath = (issue: z.core.$ZodIssue): FieldPath =>
	(issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path) as FieldPath;

/** Read and validate one YAML data file; problems are pushed as `file:line: …`. */
export function readDataFile<S extends z.ZodType>(abs: string, label: string, schema: S, problems: string[]): z.infer<S> | undefined {
	if (!existsSync(abs)) {
		problems.push(`${label}:1: the file is missing — restore it (see the README's editing section)`);
		return undefined;
	}
	const parsed = readYaml(readFileSync(abs, 'utf8'));
	if (parsed.error) {
		problems.push(`${label}:${parsed.error.line}: ${parsed.error.message} — fix the YAML syntax`);
		return undefined;
	}
	const result = schema.safeParse(parsed.data);
	if (result.success) return result.data;
	for (const issue of result.error.issues) problems.push(`${label}:${parsed.lineOf(issuePath(issue))}: ${issue.path.join('.') || '(file)'}: ${issue.message} — correct this entry`);
	return undefined;
}

const cache = new Map<string, LoadedContent>();

/**
 * Load `content/` (or another root with the same layout). Cached per root for the build;
 * `astro dev` re-reads on every call, so edits show at once.
 */
export function loadContent(root = 'content', { fresh = false } = {}): LoadedContent {
	const abs = resolve(root);
	const hit = cache.get(abs);
	if (hit && !fresh && !process.env['POSKB_CONTENT_FRESH']) return hit;
	const problems: string[] = [];
	const articles: z.infer<typeof contentArticleSchema>[] = [];
	for (const [kind, folder] of Object.entries(KIND_FOLDERS)) {
		for (const name of mdxFiles(join(abs, folder))) {
			const label = `${root}/${folder}/${name}`;
			const fm = parseFrontmatter(readFileSync(join(abs, folder, name), 'utf8'));
			if (!fm.data) {
				problems.push(`${label}:${fm.error?.line ?? 1}: ${fm.error?.message ?? 'no frontmatter'} — fix the frontmatter`);
				continue;
			}
			const result = contentArticleSchema.safeParse(fm.data);
			if (!result.success) {
				for (const issue of result.error.issues) problems.push(`${label}:${fm.lineOf(issuePath(issue))}: ${issue.path.join('.') || 'frontmatter'}: ${issue.message} — correct this field`);
				continue;
			}
			if (result.data.kind !== kind) {
				problems.push(`${label}:${fm.lineOf(['kind'])}: kind is ${result.data.kind}, but the file is in ${folder}/ — set \`kind: ${kind}\` or move the file`);
				continue;
			}
			articles.push(result.data);
		}
	}
	const codeIndex = readDataFile(join(abs, 'codes.yaml'), `${root}/codes.yaml`, codeIndexSchema, problems);
	const common = readDataFile(join(abs, 'common.yaml'), `${root}/common.yaml`, commonListsSchema, problems);
	if (problems.length > 0 || !codeIndex || !common) throw new ContentError(problems);

	const content: LoadedContent = {
		codes: articles.filter((a): a is CodeArticleFields => a.kind === 'code').sort((a, b) => codeOrder(a.code) - codeOrder(b.code)),
		symptoms: articles.filter((a): a is SymptomArticleFields => a.kind === 'symptom').sort(byOrder),
		tasks: articles.filter((a): a is TaskArticleFields => a.kind === 'task').sort(byOrder),
		causes: articles.filter((a): a is CauseArticleFields => a.kind === 'cause').sort(byOrder),
		families: mdxFiles(join(abs, 'families')).map((f) => f.slice(0, -'.mdx'.length)),
		codeIndex,
		common,
	};
	cache.set(abs, content);
	return content;
}
