/**
 * The cards' print font pieces (scripts/lib/cards/print-font.ts): only the `@font-face`
 * rules whose range holds a character of the site's text are kept.
 */
import { describe, expect, it } from 'vitest';
import { formatUnicodeRange, keepUsedPieces, parseUnicodeRange, siteCharacters } from '../../scripts/lib/cards/print-font.ts';

const rule = (n: number, range?: string) =>
	`/* piece ${n} */\n@font-face {\n  font-family: 'Noto Sans SC';\n  src: url(./files/p${n}.woff2) format('woff2');\n${range ? `  unicode-range: ${range};\n` : ''}}\n`;

describe('print font pieces', () => {
	it('reads single code points and spans', () => {
		expect(parseUnicodeRange('U+4e00-4e0f, U+3000,U+ff01-ff02')).toEqual([
			[0x4e00, 0x4e0f],
			[0x3000, 0x3000],
			[0xff01, 0xff02],
		]);
	});

	it('keeps the pieces that hold a used character, and rules without a range', () => {
		const css = rule(1, 'U+4e00-4e0f') + rule(2, 'U+2460-2473') + rule(3, 'U+9fa0-9fa5') + rule(4);
		const out = keepUsedPieces(css, new Set(['一', '①'].map((c) => c.codePointAt(0) as number)));
		expect(out).toMatchObject({ kept: 3, total: 4 });
		expect(out.css).toContain('p1.woff2');
		expect(out.css).toContain('p2.woff2');
		expect(out.css).not.toContain('p3.woff2');
		expect(out.css).toContain('p4.woff2');
	});

	it('cuts each kept range to the used characters, runs written as spans', () => {
		expect(formatUnicodeRange([0x4e00, 0x4e01, 0x4e02, 0x4e05, 0x3000])).toBe('U+4e00-4e02,U+4e05,U+3000');
		const css = rule(1, 'U+4e00-4e0f') + rule(2, 'U+2460-2473');
		const out = keepUsedPieces(css, new Set(['一', '丁', '七', '①'].map((c) => c.codePointAt(0) as number)));
		// 一 U+4e00, 丁 U+4e01, 七 U+4e03.
		expect(out.css).toContain('unicode-range: U+4e00-4e01,U+4e03;');
		expect(out.css).toContain('unicode-range: U+2460;');
		expect(out.css).not.toContain('4e0f');
	});

	it('reads the characters of the site itself (content and src)', () => {
		const chars = siteCharacters(process.cwd());
		for (const c of '返回码密码错误→') expect(chars.has(c.codePointAt(0) as number), c).toBe(true);
	});
});
