/**
 * Cross-links in the sources: every internal link in an article or family text
 * (Markdown, HTML `href`, and flowchart `click` lines) resolves to a page the site
 * builds, and every `#anchor` to an id on that page; every related code in the
 * registry and in symptom frontmatter exists; every category referenced has its article.
 *
 * External links (`https://…`) are the normalization check's (citation allow-list).
 */
import { categorySlugSchema } from '../../../src/schemas/common.ts';
import { fieldLine, type ContentIndex } from './index.ts';
import type { Page } from './site.ts';
import type { Link } from './mdx.ts';
import { stamp, type Check, type Finding } from './types.ts';

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
	if (/^(?:mailto|tel):/i.test(href)) return undefined;
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
		if (index.registry.byCode.has(upper)) {
			return { message: `${message} (code ${upper} has no article yet)`, fix: `write ${index.root}/codes/${upper}.mdx, or remove the link until it exists` };
		}
		if (index.registry.unassigned.includes(upper)) {
			return { message: `${message} (code ${upper} is unassigned)`, fix: 'link to /codes/unassigned/ instead' };
		}
	}
	return { message, fix: 'link to a page that exists: /codes/<CODE>/, /symptoms/<slug>/, /causes/<slug>/ or one of the index pages' };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
	const i = s.indexOf(sep);
	return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function relatedCodes(index: ContentIndex): Finding[] {
	const { registry } = index;
	if (!registry.loaded) return [];
	const findings: Finding[] = [];
	const judge = (own: string | undefined, code: string): Resolution => {
		if (code === own) return { message: `related lists the code itself (${code})`, fix: `remove '${code}' from related` };
		if (registry.byCode.has(code)) return undefined;
		const why = registry.unassigned.includes(code) ? 'is unassigned' : 'is not in the registry';
		return { message: `related code ${code} ${why}`, fix: `remove '${code}' from related or correct it to a registry code` };
	};
	for (const e of registry.entries) {
		for (const code of e.related) {
			const problem = judge(e.code, code);
			if (problem) findings.push({ file: registry.file, line: registry.fieldLine(e.code, 'related'), message: `code ${e.code}: ${problem.message}`, fix: problem.fix });
		}
	}
	for (const a of index.articles) {
		if (a.kind !== 'symptom' || !Array.isArray(a.data['related'])) continue;
		(a.data['related'] as unknown[]).forEach((code, i) => {
			const problem = judge(undefined, String(code));
			if (problem) findings.push({ file: a.file, line: fieldLine(a, 'related', i), ...problem });
		});
	}
	return findings;
}

/** Each category a code or symptom names is linked from its page, so its article must exist. */
function categories(index: ContentIndex): Finding[] {
	const written = new Set(index.articles.filter((a) => a.kind === 'cause').map((a) => a.id ?? a.name));
	const uses = new Map<string, { file: string; line: number; who: string }[]>();
	const use = (slug: string, file: string, line: number, who: string) => {
		if (!uses.has(slug)) uses.set(slug, []);
		uses.get(slug)!.push({ file, line, who });
	};
	if (index.registry.loaded) {
		for (const e of index.registry.entries) for (const c of e.categories) use(c, index.registry.file, index.registry.fieldLine(e.code, 'categories'), `code ${e.code}`);
	}
	for (const a of index.articles) {
		if (a.kind !== 'symptom' || !Array.isArray(a.data['categories'])) continue;
		(a.data['categories'] as unknown[]).forEach((c, i) => use(String(c), a.file, fieldLine(a, 'categories', i), `symptom ${a.id ?? a.name}`));
	}
	const findings: Finding[] = [];
	const slugs = new Set<string>(categorySlugSchema.options);
	for (const [slug, list] of uses) {
		// A slug that is no category at all is the schema check's to report.
		if (written.has(slug) || !slugs.has(slug)) continue;
		// One problem per missing article, at its first use: the fix is to write it, not to edit each use.
		const first = list[0]!;
		const others = list.length > 1 ? ` (also ${list.slice(1, 9).map((u) => u.who).join(', ')}${list.length > 9 ? ' …' : ''})` : '';
		findings.push({
			file: first.file,
			line: first.line,
			message: `${first.who} is in category ${slug}${others}, which has no article, so /causes/${slug}/ is a broken link`,
			fix: `write ${index.root}/causes/${slug}.mdx`,
		});
	}
	return findings;
}
