/**
 * Shared by the tools that drive a browser (`scripts/cards-pdf.ts`, the bench) and by the
 * browser tests: serve a built `dist/` on a loopback port, and launch Debian's Chromium
 * with playwright-core. Nothing here downloads a browser.
 *
 * Files are served by `sirv` (a maintained static server) on Node's http, not by a
 * hand-written one: it looks paths up in the list of files it read at start, so
 * `/..%2f…` cannot leave the root, and it survives malformed `%` escapes (probe D4).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser } from 'playwright-core';

export const DIST = join(process.cwd(), 'dist');

export interface StaticServer {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	server: Server;
	close: () => Promise<void>;
}

/** Listen on a free loopback port. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<StaticServer> {
	const server = createServer(handler);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		server,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}

/** Answer 404 with the site's own 404 page, like a static host. */
export function notFound(root: string) {
	const page = join(root, '404.html');
	return (_req: IncomingMessage, res: ServerResponse) => {
		res.statusCode = 404;
		if (!existsSync(page)) return void res.end();
		res.setHeader('content-type', 'text/html; charset=utf-8');
		createReadStream(page).pipe(res);
	};
}

/**
 * A static file server over a built site, like any static host: `/x/` serves
 * `/x/index.html`, unknown paths get `404.html` with status 404. The file list is read
 * once at start (files written later are not served).
 */
export async function serveDist(root = DIST): Promise<StaticServer> {
	const dir = resolve(root);
	if (!existsSync(join(dir, 'index.html'))) {
		throw new Error(`${dir}/index.html is missing: run \`npm run build\` first`);
	}
	return listen(sirv(dir, { dev: false, etag: false, dotfiles: false, onNoMatch: notFound(dir) }));
}

/** Flags measured on these machines: without the networking ones Chromium tries Google's hosts. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** Debian's Chromium, or the one `CHROMIUM_PATH` names. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
