/**
 * Orphans in the sources: content that no reader can reach.
 *
 * The site's index pages are derived from the data (the home page lists every symptom
 * and category, `/codes/` every registry code), so an article in a built folder with a
 * registry code is reachable by construction; the ways content gets lost are:
 * - an article file the site never builds: outside `{codes,symptoms,causes}/*.mdx`
 *   (a misspelled folder, a subfolder, a `.md` file);
 * - a family text that no registry entry names, so no `<Family />` ever shows it.
 * (A code article whose code is not in the registry is `coverage`'s to report.)
 *
 * Reachability over real links is checked on the built site by `built-orphans`.
 */
import { ARTICLE_FOLDERS, type ContentIndex } from './index.ts';
import { stamp, type Check, type Finding } from './types.ts';

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
		if (/^(codes|symptoms|causes)\/[^/]+\.mdx$/.test(f)) continue;
		const file = `${index.root}/${f}`;
		const folder = f.split('/')[0]!;
		const name = f.split('/').at(-1)!.replace(/\.mdx?$/, '');
		let fix: string;
		if (f.endsWith('.md')) fix = `rename it to ${name}.mdx`;
		else if (f.includes('/') && folder in ARTICLE_FOLDERS) fix = `move it to ${index.root}/${folder}/${name}.mdx (articles are not built from subfolders)`;
		else fix = `move it to ${index.root}/codes/, symptoms/ or causes/ by its kind, or to ${index.root}/drafts/ if it is not ready`;
		findings.push({ file, line: 1, message: 'this article is never built: the site builds only codes/*.mdx, symptoms/*.mdx and causes/*.mdx', fix });
	}
	return findings;
}

function unusedFamilies(index: ContentIndex): Finding[] {
	if (!index.registry.loaded) return [];
	const used = new Set(index.registry.entries.map((e) => e.family).filter((f) => f !== undefined));
	return index.families
		.filter((f) => !used.has(f.name as never))
		.map((f) => ({
			file: f.file,
			line: 1,
			message: `no registry entry has \`family: '${f.name}'\`, so no page shows this text`,
			fix: `set \`family: '${f.name}'\` on the codes it explains in ${index.registry.file}, or rename the file to the family it belongs to`,
		}));
}
