/**
 * Deploy (issue 16): the built site behind Debian's real nginx with the project's
 * server block (deploy/nginx/poskb.conf + the build's `_nginx/site.conf`).
 *
 * - HTTP: every short alias answers 301 with its article as Location; unknown paths get
 *   404 with the site's 404 page; every response carries the CSP and the security
 *   headers; hashed files are cached for a year, pages briefly; text is gzipped, from the
 *   build's precompressed `.gz` where it exists; the include directory is not served.
 * - Chromium through that nginx: every page type loads and search runs with 0 CSP
 *   violations, 0 console errors and 0 requests to another host.
 *
 * Also: `_headers` and `_redirects` (static hosts) say the same as the nginx include,
 * because both are written from scripts/lib/deploy/.
 *
 * Runs against dist/ (or DEPLOY_DIST=/some/dist) after `astro build`.
 */
import { request } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DIST, launchChromium } from '../../scripts/lib/browser.ts';
import { HOME_LISTED, siteAliases } from '../../scripts/lib/deploy/aliases.ts';
import { CACHE_RULES, IMMUTABLE, SHORT, contentSecurityPolicy, securityHeaders } from '../../scripts/lib/deploy/headers.ts';
import { inlineHashes } from '../../scripts/lib/deploy/inline.ts';
import { startNginx, type Nginx } from './nginx.ts';

const ROOT = process.env['DEPLOY_DIST'] ? resolve(process.env['DEPLOY_DIST']) : DIST;
let nginx: Nginx;
let browser: Browser;
const hashes = existsSync(ROOT) ? inlineHashes(ROOT) : { scripts: [], styles: [] };

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** One raw GET, no redirect following, no decompression. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
	const { hostname, port } = new URL(nginx.url);
	return new Promise((done, fail) => {
		const req = request({ hostname, port, path, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});
}

beforeAll(async () => {
	nginx = await startNginx(ROOT);
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await nginx?.close();
});

const firstFile = (dir: string, ext: RegExp) => readdirSync(join(ROOT, dir)).find((f) => ext.test(f))!;

describe('nginx: the server block needs only listen and root', () => {
	it('the installed block differs from deploy/nginx/poskb.conf in exactly those two lines', () => {
		const template = readFileSync('deploy/nginx/poskb.conf', 'utf8').split('\n');
		const installed = nginx.serverBlock.split('\n');
		expect(installed).toHaveLength(template.length);
		const changed = template.map((line, i) => (line === installed[i] ? undefined : line.trim().split(/\s+/)[0])).filter(Boolean);
		expect(changed).toEqual(['listen', 'root']);
	});
});

describe('nginx: short aliases are 301s to their articles', () => {
	const aliases = siteAliases();
	it('the alias list comes from content/codes/*.mdx: every code, and the lower-case form of codes with letters', () => {
		const codes = readdirSync('content/codes').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
		expect(aliases.filter((a) => a.from === `/${a.to.split('/')[2]}/`).map((a) => a.to)).toEqual(codes.sort().map((c) => `/codes/${c}/`));
		expect(aliases).toContainEqual({ from: '/55/', to: '/codes/55/' });
		expect(aliases).toContainEqual({ from: '/a0/', to: '/codes/A0/' });
		expect(aliases).toContainEqual({ from: '/A0/', to: '/codes/A0/' });
	});
	it('the article folders without an index page lead to a heading of that id on the home page', () => {
		const home = readFileSync(join(ROOT, 'index.html'), 'utf8');
		for (const folder of HOME_LISTED) {
			expect(aliases).toContainEqual({ from: `/${folder}/`, to: `/#${folder}` });
			expect(home, folder).toMatch(new RegExp(`<h2[^>]* id="${folder}"`));
		}
	});
	it('every alias, with and without the trailing slash, answers 301 with the article as Location and the security headers', async () => {
		const wrong: string[] = [];
		for (const { from, to } of aliases) {
			for (const path of [from, from.slice(0, -1)]) {
				const res = await get(path);
				if (res.status !== 301 || res.headers['location'] !== to || res.headers['content-security-policy'] !== contentSecurityPolicy(hashes)) {
					wrong.push(`${path}: ${res.status} → ${String(res.headers['location'])}`);
				}
			}
		}
		expect(wrong).toEqual([]);
		const target = await get('/codes/A0/');
		expect(target.status).toBe(200);
	});
});

describe('nginx: the search form without JavaScript', () => {
	it.each([
		['55', '/55/'],
		['A0', '/A0/'],
		['a0', '/a0/'],
		['+55+', '/55/'],
		['%2005', '/05/'],
	])('/search/?q=%s: a known code goes to its short link (%s), with the security headers', async (q, location) => {
		const res = await get(`/search/?q=${q}`);
		expect(res.status).toBe(302);
		expect(res.headers['location']).toBe(location);
		expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy(hashes));
	});
	it.each(['%E4%BD%99%E9%A2%9D%E4%B8%8D%E8%B6%B3', '08', '555', '55%E5%AF%86%E7%A0%81', ''])('/search/?q=%s: anything else gets the search page', async (q) => {
		const res = await get(`/search/?q=${q}`);
		expect(res.status).toBe(200);
		expect(res.body.toString()).toBe(readFileSync(join(ROOT, 'search', 'index.html'), 'utf8'));
	});
});

describe('nginx: status codes, headers, gzip', () => {
	it('an unknown path is a 404 with the site’s own 404 page, and the security headers', async () => {
		const res = await get('/codes/XX/');
		expect(res.status).toBe(404);
		expect(res.body.toString()).toBe(readFileSync(join(ROOT, '404.html'), 'utf8'));
		expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy(hashes));
	});

	it('the generated include directory is not served', async () => {
		expect((await get('/_nginx/site.conf')).status).toBe(404);
	});

	it.each(['/', '/codes/55/', '/cards/55/', '/404.html'])('%s: CSP, nosniff, Referrer-Policy, Permissions-Policy, short cache', async (path) => {
		const res = await get(path);
		expect(res.status).toBe(200);
		for (const [name, value] of securityHeaders(hashes)) expect(res.headers[name.toLowerCase()], name).toBe(value);
		expect(res.headers['cache-control']).toBe(SHORT);
		expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
	});

	it('the CSP is strict: default-src self, scripts by self or hash with no unsafe-inline, wasm only for Pagefind', () => {
		const csp = contentSecurityPolicy(hashes);
		const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1) ?? [];
		expect(directive('default-src')).toEqual(["'self'"]);
		const script = directive('script-src');
		expect(script.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(script.length).toBeGreaterThan(2); // Starlight's inline scripts, by hash
		expect(directive('style-src-elem').filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'"]);
		expect(csp).not.toMatch(/'unsafe-eval'|\*|https?:/);
		expect(csp.match(/'unsafe-inline'/g)).toHaveLength(1); // style attributes only
		expect(directive('style-src-attr')).toEqual(["'unsafe-inline'"]);
	});

	it('hashed files are immutable for a year; the Pagefind loader is not', async () => {
		const astro = await get(`/_astro/${firstFile('_astro', /\.js$/)}`);
		expect(astro.status).toBe(200);
		expect(astro.headers['cache-control']).toBe(IMMUTABLE);
		expect(astro.headers['x-content-type-options']).toBe('nosniff');
		for (const dir of ['fragment', 'index']) {
			const res = await get(`/pagefind/${dir}/${firstFile(`pagefind/${dir}`, /./)}`);
			expect(res.status, dir).toBe(200);
			expect(res.headers['cache-control'], dir).toBe(IMMUTABLE);
		}
		expect((await get('/pagefind/pagefind.js')).headers['cache-control']).toBe(SHORT);
		expect(CACHE_RULES.some((r) => r.paths.includes('/_astro/*') && r.cacheControl === IMMUTABLE)).toBe(true);
	});

	it('pages are sent gzipped from the build’s precompressed .gz (gzip_static), and plain without Accept-Encoding', async () => {
		const raw = readFileSync(join(ROOT, 'codes/55/index.html'));
		const gz = readFileSync(join(ROOT, 'codes/55/index.html.gz'));
		const res = await get('/codes/55/', { 'accept-encoding': 'gzip' });
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
		expect(res.body.equals(gz)).toBe(true);
		expect(gunzipSync(res.body).equals(raw)).toBe(true);
		const plain = await get('/codes/55/');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(raw)).toBe(true);
	});

	it('text without a .gz is gzipped on the fly', async () => {
		const file = '/pagefind/pagefind-entry.json';
		expect(existsSync(join(ROOT, `${file}.gz`))).toBe(false);
		const raw = readFileSync(join(ROOT, file));
		const res = await get('/sitemap-0.xml', { 'accept-encoding': 'gzip' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(res.body).equals(readFileSync(join(ROOT, 'sitemap-0.xml')))).toBe(true);
		expect(raw.length).toBeGreaterThan(0);
	});
});

describe('static hosts: _headers and _redirects say what nginx says', () => {
	it('_redirects lists every alias as a 301', () => {
		const lines = readFileSync(join(ROOT, '_redirects'), 'utf8').split('\n');
		for (const { from, to } of siteAliases()) expect(lines).toContain(`${from} ${to} 301`);
	});
	it('_headers sends the same security headers on every path and the same long cache on hashed files', () => {
		const text = readFileSync(join(ROOT, '_headers'), 'utf8');
		const all = text.split(/^\/\*$/m)[1]!.split(/^\//m)[0]!;
		for (const [name, value] of securityHeaders(hashes)) expect(all).toContain(`  ${name}: ${value}\n`);
		expect(text).toMatch(/^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
		expect(text).toMatch(/^\/pagefind\/fragment\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
	});
});

describe('Chromium through nginx: every page type under the CSP', () => {
	interface Trouble {
		csp: string[];
		console: string[];
		foreign: string[];
	}
	/**
	 * A page that records CSP violations, console errors, page errors and requests to other hosts.
	 * Service workers only where asked: every page registers the same `/sw.js`, so the home page
	 * checks that under the CSP, and the other pages do not download the precache beside the test.
	 */
	async function watched(expected404?: string, serviceWorkers: 'allow' | 'block' = 'block'): Promise<{ page: Page; trouble: Trouble }> {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 }, serviceWorkers });
		const trouble: Trouble = { csp: [], console: [], foreign: [] };
		const origin = new URL(nginx.url).origin;
		await page.exposeFunction('__reportCsp', (v: string) => trouble.csp.push(v));
		// Injected by the DevTools protocol, so the page's CSP does not apply to it.
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				(window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
			});
		});
		page.on('console', (m) => {
			// The 404 page's own status is reported as a failed load; that one is intended.
			const intended404 = /status of 404/.test(m.text()) && new URL(m.location().url).pathname === expected404;
			if (m.type() === 'error' && !intended404) trouble.console.push(`${m.text()} (${m.location().url})`);
		});
		page.on('pageerror', (e) => trouble.console.push(`page error: ${e.message}`));
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (/^https?:$/.test(url.protocol) && url.origin !== origin) trouble.foreign.push(r.url());
		});
		return { page, trouble };
	}

	const pages = ['/', '/codes/', '/codes/55/', '/codes/A0/', '/symptoms/settlement-failure/', '/causes/keys/', '/cards/', '/cards/55/', '/codes/unassigned/', '/55/', '/no-such-page/'];

	it.each(pages)('%s', async (path) => {
		const { page, trouble } = await watched(path === '/no-such-page/' ? path : undefined, path === '/' ? 'allow' : 'block');
		const response = await page.goto(nginx.url + path, { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(path === '/no-such-page/' ? 404 : 200);
		if (path === '/55/') expect(new URL(page.url()).pathname).toBe('/codes/55/');
		// Print media too: the card's print font and print styles load under the same CSP.
		await page.emulateMedia({ media: 'print' });
		await page.evaluate(async () => {
			void document.body.getBoundingClientRect();
			await document.fonts.ready;
		});
		await page.close();
		expect(trouble).toEqual({ csp: [], console: [], foreign: [] });
	});

	it('search runs (home box and the header dialog) with no CSP violation', async () => {
		const { page, trouble } = await watched();
		await page.goto(`${nginx.url}/`, { waitUntil: 'networkidle' });
		const root = '[data-search-root="home"]';
		await page.locator(`${root} input[data-search-input]`).fill('余额不足');
		await page.waitForFunction((sel) => document.querySelector<HTMLElement>(sel)?.dataset['searchState'] === 'done', root, { timeout: 15_000 });
		const hrefs = await page.locator(`${root} [data-search-results] a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.some((h) => h.toLowerCase().startsWith('/codes/51/'))).toBe(true);

		await page.goto(`${nginx.url}/codes/55/`, { waitUntil: 'networkidle' });
		await page.keyboard.press('Control+k');
		const header = '[data-search-root="header"]';
		await page.locator(`${header} input[data-search-input]`).fill('结算失败');
		await page.waitForFunction((sel) => document.querySelector<HTMLElement>(sel)?.dataset['searchState'] === 'done', header, { timeout: 15_000 });
		expect(await page.locator(`${header} [data-search-results] a`).count()).toBeGreaterThan(0);
		await page.close();
		expect(trouble).toEqual({ csp: [], console: [], foreign: [] });
	});
});
