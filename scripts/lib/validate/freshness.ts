/**
 * Freshness: every article says when an editor last checked it against its sources
 * (`reviewed`), and that day is not in the future. "Today" is the date in China, where
 * the editors are, so an article reviewed this morning is never "in the future".
 */
import { fieldLine } from './types.ts';
import { stamp, type Check, type Finding } from './types.ts';

export const freshnessCheck: Check = {
	id: 'freshness',
	description: 'every article has a real reviewed date, and none is in the future',
	needs: 'content',
	run(index) {
		const findings: Finding[] = [];
		for (const a of index.articles) {
			if (!a.frontmatter.data) continue; // unreadable frontmatter: the schema check reports it
			const reviewed = a.data['reviewed'];
			if (reviewed === undefined || reviewed === null) {
				findings.push({
					file: a.file,
					line: a.frontmatter.startLine || 1,
					message: 'the article has no `reviewed` date',
					fix: `add \`reviewed: ${index.today}\` to the frontmatter after checking the article against its sources`,
				});
				continue;
			}
			// A string or number is the schema check's problem (it must be an unquoted date).
			if (!(reviewed instanceof Date) || Number.isNaN(reviewed.getTime())) continue;
			const day = reviewed.toISOString().slice(0, 10);
			// YAML rolls an impossible date over (2026-02-30 → 2026-03-02); compare with what was written.
			const written = /^reviewed:\s*(\d{4}-\d{2}-\d{2})\b/m.exec(a.text.slice(0, a.text.indexOf('\n---', 3)))?.[1];
			if (written && written !== day) {
				findings.push({ file: a.file, line: fieldLine(a, 'reviewed'), message: `\`reviewed: ${written}\` is not a real date (YAML reads it as ${day})`, fix: 'write the day you checked the article, as YYYY-MM-DD' });
				continue;
			}
			if (day > index.today) {
				findings.push({
					file: a.file,
					line: fieldLine(a, 'reviewed'),
					message: `\`reviewed: ${day}\` is in the future (today is ${index.today} in China)`,
					fix: 'set it to the day you actually checked the article',
				});
			}
		}
		return stamp('freshness', findings);
	},
};
