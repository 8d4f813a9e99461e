/** Modules made at build time by the Vite plugins in `scripts/lib/build/`. */
declare module 'virtual:poskb/code-data' {
	/** The registry slice for code detection (`scripts/lib/build/code-data-module.ts`). */
	const data: import('./lib/search/code-query.ts').CodeData;
	export default data;
}
