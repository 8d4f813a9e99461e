/**
 * `node scripts/icons.ts`: render the app icons from `public/favicon.svg` with the local
 * Chromium (no network) and write them to `public/` (issue 17). Run it when the SVG changes
 * and commit the PNGs: they are small, and the build then needs no browser for them.
 *
 * - `icons/icon-192.png`, `icons/icon-512.png`: the SVG as is (Android, manifest "any");
 * - `icons/icon-maskable-512.png`: the terminal drawn inside the 80 % safe zone on a
 *   full-bleed background, so Android's round or squircle mask never cuts it;
 * - `icons/apple-touch-icon-180.png`: full-bleed too (iOS rounds the corners itself);
 * - `favicon.ico`: a 32 px PNG in an ICO container (browsers and the print cards ask for it).
 *
 * Each PNG but the favicon's (its ICO header says 32 bits a pixel) is written with a
 * 32-colour palette (sharp): the icon has two colours and their
 * anti-aliased edges, so it looks the same at under half the bytes of Chromium's truecolour
 * screenshot (22 → 12 KB for the four, all in the offline precache).
 *
 * Exit codes: 0 written; 1 Chromium or the SVG failed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { launchChromium } from './lib/browser.ts';

const PUBLIC = resolve(import.meta.dirname, '..', 'public');
const svg = readFileSync(join(PUBLIC, 'favicon.svg'), 'utf8');
/** The icon's own blue: the background of full-bleed icons. */
const BLUE = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#3447ff';

/** Page showing the SVG at `size` px; `inset` is the share of the square the drawing takes. */
function html(size: number, inset: number, fullBleed: boolean): string {
	const inner = Math.round(size * inset);
	const drawing = fullBleed ? svg.replace(/rx="6"/, 'rx="0"') : svg;
	return `<!doctype html><html><body style="margin:0;background:${fullBleed ? BLUE : 'transparent'}">
<div style="width:${size}px;height:${size}px;display:grid;place-items:center">
<img style="width:${inner}px;height:${inner}px" src="data:image/svg+xml;base64,${Buffer.from(drawing).toString('base64')}"></div></body></html>`;
}

/** ICO file holding one PNG (allowed since Windows Vista; every browser reads it). */
function ico(png: Buffer, size: number): Buffer {
	const header = Buffer.alloc(22);
	header.writeUInt16LE(0, 0);
	header.writeUInt16LE(1, 2); // type: icon
	header.writeUInt16LE(1, 4); // one image
	header.writeUInt8(size, 6);
	header.writeUInt8(size, 7);
	header.writeUInt16LE(1, 10); // colour planes
	header.writeUInt16LE(32, 12); // bits per pixel
	header.writeUInt32LE(png.length, 14);
	header.writeUInt32LE(22, 18);
	return Buffer.concat([header, png]);
}

try {
	const browser = await launchChromium();
	const page = await browser.newPage();
	const shot = async (size: number, inset: number, fullBleed: boolean, palette = true): Promise<Buffer> => {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(html(size, inset, fullBleed));
		await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
		const png = await page.screenshot({ omitBackground: !fullBleed, clip: { x: 0, y: 0, width: size, height: size } });
		return palette ? sharp(png).png({ palette: true, colors: 32, effort: 10, compressionLevel: 9 }).toBuffer() : png;
	};
	mkdirSync(join(PUBLIC, 'icons'), { recursive: true });
	writeFileSync(join(PUBLIC, 'icons', 'icon-192.png'), await shot(192, 1, false));
	writeFileSync(join(PUBLIC, 'icons', 'icon-512.png'), await shot(512, 1, false));
	writeFileSync(join(PUBLIC, 'icons', 'icon-maskable-512.png'), await shot(512, 0.8, true));
	writeFileSync(join(PUBLIC, 'icons', 'apple-touch-icon-180.png'), await shot(180, 0.86, true));
	writeFileSync(join(PUBLIC, 'favicon.ico'), ico(await shot(32, 1, false, false), 32));
	await browser.close();
	console.log('icons written to public/icons/ and public/favicon.ico');
} catch (error) {
	console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
