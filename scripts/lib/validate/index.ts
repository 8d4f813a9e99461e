/**
 * The shared index: every file the checks look at, read and parsed once.
 *
 * A content root (default `content/`, or a fixture given with `--root`) holds
 * `registry.ts`, `codes/`, `symptoms/`, `causes/`, `families/` and optionally `rules/`.
 * Rule files a root lacks come from the real `content/rules/`, so a fixture only
 * carries the rules it changes.
 *
 * Nothing here judges the content; it only records where things are, so each check
 * can say `file:line`. Reading failures (a registry that does not load, a rules file
 * that is not JSON) are kept as `loadProblems` and reported by the check that owns them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { articleSchema } from '../../../src/schemas/article.ts';
import { registryEntrySchema, registrySchema, type RegistryEntry } from '../../../src/schemas/registry.ts';
import { compileRules, parseRules, type CompiledRules } from '../rules/normalization.ts';
import { parseFrontmatter, type FieldPath, type Frontmatter } from './frontmatter.ts';
import { parseBody, type Body } from './mdx.ts';
import type { BuiltSite } from './built.ts';
import { sitePages, type Page } from './site.ts';
import { SetupError, type Finding } from './types.ts';

/** The folders the site builds articles from (`src/content.config.ts`: `{codes,symptoms,causes}/*.mdx`). */
export const ARTICLE_FOLDERS = { codes: 'code', symptoms: 'symptom', causes: 'cause' } as const;
export type ArticleFolder = keyof typeof ARTICLE_FOLDERS;
/** The frontmatter field that names each kind's article: `code: "55"`, `symptom: …`, `category: …`. */
export const ID_FIELD = { code: 'code', symptom: 'symptom', cause: 'category' } as const;

export interface Article {
	/** Repo-relative path, for messages. */
	file: string;
	folder: ArticleFolder;
	/** File name without `.mdx`. */
	name: string;
	/** The kind its folder implies (the frontmatter's own `kind` may disagree; `integrity` checks). */
	kind: (typeof ARTICLE_FOLDERS)[ArticleFolder];
	text: string;
	frontmatter: Frontmatter;
	/** Raw frontmatter (not schema-checked); `{}` when unreadable. */
	data: Record<string, unknown>;
	/** The code, symptom slug or category slug the frontmatter claims (the file name when the frontmatter is unreadable). */
	id: string | undefined;
	/** The page the site builds for this file. */
	url: string;
	body: Body;
}

/** A shared family text, `families/<family>.mdx`, rendered inside code pages by `<Family />`. */
export interface FamilyText {
	name: string;
	file: string;
	text: string;
	body: Body;
}

export interface RegistryIndex {
	/** Repo-relative path of `registry.ts`. */
	file: string;
	/** False when the module could not be imported; registry-based checks then stay quiet. */
	loaded: boolean;
	/** Every entry, valid or not (invalid ones with safe defaults, so checks can still read them). */
	entries: RegistryEntry[];
	byCode: Map<string, RegistryEntry>;
	unassigned: string[];
	acquirerSpecific: { decision: string; codes: string[] } | undefined;
	/** Schema problems; reported by the `schema` check. */
	problems: Finding[];
	/** Line of an entry's `code:` (the n-th entry with that code, for duplicates). */
	entryLine(code: string, nth?: number): number;
	/** Line of `field:` inside an entry; the entry's line when the field is absent. */
	fieldLine(code: string, field: string): number;
	/** Line of a top-level key (`unassigned:`), or of `'XX'` inside its list. */
	listLine(key: string, item?: string): number;
}

export interface DiscretionRules {
	forbiddenWords: string[];
	pin: { codes: string[]; mentions: string[]; requests: string[]; negations: string[] };
}

export interface RuleFile<T> {
	file: string;
	rules: T | undefined;
	/** Why the file could not be used; reported by the check that reads it. */
	error: string | undefined;
}

export interface CommonCodes {
	file: string;
	codes: string[];
	lineOf(code: string): number;
}

export interface ContentIndex {
	/** Repository root (the working directory); all `file`s are relative to it. */
	repo: string;
	/** The content root, repo-relative (`content`). */
	root: string;
	articles: Article[];
	families: FamilyText[];
	/** Every file under the root, root-relative with `/` (for the orphans check). */
	files: string[];
	registry: RegistryIndex;
	normalization: RuleFile<CompiledRules>;
	discretion: RuleFile<DiscretionRules>;
	/** The home page's most common codes, or undefined for a fixture root without its own list. */
	commonCodes: CommonCodes | undefined;
	/** Every page the site builds, by URL. */
	pages: Map<string, Page>;
	/** Host of `site` in astro.config.mjs; an absolute link to it should be a path. */
	siteHost: string | undefined;
	/** Today in China (Asia/Shanghai), `YYYY-MM-DD`: editors date `reviewed` in local time. */
	today: string;
	/** The built site, when run with `--built`. */
	built: BuiltSite | undefined;
	/** The full frontmatter schema, built once (Starlight's base plus `src/schemas/article.ts`). */
	frontmatterSchema: z.ZodType;
}

export interface IndexOptions {
	/** Content root; default `content`. */
	root?: string;
	/** Repository root; default the working directory. */
	repo?: string;
	/** Override today's date (`YYYY-MM-DD`), for tests. */
	today?: string;
}

export const posix = (p: string) => p.split(sep).join('/');

function walk(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const abs = join(dir, name);
		return statSync(abs).isDirectory() ? walk(abs).map((f) => `${name}/${f}`) : [name];
	});
}

export function chinaToday(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export async function loadIndex(options: IndexOptions = {}): Promise<ContentIndex> {
	const repo = resolve(options.repo ?? process.cwd());
	const rootAbs = resolve(repo, options.root ?? 'content');
	if (!existsSync(rootAbs)) throw new SetupError(`content root ${rootAbs} does not exist`);
	const rel = (abs: string) => posix(relative(repo, abs));
	const root = rel(rootAbs);
	const files = walk(rootAbs).map(posix).sort();

	const articles: Article[] = [];
	for (const f of files) {
		const m = /^(codes|symptoms|causes)\/([^/]+)\.mdx$/.exec(f);
		if (!m) continue;
		const folder = m[1] as ArticleFolder;
		const name = m[2]!;
		const text = readFileSync(join(rootAbs, f), 'utf8');
		const frontmatter = parseFrontmatter(text);
		const data = frontmatter.data ?? {};
		const kind = ARTICLE_FOLDERS[folder];
		const idValue = data[ID_FIELD[kind]];
		// YAML reads an unquoted `code: 55` as a number; the schema check says to quote it,
		// and every other check treats it as the code it obviously is.
		const id = typeof idValue === 'string' ? idValue : kind === 'code' && typeof idValue === 'number' ? String(idValue).padStart(2, '0') : undefined;
		articles.push({
			file: rel(join(rootAbs, f)),
			folder,
			name,
			kind,
			text,
			frontmatter,
			data,
			// Unreadable frontmatter: assume the file name, so one YAML slip is one problem, not several.
			id: frontmatter.data ? id : name,
			url: `/${folder}/${name}/`,
			body: parseBody(text, frontmatter.endLine + 1),
		});
	}

	const families: FamilyText[] = files
		.filter((f) => /^families\/[^/]+\.mdx$/.test(f))
		.map((f) => {
			const text = readFileSync(join(rootAbs, f), 'utf8');
			// Family texts are fragments; skip a frontmatter block if one was written.
			const fm = parseFrontmatter(text);
			return { name: f.slice('families/'.length, -'.mdx'.length), file: rel(join(rootAbs, f)), text, body: parseBody(text, fm.endLine + 1) };
		});

	const registry = await loadRegistry(rootAbs, rel);
	const ruleFile = (name: string) => {
		const own = join(rootAbs, 'rules', name);
		return existsSync(own) ? own : join(repo, 'content', 'rules', name);
	};
	const normalization = readRuleFile(ruleFile('normalization.json'), rel, (json) => compileRules(parseRules(json)));
	const discretion = readRuleFile(ruleFile('discretion.json'), rel, (json) => discretionSchema.parse(json));

	const defaultRoot = rootAbs === resolve(repo, 'content');
	const commonCodes = await loadCommonCodes(defaultRoot ? join(repo, 'src/lib/common-codes.ts') : join(rootAbs, 'common-codes.ts'), rel);

	const configText = readIfExists(join(repo, 'astro.config.mjs'));
	const site = /\bsite:\s*['"]([^'"]+)['"]/.exec(configText)?.[1];
	const siteHost = site ? new URL(site).host : undefined;

	const frontmatterSchema = articleSchema(docsSchema()({ image: () => z.string() } as never) as unknown as z.ZodObject);
	const partial = { repo, root, articles, families, files, registry };
	return {
		...partial,
		normalization,
		discretion,
		commonCodes,
		pages: sitePages(partial, repo),
		siteHost,
		today: options.today ?? chinaToday(),
		built: undefined,
		frontmatterSchema,
	};
}

function readIfExists(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

const discretionSchema = z
	.object({
		$comment: z.string().optional(),
		forbiddenWords: z.array(z.string().min(1)),
		pin: z
			.object({
				$comment: z.string().optional(),
				codes: z.array(z.string()),
				mentions: z.array(z.string().min(1)),
				requests: z.array(z.string().min(1)),
				negations: z.array(z.string().min(1)),
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

async function loadCommonCodes(abs: string, rel: (abs: string) => string): Promise<CommonCodes | undefined> {
	if (!existsSync(abs)) return undefined;
	const mod = (await import(pathToFileURL(abs).href)) as { COMMON_CODES?: readonly string[] };
	const lines = readFileSync(abs, 'utf8').split('\n');
	const start = Math.max(0, lines.findIndex((l) => /COMMON_CODES\s*=/.test(l)));
	return {
		file: rel(abs),
		codes: [...(mod.COMMON_CODES ?? [])],
		lineOf: (code) => {
			const i = lines.findIndex((l, n) => n >= start && l.includes(`'${code}'`));
			return (i < 0 ? start : i) + 1;
		},
	};
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function loadRegistry(rootAbs: string, rel: (abs: string) => string): Promise<RegistryIndex> {
	const abs = join(rootAbs, 'registry.ts');
	const file = rel(abs);
	const lines = readIfExists(abs).split('\n');
	const codeLines = (code: string) =>
		lines.flatMap((l, i) => (new RegExp(`^\\s*code:\\s*['"]${escapeRe(code)}['"]`).test(l) ? [i] : []));
	const entryLine = (code: string, nth = 0) => (codeLines(code)[nth] ?? codeLines(code)[0] ?? 0) + 1;
	/** Line of `field:` in the n-th entry with this code; the entry's own line when the field is absent. */
	const fieldLineNth = (code: string, nth: number, field: string) => {
		const start = entryLine(code, nth) - 1;
		for (let i = start + 1; i < lines.length && !/^\s*code\s*:/.test(lines[i]!); i++) {
			if (new RegExp(`^\\s*${escapeRe(field)}\\s*:`).test(lines[i]!)) return i + 1;
		}
		return start + 1;
	};
	const fieldLine = (code: string, field: string) => fieldLineNth(code, 0, field);
	const listLine = (key: string, item?: string) => {
		const start = lines.findIndex((l) => new RegExp(`^\\s*${escapeRe(key)}\\s*:`).test(l));
		if (start < 0) return 1;
		if (item !== undefined) {
			for (let i = start; i < lines.length; i++) {
				if (lines[i]!.includes(`'${item}'`) || lines[i]!.includes(`"${item}"`)) return i + 1;
				if (i > start && /[\]}]\s*,?\s*$/.test(lines[i]!)) break;
			}
		}
		return start + 1;
	};
	const empty: RegistryIndex = {
		file,
		loaded: false,
		entries: [],
		byCode: new Map(),
		unassigned: [],
		acquirerSpecific: undefined,
		problems: [],
		entryLine,
		fieldLine,
		listLine,
	};
	if (!existsSync(abs)) {
		empty.problems.push({ file, line: 1, message: `the content root has no registry.ts`, fix: 'add the registry (see content/registry.ts)' });
		return empty;
	}
	let raw: unknown;
	try {
		raw = ((await import(pathToFileURL(abs).href)) as { registry?: unknown }).registry;
	} catch (e) {
		const message = (e as Error).message.split('\n')[0] ?? String(e);
		empty.problems.push({ file, line: 1, message: `the registry cannot be loaded: ${message}`, fix: 'fix the TypeScript syntax of the registry' });
		return empty;
	}
	if (!raw || typeof raw !== 'object') {
		empty.problems.push({ file, line: 1, message: 'registry.ts does not export `registry`', fix: 'export the data as `export const registry = { codes, unassigned, acquirerSpecific }`' });
		return empty;
	}

	const data = raw as { codes?: unknown; unassigned?: unknown; acquirerSpecific?: unknown };
	const rawEntries = Array.isArray(data.codes) ? (data.codes as Record<string, unknown>[]) : [];
	const seen = new Map<string, number>();
	const nthOf: number[] = rawEntries.map((e) => {
		const code = String(e?.['code']);
		const n = seen.get(code) ?? 0;
		seen.set(code, n + 1);
		return n;
	});

	const problems: Finding[] = [];
	const result = registrySchema.safeParse(raw);
	for (const issue of result.success ? [] : result.error.issues) {
		const [top, index, field] = issue.path;
		// A missing customer line is the customer-line check's to report, with a better message.
		if (top === 'codes' && typeof index === 'number' && field === 'customerLine' && rawEntries[index]?.['customerLine'] === undefined) continue;
		if (top === 'codes' && typeof index === 'number') {
			const code = String(rawEntries[index]?.['code'] ?? '');
			const line = typeof field === 'string' ? fieldLineNth(code, nthOf[index] ?? 0, field) : entryLine(code, nthOf[index]);
			problems.push(registryProblem(file, line, `code ${code || `#${index + 1}`}`, issue));
		} else {
			problems.push(registryProblem(file, listLine(String(top ?? 'codes')), 'registry', issue));
		}
	}

	const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
	const entries = rawEntries.map((e): RegistryEntry => {
		const parsed = registryEntrySchema.safeParse(e);
		if (parsed.success) return parsed.data;
		// Keep invalid entries (reported above) so coverage does not also call their articles unknown.
		return {
			...(e as object),
			code: String(e?.['code']),
			status: e?.['status'] === 'retired' ? 'retired' : 'active',
			display: strings(e?.['display']),
			whoActs: strings(e?.['whoActs']),
			categories: strings(e?.['categories']),
			related: strings(e?.['related']),
			discreet: e?.['discreet'] === true,
			moneyAtRisk: e?.['moneyAtRisk'] === true,
		} as RegistryEntry;
	});
	const byCode = new Map<string, RegistryEntry>();
	for (const e of entries) if (!byCode.has(e.code)) byCode.set(e.code, e);
	const acquirer = data.acquirerSpecific as { decision?: unknown; codes?: unknown } | undefined;
	return {
		file,
		loaded: true,
		entries,
		byCode,
		unassigned: strings(data.unassigned),
		acquirerSpecific: acquirer ? { decision: String(acquirer.decision), codes: strings(acquirer.codes) } : undefined,
		problems,
		entryLine,
		fieldLine,
		listLine,
	};
}

function registryProblem(file: string, line: number, subject: string, issue: z.core.$ZodIssue): Finding {
	// Inside an entry the field name is enough (`class`, not `codes.1.class`): the line says which entry.
	const where = (issue.path[0] === 'codes' && issue.path.length > 2 ? issue.path.slice(2) : issue.path).join('.');
	if (issue.code === 'unrecognized_keys') {
		return { file, line, message: `${subject}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`, fix: 'remove it or correct the spelling (the fields are documented in src/schemas/registry.ts)' };
	}
	return { file, line, message: `${subject}: \`${where}\`: ${issue.message}`, fix: 'correct this registry field (the fields are documented in src/schemas/registry.ts)' };
}

/** The line of a frontmatter field, for checks that only have the article. */
export function fieldLine(article: Article, ...path: FieldPath): number {
	return article.frontmatter.lineOf(path);
}
