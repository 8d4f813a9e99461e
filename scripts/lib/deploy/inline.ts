/**
 * The SHA-256 hashes of every inline script and `<style>` element in a built site, for
 * the Content-Security-Policy (headers.ts). Read from the built HTML with htmlparser2, so
 * the policy always allows exactly what this build contains.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { isExecutableScript, type InlineHashes } from './headers.ts';

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Inline script and style texts of one HTML document (the exact text the browser hashes). */
export function inlineTexts(html: string): { scripts: string[]; styles: string[] } {
	const scripts: string[] = [];
	const styles: string[] = [];
	let current: { kind: 'script' | 'style'; text: string } | undefined;
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (name === 'script' && attrs['src'] === undefined && isExecutableScript(attrs['type'])) current = { kind: 'script', text: '' };
				else if (name === 'style') current = { kind: 'style', text: '' };
			},
			ontext(text) {
				if (current) current.text += text;
			},
			onclosetag(name) {
				if (current && name === current.kind) {
					(current.kind === 'script' ? scripts : styles).push(current.text);
					current = undefined;
				}
			},
		},
		// Raw text as written: script and style contents are not entity-decoded in HTML.
		// (A `<style>` inside inline SVG is, by the browser; the flowchart renderer's has no
		// `&`, and the Chromium test through nginx would report a mismatch as a violation.)
		{ decodeEntities: false },
	);
	parser.write(html);
	parser.end();
	return { scripts, styles };
}

/** Every HTML file under `dir`. */
export function htmlFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** Sorted, distinct hash sources for the inline scripts and styles of every page in `dist`. */
export function inlineHashes(dist: string): InlineHashes {
	const scripts = new Set<string>();
	const styles = new Set<string>();
	for (const file of htmlFiles(dist)) {
		const found = inlineTexts(readFileSync(file, 'utf8'));
		for (const s of found.scripts) scripts.add(hashSource(s));
		for (const s of found.styles) styles.add(hashSource(s));
	}
	return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}
