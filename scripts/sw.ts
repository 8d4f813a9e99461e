/**
 * `node scripts/sw.ts [DIST]`: write `DIST/sw.js` (default `dist/`), the offline service
 * worker (issue 17; see `scripts/lib/sw/build.ts`). `npm run build` runs it right after
 * `astro build`; `astro dev` never does, so there is no service worker in development.
 *
 * Exit codes: 0 written; 1 the build output is missing or Workbox failed.
 */
import { resolve } from 'node:path';
import { buildServiceWorker } from './lib/sw/build.ts';

const dist = resolve(process.argv[2] ?? 'dist');
try {
	const { count, size, warnings } = await buildServiceWorker(dist);
	for (const w of warnings) console.warn(`sw: ${w}`);
	console.log(`sw: ${dist}/sw.js precaches ${count} files, ${(size / 1024 / 1024).toFixed(2)} MB uncompressed`);
} catch (error) {
	console.error(`sw: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
