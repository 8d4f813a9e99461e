/**
 * Built orphans: starting at the home page and following the links a reader can click
 * in `dist/` (redirect pages included), every article page is reached. Run after
 * `npm run build` (`--built`).
 */
import { slug } from 'github-slugger';
import { resolveBuilt } from './built-links.ts';
import { stamp, type Check, type Finding } from './types.ts';

export const builtOrphansCheck: Check = {
	id: 'built-orphans',
	description: 'every article page in the built site is reachable from the home page',
	needs: 'built',
	run(index) {
		const site = index.built;
		if (!site) return [];
		const reached = new Set<string>(['/']);
		const queue = ['/'];
		while (queue.length > 0) {
			const page = site.pages.get(queue.shift()!);
			if (!page) continue;
			const hrefs = [...page.links.map((l) => l.href), ...(page.redirect ? [page.redirect] : [])];
			for (const href of hrefs) {
				const target = resolveBuilt(href, page.url, index.siteHost);
				if (!target || reached.has(target.path) || !site.pages.has(target.path)) continue;
				reached.add(target.path);
				queue.push(target.path);
			}
		}
		const findings: Finding[] = [];
		for (const a of index.articles) {
			// Astro may build the page at its slug (lowercase); look for either.
			const url = [a.url, `/${a.folder}/${slug(a.name)}/`].find((u) => site.pages.has(u));
			if (!url) {
				findings.push({ file: a.file, line: 1, message: `${site.dist} has no page for this article (${a.url})`, fix: 'run `npm run build` again; if the page is still missing, check the build log for this file' });
			} else if (!reached.has(url)) {
				findings.push({
					file: a.file,
					line: 1,
					message: `${url} is not reachable from the home page by links in the built site`,
					fix: 'link it from an index page or a related article (the code index, the home page and the category pages list articles from the data)',
				});
			}
		}
		return stamp('built-orphans', findings);
	},
};
