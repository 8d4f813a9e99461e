/**
 * Service worker registration and the offline line (issue 17), on every Starlight page.
 * Bundled with the header search script, so it adds no request and no inline script (the
 * strict CSP allows only bundled, hashed scripts).
 *
 * - Registers `/sw.js` only in a production build (never in `astro dev`), and only once
 *   the page has loaded and the main thread is idle: the precache downloads in the
 *   background after the first paint, never competing with it.
 * - Update on the next navigation: when a new version has finished installing (the whole
 *   new precache is downloaded; see `scripts/lib/sw/build.ts`), a click on a link on this
 *   site first activates it (`SKIP_WAITING`), then follows the link. The open page is never
 *   switched to new files under its feet.
 * - Offline, the page says so and how old its saved copy is (the `Date` of the cached
 *   response), in one small line at the top of the content (`offline-note.ts`).
 */
export {};

const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;

/** How long a followed link waits for the new version to take over before it goes anyway. */
const FOLLOW_ANYWAY_MS = 3000;

/** Offline: say so, and how old this copy is (`offline-note.ts`, loaded only then). */
const showOffline = () => void import('./offline-note.ts').then((m) => m.showOffline(), () => undefined);

function followAfterUpdate(reg: ServiceWorkerRegistration): void {
	document.addEventListener('click', (e) => {
		const waiting = reg.waiting;
		const a = (e.target as Element | null)?.closest?.('a');
		if (!waiting || !a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
		if (a.origin !== location.origin || a.target || a.hasAttribute('download')) return;
		e.preventDefault();
		// Follow the link once the new version is active, and also if that worker is dropped
		// (a newer deploy replaced it meanwhile: it turns "redundant" and never activates), so
		// a click is never left waiting.
		let followed = false;
		const follow = () => {
			if (followed) return;
			followed = true;
			location.assign(a.href);
		};
		if (waiting.state === 'activated' || waiting.state === 'redundant') return follow();
		waiting.addEventListener('statechange', () => (waiting.state === 'activated' || waiting.state === 'redundant') && follow());
		waiting.postMessage({ type: 'SKIP_WAITING' });
		// And in any case after a moment: a worker that is still activating then answers the
		// navigation once it is active (the browser holds the request until then), and one that
		// never took the message leaves the current version to answer. A cashier's tap must work.
		setTimeout(follow, FOLLOW_ANYWAY_MS);
	});
}

if (import.meta.env.PROD && sw) {
	const register = () => void sw.register('/sw.js').then(followAfterUpdate, () => undefined);
	const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1));
	if (document.readyState === 'complete') idle();
	else addEventListener('load', idle, { once: true });
	if (!navigator.onLine) showOffline();
	addEventListener('offline', showOffline);
}
