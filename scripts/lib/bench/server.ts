/**
 * A static file server for the bench that compresses like a real static host.
 *
 * `test/browser/support.ts` serves files uncompressed, which is right for tests and wrong
 * for page weight: every host the site would go to (nginx, Netlify, Cloudflare, OSS/CDN
 * in China) compresses text. This one:
 * - serves `/x/` as `/x/index.html`, 404s with `404.html`, like `serveDist`;
 * - gzips text types (HTML, CSS, JS, JSON, SVG, XML) at zlib's default level 6, which is
 *   what nginx `gzip_comp_level 6` and most CDNs send, when the client accepts gzip;
 * - leaves already-compressed files alone (images, fonts, Pagefind's `.pf_*` and wasm
 *   files are gzip inside), as hosts do for types they do not know;
 * - records every response with its raw, gzip and brotli (quality 11, what CDNs send to
 *   HTTPS clients) sizes, so the bench can state both. Chromium only asks for brotli over
 *   HTTPS, so over loopback HTTP the bytes on the wire are gzip; brotli is computed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { CONTENT_TYPES as TYPES } from '../../../test/browser/support.ts';


/** Types a host compresses on the fly. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.map', '.wasm']);

export type Encoding = 'gzip' | 'identity';

export interface ServedFile {
	path: string;
	type: string;
	status: number;
	raw: number;
	gzip: number;
	/** Brotli size, computed on first read (quality 11 is slow on megabyte files). */
	readonly brotli: number;
	/** The encoding actually sent. */
	sent: Encoding;
	/** Bytes of body actually sent (compressed when `sent` is gzip). */
	bodyBytes: number;
	/** Milliseconds since the server started (for ordering). */
	at: number;
}

export interface BenchServer {
	url: string;
	/** Every response since the last `clear()`. */
	log: ServedFile[];
	clear: () => void;
	close: () => Promise<void>;
}

interface Cached {
	raw: Buffer;
	gzip: Buffer;
	text: boolean;
	brotli?: number;
}

function brotliSize(c: Cached): number {
	c.brotli ??= c.text
		? brotliCompressSync(c.raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: c.raw.length } }).length
		: c.raw.length;
	return c.brotli;
}

export interface ServeOptions {
	/** Directory served at `/`. */
	root: string;
	/** Extra directories served under a URL prefix, e.g. `{ '/mermaid/': '…/mermaid/dist' }`. */
	mounts?: Record<string, string>;
	/** Send gzip when the client accepts it (default true). */
	compress?: boolean;
	/** Extra response delay in ms (not used for the figures; Chromium throttles instead). */
	delayMs?: number;
}

export async function serveCompressed(options: ServeOptions): Promise<BenchServer> {
	const root = resolve(options.root);
	const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
	const compress = options.compress ?? true;
	const cache = new Map<string, Cached>();
	const log: ServedFile[] = [];
	const t0 = performance.now();

	const load = (file: string): Cached => {
		let c = cache.get(file);
		if (!c) {
			const raw = readFileSync(file);
			const text = COMPRESSIBLE.has(extname(file));
			c = { raw, gzip: text ? gzipSync(raw, { level: 6 }) : raw, text };
			cache.set(file, c);
		}
		return c;
	};

	const locate = (urlPath: string): { file: string; base: string } => {
		for (const [prefix, dir] of mounts) {
			if (urlPath.startsWith(prefix)) return { file: normalize(join(dir, urlPath.slice(prefix.length))), base: dir };
		}
		return { file: normalize(join(root, urlPath)), base: root };
	};

	const handle = (req: IncomingMessage, res: ServerResponse) => {
		const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let { file, base } = locate(urlPath);
		if (!file.startsWith(base)) {
			res.writeHead(403).end();
			return;
		}
		let status = 200;
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			status = 404;
			file = join(root, '404.html');
			if (!existsSync(file)) {
				res.writeHead(404).end();
				log.push({ path: urlPath, type: '', status, raw: 0, gzip: 0, brotli: 0, sent: 'identity', bodyBytes: 0, at: performance.now() - t0 });
				return;
			}
		}
		const ext = extname(file);
		const c = load(file);
		const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		const gz = compress && accepts && COMPRESSIBLE.has(ext);
		const body = gz ? c.gzip : c.raw;
		const type = TYPES[ext] ?? 'application/octet-stream';
		const headers: Record<string, string | number> = {
			'content-type': type,
			'content-length': body.length,
			'cache-control': 'no-cache',
			vary: 'accept-encoding',
		};
		if (gz) headers['content-encoding'] = 'gzip';
		log.push({
			path: urlPath,
			type,
			status,
			raw: c.raw.length,
			gzip: c.gzip.length,
			get brotli() {
				return brotliSize(c);
			},
			sent: gz ? 'gzip' : 'identity',
			bodyBytes: body.length,
			at: performance.now() - t0,
		});
		const send = () => {
			res.writeHead(status, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		};
		if (options.delayMs) setTimeout(send, options.delayMs);
		else send();
	};

	const server = createServer(handle);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		log,
		clear: () => void log.splice(0, log.length),
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}
