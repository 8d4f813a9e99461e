/**
 * Coverage, both ways, in the manner of Rust's tidy `error_codes.rs`:
 * - every code article's file name is its code, and no two articles claim the same code,
 *   symptom, task or category;
 * - codes are never silently deleted: every possible code (00–99, A0–A7) is either an
 *   article (active or retired, so its page stays) or listed as unassigned in
 *   `codes.yaml`, never both;
 * - unassigned and excluded acquirer-specific codes have no article, and `codes.yaml`
 *   lists no code twice.
 */
import { CODE_SPACE } from '../../../src/schemas/common.ts';
import { ID_FIELD, fieldLine, stamp, type Article, type Check, type ContentIndex, type Finding } from './types.ts';

export const coverageCheck: Check = {
	id: 'coverage',
	description: 'every code is an article or listed as unassigned, never both; no code is deleted; one article per code or slug',
	needs: 'content',
	run(index) {
		return stamp('coverage', [...articlesAgainstIndex(index), ...duplicates(index), ...codeSpace(index)]);
	},
};

/** A code article must not be a code `codes.yaml` says has none. */
function articlesAgainstIndex(index: ContentIndex): Finding[] {
	const data = index.codeIndex.data;
	if (!data) return [];
	const findings: Finding[] = [];
	for (const a of index.articles) {
		if (a.kind !== 'code' || a.id === undefined) continue;
		const line = fieldLine(a, 'code');
		if (data.unassigned.includes(a.id)) {
			findings.push({
				file: a.file,
				line,
				message: `code ${a.id} is listed as unassigned in ${index.codeIndex.file}, so it has no article (/codes/unassigned/ covers it)`,
				fix: `if a table does assign the code, remove "${a.id}" from \`unassigned\` in ${index.codeIndex.file}; otherwise delete this article`,
			});
		}
		const group = data.excluded.find((g) => g.codes.includes(a.id!));
		if (group) {
			findings.push({
				file: a.file,
				line,
				message: `code ${a.id} is an excluded acquirer-specific code (${index.codeIndex.file}: ${group.why.slice(0, 40)}…)`,
				fix: `delete this article, or change the recorded decision in ${index.codeIndex.file} first`,
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
	const data = index.codeIndex.data;
	if (data) {
		const listed = [...data.unassigned.map((c, i) => ({ c, path: ['unassigned', i] })), ...data.excluded.flatMap((g, gi) => g.codes.map((c, i) => ({ c, path: ['excluded', gi, 'codes', i] })))];
		const seen = new Map<string, number>();
		for (const { c, path } of listed) {
			const line = index.codeIndex.lineOf(path);
			const firstLine = seen.get(c);
			if (firstLine === undefined) seen.set(c, line);
			else findings.push({ file: index.codeIndex.file, line, message: `code ${c} is listed again (first at line ${firstLine})`, fix: 'list each code once' });
		}
	}
	return findings;
}

function codeSpace(index: ContentIndex): Finding[] {
	const data = index.codeIndex.data;
	if (!data) return [];
	const findings: Finding[] = [];
	for (const code of CODE_SPACE) {
		const written = index.codes.has(code);
		const unassigned = data.unassigned.includes(code);
		if (!written && !unassigned) {
			findings.push({
				file: index.codeIndex.file,
				line: index.codeIndex.lineOf(['unassigned']),
				message: `code ${code} has no article and is not listed as unassigned: was it deleted?`,
				fix: `never delete a code: if it left the table, restore ${index.root}/codes/${code}.mdx with \`status: retired\` and a \`retiredNote\`; if no table ever assigned it, add "${code}" to \`unassigned\``,
			});
		}
	}
	return findings;
}
