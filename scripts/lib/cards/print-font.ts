/**
 * The cards' fallback print font pieces, cut to the characters the site can print (a Vite
 * plugin, see astro.config.mjs).
 *
 * Cards print in Noto Sans SC from @fontsource (`src/components/cards/CardLayout.astro`):
 * one file per weight for common Chinese, one for Latin, and, for the few characters those
 * lack (arrows, circled digits, rare characters), fontsource's ~100 unicode-range pieces.
 * Those pieces are only *declared* in `400.css` and `700.css`, but the declarations alone
 * are 105 KB a weight (68 KB gzip for both), on every card page and in the offline
 * precache (issue 17). Only pieces whose range holds a character that occurs in the site's
 * own text (`content/`, `src/`) can ever be used, so only those are kept: 32 of 101.
 *
 * A card whose text needs a piece that was dropped cannot pass `npm run cards:pdf`: its
 * characters fall back to the system CJK font, which Chromium writes as Type 3 outlines,
 * and the print check refuses those.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The fontsource stylesheets that declare every piece of a weight. */
const PIECES = /@fontsource\/noto-sans-sc\/(400|700)\.css$/u;
/** Where the printable text lives, and which files hold it. */
const TEXT_DIRS = ['content', 'src'];
const TEXT_FILE = /\.(mdx|ya?ml|astro|ts)$/u;

/** Every code point in the site's text files. */
export function siteCharacters(root: string): Set<number> {
	const chars = new Set<number>();
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (TEXT_FILE.test(entry.name)) for (const c of readFileSync(path, 'utf8')) chars.add(c.codePointAt(0) as number);
		}
	};
	for (const dir of TEXT_DIRS) walk(join(root, dir));
	return chars;
}

/** `U+4e00-4eff, U+3000` → [[0x4e00, 0x4eff], [0x3000, 0x3000]]. */
export function parseUnicodeRange(value: string): [number, number][] {
	return value.split(',').map((part) => {
		const [from = '', to] = part.trim().replace(/^U\+/iu, '').split('-');
		return [parseInt(from, 16), parseInt(to ?? from, 16)];
	});
}

/** `[0x4e00, 0x4e01, 0x4e03]` → `U+4e00-4e01,U+4e03` (sorted code points, runs as spans). */
export function formatUnicodeRange(points: readonly number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < points.length; ) {
		let j = i;
		while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
		const hex = (n: number) => n.toString(16);
		parts.push(j > i ? `U+${hex(points[i]!)}-${hex(points[j]!)}` : `U+${hex(points[i]!)}`);
		i = j + 1;
	}
	return parts.join(',');
}

/**
 * Keep the `@font-face` rules whose unicode-range holds one of `chars` (and any rule without
 * a range), each with its range cut to those characters. A piece's range lists hundreds of
 * code points, most of which the site never prints; the browser only needs the ones it
 * will meet, and the rest would fall back to another font exactly as they would if their
 * piece were dropped. (The cut ranges took the card CSS from 29 to about 6 KB gzip.)
 */
export function keepUsedPieces(css: string, chars: ReadonlySet<number>): { css: string; kept: number; total: number } {
	const rules = css.match(/@font-face\s*\{[^}]*\}/gu) ?? [];
	const sorted = [...chars].sort((a, b) => a - b);
	const kept: string[] = [];
	for (const rule of rules) {
		const range = /unicode-range:\s*([^;}]+)/u.exec(rule);
		if (!range) {
			kept.push(rule);
			continue;
		}
		const spans = parseUnicodeRange(range[1]!);
		const used = sorted.filter((c) => spans.some(([a, b]) => c >= a && c <= b));
		if (used.length > 0) kept.push(rule.replace(range[0], `unicode-range: ${formatUnicodeRange(used)}`));
	}
	return { css: kept.join('\n'), kept: kept.length, total: rules.length };
}

export function printFontPieces(root: string): Plugin {
	let chars: Set<number> | undefined;
	return {
		name: 'poskb-print-font-pieces',
		enforce: 'pre',
		transform(code, id) {
			if (!PIECES.test(id.split('?')[0] ?? '')) return null;
			chars ??= siteCharacters(root);
			return { code: keepUsedPieces(code, chars).css, map: null };
		},
	};
}
