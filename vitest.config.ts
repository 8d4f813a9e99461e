/**
 * Two projects: `unit` (fast, no build needed) and `browser` (real Chromium against
 * the built `dist/`, run after `npm run build`). `npm test` runs both, in that order.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: ['test/browser/**', 'node_modules/**'],
					environment: 'node',
					testTimeout: 30_000,
					// The files share one module graph per worker instead of importing the content
					// loader, Sätteri and the validator afresh for each of 34 files: 23 s instead of
					// 46 s. No unit test mocks a module or changes the environment, and the suite
					// passes in shuffled order (`--sequence.shuffle`).
					isolate: false,
				},
			},
			{
				test: {
					name: 'browser',
					include: ['test/browser/**/*.test.ts'],
					environment: 'node',
					// One Chromium at a time on a 2-core machine: files run one after another.
					fileParallelism: false,
					// Each file launches its own Chromium and server (harness.ts) and closes them after
					// its tests; only the imports (playwright-core, the site's modules) are shared.
					isolate: false,
					testTimeout: 120_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
