/**
 * The offline line (issue 17): "离线 · 3 天前" beside the site's name in the header (the
 * whole sentence, "离线浏览：本页是 3 天前保存的副本（2026/12/1）。", as its title; on the
 * print cards, as a line above the card), from the `Date` of the response the service worker
 * saved. Loaded by `register.ts` only when the browser is offline (from the precache, like
 * everything else), so online pages never download it.
 */

/** "3 天前", "5 小时前", "刚才": how long ago `date` was. */
function ago(date: Date): string {
	const minutes = Math.max(0, (Date.now() - date.getTime()) / 60_000);
	if (minutes < 60) return '刚才';
	if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} 小时前`;
	return `${Math.floor(minutes / 1440)} 天前`;
}

export async function showOffline(): Promise<void> {
	if (document.querySelector('.pk-offline')) return;
	// Precache keys carry a revision query (`index.html?__WB_REVISION__=…`): ignore it.
	const saved = await caches.match(new URL('index.html', location.href).href, { ignoreSearch: true }).catch(() => undefined);
	const dateHeader = saved?.headers.get('date');
	const date = dateHeader ? new Date(dateHeader) : undefined;
	const when = date ? ago(date) : '之前';
	const full = date ? `离线浏览：本页是${when}保存的副本（${date.toLocaleDateString('zh-CN')}）。` : '离线浏览：本页是之前保存的副本。';
	// In the header bar beside the site's name, where it moves nothing: a line above the
	// content pushed the customer line below a phone's first screen. The print cards have
	// no header: there it is a line above the card, for the screen only.
	const bar = document.querySelector('header .title-wrapper');
	const line = document.createElement(bar ? 'span' : 'p');
	line.className = 'pk-offline';
	line.setAttribute('role', 'status');
	line.title = full;
	line.textContent = bar ? `离线 · ${when}` : full;
	if (bar) bar.append(line);
	else document.querySelector('main')?.prepend(line);
}
