/**
 * Orphans in the sources: content that no reader can reach.
 *
 * The site's index pages are derived from the data (the home page lists every symptom
 * and category, `/codes/` every code article), so an article in a built folder with a
 * code is reachable by construction; the ways content gets lost are:
 * - an article file the site never builds: outside `{codes,symptoms,causes}/*.mdx`
 *   (a misspelled folder, a subfolder, a `.md` file);
 * - a family text that no code article names, so no `<Family />` ever shows it.
 *
 * Reachability over real links is checked on the built site by `built-orphans`.
 */
import { KIND_FOLDERS } from '../../../src/schemas/common.ts';
import { stamp, type Check, type ContentIndex, type Finding } from './types.ts';

const FOLDERS: readonly string[] = Object.values(KIND_FOLDERS);

/** Folders of a content root that hold no pages by design. */
const NOT_PAGES = new Set(['families', 'drafts', 'rules']);

export const orphansCheck: Check = {
	id: 'orphans',
	description: 'every article is a page the site builds, and every family text is used',
	needs: 'content',
	run(index) {
		return stamp('orphans', [...unbuiltFiles(index), ...unusedFamilies(index)]);
	},
};

function unbuiltFiles(index: ContentIndex): Finding[] {
	const findings: Finding[] = [];
	for (const f of index.files) {
		if (!/\.mdx?$/.test(f) || NOT_PAGES.has(f.split('/')[0]!)) continue;
		if (/^(codes|symptoms|tasks|causes)\/[^/]+\.mdx$/.test(f)) continue;
		const file = `${index.root}/${f}`;
		const folder = f.split('/')[0]!;
		const name = f.split('/').at(-1)!.replace(/\.mdx?$/, '');
		let fix: string;
		if (f.endsWith('.md')) fix = `rename it to ${name}.mdx`;
		else if (f.includes('/') && FOLDERS.includes(folder)) fix = `move it to ${index.root}/${folder}/${name}.mdx (articles are not built from subfolders)`;
		else fix = `move it to ${index.root}/codes/, symptoms/, tasks/ or causes/ by its kind, or to ${index.root}/drafts/ if it is not ready`;
		findings.push({ file, line: 1, message: 'this article is never built: the site builds only codes/*.mdx, symptoms/*.mdx, tasks/*.mdx and causes/*.mdx', fix });
	}
	return findings;
}

function unusedFamilies(index: ContentIndex): Finding[] {
	const used = new Set(index.articles.filter((a) => a.kind === 'code').map((a) => a.data['family']));
	return index.families
		.filter((f) => !used.has(f.name))
		.map((f) => ({
			file: f.file,
			line: 1,
			message: `no code article has \`family: ${f.name}\`, so no page shows this text`,
			fix: `add \`family: ${f.name}\` to the frontmatter of the codes it explains, or rename the file to the family it belongs to`,
		}));
}
