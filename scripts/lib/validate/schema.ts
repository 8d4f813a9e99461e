/**
 * Schema: every article's frontmatter is valid against the same strict schema the site
 * uses (`src/schemas/article.ts` on Starlight's base), so unknown fields are errors; the
 * data files (`codes.yaml`, `common.yaml`) are valid against theirs; and every content
 * file is readable text (strict UTF-8, no NUL, not a link).
 *
 * Two missing fields have their own check with a clearer message and are skipped here:
 * `reviewed` (freshness) and a symptom's `customerLine` (customer-line).
 */
import type { z } from 'astro/zod';
import { fieldLine, stamp, type Article, type Check, type ContentIndex, type Finding } from './types.ts';

const OWNED_ELSEWHERE = new Set(['reviewed', 'customerLine']);

export const schemaCheck: Check = {
	id: 'schema',
	description: 'article frontmatter and the data files match their schemas; unknown fields are errors; files are UTF-8 text',
	needs: 'content',
	run(index) {
		const findings: Finding[] = [...index.fileProblems, ...index.codeIndex.problems, ...index.common.problems];
		for (const article of index.articles) findings.push(...checkArticle(article, index));
		return stamp('schema', findings);
	},
};

function checkArticle(article: Article, index: ContentIndex): Finding[] {
	const { file, frontmatter } = article;
	if (frontmatter.error) {
		return [{ file, line: frontmatter.error.line, column: frontmatter.error.column, message: frontmatter.error.message, fix: 'fix the YAML (quote values that contain a colon, indent lists consistently)' }];
	}
	const result = index.frontmatterSchema.safeParse(article.data);
	if (result.success) return [];
	const known = knownFields(index, article.data['kind']);
	return result.error.issues.flatMap((issue): Finding[] => {
		const [first] = issue.path;
		if (issue.path.length === 1 && typeof first === 'string' && OWNED_ELSEWHERE.has(first) && article.data[first] === undefined) return [];
		const line = fieldLine(article, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
		return describe(issue, known).map((d) => ({ file, line: d.key ? fieldLine(article, ...(issue.path as (string | number)[]), d.key) : line, message: d.message, fix: d.fix }));
	});
}

interface Described {
	message: string;
	fix: string;
	/** For an unknown key: the key, so the line is the key's own. */
	key?: string;
}

function describe(issue: z.core.$ZodIssue, known: string[]): Described[] {
	const where = issue.path.join('.');
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => {
			const near = closest(key, known);
			return {
				key,
				message: `unknown field \`${where ? `${where}.` : ''}${key}\``,
				fix: near ? `did you mean \`${near}\`? Otherwise remove it` : 'remove it; the fields are documented in src/schemas/article.ts',
			};
		});
	}
	if (issue.code === 'invalid_union' && where === 'kind') {
		return [{ message: '`kind` must be code, symptom, task or cause', fix: 'set `kind:` to the kind of the folder the file is in' }];
	}
	if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
		return [{ message: `missing field \`${where}\``, fix: `add \`${where}:\` (see src/schemas/article.ts and content/codes/55.mdx)` }];
	}
	if (issue.code === 'invalid_type' && issue.expected === 'string' && /received (?:number|boolean)$/.test(issue.message)) {
		return [{ message: `\`${where}\` must be text, but YAML reads it as a ${issue.message.split(' ').at(-1)}`, fix: `put the value in double quotes, e.g. \`code: "05"\`` }];
	}
	if (issue.code === 'invalid_type' && issue.expected === 'date') {
		return [{ message: `\`${where}\` is not a date`, fix: `write it unquoted as YYYY-MM-DD, e.g. \`${where}: 2026-11-22\`` }];
	}
	return [{ message: `\`${where}\`: ${issue.message}`, fix: 'correct the value (see the field in src/schemas/article.ts)' }];
}

/** The fields the schema of this kind accepts, for "did you mean". */
function knownFields(index: ContentIndex, kind: unknown): string[] {
	const schema = index.frontmatterSchema as unknown as { options?: { shape: Record<string, unknown> }[] };
	const option = schema.options?.find((o) => (o.shape['kind'] as { value?: unknown } | undefined)?.value === kind);
	return option ? Object.keys(option.shape) : [];
}

/** The known field nearest to `key` (edit distance ≤ 2, or same letters in another case). */
function closest(key: string, known: string[]): string | undefined {
	let best: { name: string; d: number } | undefined;
	for (const name of known) {
		const d = name.toLowerCase() === key.toLowerCase() ? 0 : distance(key, name);
		if (d <= 2 && (!best || d < best.d)) best = { name, d };
	}
	return best?.name;
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return row[b.length]!;
}
