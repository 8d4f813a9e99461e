/**
 * Guard run by `npm run build` before `astro build`: the site address printed on every
 * card's QR code must be the real one for a production build.
 *
 * - `NODE_ENV=production` and `POSKB_SITE` unset: stop, rather than print QR codes and
 *   canonical links to the placeholder host.
 * - `POSKB_SITE` set but not an `https://` or `http://` origin (no path, query or hash):
 *   stop.
 *
 * Exit codes: 0 fine; 2 one of the above, with one line saying what to set. (Astro itself
 * sets NODE_ENV=production inside every `astro build`, so this check has to run before
 * it, on the environment the user gave.) The build itself prints the address it used
 * (scripts/lib/deploy/integration.ts).
 */
import { DEFAULT_SITE } from '../src/lib/site.ts';

/** Why the environment cannot build, or undefined when it can. */
export function siteProblem(env: NodeJS.ProcessEnv): string | undefined {
	const site = env['POSKB_SITE'];
	if (!site) {
		return env['NODE_ENV'] === 'production'
			? `POSKB_SITE is not set: a production build would point every QR code and canonical link at the placeholder ${DEFAULT_SITE}; set POSKB_SITE=https://<your host>`
			: undefined;
	}
	let url: URL;
	try {
		url = new URL(site);
	} catch {
		return `POSKB_SITE="${site}" is not a URL; set it to the site's origin, e.g. POSKB_SITE=https://pos.example.org`;
	}
	if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || `${url.origin}` !== site.replace(/\/$/, '')) {
		return `POSKB_SITE="${site}" must be an https:// (or http://) origin with no path, query or hash, e.g. POSKB_SITE=https://pos.example.org`;
	}
	return undefined;
}

if (process.argv[1]?.endsWith('require-site.ts')) {
	const problem = siteProblem(process.env);
	if (problem) {
		console.error(`require-site: ${problem}`);
		process.exit(2);
	}
}
