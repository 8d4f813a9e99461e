/**
 * The pages the site builds, derived from the sources, with the ids a `#anchor` may
 * target on each. This is what source links are resolved against.
 *
 * - Articles: `/<folder>/<file name>/`. Their ids are the Markdown heading slugs
 *   (github-slugger, as Astro's Markdown processor assigns them) plus the ids the page
 *   frame renders (`src/components/ArticleFooter.astro`, `RoleSteps.astro`), plus the
 *   headings of the family text a `<Family />` page shows.
 * - Data pages from `src/pages/`: `/`, `/codes/`, `/codes/unassigned/`, `/cards/` (built
 *   or about to be), any other static page there, and a card per code and per symptom
 *   (`src/pages/cards/[id].astro`, `cardHref`).
 * - Redirect aliases from `astro.config.mjs`: `/55/`, `/a0/`, `/A0/` → `/codes/<CODE>/`.
 * - Task articles: `/tasks/<slug>/`; a card per code, symptom and task.
 * - Files in `public/`.
 *
 * The built-site check (`--built`) is the ground truth; this model lets editors catch a
 * broken link without a build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, FamilyText, Page } from './types.ts';
import { listField } from './types.ts';

export type { Page } from './types.ts';

interface Sources {
	articles: Article[];
	families: FamilyText[];
}

/** Ids every Starlight page has. `_top` is the skip-to-content target. */
const STARLIGHT_IDS = ['_top'];

export function sitePages({ articles, families }: Sources, repo: string): Map<string, Page> {
	const pages = new Map<string, Page>();
	const symptoms = articles.filter((a) => a.kind === 'symptom');
	const symptomList = listField;
	const codes = articles.filter((a) => a.kind === 'code' && a.id !== undefined);

	for (const a of articles) {
		const ids = new Set([...STARLIGHT_IDS, ...a.body.headingIds, ...a.body.roles.map((r) => `steps-${r}`), 'sources']);
		if (a.kind === 'code') {
			if (listField(a, 'categories').length > 0) ids.add('categories');
			const relatedBySymptom = symptoms.some((s) => a.id !== undefined && symptomList(s, 'related').includes(a.id));
			if (listField(a, 'related').length > 0 || relatedBySymptom) ids.add('related');
			const familyName = a.data['family'];
			const family = typeof familyName === 'string' ? families.find((f) => f.name === familyName) : undefined;
			if (family && a.body.components.has('Family')) {
				for (const id of family.body.headingIds) ids.add(id);
				for (const r of family.body.roles) ids.add(`steps-${r}`);
			}
		} else if (a.kind === 'symptom' || a.kind === 'task') {
			if (symptomList(a, 'categories').length > 0) ids.add('categories');
			if (symptomList(a, 'related').length > 0) ids.add('related');
		} else {
			ids.add('codes-in-category');
			if (symptoms.some((s) => a.id !== undefined && symptomList(s, 'categories').includes(a.id))) ids.add('symptoms-in-category');
		}
		pages.set(a.url, { kind: 'article', source: a.file, anchors: ids });
	}

	const dataPage = (url: string) => {
		const candidates = [`src/pages${url}index.astro`, `src/pages${url.slice(0, -1)}.astro`];
		const source = candidates.find((c) => existsSync(join(repo, c)));
		pages.set(url, { kind: 'data', source, anchors: source ? staticIds(join(repo, source)) : undefined });
	};
	// The pages the site is specified to build, and any other static page in src/pages/.
	const astroPages = listFiles(join(repo, 'src/pages'))
		.filter((f) => f.endsWith('.astro') && !f.includes('['))
		.map((f) => `/${f.replace(/\.astro$/, '/').replace(/(^|\/)index\/$/, '$1')}`);
	for (const url of new Set(['/', '/codes/', '/codes/unassigned/', '/cards/', ...astroPages])) dataPage(url);
	const cardIds = articles.filter((a) => a.kind !== 'cause').map((a) => a.id ?? a.name);
	for (const id of cardIds) {
		if (!pages.has(`/cards/${id}/`)) pages.set(`/cards/${id}/`, { kind: 'data', source: undefined, anchors: undefined });
	}

	for (const code of codes.map((a) => a.id!)) {
		for (const alias of new Set([`/${code}/`, `/${code.toLowerCase()}/`])) {
			pages.set(alias, { kind: 'alias', source: 'astro.config.mjs', anchors: undefined, redirect: `/codes/${code}/` });
		}
	}

	for (const f of listFiles(join(repo, 'public'))) pages.set(`/${f}`, { kind: 'file', source: `public/${f}`, anchors: undefined });
	return pages;
}

/** Files under `dir`, relative to it with `/`. */
function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const abs = join(dir, name);
		return statSync(abs).isDirectory() ? listFiles(abs).map((f) => `${name}/${f}`) : [name];
	});
}

/** The literal `id="…"` values of an .astro page; undefined if it also has computed ids. */
function staticIds(file: string): Set<string> | undefined {
	const text = readFileSync(file, 'utf8');
	if (/\bid=\{/.test(text)) return undefined;
	return new Set([...STARLIGHT_IDS, ...[...text.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!)]);
}
