/**
 * Loading one page in headless Chromium the way a phone would, and recording what it
 * cost: every response the bench server sent (bytes on the wire, gzip) and every script
 * that ran before any input (CDP `Debugger.scriptParsed`).
 *
 * Each load gets a fresh browser context, so nothing comes from the HTTP cache: the
 * figures are a first visit, which is the cashier's case (a link from a chat, a QR code).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../browser.ts';
import type { BenchServer, ServedFile } from './server.ts';

export { launchChromium };

/** Lighthouse's mobile device (Moto G Power): the viewport the figures are taken at. */
export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } as const;

/** Lighthouse's mobile network ("Slow 4G"): 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export interface ParsedScript {
	scriptId: string;
	url: string;
	/** Source length in characters. */
	length: number;
	/** True for a `<script>` inside the HTML document. */
	inline: boolean;
	/** Milliseconds after navigation started. */
	at: number;
}

export interface PageLoad {
	url: string;
	path: string;
	status: number;
	/** Responses the server sent for this load, in order. */
	responses: ServedFile[];
	/** Scripts that ran in the page's main world before the bench touched the page. */
	scripts: ParsedScript[];
	/** Source text of each script in `scripts`, by id. */
	sources: Map<string, string>;
	page: Page;
	context: BrowserContext;
	cdp: CDPSession;
}

export interface LoadOptions {
	/** Wait this long after `load` with no input (default 2000 ms). */
	idleMs?: number;
	network?: typeof SLOW_4G;
	/** Script run before any page script (e.g. a probe that timestamps the diagram). */
	initScript?: string;
}

/** Load `path` on a fresh mobile context and record responses and executed scripts. */
export async function loadPage(browser: Browser, server: BenchServer, path: string, options: LoadOptions = {}): Promise<PageLoad> {
	// Service workers blocked: the page's own bytes, not the offline precache it starts
	// downloading after `load` (measured on its own in offline.ts).
	const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
	const page = await context.newPage();
	if (options.initScript) await page.addInitScript(options.initScript);
	const cdp = await context.newCDPSession(page);
	const scripts: ParsedScript[] = [];
	let t0 = 0;
	let docUrl = '';
	cdp.on('Debugger.scriptParsed', (e) => {
		const aux = e.executionContextAuxData as { isDefault?: boolean } | undefined;
		if (aux && aux.isDefault === false) return; // Playwright's utility world
		if (!e.url || e.url.startsWith('__playwright') || e.url.startsWith('pptr:')) return;
		scripts.push({
			scriptId: e.scriptId,
			url: e.url,
			length: e.length ?? 0,
			inline: e.url === docUrl,
			at: performance.now() - t0,
		});
	});
	await cdp.send('Debugger.enable');
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	if (options.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...options.network });

	server.clear();
	const url = server.url + path;
	docUrl = url;
	t0 = performance.now();
	const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForTimeout(options.idleMs ?? 2000);
	// Headless Chromium never requests the favicon; a phone's browser does, so count it.
	const icons = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href));
	for (const icon of icons) {
		const iconPath = new URL(icon).pathname;
		if (icon.startsWith(server.url) && !server.log.some((r) => r.path === iconPath)) {
			await context.request.get(icon, { headers: { 'accept-encoding': 'gzip' } }).catch(() => undefined);
		}
	}
	const responses = [...server.log];
	const executed = [...scripts];
	const sources = new Map<string, string>();
	for (const s of executed) {
		try {
			const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId: s.scriptId });
			sources.set(s.scriptId, scriptSource);
		} catch {
			sources.set(s.scriptId, '');
		}
	}
	return { url, path, status: response?.status() ?? 0, responses, scripts: executed, sources, page, context, cdp };
}

export type Category = 'html' | 'css' | 'js' | 'media' | 'other';

/** Images and fonts are counted together ("media"); JSON, wasm and Pagefind files are "other". */
export function categorize(r: Pick<ServedFile, 'path' | 'type'>): Category {
	if (r.type.startsWith('text/html')) return 'html';
	if (r.type.startsWith('text/css')) return 'css';
	if (r.type.startsWith('text/javascript')) return 'js';
	if (r.type.startsWith('image/') || r.type.startsWith('font/')) return 'media';
	return 'other';
}
