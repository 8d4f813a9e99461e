/**
 * Debian's real nginx serving a built site with the deploy config: the hand-written
 * server block deploy/nginx/poskb.conf (its `listen` and `root` set, as an install
 * does) and the build's generated include (`dist/_nginx/site.conf`, linked as
 * `poskb/` beside the main config, as the README says). Loopback only, in a temp dir.
 * `npm run test:browser` installs nginx from Debian's packages when it is missing
 * (scripts/install-browser.sh --nginx).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

export interface Nginx {
	/** `http://127.0.0.1:<port>`. */
	url: string;
	/** The server block as installed (listen and root set). */
	serverBlock: string;
	close: () => Promise<void>;
}

/** A free loopback port (nginx cannot listen on port 0 and report the port). */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as { port: number };
	await new Promise<void>((done) => server.close(() => done()));
	return port;
}

/** Resolves once something accepts connections on the port; rejects if nginx exits first. */
function accepting(port: number, child: ChildProcess, log: () => string): Promise<void> {
	return new Promise((done, fail) => {
		let settled = false;
		child.once('exit', (code) => {
			if (!settled) fail(new Error(`nginx exited with ${code}: ${log()}`));
			settled = true;
		});
		const attempt = () => {
			if (settled) return;
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				settled = true;
				done();
			});
			socket.once('error', () => setImmediate(attempt));
		};
		attempt();
	});
}

/** Start nginx over `dist` with the project's server block. */
export async function startNginx(dist: string): Promise<Nginx> {
	const root = resolve(dist);
	if (!existsSync(join(root, '_nginx', 'site.conf'))) throw new Error(`${root}/_nginx/site.conf is missing: run \`astro build\` first`);
	if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: run \`bash scripts/install-browser.sh --nginx\``);
	const dir = mkdtempSync(join(tmpdir(), 'poskb-nginx-'));
	const conf = join(dir, 'conf');
	mkdirSync(conf);
	mkdirSync(join(dir, 'tmp'));
	symlinkSync(join(root, '_nginx'), join(conf, 'poskb'));
	const port = await freePort();
	const template = readFileSync('deploy/nginx/poskb.conf', 'utf8');
	// The two lines an install sets, and nothing else.
	const serverBlock = template.replace(/^(\s*)listen .*;$/m, `$1listen 127.0.0.1:${port};`).replace(/^(\s*)root .*;$/m, `$1root ${root};`);
	if (serverBlock === template) throw new Error('deploy/nginx/poskb.conf has no listen/root lines to set');
	writeFileSync(join(conf, 'poskb.conf'), serverBlock);
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `\t${t}_temp_path ${dir}/tmp;`).join('\n');
	writeFileSync(
		join(conf, 'nginx.conf'),
		[
			// As root (CI), workers would switch to `nobody`, who may not read the checkout.
			process.getuid?.() === 0 ? 'user root;' : '',
			'daemon off;',
			'worker_processes 1;',
			`pid ${dir}/nginx.pid;`,
			`error_log ${dir}/error.log warn;`,
			'events { worker_connections 128; }',
			'http {',
			'\tinclude /etc/nginx/mime.types;',
			'\tdefault_type application/octet-stream;',
			'\taccess_log off;',
			temp,
			`\tinclude ${conf}/poskb.conf;`,
			'}',
		].join('\n'),
	);
	const child = spawn(NGINX, ['-p', dir, '-c', join(conf, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
	const log = () => (stderr + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '')).trim();
	await accepting(port, child, log);
	return {
		url: `http://127.0.0.1:${port}`,
		serverBlock,
		close: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((done) => child.once('exit', done));
				child.kill('SIGQUIT');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
