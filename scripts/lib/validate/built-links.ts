/**
 * Built links: on every HTML page in `dist/`, every internal link a reader can follow
 * (`<a href>`, including flowchart node links) goes to a page or file that exists, and
 * every `#anchor` to an id on the target page. Run after `npm run build` (`--built`).
 *
 * The same broken link usually sits in the frame of many pages (sidebar, footer); it is
 * reported once, at its first page, with the number of pages that carry it.
 */
import { readFileSync } from 'node:fs';
import type { BuiltPage, BuiltSite } from './built.ts';
import type { ContentIndex } from './types.ts';
import { stamp, type Check, type Finding } from './types.ts';

export const builtLinksCheck: Check = {
	id: 'built-links',
	description: 'every internal link and #anchor in the built HTML resolves',
	needs: 'built',
	run(index) {
		const site = index.built;
		if (!site) return [];
		const broken = new Map<string, { finding: Finding; pages: number }>();
		for (const page of site.pages.values()) {
			for (const link of page.links) {
				const target = resolveBuilt(link.href, page.url, index.siteHost);
				if (!target) continue;
				const problem = judge(target, site);
				if (!problem) continue;
				const key = `${target.path}#${target.hash ?? ''}|${problem}`;
				const seen = broken.get(key);
				if (seen) {
					seen.pages++;
					continue;
				}
				const source = sourceOf(page, index);
				const written = source !== undefined && readSource(source).includes(link.href);
				broken.set(key, {
					pages: 1,
					finding: {
						file: page.file,
						line: link.line,
						message: `link ${link.href} on ${page.url}${source ? ` (from ${source})` : ''}: ${problem}`,
						fix: written
							? `fix the link in ${source}, then rebuild`
							: `the page frame renders this link, not ${source ?? 'a content file'}: build the missing page or fix the component in src/ that renders it, then rebuild`,
					},
				});
			}
		}
		return stamp(
			'built-links',
			[...broken.values()].map(({ finding, pages }) =>
				pages > 1
					? {
							...finding,
							message: `${finding.message} (the same link is on ${pages} pages)`,
							fix: 'a link on many pages usually comes from a component in src/ (sidebar, header, footer, facts panel): fix it there, then rebuild',
						}
					: finding,
			),
		);
	},
};

export interface BuiltTarget {
	/** Decoded path, e.g. `/codes/55/`. */
	path: string;
	/** Decoded anchor without `#`, if any. */
	hash: string | undefined;
}

/** The internal target of an href on `pageUrl`, or undefined for external and non-navigational links. */
export function resolveBuilt(href: string, pageUrl: string, siteHost: string | undefined): BuiltTarget | undefined {
	if (/^(?:mailto|tel|javascript|data):/i.test(href) || href === '#' || href === '') return undefined;
	let url: URL;
	try {
		url = new URL(href, `http://internal.invalid${pageUrl}`);
	} catch {
		return { path: href, hash: undefined };
	}
	const internal = url.host === 'internal.invalid' || (siteHost !== undefined && url.host === siteHost);
	if (!internal) return undefined;
	const decode = (s: string) => {
		try {
			return decodeURIComponent(s);
		} catch {
			return s;
		}
	};
	return { path: decode(url.pathname), hash: url.hash.length > 1 ? decode(url.hash.slice(1)) : undefined };
}

/** Why the target does not resolve, or undefined when it does. */
function judge(target: BuiltTarget, site: BuiltSite): string | undefined {
	let page = site.pages.get(target.path);
	if (!page) {
		if (site.files.has(target.path)) return undefined;
		if (site.pages.has(`${target.path}/`)) return `no trailing slash (the page is ${target.path}/)`;
		return `no page ${target.path} in the built site`;
	}
	if (target.hash === undefined) return undefined;
	if (page.redirect) page = site.pages.get(resolveBuilt(page.redirect, page.url, undefined)?.path ?? '') ?? page;
	return page.ids.has(target.hash) ? undefined : `${page.url} has no id \`${target.hash}\``;
}

/** The content file a built page comes from, for the fix. */
export function sourceOf(page: BuiltPage, index: ContentIndex): string | undefined {
	const article = index.articles.find((a) => a.url === page.url || a.url.toLowerCase() === page.url);
	return article?.file ?? index.pages.get(page.url)?.source;
}

const sources = new Map<string, string>();
/** A source file's text (cached), to tell links written in it from links the frame adds. */
function readSource(file: string): string {
	if (!sources.has(file)) {
		let text = '';
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			// A page without a readable source: every link on it counts as the frame's.
		}
		sources.set(file, text);
	}
	return sources.get(file)!;
}
