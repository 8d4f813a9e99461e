/**
 * Astro integrations for deploying `dist/` as a plain static site (issue 16), run by
 * every `astro build` (no browser, no root):
 * - `deployFiles()`: at the start, print the site address the QR codes and canonical
 *   links use; at the end, write the nginx include (`_nginx/site.conf`), `_headers` and
 *   `_redirects` from one source (headers.ts, aliases.ts, render.ts), with the CSP
 *   hashes of this build's inline scripts and styles.
 * - `precompress()`: gzip every text file next to itself (`x.html.gz`) for nginx's
 *   `gzip_static`. List it LAST in `integrations`: a file changed after it would be
 *   served from a stale `.gz`.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zc } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { CARD_PDFS, DEFAULT_SITE, SITE } from '../../../src/lib/site.ts';
import { siteAliases } from './aliases.ts';
import { inlineHashes } from './inline.ts';
import { NGINX_DIR, headersFile, nginxSiteConf, redirectsFile } from './render.ts';

export function deployFiles(contentDir = 'content'): AstroIntegration {
	return {
		name: 'poskb-deploy-files',
		hooks: {
			'astro:build:start': ({ logger }) => {
				const placeholder = SITE === DEFAULT_SITE ? ' (the placeholder: set POSKB_SITE=https://<your host> for a real site)' : '';
				logger.info(`site ${SITE}: QR codes, canonical links and the sitemap point here${placeholder}`);
				logger.info(CARD_PDFS ? 'card pages link their PDFs (POSKB_CARD_PDFS=1): run `npm run cards:pdf` next' : 'card pages link no PDFs (set POSKB_CARD_PDFS=1 and run `npm run cards:pdf` to add them)');
			},
			'astro:build:done': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const aliases = siteAliases(contentDir);
				const hashes = inlineHashes(dist);
				mkdirSync(join(dist, NGINX_DIR), { recursive: true });
				writeFileSync(join(dist, NGINX_DIR, 'site.conf'), nginxSiteConf(aliases, hashes));
				writeFileSync(join(dist, '_headers'), headersFile(hashes));
				writeFileSync(join(dist, '_redirects'), redirectsFile(aliases));
				logger.info(`${aliases.length} aliases, CSP with ${hashes.scripts.length} script and ${hashes.styles.length} style hashes: wrote ${NGINX_DIR}/site.conf, _headers, _redirects`);
			},
		},
	};
}

/** Text types nginx would gzip on the fly; Pagefind's index files and images are compressed already. */
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest', '.map']);

/** Write `<file>.gz` (level 9) for every text file of 1 KB or more where it saves bytes. */
export function gzipTree(dist: string): { files: number; raw: number; gzip: number } {
	let files = 0;
	let raw = 0;
	let gzip = 0;
	for (const rel of readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]) {
		if (!TEXT.has(extname(rel))) continue;
		const file = join(dist, rel);
		const stat = statSync(file);
		if (!stat.isFile() || stat.size < 1024) continue;
		const body = readFileSync(file);
		const gz = gzipSync(body, { level: zc.Z_BEST_COMPRESSION });
		if (gz.length >= body.length) continue;
		writeFileSync(`${file}.gz`, gz);
		files++;
		raw += body.length;
		gzip += gz.length;
	}
	return { files, raw, gzip };
}

export function precompress(): AstroIntegration {
	return {
		name: 'poskb-precompress',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const { files, raw, gzip } = gzipTree(fileURLToPath(dir));
				logger.info(`gzip: ${files} files, ${(raw / 1048576).toFixed(1)} MiB → ${(gzip / 1048576).toFixed(1)} MiB (.gz beside each, for gzip_static)`);
			},
		},
	};
}
