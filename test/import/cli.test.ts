/**
 * The command as an editor runs it, one Node process per exit-code contract (each
 * spawn costs most of a second; every other case runs in-process through `runCli`, in
 * `hostile/corpus.test.ts`): exit 0 writes the draft and report, exit 2 is one line and
 * changes nothing, also for a published folder with --force, for a path on which Node's
 * recursive mkdir would spin, and for a file the user may not read.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runImport, tempDir } from './helpers.ts';

const dirs: string[] = [];
function fresh(): string {
	const work = tempDir();
	dirs.push(work);
	return work;
}
afterAll(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Each case starts Node once; allow for a loaded machine. */
const SLOW = 60_000;

const sha1 = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');

/** Exit 2, one line `import: <file>: <problem> — <what to do>`, no stack. */
function expectRefused(r: ReturnType<typeof runImport>, problem: RegExp) {
	expect(r.status, r.stderr).toBe(2);
	expect(r.stdout).toBe('');
	const lines = r.stderr.trimEnd().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^import: .+: .+ — .+$/);
	expect(lines[0]).toMatch(problem);
	expect(r.stderr).not.toMatch(/\n\s+at |this is a bug/);
}

describe('npm run import: exit codes of the real process', () => {
	it('0: writes the draft and the report, resolving paths from where npm was started (INIT_CWD)', () => {
		const work = fresh();
		copyFileSync(join(FIXTURES, 'code-55.txt'), join(work, 'article.txt'));
		const r = runImport(['article.txt', '--out', 'out'], REPO, { INIT_CWD: work });
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^import: article\.txt: encoding UTF-8; wrote out\/article\.mdx and article\.report\.md\n/);
		expect(readdirSync(join(work, 'out')).sort()).toEqual(['article.mdx', 'article.report.md']);
		expect(readFileSync(join(work, 'out', 'article.mdx'), 'utf8')).toMatch(/^---\ndraft: true\n/);
	}, SLOW);

	it('2: --out content/codes --force on this repository leaves the published article byte-identical (I28, I29)', () => {
		const article = join(REPO, 'content', 'codes', '55.mdx');
		const before = sha1(article);
		const listing = readdirSync(join(REPO, 'content', 'codes')).sort();
		const r = runImport([join(FIXTURES, 'code-55.txt'), '--out', 'content/codes', '--force'], REPO, { INIT_CWD: REPO });
		expectRefused(r, /--out content\/codes is inside content\/, where only published articles and rules live/);
		expect(sha1(article)).toBe(before);
		expect(readdirSync(join(REPO, 'content', 'codes')).sort()).toEqual(listing);
	}, SLOW);

	it('2: --out /proc/nope fails at once instead of spinning (I36)', () => {
		const work = fresh();
		// A hang would be killed by the timeout and show as status null, not 2.
		const r = runImport([join(FIXTURES, 'code-55.txt'), '--out', '/proc/nope'], work, {}, 20_000);
		expectRefused(r, /cannot create --out \/proc\/nope \(ENOENT\)/);
	}, SLOW);

	it('2: a file the user may not read is bad input, not a bug (I34)', () => {
		const work = fresh();
		const file = join(work, 'noread.txt');
		copyFileSync(join(FIXTURES, 'code-55.txt'), file);
		chmodSync(file, 0o000);
		chmodSync(work, 0o755);
		// Root reads anything: run as nobody then (the probe's setpriv run), else as ourselves.
		const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
		const r = runImport([file, '--out', join(work, 'out')], work, {}, 30_000, asNobody);
		expectRefused(r, /noread\.txt: permission denied — check the file’s permissions/);
	}, SLOW);
});
