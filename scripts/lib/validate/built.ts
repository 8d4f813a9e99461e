/**
 * The built site (`dist/`), read for the `--built` checks: every HTML page with the
 * links a reader can follow (`<a href>`, including the links inside flowchart SVGs), the
 * ids on the page, and where a redirect page points.
 *
 * Regexes over the HTML are enough here: Astro writes attributes double-quoted, and
 * scripts and styles are blanked first (keeping line breaks, so lines stay true).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { posix } from './load-content.ts';
import { SetupError } from './types.ts';

export interface BuiltLink {
	href: string;
	/** 1-based line in the HTML file. */
	line: number;
}

export interface BuiltPage {
	/** The URL a browser uses: `/codes/55/` for `codes/55/index.html`. */
	url: string;
	/** Repo-relative path of the HTML file. */
	file: string;
	ids: Set<string>;
	links: BuiltLink[];
	/** For Astro's redirect pages (`<meta http-equiv="refresh">`): the target. */
	redirect: string | undefined;
}

export interface BuiltSite {
	/** Repo-relative `dist` directory. */
	dist: string;
	pages: Map<string, BuiltPage>;
	/** Every file in dist as a URL path (`/favicon.svg`), for links to non-HTML files. */
	files: Set<string>;
}

/** Generated folders that hold no pages a reader navigates. */
const SKIP = new Set(['_astro', 'pagefind']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };
export const decodeEntities = (s: string) =>
	s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
		if (ENTITIES[e.toLowerCase()] !== undefined) return ENTITIES[e.toLowerCase()]!;
		if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
		if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
		return m;
	});

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

function readPage(abs: string, url: string, file: string): BuiltPage {
	const raw = readFileSync(abs, 'utf8');
	// Blank scripts, styles and comments but keep their newlines, so line numbers stay true.
	const html = raw.replace(/<(script|style)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->/gi, (m) => m.replace(/[^\n]/g, ' '));
	const lineAt = lineIndex(html);
	const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
	const links = [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => ({ href: decodeEntities(m[1]!), line: lineAt(m.index) }));
	const refresh = /<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/i.exec(html);
	return { url, file, ids, links, redirect: refresh ? decodeEntities(refresh[1]!) : undefined };
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
