/**
 * The bench's static server: `sirv` serves the files (as `serveDist` does), and this
 * module adds what page weight needs on top, because every host the site would go to
 * (nginx, Netlify, Cloudflare, OSS/CDN in China) compresses text:
 * - gzips text types (HTML, CSS, JS, JSON, SVG, XML, wasm) at zlib's default level 6, which
 *   is what nginx `gzip_comp_level 6` and most CDNs send, when the client accepts gzip;
 * - leaves other files alone (images, fonts, PDFs, Pagefind's `.pf_*` files are
 *   compressed inside), as hosts do for types they do not know;
 * - records every response with its raw, gzip and brotli (quality 11, what CDNs send to
 *   HTTPS clients) sizes, so the bench can state both. Chromium only asks for brotli over
 *   HTTPS, so over loopback HTTP the bytes on the wire are gzip; brotli is computed.
 *
 * sirv is told not to use precompressed `.gz` files, so the figures are the level-6
 * stream whether or not the build wrote them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { listen, notFound } from '../browser.ts';

/** Types a host compresses on the fly. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.map', '.wasm', '.webmanifest']);

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

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * Run `handler` against a response that collects the body instead of sending it, then
 * call `done` with the status, headers and body. sirv pipes a file stream into the
 * response, so collecting `write`/`end` is enough.
 */
function capture(handler: Handler, req: IncomingMessage, res: ServerResponse, done: (status: number, body: Buffer) => void, next?: () => void): void {
	const chunks: Buffer[] = [];
	let status = 200;
	const fake = res as ServerResponse & { writeHead: unknown; write: unknown; end: unknown };
	// sirv calls writeHead(code, headers) only.
	fake.writeHead = ((code: number, headers?: Record<string, string | number>) => {
		status = code;
		for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
		return res;
	}) as ServerResponse['writeHead'];
	fake.write = (chunk: Buffer | string) => (chunks.push(Buffer.from(chunk)), true);
	fake.end = (chunk?: Buffer | string | (() => void)) => {
		if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
		done(res.statusCode !== 200 ? res.statusCode : status, Buffer.concat(chunks));
		return res;
	};
	handler(req, res, next);
}

export async function serveCompressed(options: ServeOptions): Promise<BenchServer> {
	const root = resolve(options.root);
	const files = (dir: string, onNoMatch?: Handler) => sirv(dir, { dev: false, etag: false, ...(onNoMatch ? { onNoMatch } : {}) }) as Handler;
	const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, files(resolve(dir))] as const);
	const site = files(root, notFound(root));
	const compress = options.compress ?? true;
	const log: ServedFile[] = [];
	const t0 = performance.now();
	const brotliCache = new Map<string, number>();

	const handle = (req: IncomingMessage, res: ServerResponse) => {
		const urlPath = (req.url ?? '/').split('?')[0]!;
		const mount = mounts.find(([prefix]) => urlPath.startsWith(prefix));
		let handler = site;
		if (mount) {
			// sirv sees the path below the mount point.
			const [prefix, h] = mount;
			req.url = `/${(req.url ?? '/').slice(prefix.length)}`;
			handler = (q, s) => h(q, s, () => site(q, s));
		}
		const writeHead = res.writeHead.bind(res);
		const end = res.end.bind(res);
		capture(handler, req, res, (status, raw) => {
			const type = String(res.getHeader('content-type') ?? '');
			const ext = extname(urlPath.endsWith('/') ? 'index.html' : urlPath) || '.html';
			const text = COMPRESSIBLE.has(ext) || /^text\/|json|svg|xml|javascript/.test(type);
			const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			const gzip = text ? gzipSync(raw, { level: 6 }) : raw;
			const gz = compress && accepts && text && raw.length > 0;
			const body = gz ? gzip : raw;
			res.setHeader('content-length', body.length);
			res.setHeader('cache-control', 'no-cache');
			res.setHeader('vary', 'accept-encoding');
			if (gz) res.setHeader('content-encoding', 'gzip');
			log.push({
				path: urlPath,
				type,
				status,
				raw: raw.length,
				gzip: gzip.length,
				get brotli() {
					const key = `${urlPath}:${raw.length}`;
					if (!brotliCache.has(key)) {
						brotliCache.set(key, text ? brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length : raw.length);
					}
					return brotliCache.get(key)!;
				},
				sent: gz ? 'gzip' : 'identity',
				bodyBytes: body.length,
				at: performance.now() - t0,
			});
			const send = () => {
				writeHead(status);
				end(req.method === 'HEAD' ? undefined : body);
			};
			if (options.delayMs) setTimeout(send, options.delayMs);
			else send();
		});
	};

	const server = await listen(handle);
	return { url: server.url, log, clear: () => void log.splice(0, log.length), close: server.close };
}
