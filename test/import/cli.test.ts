/**
 * The command as an editor runs it: exit codes, the one-line error format, and that
 * bad input never leaves a file behind.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGb18030, FIXTURES, REPO, runImport, tempDir } from './helpers.ts';

const dirs: string[] = [];
function fresh(): { work: string; out: string } {
	const work = tempDir();
	dirs.push(work);
	return { work, out: join(work, 'drafts') };
}
afterAll(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Each case starts Node once or more; allow for a loaded machine. */
const SLOW = 60_000;

/** A bad-input run: exit 2, one line `import: <file>: <problem> — <what to do>`, no stack, no files. */
function expectRefused(r: ReturnType<typeof runImport>, out: string, problem: RegExp) {
	expect(r.status).toBe(2);
	expect(r.stdout).toBe('');
	const lines = r.stderr.trimEnd().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^import: .+: .+ — .+$/);
	expect(lines[0]).toMatch(problem);
	expect(r.stderr).not.toMatch(/\n\s+at /);
	expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
}

describe('npm run import: success', () => {
	it('writes the draft and the report, and names the encoding', () => {
		const { out } = fresh();
		const r = runImport([join(FIXTURES, 'code-55.txt'), '--out', out]);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/encoding UTF-8/);
		expect(readdirSync(out).sort()).toEqual(['code-55.mdx', 'code-55.report.md']);
		expect(readFileSync(join(out, 'code-55.mdx'), 'utf8')).toMatch(/^---\ndraft: true\n/);
	}, SLOW);

	it('detects GB18030 input and says so', () => {
		const { work, out } = fresh();
		const file = join(work, 'gb.txt');
		writeFileSync(file, encodeGb18030(readFileSync(join(FIXTURES, 'code-55.txt'), 'utf8')));
		const r = runImport([file, '--out', out]);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/encoding GB18030/);
		expect(readFileSync(join(out, 'gb.mdx'), 'utf8')).toContain('title: "POS机显示55是什么意思"');
	}, SLOW);

	it('does not overwrite an existing draft without --force, and does with it', () => {
		const { out } = fresh();
		const file = join(FIXTURES, 'code-55.txt');
		expect(runImport([file, '--out', out]).status).toBe(0);
		const edited = '---\ndraft: true\ntitle: "edited by hand"\n---\n\nedited\n';
		writeFileSync(join(out, 'code-55.mdx'), edited);
		const again = runImport([file, '--out', out]);
		expect(again.status).toBe(2);
		expect(again.stderr).toMatch(/^import: .+: .*code-55\.mdx already exists — pass --force to overwrite it\n$/);
		expect(readFileSync(join(out, 'code-55.mdx'), 'utf8')).toBe(edited);
		expect(runImport([file, '--out', out, '--force']).status).toBe(0);
		expect(readFileSync(join(out, 'code-55.mdx'), 'utf8')).toMatch(/^---\ndraft: true/);
		expect(readdirSync(out).sort()).toEqual(['code-55.mdx', 'code-55.report.md']);
	}, SLOW);

	it('resolves relative paths from where npm was started (INIT_CWD)', () => {
		const { work } = fresh();
		copyFileSync(join(FIXTURES, 'code-55.txt'), join(work, 'article.txt'));
		const r = runImport(['article.txt', '--out', 'out'], REPO, { INIT_CWD: work });
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(readdirSync(join(work, 'out')).sort()).toEqual(['article.mdx', 'article.report.md']);
	}, SLOW);

	it('also refuses when only the report exists', () => {
		const { out } = fresh();
		const file = join(FIXTURES, 'code-55.txt');
		expect(runImport([file, '--out', out]).status).toBe(0);
		rmSync(join(out, 'code-55.mdx'));
		expect(runImport([file, '--out', out]).status).toBe(2);
		expect(existsSync(join(out, 'code-55.mdx'))).toBe(false);
	}, SLOW);
});

describe('npm run import: bad input', () => {
	it('a missing file', () => {
		const { work, out } = fresh();
		expectRefused(runImport([join(work, 'nope.txt'), '--out', out]), out, /file not found — check the path/);
	}, SLOW);

	it('an empty file', () => {
		const { out } = fresh();
		expectRefused(runImport([join(FIXTURES, 'empty.txt'), '--out', out]), out, /file is empty/);
	}, SLOW);

	it('a whitespace-only file', () => {
		const { work, out } = fresh();
		writeFileSync(join(work, 'blank.txt'), '  \n\n\t\n');
		expectRefused(runImport([join(work, 'blank.txt'), '--out', out]), out, /only whitespace/);
	}, SLOW);

	it('a binary file', () => {
		const { work, out } = fresh();
		writeFileSync(join(work, 'image.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
		expectRefused(runImport([join(work, 'image.txt'), '--out', out]), out, /binary/);
	}, SLOW);

	it('a file over 5 MB', () => {
		const { work, out } = fresh();
		writeFileSync(join(work, 'big.txt'), Buffer.alloc(5 * 1024 * 1024 + 1, '中'));
		expectRefused(runImport([join(work, 'big.txt'), '--out', out]), out, /over the 5 MB limit/);
	}, SLOW);

	it('text with no Chinese', () => {
		const { out } = fresh();
		expectRefused(runImport([join(FIXTURES, 'english.txt'), '--out', out]), out, /no Chinese/);
	}, SLOW);

	it('an unsupported file type', () => {
		const { work, out } = fresh();
		copyFileSync(join(FIXTURES, 'code-55.txt'), join(work, 'article.docx'));
		expectRefused(runImport([join(work, 'article.docx'), '--out', out]), out, /unsupported file type — import a \.txt, \.md or \.html file/);
	}, SLOW);

	it('a directory', () => {
		const { work, out } = fresh();
		expectRefused(runImport([work, '--out', out]), out, /not a regular file/);
	}, SLOW);

	it('no file argument', () => {
		const { out } = fresh();
		const r = runImport(['--out', out]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/^import: no input file given — usage: /);
	}, SLOW);

	it('an unknown option', () => {
		const { out } = fresh();
		const r = runImport([join(FIXTURES, 'code-55.txt'), '--outt', out]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/unknown option --outt/);
		expect(existsSync(out)).toBe(false);
	}, SLOW);
});
