/**
 * The built site (`dist/`), read for the `--built` checks: every HTML page with the
 * links a reader can follow (`<a href>`, including the links inside flowchart SVGs), the
 * ids on the page, and where a redirect page points.
 *
 * Pages are parsed with htmlparser2 (as withastro/docs' link checker does), which decodes
 * entities and gives each element's start offset, turned into a line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { posix } from './fs.ts';
import type { BuiltPage, BuiltSite } from './types.ts';

export type { BuiltLink, BuiltPage, BuiltSite } from './types.ts';
import { SetupError } from './types.ts';


/** Generated folders that hold no pages a reader navigates. */
const SKIP = new Set(['_astro', 'pagefind']);

export function loadBuiltSite(distAbs: string, repo: string): BuiltSite {
	if (!existsSync(join(distAbs, 'index.html'))) {
		throw new SetupError(`${posix(relative(repo, distAbs)) || distAbs}/index.html is missing: run \`npm run build\` before \`validate --built\``);
	}
	const pages = new Map<string, BuiltPage>();
	const files = new Set<string>();
	const walk = (dir: string, prefix: string) => {
		for (const name of readdirSync(dir)) {
			const abs = join(dir, name);
			if (statSync(abs).isDirectory()) {
				walk(abs, `${prefix}${name}/`);
				continue;
			}
			files.add(`${prefix}${name}`);
			if (!name.endsWith('.html') || SKIP.has(prefix.split('/')[1] ?? '')) continue;
			const url = name === 'index.html' ? prefix : `${prefix}${name}`;
			pages.set(url, readPage(abs, url, posix(relative(repo, abs))));
		}
	};
	walk(distAbs, '/');
	return { dist: posix(relative(repo, distAbs)), pages, files };
}

/** Elements whose text a reader never sees as page text. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'title', 'head']);

function readPage(abs: string, url: string, file: string): BuiltPage {
	const html = readFileSync(abs, 'utf8');
	const doc = parseDocument(html, { withStartIndices: true, decodeEntities: true });
	const lineAt = lineIndex(html);
	const line = (n: AnyNode) => lineAt(n.startIndex ?? 0);
	const elements = findAll(() => true, doc.children);
	const ids = new Set(elements.map((e) => getAttributeValue(e, 'id')).filter((id): id is string => id !== undefined));
	const links = elements
		.filter((e) => e.name === 'a' && getAttributeValue(e, 'href') !== undefined)
		.map((e) => ({ href: getAttributeValue(e, 'href')!, line: line(e) }));
	const meta = elements.find((e) => e.name === 'meta' && getAttributeValue(e, 'http-equiv')?.toLowerCase() === 'refresh');
	const refresh = meta ? /url=(.+)$/i.exec(getAttributeValue(meta, 'content') ?? '')?.[1]?.trim() : undefined;
	const text: { text: string; line: number }[] = [];
	const visit = (nodes: AnyNode[]) => {
		for (const n of nodes) {
			if (isText(n)) {
				if (n.data.trim()) text.push({ text: n.data, line: line(n) });
			} else if (isTag(n) && !HIDDEN.has(n.name)) visit(n.children);
			else if ('children' in n && !isTag(n)) visit((n as { children: AnyNode[] }).children);
		}
	};
	visit(doc.children);
	return { url, file, ids, links, redirect: refresh, text };
}

/** Maps a string offset to its 1-based line. */
export function lineIndex(text: string): (offset: number) => number {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return (offset) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
}

/** Kept for callers that only need an element list. */
export type { Element };
export { textContent };
