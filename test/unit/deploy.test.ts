/**
 * scripts/lib/deploy/: one source for the aliases and the HTTP policy, written out for
 * nginx and for the static hosts. (The real nginx and Chromium run in
 * test/browser/deploy.test.ts.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeAliases, sectionAliases, siteAliases } from '../../scripts/lib/deploy/aliases.ts';
import { contentSecurityPolicy, isExecutableScript, securityHeaders } from '../../scripts/lib/deploy/headers.ts';
import { inlineHashes, inlineTexts } from '../../scripts/lib/deploy/inline.ts';
import { headersFile, nginxSiteConf, redirectsFile } from '../../scripts/lib/deploy/render.ts';

const dir = mkdtempSync(join(tmpdir(), 'poskb-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aliases', () => {
	it('come from the code article file names: the code, and the lower-case form of codes with letters', () => {
		mkdirSync(join(dir, 'content', 'codes'), { recursive: true });
		for (const f of ['55.mdx', 'A0.mdx', '05.mdx', 'notes.md', 'pin.mdx']) writeFileSync(join(dir, 'content', 'codes', f), '');
		expect(codeAliases(join(dir, 'content'))).toEqual([
			{ from: '/05/', to: '/codes/05/' },
			{ from: '/55/', to: '/codes/55/' },
			{ from: '/A0/', to: '/codes/A0/' },
			{ from: '/a0/', to: '/codes/A0/' },
		]);
	});
	it('lead the article folders with no index page to their list on the home page, after the codes', () => {
		expect(sectionAliases()).toEqual([
			{ from: '/symptoms/', to: '/#symptoms' },
			{ from: '/tasks/', to: '/#tasks' },
			{ from: '/causes/', to: '/#causes' },
		]);
		expect(siteAliases(join(dir, 'content'))).toEqual([...codeAliases(join(dir, 'content')), ...sectionAliases()]);
	});
});

describe('inline hashes', () => {
	const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
	it('take the exact text of inline classic and module scripts and style elements; not external scripts or data blocks', () => {
		const html = `<html><head><script>a&&b</script><script type="module">import "x"</script><script src="/x.js"></script>
<script type="application/json">{"x":1}</script><style>p{color:red}</style></head>
<body><svg><style>text{fill:red}</style></svg></body></html>`;
		expect(inlineTexts(html)).toEqual({ scripts: ['a&&b', 'import "x"'], styles: ['p{color:red}', 'text{fill:red}'] });
		mkdirSync(join(dir, 'dist', 'a'), { recursive: true });
		writeFileSync(join(dir, 'dist', 'index.html'), html);
		writeFileSync(join(dir, 'dist', 'a', 'index.html'), '<script>a&&b</script>');
		expect(inlineHashes(join(dir, 'dist'))).toEqual({ scripts: [sha('a&&b'), sha('import "x"')].sort(), styles: [sha('p{color:red}'), sha('text{fill:red}')].sort() });
	});
	it('know which script types run', () => {
		for (const t of [undefined, '', 'module', 'text/javascript']) expect(isExecutableScript(t)).toBe(true);
		for (const t of ['application/json', 'application/ld+json', 'text/template']) expect(isExecutableScript(t)).toBe(false);
	});
});

describe('one policy, every format', () => {
	const hashes = { scripts: ["'sha256-AAA='"], styles: ["'sha256-BBB='"] };
	const aliases = [{ from: '/a0/', to: '/codes/A0/' }];
	it('the CSP allows scripts by self or hash, and wasm, and nothing inline without a hash', () => {
		expect(contentSecurityPolicy(hashes)).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='");
		expect(contentSecurityPolicy(hashes)).toContain("style-src-elem 'self' 'sha256-BBB='");
		expect(contentSecurityPolicy(hashes)).not.toMatch(/script-src[^;]*unsafe-inline/);
	});
	it('nginx, _headers and _redirects carry the same headers and aliases', () => {
		const nginx = nginxSiteConf(aliases, hashes);
		const headers = headersFile(hashes);
		for (const [name, value] of securityHeaders(hashes)) {
			expect(nginx).toContain(`add_header ${name} "${value}" always;`);
			expect(headers).toContain(`  ${name}: ${value}\n`);
		}
		expect(nginx).toContain('location = /a0/ { return 301 /codes/A0/; }');
		expect(nginx).toContain('location = /a0 { return 301 /codes/A0/; }');
		expect(nginx).toMatch(/location ~ \\\.webmanifest\$ \{\n\tdefault_type application\/manifest\+json;/);
		expect(redirectsFile(aliases)).toContain('/a0/ /codes/A0/ 301\n/a0 /codes/A0/ 301\n');
	});
	it('nginx values are quoted so a quote or $ in a value cannot end the directive', () => {
		const nginx = nginxSiteConf([], { scripts: ['"$x'], styles: [] });
		expect(nginx).toContain(`'wasm-unsafe-eval' \\"\\$x;`);
	});
});
