/**
 * Small data-integrity rules that hold the content and the code together:
 * - a published article carries no `draft: true` (drafts live in `content/drafts/`);
 * - an article's `kind` matches its folder and its file name is its code or slug;
 * - the page is built at the URL every link uses (Astro's glob loader lowercases ids);
 * - every component an article uses is imported;
 * - `<Family />` is only used where the code's frontmatter names a family, and that
 *   family's text `families/<family>.mdx` exists; a named family must exist;
 * - every code and symptom in `common.yaml` has an article;
 * - an article where a wrong move costs money (`moneyAtRisk`) shows a `<Warning>`
 *   (in the article or in the family text it shows).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import { KIND_FOLDERS } from '../../../src/schemas/common.ts';
import { ID_FIELD, fieldLine, stamp, type Article, type Check, type ContentIndex, type Finding } from './types.ts';

export const integrityCheck: Check = {
	id: 'integrity',
	description: 'drafts, kind and file names, built URLs, imports, families, common codes and money warnings agree',
	needs: 'content',
	run(index) {
		const findings: Finding[] = [];
		const keepsCase = generateIdKeepsCase(index.repo);
		for (const a of index.articles) {
			findings.push(...draft(a), ...identity(a), ...imports(a), ...family(a, index), ...moneyWarning(a, index));
			if (!keepsCase) findings.push(...builtUrl(a));
		}
		findings.push(...commonCodes(index));
		return stamp('integrity', findings);
	},
};

function draft(a: Article): Finding[] {
	if (a.data['draft'] !== true) return [];
	return [{ file: a.file, line: fieldLine(a, 'draft'), message: 'a published article is marked `draft: true`', fix: 'remove the flag, or move the file back to content/drafts/' }];
}

function identity(a: Article): Finding[] {
	const findings: Finding[] = [];
	const kind = a.data['kind'];
	const expected = a.kind;
	if (kind === 'page') {
		// The schema accepts `page` for the data pages in src/pages/; an article is never one.
		return [{ file: a.file, line: fieldLine(a, 'kind'), message: '`kind: page` is only for pages built from src/pages/', fix: `set \`kind: ${expected}\`` }];
	}
	const folder = Object.entries(KIND_FOLDERS).find(([k]) => k === kind)?.[1];
	if (folder && kind !== expected) {
		return [{ file: a.file, line: fieldLine(a, 'kind'), message: `\`kind: ${String(kind)}\` but the file is in ${a.folder}/`, fix: `move the file to ${folder}/, or set \`kind: ${expected}\`` }];
	}
	if (a.id !== undefined && a.id !== a.name) {
		const field = ID_FIELD[a.kind];
		findings.push({
			file: a.file,
			line: fieldLine(a, field),
			message: `\`${field}: ${a.id}\` but the file is named ${a.name}.mdx`,
			fix: `rename the file to ${a.folder}/${a.id}.mdx (the file name is the page URL), or correct \`${field}:\``,
		});
	}
	return findings;
}

/**
 * Astro's glob loader turns each path segment into a github-slugger slug (lowercase)
 * unless the collection passes `generateId`; codeHref and the aliases link /codes/A0/.
 */
function generateIdKeepsCase(repo: string): boolean {
	const file = join(repo, 'src/content.config.ts');
	return existsSync(file) && /\bgenerateId\b/.test(readFileSync(file, 'utf8'));
}

function builtUrl(a: Article): Finding[] {
	const built = slug(a.name);
	if (built === a.name) return [];
	return [
		{
			file: a.file,
			line: 1,
			message: `Astro builds this page at /${a.folder}/${built}/, but links and redirects point to ${a.url}`,
			fix: 'engineers: keep the file name as the id (pass `generateId` to the glob loader in src/content.config.ts); do not rename the file',
		},
	];
}

function imports(a: Article): Finding[] {
	const findings: Finding[] = [];
	for (const [name, line] of a.body.components) {
		if (a.body.imports.has(name)) continue;
		findings.push({
			file: a.file,
			line,
			message: `<${name}> is used but not imported, so the page fails to build`,
			fix: `add ${name} to the import line: import { …, ${name} } from '~/components.ts';`,
		});
	}
	return findings;
}

function family(a: Article, index: ContentIndex): Finding[] {
	const named = a.kind === 'code' && typeof a.data['family'] === 'string' ? (a.data['family'] as string) : undefined;
	const findings: Finding[] = [];
	if (named && !index.families.some((f) => f.name === named)) {
		findings.push({ file: a.file, line: fieldLine(a, 'family'), message: `\`family: ${named}\` names a family with no text: ${index.root}/families/${named}.mdx does not exist`, fix: `write ${index.root}/families/${named}.mdx, or correct the family name` });
	}
	const line = a.body.components.get('Family');
	if (line === undefined) return findings;
	if (a.kind !== 'code') {
		return [{ file: a.file, line, message: '<Family /> is only for code articles', fix: 'remove it; link to the codes of the family instead' }];
	}
	if (!named) {
		findings.push({ file: a.file, line, message: `<Family /> is used, but code ${a.id} has no \`family:\` in its frontmatter`, fix: 'add `family:` to the frontmatter (a file name in families/), or remove <Family />' });
	}
	return findings;
}

function moneyWarning(a: Article, index: ContentIndex): Finding[] {
	const atRisk = a.kind !== 'cause' && a.data['moneyAtRisk'] === true && !a.body.error;
	if (!atRisk || a.body.components.has('Warning')) return [];
	const named = typeof a.data['family'] === 'string' ? a.data['family'] : undefined;
	const familyText = named && a.body.components.has('Family') ? index.families.find((f) => f.name === named) : undefined;
	if (familyText?.body.components.has('Warning')) return [];
	return [
		{
			file: a.file,
			line: a.frontmatter.endLine + 1,
			message: `${a.kind === 'code' ? `code ${a.id}` : `this ${a.kind}`} is moneyAtRisk, but the article has no <Warning>`,
			fix: 'add a <Warning title="…"> that says which wrong move costs money (double charge, lost card, paying out twice)',
		},
	];
}

function commonCodes(index: ContentIndex): Finding[] {
	const { common } = index;
	if (!common.data) return [];
	const findings: Finding[] = [];
	common.data.codes.forEach((code, i) => {
		if (!index.codes.has(code)) findings.push({ file: common.file, line: common.lineOf(['codes', i]), message: `lists code ${code}, which has no article`, fix: `remove "${code}" or correct it to a code in ${index.root}/codes/` });
	});
	common.data.symptoms.forEach((slug, i) => {
		if (!index.articles.some((a) => a.kind === 'symptom' && a.id === slug)) findings.push({ file: common.file, line: common.lineOf(['symptoms', i]), message: `lists symptom ${slug}, which has no article`, fix: `remove "${slug}" or correct it to a file name in ${index.root}/symptoms/` });
	});
	return findings;
}
