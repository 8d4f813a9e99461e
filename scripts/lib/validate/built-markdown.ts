/**
 * Built Markdown leftovers: no page shows Markdown syntax as text. A `**` that did not
 * render (bold after full-width punctuation, or inside a frontmatter string), `__`, or a
 * link written `[text](/path/)` in a place Markdown is not processed reaches readers and
 * search excerpts as literal characters. Read from the built HTML's visible text.
 */
import { stamp, type Check, type Finding } from './types.ts';

const MARKERS: { re: RegExp; what: string }[] = [
	{ re: /\*\*/, what: '`**`' },
	{ re: /(?<![\w/])__(?!\w*__\w)/, what: '`__`' },
	{ re: /\[[^\]\n]{1,80}\]\((?:\/|https?:)[^)\s]*\)/, what: 'an unrendered [link](…)' },
];

export const builtMarkdownCheck: Check = {
	id: 'built-markdown',
	description: 'no page shows raw Markdown (`**`, `__`, [text](/url)) as text',
	needs: 'built',
	run(index) {
		const site = index.built;
		if (!site) return [];
		const findings: Finding[] = [];
		for (const page of site.pages.values()) {
			for (const run of page.text) {
				const hit = MARKERS.find((m) => m.re.test(run.text));
				if (!hit) continue;
				const at = run.text.search(hit.re);
				findings.push({
					file: page.file,
					line: run.line,
					message: `${page.url} shows ${hit.what} as text: "…${run.text.slice(Math.max(0, at - 20), at + 30).replace(/\s+/g, ' ')}…"`,
					fix: 'find the words in the article: bold after full-width punctuation needs a space or <strong>, and frontmatter fields are plain text (no Markdown)',
				});
			}
		}
		return stamp('built-markdown', findings);
	},
};
