/**
 * The CSS-mask icons (src/styles/icons.css) draw Starlight's own icon paths: an upgrade of
 * Starlight that redraws an icon shows here, not as a silent mismatch between the header
 * and the rest of Starlight.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// Not in Starlight's package exports: read by path, as a test may.
import { Icons } from '../../node_modules/@astrojs/starlight/dist/components-internals/Icons.js';

const css = readFileSync(new URL('../../src/styles/icons.css', import.meta.url), 'utf8');
const icons = Object.fromEntries(
	[...css.matchAll(/\.pk-icon-([\w-]+) \{\s*--pk-icon: url\("data:image\/svg\+xml,([^"]+)"\);/g)].map((m) => [m[1], decodeURIComponent(m[2]!).replaceAll("'", '"')]),
);

describe('icons.css', () => {
	it('has the icons the header and the asides use', () => {
		expect(Object.keys(icons).sort()).toEqual(['bars', 'close', 'error', 'magnifier', 'warning']);
	});

	it.each(Object.keys(icons))('draws Starlight’s “%s” path', (name) => {
		const starlight = (Icons as Record<string, string>)[name];
		expect(starlight).toBeTruthy();
		expect(icons[name]).toBe(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${starlight}</svg>`);
	});

	it('lets a component hide an icon: its rules sit in Starlight’s lowest layer', () => {
		expect(css).toMatch(/@layer starlight\.base \{\s*\.pk-icon \{/);
	});
});
