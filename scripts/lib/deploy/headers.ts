/**
 * The HTTP policy of the site, in one module: Content-Security-Policy, the other security
 * headers, and cache lifetimes by path. render.ts writes it out for nginx and for the
 * static hosts (`_headers`), so the two can never say different things.
 *
 * CSP: `default-src 'self'`. Scripts come from the site itself or are inline scripts
 * allowed by their SHA-256 hash (the theme scripts that must run before the first paint;
 * `inlineHashes` collects them from the built HTML, so the list always matches the build;
 * every other script is a file, see `assetsInlineLimit` in astro.config.mjs). `'wasm-unsafe-eval'` is there for Pagefind's WebAssembly search, and
 * nothing else. No `'unsafe-inline'` for scripts, no `'unsafe-eval'`.
 *
 * Styles: `<style>` elements and stylesheets only from self or by hash
 * (`style-src-elem`); `style` attributes need `'unsafe-inline'` (`style-src-attr`):
 * the flowchart SVGs and the print cards size themselves with inline custom properties
 * (`--fc-width`, the card's type scale), thousands of them, computed at build time. A
 * style attribute cannot run script; the exfiltration tricks that matter need a
 * `<style>` element or a stylesheet, which stay locked.
 *
 * A service worker at `/sw.js` and a web manifest from the site fit under `'self'`
 * (`worker-src`, `manifest-src` fall back to `default-src`).
 */

/** Hash sources (`'sha256-…'`) for the inline scripts and `<style>` elements of a build. */
export interface InlineHashes {
	scripts: string[];
	styles: string[];
}

/** The CSP directives, in the order they are sent. */
export function cspDirectives(hashes: InlineHashes): [string, string[]][] {
	return [
		['default-src', ["'self'"]],
		['script-src', ["'self'", "'wasm-unsafe-eval'", ...hashes.scripts]],
		['style-src-elem', ["'self'", ...hashes.styles]],
		['style-src-attr', ["'unsafe-inline'"]],
		['img-src', ["'self'", 'data:']],
		['font-src', ["'self'"]],
		['connect-src', ["'self'"]],
		['object-src', ["'none'"]],
		['base-uri', ["'self'"]],
		['form-action', ["'self'"]],
		['frame-ancestors', ["'none'"]],
	];
}

/** The Content-Security-Policy header value. */
export function contentSecurityPolicy(hashes: InlineHashes): string {
	return cspDirectives(hashes)
		.map(([name, values]) => `${name} ${values.join(' ')}`)
		.join('; ');
}

/** Sent with every response. */
export function securityHeaders(hashes: InlineHashes): [string, string][] {
	return [
		['Content-Security-Policy', contentSecurityPolicy(hashes)],
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		// Nothing on the site uses these; saying so keeps any injected script from asking.
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
	];
}

/** Hashed file names never change content: cache them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and unhashed files: a short cache, so a correction reaches the counter within minutes. */
export const SHORT = 'public, max-age=300, must-revalidate';
/** A service worker must be revalidated on every load (browsers cap it at 24 h anyway). */
export const NO_CACHE = 'no-cache';

export interface CacheRule {
	/** What the rule is for. */
	why: string;
	/** nginx location (prefix `^~ /x/`, regex `~ …`, or exact `= /x`). */
	nginx: string;
	/** `_headers` path patterns (Netlify and Cloudflare Pages syntax, `*` = splat). */
	paths: string[];
	cacheControl: string;
}

/**
 * Cache lifetimes by path. Everything not listed (HTML pages, PDFs, the favicon, the
 * Pagefind loader files whose names carry no hash) gets `SHORT`.
 */
export const CACHE_RULES: CacheRule[] = [
	{ why: 'Vite output: every name carries a content hash', nginx: '^~ /_astro/', paths: ['/_astro/*'], cacheControl: IMMUTABLE },
	{
		why: 'Pagefind index pieces: every name carries a content hash',
		nginx: '~ "^/pagefind/(fragment|index|filter)/"',
		paths: ['/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*'],
		cacheControl: IMMUTABLE,
	},
	{ why: 'the service worker (added by the PWA step)', nginx: '= /sw.js', paths: ['/sw.js'], cacheControl: NO_CACHE },
];

/**
 * Inline scripts that CSP checks: classic and module scripts. Data blocks (JSON,
 * `application/ld+json`, templates) are not run, so they need no hash.
 */
export function isExecutableScript(type: string | undefined): boolean {
	if (type === undefined || type === '') return true;
	return /^(module|text\/javascript|application\/javascript)$/i.test(type.trim());
}
