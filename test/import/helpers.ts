/**
 * Test helpers for `npm run import`: the real rules file, a GB18030 encoder (Node has
 * only the decoder), a CLI runner and an MDX check through satteri, the compiler that
 * `@astrojs/mdx` uses.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToJs, mdxToMdast } from 'satteri';
import { compileRules, parseRules, type CompiledRules, type NormalizationRules } from '../../scripts/lib/rules/normalization.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO, 'test', 'import', 'fixtures');
export const SCRIPT = join(REPO, 'scripts', 'import.ts');
export const RULES_PATH = join(REPO, 'content', 'rules', 'normalization.json');

export function rawRules(): NormalizationRules {
	return parseRules(JSON.parse(readFileSync(RULES_PATH, 'utf8')));
}

export function rules(): CompiledRules {
	return compileRules(rawRules());
}

export function tempDir(prefix = 'poskb-import-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

let big5Table: Map<string, number[]> | undefined;

/** UTF-16 text → Big5 bytes (ASCII and two-byte), by inverting Node's Big5 decoder. */
export function encodeBig5(text: string): Uint8Array {
	if (!big5Table) {
		big5Table = new Map();
		const decoder = new TextDecoder('big5');
		for (let lead = 0x81; lead <= 0xfe; lead++) {
			for (const trail of [...Array.from({ length: 0x3f }, (_, i) => 0x40 + i), ...Array.from({ length: 0x5e }, (_, i) => 0xa1 + i)]) {
				const ch = decoder.decode(new Uint8Array([lead, trail]));
				if ([...ch].length === 1 && ch !== '\uFFFD' && !big5Table.has(ch)) big5Table.set(ch, [lead, trail]);
			}
		}
	}
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) out.push(cp);
		else {
			const bytes = big5Table.get(ch);
			if (!bytes) throw new Error(`no Big5 encoding for ${ch}`);
			out.push(...bytes);
		}
	}
	return Uint8Array.from(out);
}

let gbTable: Map<string, number[]> | undefined;

/**
 * UTF-16 text → GB18030 bytes for ASCII and the two-byte (GBK) range, built by inverting
 * Node's own GB18030 decoder, so fixtures need no iconv dependency.
 */
export function encodeGb18030(text: string): Uint8Array {
	if (!gbTable) {
		gbTable = new Map();
		const decoder = new TextDecoder('gb18030');
		for (let lead = 0x81; lead <= 0xfe; lead++) {
			for (let trail = 0x40; trail <= 0xfe; trail++) {
				if (trail === 0x7f) continue;
				const ch = decoder.decode(new Uint8Array([lead, trail]));
				if ([...ch].length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
			}
		}
	}
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) out.push(cp);
		else {
			const bytes = gbTable.get(ch);
			if (!bytes) throw new Error(`no two-byte GB18030 encoding for ${ch}`);
			out.push(...bytes);
		}
	}
	return Uint8Array.from(out);
}

/** Node 24 (type stripping) from node_modules when present, as `npm run` would use. */
const NODE = existsSync(join(REPO, 'node_modules', '.bin', 'node')) ? join(REPO, 'node_modules', '.bin', 'node') : process.execPath;

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs the CLI in its own Node process. `timeout` kills it (status null) so a hang fails
 * the test instead of stalling the suite; `user` runs it as another uid/gid (root only).
 */
export function runImport(args: string[], cwd = REPO, env: Record<string, string> = {}, timeout = 60_000, user: { uid?: number; gid?: number } = {}): CliResult {
	// INIT_CWD is cleared unless a test sets it: `npm test` would otherwise leak its own.
	const r = spawnSync(NODE, [SCRIPT, ...args], { cwd, encoding: 'utf8', timeout, ...user, env: { ...process.env, IMPORT_DEBUG: '', INIT_CWD: '', ...env } });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** MDX node types that would execute or render components; a draft must have none. */
export function executableNodes(mdx: string): string[] {
	const found: string[] = [];
	const walk = (node: { type: string; children?: unknown[] }) => {
		if (node.type.startsWith('mdx')) found.push(node.type);
		for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
	};
	walk(mdxToMdast(mdx) as unknown as { type: string; children?: unknown[] });
	return found;
}

/** Compiles like the site does; throws on invalid MDX. Returns the raw YAML frontmatter. */
export function compileMdx(mdx: string): string {
	const result = mdxToJs(mdx);
	return result.frontmatter?.value ?? '';
}

/** The body of a draft (everything after the frontmatter). */
export function bodyOf(mdx: string): string {
	const end = mdx.indexOf('\n---\n', 4);
	return end === -1 ? mdx : mdx.slice(end + 5);
}

/**
 * An independent YAML parser for the frontmatter: js-yaml, which Astro itself depends
 * on (no types are installed, hence the narrow cast).
 */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(source: string): unknown };

export function frontmatterOf(mdx: string): Record<string, unknown> {
	const data = yaml.load(compileMdx(mdx));
	if (typeof data !== 'object' || data === null) throw new Error('frontmatter is not a mapping');
	return data as Record<string, unknown>;
}
