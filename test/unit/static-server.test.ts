/**
 * The static servers the tools and tests use (`serveDist` in scripts/lib/browser.ts and
 * the bench's compressing server) hold against the hostile-input probe's row D4: a path
 * that climbs out of the root (`/..%2f…`, `/../…`, `%2e%2e`) never serves a file from
 * outside, and a malformed `%` escape is answered, not a crash.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, type StaticServer } from '../../scripts/lib/browser.ts';
import { serveCompressed } from '../../scripts/lib/bench/server.ts';

let dir: string;
let root: string;

/** A raw GET: the path goes on the wire exactly as written (fetch would normalize it). */
function get(base: string, path: string): Promise<{ status: number; body: string }> {
	const { hostname, port } = new URL(base);
	return new Promise((done, fail) => {
		const req = request({ hostname, port, path, method: 'GET' }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
		});
		req.on('error', fail);
		req.end();
	});
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'poskb-serve-'));
	// The probe's layout: the site, and a sibling whose name starts with the site's name.
	root = join(dir, 'dist');
	mkdirSync(join(root, 'codes', '55'), { recursive: true });
	mkdirSync(join(dir, 'dist-secret'));
	writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
	writeFileSync(join(root, '404.html'), '<h1>not found page</h1>');
	writeFileSync(join(root, 'codes', '55', 'index.html'), '<h1>55</h1>');
	writeFileSync(join(dir, 'dist-secret', 'secret.txt'), 'SECRET');
	writeFileSync(join(dir, 'secret.txt'), 'SECRET');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapes = ['/..%2fdist-secret/secret.txt', '/../dist-secret/secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/codes/..%2f..%2f..%2fsecret.txt', '/..%5csecret.txt'];
const malformed = ['/%E0%A4%A', '/%', '/%zz/', '/codes/%C0%AF/'];

describe.each([
	['serveDist', () => serveDist(root)],
	['bench serveCompressed', async (): Promise<StaticServer> => {
		const s = await serveCompressed({ root });
		return { url: s.url, close: s.close, server: undefined as never };
	}],
])('%s', (_name, start) => {
	let server: StaticServer;
	beforeAll(async () => {
		server = await start();
	});
	afterAll(() => server?.close());

	it('serves pages, /x/ as /x/index.html, and unknown paths as 404 with the 404 page', async () => {
		expect(await get(server.url, '/codes/55/')).toEqual({ status: 200, body: '<h1>55</h1>' });
		expect(await get(server.url, '/nope/')).toEqual({ status: 404, body: '<h1>not found page</h1>' });
	});

	it.each(escapes)('%s does not leave the root', async (path) => {
		const res = await get(server.url, path);
		expect(res.body).not.toContain('SECRET');
		expect(res.status).toBe(404);
	});

	it.each(malformed)('%s is answered and the server keeps serving', async (path) => {
		const res = await get(server.url, path);
		expect(res.status).toBe(404);
		expect(await get(server.url, '/')).toEqual({ status: 200, body: '<h1>home</h1>' });
	});
});
