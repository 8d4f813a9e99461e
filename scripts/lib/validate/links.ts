/**
 * Cross-links in the sources: every internal link in an article or family text
 * (Markdown, HTML `href`, and flowchart `click` lines) resolves to a page the site
 * builds, and every `#anchor` to an id on that page; every related code in the
 * frontmatter of a code, symptom or task has an article; every category referenced has its article.
 *
 * External links (`https://…`) are the normalization check's (citation allow-list).
 */
import type { Page } from './site.ts';
import { fieldLine, hasFacts, listField, stamp, type Check, type ContentIndex, type Finding, type Link } from './types.ts';

export const linksCheck: Check = {
	id: 'links',
	description: 'internal links, #anchors, related codes and categories resolve',
	needs: 'content',
	run(index) {
		const findings: Finding[] = [];
		for (const a of index.articles) {
			for (const link of [...a.body.links, ...a.body.mermaid.flatMap((b) => b.links)]) {
				const problem = resolveLink(link, a.url, index);
				if (problem) findings.push({ file: a.file, line: link.line, ...problem });
			}
		}
		for (const f of index.families) {
			const own: Page = { kind: 'data', source: f.file, anchors: new Set(f.body.headingIds) };
			for (const link of [...f.body.links, ...f.body.mermaid.flatMap((b) => b.links)]) {
				const problem = resolveLink(link, undefined, index, own);
				if (problem) findings.push({ file: f.file, line: link.line, ...problem });
			}
		}
		findings.push(...relatedCodes(index), ...categories(index));
		return stamp('links', findings);
	},
};

type Resolution = { message: string; fix: string } | undefined;

const where = (link: Link) => (link.from === 'flowchart' ? 'flowchart link' : 'link');

/**
 * Resolve one internal link.
 * @param fromUrl the page the link is on, for `#anchor`-only links
 * @param self the page to use for `#anchor`-only links when there is no URL (family texts)
 */
export function resolveLink(link: Link, fromUrl: string | undefined, index: ContentIndex, self?: Page): Resolution {
	const { href } = link;
	// Other schemes (mailto:, javascript:, data: …) are the markup check's to report.
	if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^https?:/i.test(href)) return undefined;
	const absolute = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)(.*)$/i.exec(href);
	if (absolute) {
		if (index.siteHost && absolute[1]!.toLowerCase() === index.siteHost) {
			return { message: `${where(link)} ${href} is an absolute link to this site`, fix: `write it as a path: ${absolute[2] || '/'}` };
		}
		return undefined;
	}
	const [beforeHash, hash] = splitOnce(href, '#');
	const path = beforeHash.split('?')[0]!;
	if (path !== '' && !path.startsWith('/')) {
		return {
			message: `${where(link)} ${href} is relative`,
			fix: 'write internal links from the site root, e.g. /codes/55/ (relative links and .mdx file links do not resolve)',
		};
	}
	let decoded: string;
	try {
		decoded = decodeURI(path);
	} catch {
		return { message: `${where(link)} ${href} is not a valid URL`, fix: 'correct the percent-encoding or write the path plainly' };
	}
	const page = decoded === '' ? (fromUrl ? index.pages.get(fromUrl) : self) : index.pages.get(decoded);
	if (!page) return missingPage(link, decoded, index);
	if (hash === undefined || hash === '') return undefined;
	const target = page.redirect ? index.pages.get(page.redirect) : page;
	const anchors = target?.anchors;
	let id: string;
	try {
		id = decodeURIComponent(hash);
	} catch {
		id = hash;
	}
	if (!anchors || anchors.has(id)) return undefined;
	const onPage = decoded === '' ? 'this page' : decoded;
	const options = [...anchors].filter((a) => a !== '_top');
	return {
		message: `${where(link)} ${href}: ${onPage} has no heading or id \`${id}\``,
		fix: options.length ? `link to one of its ids: ${options.slice(0, 12).map((a) => `#${a}`).join(', ')}` : 'remove the #anchor',
	};
}

function missingPage(link: Link, path: string, index: ContentIndex): Resolution {
	const message = `${where(link)} ${link.href}: no page ${path}`;
	if (!path.endsWith('/') && index.pages.has(`${path}/`)) return { message, fix: `add the trailing slash: ${path}/` };
	const other = [...index.pages.keys()].find((url) => url.toLowerCase() === path.toLowerCase());
	if (other) return { message, fix: `URLs are case-sensitive: link to ${other}` };
	const code = /^\/codes\/([^/]+)\/$/.exec(path)?.[1];
	if (code) {
		const upper = code.toUpperCase();
		if (index.codeIndex.data?.unassigned.includes(upper)) {
			return { message: `${message} (code ${upper} is unassigned)`, fix: 'link to /codes/unassigned/ instead' };
		}
	}
	return { message, fix: 'link to a page that exists: /codes/<CODE>/, /symptoms/<slug>/, /tasks/<slug>/, /causes/<slug>/ or one of the index pages' };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
	const i = s.indexOf(sep);
	return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function relatedCodes(index: ContentIndex): Finding[] {
	const findings: Finding[] = [];
	const unassigned = index.codeIndex.data?.unassigned ?? [];
	for (const a of index.articles) {
		if (!hasFacts(a)) continue;
		listField(a, 'related').forEach((code, i) => {
			let problem: { message: string; fix: string } | undefined;
			if (a.kind === 'code' && code === a.id) problem = { message: `related lists the code itself (${code})`, fix: `remove "${code}" from related` };
			else if (!index.codes.has(code)) {
				const why = unassigned.includes(code) ? 'is unassigned' : 'has no article';
				problem = { message: `related code ${code} ${why}`, fix: `remove "${code}" from related or correct it to a code in ${index.root}/codes/` };
			}
			if (problem) findings.push({ file: a.file, line: fieldLine(a, 'related', i), ...problem });
		});
	}
	return findings;
}

/** Each category an article names is linked from its page, so its article must exist. */
function categories(index: ContentIndex): Finding[] {
	const written = new Set(index.articles.filter((a) => a.kind === 'cause').map((a) => a.id ?? a.name));
	const uses = new Map<string, { file: string; line: number; who: string }[]>();
	for (const a of index.articles) {
		if (!hasFacts(a)) continue;
		listField(a, 'categories').forEach((slug, i) => {
			if (!uses.has(slug)) uses.set(slug, []);
			uses.get(slug)!.push({ file: a.file, line: fieldLine(a, 'categories', i), who: `${a.kind} ${a.id ?? a.name}` });
		});
	}
	const findings: Finding[] = [];
	for (const [slug, list] of uses) {
		if (written.has(slug)) continue;
		// One problem per missing article, at its first use: the fix is to write it, not to edit each use.
		const first = list[0]!;
		const others = list.length > 1 ? ` (also ${list.slice(1, 9).map((u) => u.who).join(', ')}${list.length > 9 ? ' …' : ''})` : '';
		findings.push({
			file: first.file,
			line: first.line,
			message: `${first.who} is in category ${slug}${others}, which has no article, so /causes/${slug}/ is a broken link`,
			fix: `write ${index.root}/causes/${slug}.mdx, or correct the category to one of: ${[...written].join(', ')}`,
		});
	}
	return findings;
}
