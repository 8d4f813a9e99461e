/**
 * `virtual:poskb/code-data`: the registry slice code detection needs (known, unassigned and
 * acquirer-specific codes), as a module of the search UI (a Vite plugin, see
 * astro.config.mjs).
 *
 * It used to be four attributes on every page's search box: about 0.4 KB gzip a page, so
 * 54 KB of the offline precache (issue 17) held 125 copies of one list. The search UI
 * (`src/scripts/search/ui.ts`) is the only reader, and a code is only ever answered once
 * that module has loaded, so the list travels inside it: still no request of its own, and
 * no wait for Pagefind or the names list.
 *
 * Article URLs are not listed: a code's article is `content/codes/<CODE>.mdx`, which the
 * validator enforces, so it is always built at `/codes/<CODE>/`.
 *
 * Under `astro dev` an edit to a code article or `content/codes.yaml` invalidates the module,
 * so the next page load answers the new code without a restart.
 */
import { relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { ContentError, loadContent } from '../../../src/lib/content/load.ts';
import { registry } from '../../../src/lib/registry.ts';
import { codeDataFrom } from '../../../src/lib/search/code-query.ts';

export const CODE_DATA_MODULE = 'virtual:poskb/code-data';
const RESOLVED = `\0${CODE_DATA_MODULE}`;

/** The module's source: one JSON object, `CodeData`. */
export function codeDataSource(): string {
	return `export default ${JSON.stringify(codeDataFrom(registry))};\n`;
}

/** Files the list is made from, relative to the project root (`content/codes/*.mdx`, `content/codes.yaml`). */
export function feedsCodeData(root: string, file: string): boolean {
	const rel = relative(root, file).split(sep).join('/');
	return rel === 'content/codes.yaml' || /^content\/codes\/[^/]+\.mdx$/u.test(rel);
}

export function codeDataModule(): Plugin {
	let server: ViteDevServer | undefined;
	return {
		name: 'poskb:code-data',
		resolveId: (id) => (id === CODE_DATA_MODULE ? RESOLVED : null),
		load(id) {
			if (id !== RESOLVED) return null;
			// The registry caches what it read when the config loaded; in dev, read the files again
			// (a fresh read replaces that cache) so the list matches the articles on disk.
			if (server) {
				try {
					loadContent('content', { fresh: true });
				} catch (error) {
					if (!(error instanceof ContentError)) throw error;
					// The page being rendered reports every problem with file:line; here one line,
					// and search keeps the last list that was valid.
					server.config.logger.warn(`code list: kept the last valid one; ${error.problems[0] ?? 'content/ is invalid'}`);
				}
			}
			return codeDataSource();
		},
		configureServer(devServer) {
			server = devServer;
			devServer.watcher.on('all', (_event, file) => {
				if (!feedsCodeData(devServer.config.root, file)) return;
				const mod = devServer.moduleGraph.getModuleById(RESOLVED);
				if (mod) devServer.moduleGraph.invalidateModule(mod);
			});
		},
	};
}
