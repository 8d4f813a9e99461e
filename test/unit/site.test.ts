/**
 * The site address is explicit (issue 16): a production build without POSKB_SITE stops
 * with one line and exit code 2 (scripts/require-site.ts), and a malformed address is
 * refused the same way.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { siteProblem } from '../../scripts/require-site.ts';

describe('POSKB_SITE', () => {
	it('is optional outside production, where the placeholder host is used', () => {
		expect(siteProblem({})).toBeUndefined();
		expect(siteProblem({ NODE_ENV: 'development' })).toBeUndefined();
	});
	it('is required under NODE_ENV=production', () => {
		expect(siteProblem({ NODE_ENV: 'production' })).toMatch(/^POSKB_SITE is not set: .*placeholder https:\/\/poskb\.example; set POSKB_SITE=https:\/\//);
		expect(siteProblem({ NODE_ENV: 'production', POSKB_SITE: 'https://pos.example.org' })).toBeUndefined();
		expect(siteProblem({ NODE_ENV: 'production', POSKB_SITE: 'https://pos.example.org/' })).toBeUndefined();
	});
	it.each(['pos.example.org', 'javascript:alert(1)', 'ftp://pos.example.org', 'https://pos.example.org/kb/', 'https://pos.example.org/?x=1', 'https://user@pos.example.org'])(
		'refuses %s',
		(site) => {
			expect(siteProblem({ POSKB_SITE: site })).toMatch(/^POSKB_SITE="/);
		},
	);
	it('the guard exits 2 with one line', () => {
		const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
		delete env['POSKB_SITE'];
		const run = spawnSync(process.execPath, ['scripts/require-site.ts'], { env, encoding: 'utf8' });
		expect(run.status).toBe(2);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/^require-site: POSKB_SITE is not set/);
	});
});
