/**
 * The content index: every file the checks look at, read and parsed once.
 *
 * A content root (default `content/`, or a fixture given with `--root`) holds `codes/`,
 * `symptoms/`, `tasks/`, `causes/`, `families/`, `codes.yaml`, `common.yaml` and optionally
 * `rules/`. Rule files a root lacks come from the real `content/rules/`, so a fixture only
 * carries the rules it changes.
 *
 * Content is data: nothing under the root is imported or run. Frontmatter and data files
 * are read with the YAML parsers (`src/lib/content/frontmatter.ts`), bodies with the site's
 * MDX compiler (`src/lib/content/outline.ts`). Links are never followed, and a file that is
 * not strict UTF-8 text is reported instead of read.
 *
 * Nothing here judges the content; it only records where things are, so each check can say
 * `file:line`. Reading failures are kept and reported by the check that owns them.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { posix } from './fs.ts';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { parseFrontmatter, readYaml } from '../../../src/lib/content/frontmatter.ts';
import { outline } from '../../../src/lib/content/outline.ts';
import { articleSchema } from '../../../src/schemas/article.ts';
import { codeIndexSchema } from '../../../src/schemas/code-index.ts';
import { KIND_FOLDERS, type ArticleFolder, type ArticleKind } from '../../../src/schemas/common.ts';
import { commonListsSchema } from '../../../src/schemas/lists.ts';
import { SITE } from '../../../src/lib/site.ts';
import { compileRules, parseRules } from '../rules/normalization.ts';
import { sitePages } from './site.ts';
import { ID_FIELD, SetupError, type Article, type ContentIndex, type DataFile, type DiscretionRules, type FamilyText, type Finding, type RuleFile } from './types.ts';

export interface IndexOptions {
	/** Content root; default `content`. */
	root?: string;
	/** Repository root; default the working directory. */
	repo?: string;
	/** Override today's date (`YYYY-MM-DD`), for tests. */
	today?: string;
}

export { posix } from './fs.ts';

/** The folder each article kind lives in, and back. */
const FOLDER_KINDS = Object.fromEntries(Object.entries(KIND_FOLDERS).map(([k, f]) => [f, k])) as Record<ArticleFolder, ArticleKind>;

/**
 * Every regular file below `dir`, root-relative. Links are recorded, never followed: a link
 * could point out of `content/` (to /etc) or into a loop.
 */
function walk(dir: string, links: string[], prefix = ''): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const abs = join(dir, name);
			const rel = prefix + name;
			const st = lstatSync(abs);
			if (st.isSymbolicLink()) {
				links.push(rel);
				return [];
			}
			return st.isDirectory() ? walk(abs, links, `${rel}/`) : st.isFile() ? [rel] : [];
		});
}

export function chinaToday(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read a content file as strict UTF-8 text; a problem (and undefined) when it is not. */
function readText(abs: string, file: string, problems: Finding[]): string | undefined {
	const bytes = readFileSync(abs);
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		// Say where: the line of the first replacement character a lenient decode produces.
		const lenient = new TextDecoder('utf-8').decode(bytes);
		const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
		problems.push({ file, line, message: 'the file is not UTF-8 text (saved as GB18030/GBK, or damaged)', fix: 'save it as UTF-8 without BOM, or import it with `npm run import`, which converts GB18030' });
		return undefined;
	}
	const nul = text.indexOf('\0');
	if (nul >= 0) {
		problems.push({ file, line: text.slice(0, nul).split('\n').length, message: 'the file contains a NUL byte', fix: 'remove it: content is plain text' });
		return undefined;
	}
	return text.replace(/^\uFEFF/, '');
}

/** Read a YAML data file with positions and validate it with its schema. */
function readDataFile<T>(abs: string, file: string, schema: z.ZodType<T>, problems: Finding[]): DataFile<T> {
	const own: Finding[] = [];
	if (!existsSync(abs)) {
		own.push({ file, line: 1, message: `${file} is missing`, fix: 'restore it (see the README\'s editing section)' });
		return { file, data: undefined, problems: own, lineOf: () => 1 };
	}
	const text = readText(abs, file, problems);
	if (text === undefined) return { file, data: undefined, problems: own, lineOf: () => 1 };
	const parsed = readYaml(text);
	if (parsed.error) {
		own.push({ file, line: parsed.error.line, column: parsed.error.column, message: parsed.error.message, fix: 'fix the YAML syntax (quote codes such as "05", close every [ ])' });
		return { file, data: undefined, problems: own, lineOf: parsed.lineOf };
	}
	const result = schema.safeParse(parsed.data);
	if (!result.success) {
		for (const issue of result.error.issues) {
			const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
			const at = path.join('.');
			own.push({
				file,
				line: parsed.lineOf(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path),
				message: issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : `\`${at}\`: ${issue.message}`,
				fix: issue.code === 'unrecognized_keys' ? 'remove it or correct the spelling (the fields are documented in src/schemas/)' : 'correct this value (the fields are documented in src/schemas/)',
			});
		}
	}
	return { file, data: result.success ? result.data : undefined, problems: own, lineOf: parsed.lineOf };
}

export async function loadIndex(options: IndexOptions = {}): Promise<ContentIndex> {
	const repo = resolve(options.repo ?? process.cwd());
	const rootAbs = resolve(repo, options.root ?? 'content');
	if (!existsSync(rootAbs) || !lstatSync(rootAbs).isDirectory()) throw new SetupError(`content root ${rootAbs} does not exist or is not a folder`);
	const rel = (abs: string) => posix(relative(repo, abs));
	const root = rel(rootAbs);
	const links: string[] = [];
	const files = walk(rootAbs, links).map(posix);
	const fileProblems: Finding[] = links.map((f) => ({
		file: `${root}/${f}`,
		line: 1,
		message: 'is a symbolic link; the validator and the site never follow links in content/',
		fix: 'replace the link with the file itself (or delete it)',
	}));

	const articles: Article[] = [];
	for (const f of files) {
		const m = /^(codes|symptoms|tasks|causes)\/([^/]+)\.mdx$/.exec(f);
		if (!m) continue;
		const folder = m[1] as ArticleFolder;
		const name = m[2]!;
		const file = rel(join(rootAbs, f));
		const text = readText(join(rootAbs, f), file, fileProblems);
		if (text === undefined) continue;
		const frontmatter = parseFrontmatter(text);
		const data = frontmatter.data ?? {};
		const kind = FOLDER_KINDS[folder];
		const idValue = data[ID_FIELD[kind]];
		// YAML reads an unquoted `code: 55` as a number; the schema check says to quote it,
		// and every other check treats it as the code it obviously is.
		const id = typeof idValue === 'string' ? idValue : kind === 'code' && typeof idValue === 'number' ? String(idValue).padStart(2, '0') : undefined;
		articles.push({
			file,
			folder,
			name,
			kind,
			text,
			frontmatter,
			data,
			// Unreadable frontmatter: assume the file name, so one YAML slip is one problem, not several.
			id: frontmatter.data ? id : name,
			url: `/${folder}/${name}/`,
			body: outline(text),
		});
	}
	const codes = new Map<string, Article>();
	for (const a of articles) if (a.kind === 'code' && a.id !== undefined && !codes.has(a.id)) codes.set(a.id, a);

	const families: FamilyText[] = [];
	for (const f of files.filter((f) => /^families\/[^/]+\.mdx$/.test(f))) {
		const file = rel(join(rootAbs, f));
		const text = readText(join(rootAbs, f), file, fileProblems);
		if (text === undefined) continue;
		families.push({ name: f.slice('families/'.length, -'.mdx'.length), file, text, body: outline(text) });
	}

	const codeIndex = readDataFile(join(rootAbs, 'codes.yaml'), rel(join(rootAbs, 'codes.yaml')), codeIndexSchema, fileProblems);
	const common = readDataFile(join(rootAbs, 'common.yaml'), rel(join(rootAbs, 'common.yaml')), commonListsSchema, fileProblems);

	const ruleFile = (name: string) => {
		const own = join(rootAbs, 'rules', name);
		return existsSync(own) ? own : join(repo, 'content', 'rules', name);
	};
	const normalization = readRuleFile(ruleFile('normalization.json'), rel, (json) => compileRules(parseRules(json)));
	const discretion = readRuleFile(ruleFile('discretion.json'), rel, (json) => discretionSchema.parse(json));

	const frontmatterSchema = articleSchema(docsSchema()({ image: () => z.string() } as never) as unknown as z.ZodObject);
	const partial = { repo, root, articles, codes, families, files, codeIndex };
	return {
		...partial,
		fileProblems,
		common,
		normalization,
		discretion,
		pages: sitePages(partial, repo),
		siteHost: new URL(SITE).host,
		today: options.today ?? chinaToday(),
		built: undefined,
		frontmatterSchema,
	};
}

const pinRulesSchema = z
	.object({
		$comment: z.string().optional(),
		mentions: z.array(z.string().min(1)),
		requests: z.array(z.string().min(1)),
		negations: z.array(z.string().min(1)),
	})
	.strict();

const discretionSchema: z.ZodType<DiscretionRules> = z
	.object({
		$comment: z.string().optional(),
		forbiddenWords: z.array(z.string().min(1)),
		pin: pinRulesSchema,
		en: z
			.object({
				$comment: z.string().optional(),
				forbiddenWords: z.array(z.string().min(1)),
				pin: pinRulesSchema,
			})
			.strict(),
	})
	.strict();

function readRuleFile<T>(abs: string, rel: (abs: string) => string, compile: (json: unknown) => T): RuleFile<T> {
	const file = rel(abs);
	if (!existsSync(abs)) return { file, rules: undefined, error: `${file} is missing` };
	try {
		return { file, rules: compile(JSON.parse(readFileSync(abs, 'utf8'))), error: undefined };
	} catch (e) {
		return { file, rules: undefined, error: `${file} cannot be used: ${(e as Error).message.split('\n')[0]}` };
	}
}
