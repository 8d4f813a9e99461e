/**
 * The only search code a reader downloads before touching search (about 1.5 KB gzip,
 * most of it Vite's dynamic-import helper).
 *
 * It opens the header dialog (button, Ctrl+K, "/") and loads the real search UI (`ui.ts`
 * and the names list; Pagefind only for a query the names do not answer) on the first
 * hover, focus, touch or key press in a search box. Nothing else runs on an article page.
 * (Loading Pagefind at idle on the home page was tried for issue 17: it cut the slow-link
 * wait of a reader who looks before typing, but compiling Pagefind's wasm on the main
 * thread cost 1.5 s of Lighthouse TBT.)
 *
 * It also exposes `window.poskbSearch` for tests and benchmarks:
 *   await poskbSearch.run('55')          // → { query, count, hrefs, ms, … } once results are shown
 *   await poskbSearch.run('55', 'header')
 *   await poskbSearch.run('余额不足', 'home', { fullText: true })   // Pagefind even when the names answer
 * and every search box fires a bubbling `poskb:search` event with the same detail when it
 * has rendered results, and carries `data-search-state` / `data-search-query`.
 */
export {};
type Ui = typeof import('./ui.ts');

/**
 * The names list (served by `src/pages/search-names.json.ts`, read by `ui.ts` through
 * `src/lib/search/names.ts`): requested together with the search UI, so that a code or a
 * message typed on a slow link is answered after one round trip, not two.
 */
const NAMES_URL = `${import.meta.env.BASE_URL.replace(/\/$/u, '')}/search-names.json`;

let ui: Promise<Ui> | undefined;
let uiReady = false;
const loadUi = (): Promise<Ui> => {
	if (ui) return ui;
	const names = fetch(NAMES_URL);
	// Settled here too, so a failed request is never an unhandled rejection (ui.ts reports it as "no names list").
	names.catch(() => undefined);
	return (ui = import('./ui.ts').then((m) => ((uiReady = true), m.attachAll(names), m)));
};

const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');

function openDialog(): void {
	if (!dialog || dialog.open) return;
	dialog.showModal();
	document.documentElement.toggleAttribute('data-search-modal-open', true);
	dialog.querySelector('input')?.focus();
	void loadUi();
}

for (const opener of document.querySelectorAll<HTMLElement>('[data-search-open]')) {
	opener.setAttribute('role', 'button');
	opener.setAttribute('aria-haspopup', 'dialog');
	opener.addEventListener('click', (e) => {
		e.preventDefault();
		openDialog();
	});
	opener.addEventListener('keydown', (e) => {
		if (e.key === ' ') {
			e.preventDefault();
			openDialog();
		}
	});
	for (const type of ['pointerenter', 'focus', 'touchstart']) {
		opener.addEventListener(type, () => void loadUi(), { once: true, passive: true });
	}
}

dialog?.addEventListener('close', () => document.documentElement.toggleAttribute('data-search-modal-open', false));
// Escape closes at once (a search field would otherwise take the first Escape to clear itself).
dialog?.addEventListener('keydown', (e) => {
	if (e.key === 'Escape') {
		e.preventDefault();
		dialog.close();
	}
});
// A click on the backdrop (the dialog itself, outside its frame) or on a result closes it.
dialog?.addEventListener('click', (e) => {
	const t = e.target as Element;
	if (t === dialog || t.closest('a, [data-search-close]')) dialog.close();
});

for (const root of document.querySelectorAll<HTMLElement>('[data-search-root]')) {
	for (const type of ['pointerenter', 'focusin', 'touchstart', 'keydown', 'input']) {
		root.addEventListener(type, () => void loadUi(), { once: true, passive: true });
	}
	// Typed before the search UI has arrived (slow link): say so at once.
	const status = root.querySelector('[data-search-status]');
	root.addEventListener('input', () => uiReady || !status || status.textContent || (status.textContent = '正在加载搜索…'), { once: true });
	// Enter / 查找: open the first result; without JavaScript the form goes to the code index.
	root.querySelector('form')?.addEventListener('submit', (e) => {
		e.preventDefault();
		void loadUi().then((m) => m.submit(root.dataset['searchRoot'] ?? ''));
	});
}

addEventListener('keydown', (e) => {
	const t = e.target as HTMLElement;
	const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(t.tagName);
	if (((e.ctrlKey || e.metaKey) && e.key === 'k') || (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey)) {
		e.preventDefault();
		const home = document.querySelector<HTMLInputElement>('[data-search-root="home"] input');
		if (dialog?.open) dialog.close();
		else if (home) home.focus();
		else openDialog();
	}
});

declare global {
	interface Window {
		poskbSearch: {
			run: (query: string, where?: 'home' | 'header', options?: { fullText?: boolean }) => Promise<unknown>;
			load: () => Promise<unknown>;
		};
	}
}
window.poskbSearch = {
	load: loadUi,
	run: async (query, where, options) => {
		if (where === 'header') openDialog();
		return (await loadUi()).run(query, where, options);
	},
};
