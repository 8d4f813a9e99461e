/**
 * The service worker (issue 17): Workbox's `generateSW` over the built `dist/`, so the
 * precache list is whatever the build produced (globs, never a hand-kept list).
 *
 * Precached (downloaded in the background once the first page has loaded, see
 * `src/scripts/pwa/register.ts`): every HTML page, the CSS and JS, the manifest and icons,
 * the search names list, and Pagefind's loader, wasm, metadata, index, filter and fragment files. Not precached:
 * card PDFs (cached on first open, `poskb-pdf` runtime cache), Pagefind's default UIs and
 * highlighter (the site uses its own UI), the sitemaps.
 *
 * Update model: a new deploy changes `sw.js` (every file's revision is in it), the browser
 * installs the new worker next to the old one and downloads the whole new precache; if
 * that fails, nothing changes (the old cache keeps serving). The new worker does not take
 * over an open page (`skipWaiting: false`): the page's registration script asks it to
 * (`SKIP_WAITING`) when the reader follows a link, then loads that link, so the next
 * page is the new version and the open one never mixes old HTML with new chunks. Closing
 * every tab also activates it, as browsers do.
 *
 * Navigations to URLs not in the precache go to the network; when that fails (offline),
 * the precached `/offline/` page answers ("你已离线", with search and the code index).
 */
import { generateSW } from 'workbox-build';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The page answering unknown URLs offline (`src/pages/offline.astro`). */
export const OFFLINE_PAGE = '/offline/index.html';
/** Runtime cache for card PDFs, filled when a PDF is opened. */
export const PDF_CACHE = 'poskb-pdf';

/** What goes into the precache: patterns relative to `dist/`. */
export const PRECACHE_GLOBS = [
	'**/*.html',
	'_astro/**/*.{js,css}',
	'manifest.webmanifest',
	'favicon.{svg,ico}',
	'icons/*.png',
	'search-names.json',
	'pagefind/pagefind.js',
	'pagefind/pagefind-entry.json',
	'pagefind/*.pf_meta',
	'pagefind/wasm.*.pagefind',
	'pagefind/{index,fragment,filter}/*',
];

export interface SwBuild {
	/** Files in the precache. */
	count: number;
	/** Their total size on disk (uncompressed; `npm run bench` measures the transfer). */
	size: number;
	warnings: string[];
}

export async function buildServiceWorker(dist: string): Promise<SwBuild> {
	if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run astro build first`);
	if (!existsSync(join(dist, OFFLINE_PAGE))) throw new Error(`${dist}${OFFLINE_PAGE} is missing: the offline page was not built`);
	const { count, size, warnings } = await generateSW({
		globDirectory: dist,
		globPatterns: PRECACHE_GLOBS,
		// Deploy files (nginx include, static-host rules, precompressed copies) and the print log are not pages.
		globIgnores: ['**/*.pdf', 'sw.js', 'workbox-*.js', '_nginx/**', '**/*.gz', '_headers', '_redirects', 'cards/checks.json'],
		swDest: join(dist, 'sw.js'),
		mode: 'production',
		sourcemap: false,
		// One file, `/sw.js` from self: nothing else to allow in the CSP, nothing to version.
		inlineWorkboxRuntime: true,
		cleanupOutdatedCaches: true,
		skipWaiting: false,
		clientsClaim: true,
		// `/codes/51/` is served from the precached `/codes/51/index.html`.
		directoryIndex: 'index.html',
		// Vite and Pagefind put a content hash in these names: no revision query needed.
		dontCacheBustURLsMatching: /^\/?(_astro|pagefind\/(index|fragment|filter))\//,
		maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
		// Pagefind asks for `pagefind-entry.json?ts=<now>` to dodge HTTP caches; the precached
		// copy is the one that matches this build's index, so the query is ignored.
		ignoreURLParametersMatching: [/^ts$/, /^utm_/, /^fbclid$/],
		runtimeCaching: [
			{
				// Not precached, and the network failed: the offline page.
				urlPattern: ({ request }) => request.mode === 'navigate',
				handler: 'NetworkOnly',
				options: { precacheFallback: { fallbackURL: OFFLINE_PAGE } },
			},
			{
				// Card PDFs: kept once opened (the newest copy when online).
				urlPattern: ({ url }) => url.pathname.endsWith('.pdf'),
				handler: 'StaleWhileRevalidate',
				options: { cacheName: PDF_CACHE, expiration: { maxEntries: 40 } },
			},
		],
	});
	return { count, size, warnings };
}
