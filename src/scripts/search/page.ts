/**
 * The /search/ page (`src/pages/search.astro`): use the `q` the form sent. A code opens its
 * article at once (replacing this page in history, so Back returns to the form); other text
 * goes in the box and is searched by the usual UI.
 *
 * It reaches code detection through the search UI module (`ui.ts`, via `boot.ts`) rather
 * than importing it: a second importer would split it into a shared chunk, and Vite would
 * then add its 700-byte preload helper to the script every page runs (issue 17).
 */
import './boot.ts';
import type * as Ui from './ui.ts';

const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
if (q) {
	const ui = (await window.poskbSearch.load()) as typeof Ui;
	const { analysis } = await ui.quickAnswer(q);
	const code = analysis.code;
	// Known and unassigned codes have a page of their own; the others get the UI's answer.
	if (analysis.pure && (code?.status === 'known' || code?.status === 'unassigned')) {
		location.replace(code.href);
	} else {
		await window.poskbSearch.run(q, 'home');
	}
}
