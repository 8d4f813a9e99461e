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

/** Keep the `@font-face` rules whose unicode-range holds one of `chars` (and any rule without a range). */
export function keepUsedPieces(css: string, chars: ReadonlySet<number>): { css: string; kept: number; total: number } {
	const rules = css.match(/@font-face\s*\{[^}]*\}/gu) ?? [];
	const kept = rules.filter((rule) => {
		const range = /unicode-range:\s*([^;}]+)/u.exec(rule)?.[1];
		if (!range) return true;
		const spans = parseUnicodeRange(range);
		for (const c of chars) if (spans.some(([a, b]) => c >= a && c <= b)) return true;
		return false;
	});
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
