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
 *   response), in one small line at the top of the content.
 */
export {};

const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;

/** "3 天前", "5 小时前", "刚才": how long ago `date` was. */
function ago(date: Date): string {
	const minutes = Math.max(0, (Date.now() - date.getTime()) / 60_000);
	if (minutes < 60) return '刚才';
	if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} 小时前`;
	return `${Math.floor(minutes / 1440)} 天前`;
}

async function showOffline(): Promise<void> {
	if (document.querySelector('.pk-offline')) return;
	// Precache keys carry a revision query (`index.html?__WB_REVISION__=…`): ignore it.
	const saved = await caches.match(new URL('index.html', location.href).href, { ignoreSearch: true }).catch(() => undefined);
	const date = saved?.headers.get('date');
	const line = document.createElement('p');
	line.className = 'pk-offline';
	line.setAttribute('role', 'status');
	line.textContent = date ? `离线浏览：本页是${ago(new Date(date))}保存的副本（${new Date(date).toLocaleDateString('zh-CN')}）。` : '离线浏览：本页是之前保存的副本。';
	document.querySelector('main')?.prepend(line);
}

function followAfterUpdate(reg: ServiceWorkerRegistration): void {
	document.addEventListener('click', (e) => {
		const waiting = reg.waiting;
		const a = (e.target as Element | null)?.closest?.('a');
		if (!waiting || !a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
		if (a.origin !== location.origin || a.target || a.hasAttribute('download')) return;
		e.preventDefault();
		waiting.addEventListener('statechange', () => waiting.state === 'activated' && location.assign(a.href));
		waiting.postMessage({ type: 'SKIP_WAITING' });
	});
}

if (import.meta.env.PROD && sw) {
	const register = () => void sw.register('/sw.js').then(followAfterUpdate, () => undefined);
	const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1));
	if (document.readyState === 'complete') idle();
	else addEventListener('load', idle, { once: true });
	if (!navigator.onLine) void showOffline();
	addEventListener('offline', () => void showOffline());
}
