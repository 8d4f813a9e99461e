/**
 * Coverage, both ways, in the manner of Rust's tidy `error_codes.rs`:
 * - every registry code has exactly one article, and every code article's code is in
 *   the registry;
 * - no two articles claim the same code, symptom or category, and no code is listed
 *   twice in the registry;
 * - codes are never silently deleted: every possible code (00–99, A0–A7) is either in
 *   `codes` (active or retired, so its page stays) or in `unassigned`, never both;
 * - `unassigned` and excluded acquirer-specific codes have no article.
 */
import { ID_FIELD, fieldLine, type Article, type ContentIndex } from './index.ts';
import { stamp, type Check, type Finding } from './types.ts';

/** Every code a terminal can show, in table order. */
export const CODE_SPACE = [...Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')), ...'01234567'.split('').map((d) => `A${d}`)];

export const coverageCheck: Check = {
	id: 'coverage',
	description: 'every registry code has exactly one article and every article a registry code; no code is deleted',
	needs: 'content',
	run(index) {
		return stamp('coverage', [...registryToArticles(index), ...articlesToRegistry(index), ...duplicates(index), ...codeSpace(index)]);
	},
};

function registryToArticles(index: ContentIndex): Finding[] {
	const { registry } = index;
	if (!registry.loaded) return [];
	const claimed = new Set(index.articles.filter((a) => a.kind === 'code').map((a) => a.id));
	return [...registry.byCode.values()]
		.filter((e) => !claimed.has(e.code))
		.map((e) => ({
			file: registry.file,
			line: registry.entryLine(e.code),
			message: `code ${e.code} has no article${e.status === 'retired' ? ' (retired codes keep their page)' : ''}`,
			fix: `write ${index.root}/codes/${e.code}.mdx with \`code: "${e.code}"\` (content/codes/55.mdx is the model)`,
		}));
}

function articlesToRegistry(index: ContentIndex): Finding[] {
	const { registry } = index;
	if (!registry.loaded) return [];
	const findings: Finding[] = [];
	for (const a of index.articles) {
		if (a.kind !== 'code') continue;
		const code = a.id;
		// Without a code the schema check has already said what is wrong.
		if (code === undefined || registry.byCode.has(code)) continue;
		const line = fieldLine(a, 'code');
		const acquirer = registry.acquirerSpecific;
		if (registry.unassigned.includes(code)) {
			findings.push({
				file: a.file,
				line,
				message: `code ${code} is unassigned: no terminal table gives it a meaning, so it has no article (/codes/unassigned/ covers it)`,
				fix: 'delete this article, or if a table does assign the code, move it from `unassigned` to `codes` in the registry first',
			});
		} else if (acquirer && acquirer.decision === 'excluded' && acquirer.codes.includes(code)) {
			findings.push({
				file: a.file,
				line,
				message: `code ${code} is acquirer-specific, and the registry records the decision to exclude those codes`,
				fix: 'delete this article (or change the recorded `acquirerSpecific` decision in the registry first)',
			});
		} else {
			findings.push({
				file: a.file,
				line,
				message: `code ${code} is not in the registry`,
				fix: `add code ${code} to ${registry.file} first (the registry holds every code's facts), or correct \`code:\``,
			});
		}
	}
	return findings;
}

function duplicates(index: ContentIndex): Finding[] {
	const findings: Finding[] = [];
	const first = new Map<string, Article>();
	// The article whose file name is its id keeps the claim; the other one is reported.
	const ordered = [...index.articles].sort((x, y) => Number(y.name === y.id) - Number(x.name === x.id));
	for (const a of ordered) {
		if (a.id === undefined) continue;
		const key = `${a.kind}:${a.id}`;
		const earlier = first.get(key);
		if (!earlier) {
			first.set(key, a);
			continue;
		}
		const field = ID_FIELD[a.kind];
		findings.push({
			file: a.file,
			line: fieldLine(a, field),
			message: `${field} ${a.id} is also claimed by ${earlier.file}`,
			fix: `keep one article per ${field}: merge the two and delete this file`,
		});
	}

	const { registry } = index;
	const seen = new Map<string, number>();
	for (const e of registry.entries) {
		const n = seen.get(e.code) ?? 0;
		seen.set(e.code, n + 1);
		if (n > 0) {
			findings.push({
				file: registry.file,
				line: registry.entryLine(e.code, n),
				message: `code ${e.code} is listed again (first at line ${registry.entryLine(e.code)})`,
				fix: 'keep one entry per code: merge the two entries',
			});
		}
	}
	return findings;
}

function codeSpace(index: ContentIndex): Finding[] {
	const { registry } = index;
	if (!registry.loaded) return [];
	const findings: Finding[] = [];
	for (const code of CODE_SPACE) {
		const listed = registry.byCode.has(code);
		const unassigned = registry.unassigned.includes(code);
		if (!listed && !unassigned) {
			findings.push({
				file: registry.file,
				line: registry.listLine('unassigned'),
				message: `code ${code} is neither in \`codes\` nor in \`unassigned\`: was it deleted?`,
				fix: `never delete a code: if it left the table, restore its entry with \`status: 'retired'\` and a \`retiredNote\`; if no table ever assigned it, add '${code}' to \`unassigned\``,
			});
		} else if (listed && unassigned) {
			findings.push({
				file: registry.file,
				line: registry.listLine('unassigned', code),
				message: `code ${code} is both in \`codes\` and in \`unassigned\``,
				fix: `remove '${code}' from \`unassigned\` (it has an entry) or remove the entry`,
			});
		}
	}
	return findings;
}
