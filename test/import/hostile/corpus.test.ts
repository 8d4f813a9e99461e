/**
 * The hostile-input corpus for `npm run import`: every importer row (I1–I38) of
 * `../shared/reviews/hostile-input-probe-2026-12.md` as a case, run in-process through
 * `runCli` (the CLI's own code) against a throw-away repository root that holds a
 * published article, `content/codes/55.mdx`. Each case asserts the exit code, the
 * message, and that nothing was lost: every file under the root's `content/` (drafts
 * aside) and the input itself are byte-identical after the run. The seed rows (I39–I43)
 * are in `../seeds.test.ts`; the process contract (real exit codes, no hang) in
 * `../cli.test.ts`. No case is timed: linear time is measured by `npm run bench`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { inputError, isDraft, runCli, writeAll, realOps, type CliResult, type WriteOps } from '../../../scripts/lib/import/cli.ts';
import { MAX_INPUT_BYTES } from '../../../scripts/lib/import/errors.ts';
import { encodeBig5, encodeGb18030, executableNodes, FIXTURES, frontmatterOf, REPO, RULES_PATH, tempDir } from '../helpers.ts';

const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh root: content/codes/55.mdx (published), content/rules, an input folder `in/`. */
let root: string;
let input: string;
beforeEach(() => {
	root = tempDir('poskb-hostile-');
	dirs.push(root);
	mkdirSync(join(root, 'content', 'codes'), { recursive: true });
	mkdirSync(join(root, 'content', 'rules'), { recursive: true });
	copyFileSync(join(REPO, 'content', 'codes', '55.mdx'), join(root, 'content', 'codes', '55.mdx'));
	copyFileSync(RULES_PATH, join(root, 'content', 'rules', 'normalization.json'));
	input = join(root, 'in');
	mkdirSync(input);
});

function hashTree(dir: string, skip: (rel: string) => boolean): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const abs = join(d, name);
			const rel = relative(root, abs);
			if (skip(rel)) continue;
			const st = statSync(abs, { throwIfNoEntry: false });
			if (st?.isDirectory()) walk(abs);
			// Files over the input limit (the sparse 50 MB one) are compared by size and time, not read.
			else if (st?.isFile() && st.size > MAX_INPUT_BYTES) out.set(rel, `${st.size}@${st.mtimeMs}`);
			else out.set(rel, st?.isFile() ? createHash('sha1').update(readFileSync(abs)).digest('hex') : 'special');
		}
	};
	walk(dir);
	return out;
}

/** Runs the importer in `input` and checks that nothing outside the drafts changed. */
function run(argv: string[], options: { fs?: WriteOps } = {}): CliResult {
	const skip = (rel: string) => rel.startsWith(join('content', 'drafts')) || rel.startsWith('out');
	const before = hashTree(root, skip);
	const r = runCli(argv, { base: input, root, ...options });
	const after = hashTree(root, (rel) => skip(rel) && !before.has(rel));
	// Inputs, the published article and the rules: byte-identical; nothing new outside the drafts.
	for (const [file, hash] of before) expect(after.get(file), `${file} changed`).toBe(hash);
	for (const file of after.keys()) expect(before.has(file) || skip(file), `${file} appeared`).toBe(true);
	return r;
}

/** Exit 2, one line `import: <file>: <problem> — <what to do>`, no stack, no draft written. */
function refused(r: CliResult, problem: RegExp) {
	expect(r.code, r.stderr).toBe(2);
	expect(r.stdout).toBe('');
	const lines = r.stderr.trimEnd().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^import(?:: .+)?: .+ — .+$/);
	expect(lines[0]).toMatch(problem);
	expect(r.stderr).not.toMatch(/\n\s+at |this is a bug/);
	const drafts = join(root, 'content', 'drafts');
	expect(existsSync(drafts) ? readdirSync(drafts) : []).toEqual([]);
}

function ok(r: CliResult) {
	expect(r.stderr).toBe('');
	expect(r.code).toBe(0);
	return r.result!;
}

const write = (name: string, content: string | Uint8Array) => {
	const file = join(input, name);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, content);
	return file;
};
const SAMPLE = readFileSync(join(FIXTURES, 'code-55.txt'), 'utf8');
const PUBLISHED = () => readFileSync(join(root, 'content', 'codes', '55.mdx'));

describe('I1–I8: refusals and size', () => {
	it('I1 empty file', () => refused(run([write('empty.txt', '')]), /empty\.txt: file is empty/));
	it('I2 whitespace only', () => refused(run([write('blank.txt', ' \n\t\r\n')]), /file has only whitespace/));
	it('I3 an executable renamed .txt', () => refused(run([write('ls.txt', readFileSync('/bin/ls'))]), /file is binary, not text/));
	it('I4 no extension, and a real image', () => {
		refused(run([write('ls', readFileSync('/bin/ls'))]), /unsupported file type — import a \.txt, \.md or \.html file/);
		refused(run([write('img.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))]), /unsupported file type/);
	});
	it('I5 PNG bytes renamed .txt', () => refused(run([write('png.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))]), /binary/));
	it('I6 50 MB (sparse): refused before reading', () => {
		const file = write('big50.txt', '');
		execFileSync('truncate', ['-s', String(50 * 1024 * 1024), file]);
		refused(run([file]), /file is 52428800 bytes, over the 5 MB limit/);
	});
	// 1 MB here to keep the suite fast on a shared machine; the 5 MB inputs run in `npm run bench -- --only import`.
	it('I7/I8 a large file of distinct lines imports', () => {
		const lines: string[] = ['POS机显示51是什么意思'];
		let size = 40;
		for (let i = 0; size < MAX_INPUT_BYTES / 5; i++) {
			const l = `第${i}行:余额不足,请顾客换卡或联系发卡行。`;
			lines.push(l);
			size += Buffer.byteLength(l) + 1;
		}
		const r = ok(run([write('at-limit.txt', lines.join('\n')), '--out', join(root, 'out')]));
		expect(r.keptLines.length).toBeGreaterThan(15_000);
	}, 60_000);
});

describe('I9, I10: the quadratic shapes give the right result (their time is in npm run bench)', () => {
	it('I9 a table of contents whose entries repeat later is removed, the sections kept', () => {
		const entries = Array.from({ length: 300 }, (_, i) => `交易失败的原因第${i + 1}条`);
		const text = ['POS机显示51是什么意思', '目录', ...entries.map((e) => `- ${e}`), ...entries.flatMap((e) => [e, '收银员先核对金额。'])].join('\n');
		const r = ok(run([write('toc.txt', text), '--out', join(root, 'out')]));
		expect(r.removed.filter((x) => x.rule === 'toc')).toHaveLength(301);
		expect(r.draft).toContain('交易失败的原因第300条');
	});
	it('I10 `<a 中文内容 ` with no `>` stays text, escaped', () => {
		const r = ok(run([write('lt.html', `<p>POS机显示51是什么意思</p>${'<a 中文内容 '.repeat(2000)}`), '--out', join(root, 'out')]));
		expect(r.draft).toContain('\\<a 中文内容 \\<a');
		expect(executableNodes(r.draft)).toEqual([]);
	});
});

describe('I11–I19: encodings', () => {
	it('I11 random bytes ≥ 0x20', () => {
		let x = 7;
		const bytes = Uint8Array.from({ length: 4096 }, () => 0x20 + ((x = (x * 1103515245 + 12345) >>> 0) % 0xdf));
		refused(run([write('random.txt', bytes)]), /neither UTF-8 nor GB18030\/GBK text/);
	});
	it('I12 GBK imports and is named', () => {
		const r = ok(run([write('gbk.txt', encodeGb18030(SAMPLE)), '--out', join(root, 'out')]));
		expect(r.encodingLabel).toBe('GB18030 (GBK-compatible)');
		expect(r.title).toBe('POS机显示55是什么意思');
	});
	it('I13 GB18030 four-byte characters are kept', () => {
		const four = Buffer.from('9534b2359535b5358139ee3982358738a2e3', 'hex'); // 𠮷 𡃁 㐀 䶵 €
		const r = ok(run([write('gb4.txt', Buffer.concat([Buffer.from(encodeGb18030('POS机显示51是什么意思\n余额不足')), four, Buffer.from(encodeGb18030('。\n'))])), '--out', join(root, 'out')]));
		expect(r.draft).toContain('余额不足𠮷𡃁㐀䶵€。');
	});
	it('I14 UTF-16 with BOM, both byte orders, by name', () => {
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
		const be = Buffer.from(le).swap16();
		refused(run([write('le.txt', le)]), /file is UTF-16LE \(with BOM\), which is not supported — save it as UTF-8/);
		refused(run([write('be.txt', be)]), /file is UTF-16BE \(with BOM\)/);
	});
	it('I15 UTF-16 without BOM and UTF-32 are named right', () => {
		const le = Buffer.from(SAMPLE, 'utf16le');
		refused(run([write('le-nobom.txt', le)]), /file is UTF-16LE without a BOM/);
		refused(run([write('be-nobom.txt', Buffer.from(le).swap16())]), /file is UTF-16BE without a BOM/);
		const cps = [...SAMPLE].map((c) => c.codePointAt(0)!);
		const u32 = Buffer.alloc(cps.length * 4);
		cps.forEach((cp, i) => u32.writeUInt32LE(cp, i * 4));
		refused(run([write('u32-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), u32]))]), /file is UTF-32LE \(with BOM\)/);
		refused(run([write('u32.txt', u32)]), /file is UTF-32LE without a BOM/);
		refused(run([write('u32be.txt', Buffer.from(u32).swap32())]), /file is UTF-32BE without a BOM/);
	});
	it('I16 mixed UTF-8 and GBK, one bad byte, Latin-1', () => {
		refused(run([write('mixed.txt', Buffer.concat([Buffer.from('POS机显示51\n'), Buffer.from(encodeGb18030('余额不足'))]))]), /neither UTF-8 nor GB18030/);
		refused(run([write('latin1.txt', Buffer.from('Café déjà vu, naïve façade. ÀÉÎÕÜ ß', 'latin1'))]), /neither UTF-8 nor GB18030|no Chinese/);
	});
	it('I17 UTF-8 BOM imports; a BOM before invalid UTF-8 is refused', () => {
		expect(ok(run([write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])), '--out', join(root, 'out')])).encodingLabel).toBe('UTF-8 (with BOM)');
		refused(run([write('bom-bad.txt', Buffer.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8]))]), /starts with a UTF-8 BOM but is not valid UTF-8/);
	});
	it('I18 Big5 is detected and refused by name, not decoded as GB18030 mojibake', () => {
		const big5 = encodeBig5('POS機顯示51是什麼意思\n餘額不足，請顧客換一張卡或者聯繫發卡行。交易失敗的原因是帳戶裡的錢不夠支付這筆金額。\n收銀員應該先核對金額，再請顧客換卡。\n');
		refused(run([write('big5.txt', big5)]), /file is Big5 \(Traditional Chinese\), which is not supported — save it as UTF-8/);
	});
	it('I19 an HTML page declaring gbk with UTF-8 bytes: bytes trusted, flagged', () => {
		const r = ok(run([write('cs.html', `<meta charset="gbk"><h1>POS机显示51是什么意思</h1><p>余额不足。</p>`), '--out', join(root, 'out')]));
		expect(r.flags).toContainEqual(expect.objectContaining({ rule: 'charset', message: expect.stringMatching(/declares charset "gbk" but its bytes are UTF-8/) }));
	});
});

describe('I20–I25: active content and names', () => {
	it('I20 scripts, handlers, javascript:/data: links, svg, template, base, meta refresh: all inert', () => {
		const html = [
			'<html><head><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>alert(1)</script><style>p{}</style></head><body>',
			'<h1 onclick="alert(1)">POS机显示51是什么意思</h1>',
			'<p>余额不足<a href="javascript:alert(1)">点这里</a><a href="data:text/html,x">数据</a>。</p>',
			'<svg onload="alert(1)"><text>svg</text></svg><template><p>模板</p></template><noscript>无脚本</noscript><iframe src="https://evil.example/"></iframe>',
			'<form action="https://evil.example/"><input value="表单"></form><p>&lt;script&gt;alert(1)&lt;/script&gt;实体编码的脚本。</p></body></html>',
		].join('\n');
		const r = ok(run([write('xss.html', html), '--out', join(root, 'out')]));
		expect(executableNodes(r.draft)).toEqual([]);
		expect(r.draft).not.toMatch(/javascript:|data:text|evil\.example|alert\(1\)<\/script>|onload|onclick/);
		expect(r.draft).toContain('\\<script\\>alert(1)\\</script\\>实体编码的脚本。');
		expect(r.edits).toContainEqual(expect.objectContaining({ reason: 'script or data link removed' }));
	});
	it('I21 an unclosed `<iframe … />` mid-page keeps the text after it', () => {
		const html = ['<h1>POS机显示51是什么意思</h1>', '<p>余额不足。</p>', '<iframe src="https://x.example/" />', '<p>请顾客换一张卡。</p>', '<p>或者联系发卡行。</p>'].join('\n');
		const r = ok(run([write('iframe.html', html), '--out', join(root, 'out')]));
		expect(r.draft).toContain('请顾客换一张卡。');
		expect(r.draft).toContain('或者联系发卡行。');
		expect(r.removed).toContainEqual(expect.objectContaining({ line: 3, reason: 'HTML <iframe> tag (self-closed)' }));
		const open = ok(run([write('iframe2.html', html.replace(' />', '>')), '--out', join(root, 'out')]));
		expect(open.draft).toContain('或者联系发卡行。');
		expect(open.removed).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/never closed; the text after it was kept/) }));
	});
	it('I22 MDX-breaking text stays text', () => {
		const text = ['POS机显示51是什么意思', "import fs from 'node:fs'", 'export const x = 1', '{process.exit()}', '</div><Warning>警告</Warning>', '<script>alert(1)</script>', '```js', '$$x$$ &#123; <img src=x onerror=alert(1)>', '{`${1}`}余额不足。'].join('\n');
		const r = ok(run([write('mdx.txt', text), '--out', join(root, 'out')]));
		expect(executableNodes(r.draft)).toEqual([]);
		expect(r.draft).toContain('&#x69;mport fs from');
	});
	it('I23 YAML injection in the title stays one field', () => {
		const title = 'POS机显示51 "引号" \\ --- &anchor *alias !!js/function 是什么意思';
		const r = ok(run([write('yaml.md', `---\nevil: true\n---\n# ${title}\n\n余额不足。\n`), '--out', join(root, 'out')]));
		const fm = frontmatterOf(r.draft);
		expect(fm['title']).toBe(title);
		expect(fm['evil']).toBeUndefined();
		expect(fm['draft']).toBe(true);
	});
	it('I24 odd file names give safe slugs and stay in --out', () => {
		const out = join(root, 'out');
		expect(ok(run([write('POS机 显示52.txt', SAMPLE), '--out', out])).draftFile).toBe('pos-52.mdx');
		expect(ok(run([write('中文.txt', SAMPLE), '--out', out])).draftFile).toMatch(/^draft-[0-9a-f]{8}\.mdx$/);
		write('sub/rel.txt', SAMPLE);
		expect(ok(run(['../in/sub/../sub/rel.txt', '--out', out])).draftFile).toBe('rel.mdx');
		expect(ok(run([write('$(touch pwned).txt', SAMPLE), '--out', out])).draftFile).toBe('touch-pwned.mdx');
		expect(existsSync(join(input, 'pwned'))).toBe(false);
		expect(readdirSync(out).every((f) => !f.includes('/'))).toBe(true);
	});
	it('I25 a file name with a newline and HTML is escaped in the report and the output', () => {
		const name = 'a\nb<img src=x onerror=alert(1)>.txt';
		const r = run([write(name, SAMPLE), '--out', join(root, 'out')]);
		ok(r);
		expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
		expect(r.stdout).toContain('a\\u000ab<img');
		const report = r.result!.report;
		expect(report.split('\n')[0]).toBe('# Import report: `a\\u000ab<img src=x onerror=alert(1)>.txt`');
		expect(report).not.toContain('a\nb');
	});
});

describe('I26–I31: where drafts go, and --force', () => {
	it('I26 --out outside the repository is allowed', () => {
		const out = tempDir('poskb-hostile-out-');
		dirs.push(out);
		ok(run([write('55.txt', SAMPLE), '--out', out]));
		expect(readdirSync(out).sort()).toEqual(['55.mdx', '55.report.md']);
	});
	it('I27/I28 --out content/codes, with or without --force: refused, the article byte-identical', () => {
		const before = PUBLISHED();
		for (const flags of [[], ['--force']]) {
			refused(run([write('55.txt', SAMPLE), '--out', join(root, 'content', 'codes'), ...flags]), /--out .*content\/codes is inside content\/, where only published articles and rules live — drafts go to content\/drafts\//);
		}
		for (const out of [join(root, 'content'), join(root, 'content', 'rules'), join(root, 'content', 'symptoms', 'new')]) {
			refused(run([write('55.txt', SAMPLE), '--out', out, '--force']), /is inside content\//);
		}
		// Another checkout's article folder, and a symlink into this one.
		mkdirSync(join(root, 'other', 'content', 'codes'), { recursive: true });
		refused(run([write('55.txt', SAMPLE), '--out', join(root, 'other', 'content', 'codes'), '--force']), /is a published article or rules folder/);
		symlinkSync(join(root, 'content', 'codes'), join(root, 'link'));
		refused(run([write('55.txt', SAMPLE), '--out', join(root, 'link'), '--force']), /is inside content\//);
		expect(PUBLISHED().equals(before)).toBe(true);
	});
	it('content/drafts (the default) is allowed', () => {
		ok(run([write('55.txt', SAMPLE)]));
		expect(readdirSync(join(root, 'content', 'drafts')).sort()).toEqual(['55.mdx', '55.report.md']);
	});
	it('I29 --force never replaces what is not a draft, and a failed rename restores both old files', () => {
		const out = join(root, 'out');
		mkdirSync(out);
		writeFileSync(join(out, '55.mdx'), 'published text, not a draft\n');
		refused(run([write('55.txt', SAMPLE), '--out', out, '--force']), /55\.mdx exists and is not an earlier draft \(no "draft: true" in its frontmatter\) — --force replaces only drafts/);
		expect(readFileSync(join(out, '55.mdx'), 'utf8')).toBe('published text, not a draft\n');
		rmSync(join(out, '55.mdx'));
		mkdirSync(join(out, '55.report.md'));
		refused(run([write('55.txt', SAMPLE), '--out', out, '--force']), /55\.report\.md exists and is not a regular file/);
		rmSync(join(out, '55.report.md'), { recursive: true });

		// Earlier draft and report; the second rename fails (a report open in an editor on Windows).
		const oldDraft = '---\ndraft: true\ntitle: "old"\n---\n\nold draft\n';
		const oldReport = '# Import report: `55.txt`\n\nold report\n';
		writeFileSync(join(out, '55.mdx'), oldDraft);
		writeFileSync(join(out, '55.report.md'), oldReport);
		let renames = 0;
		const failing: WriteOps = {
			...realOps,
			rename: (from, to) => {
				if (to.endsWith('55.report.md') && renames++ === 0) throw Object.assign(new Error(`EBUSY: resource busy, rename '${from}'`), { code: 'EBUSY' });
				realOps.rename(from, to);
			},
		};
		refused(run([join(input, '55.txt'), '--out', out, '--force'], { fs: failing }), /cannot write into --out .* \(EBUSY\) — .*nothing was changed/);
		expect(readFileSync(join(out, '55.mdx'), 'utf8')).toBe(oldDraft);
		expect(readFileSync(join(out, '55.report.md'), 'utf8')).toBe(oldReport);
		// I38: no temporary or backup file is left behind.
		expect(readdirSync(out).sort()).toEqual(['55.mdx', '55.report.md']);
	});
	it('writeAll: both or neither when nothing existed', () => {
		const out = join(root, 'out');
		mkdirSync(out);
		const failing: WriteOps = { ...realOps, rename: (from, to) => (to.endsWith('b') ? (() => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); })() : realOps.rename(from, to)) };
		expect(() => writeAll([{ path: join(out, 'a'), content: 'a' }, { path: join(out, 'b'), content: 'b' }], failing)).toThrow(/EIO/);
		expect(readdirSync(out)).toEqual([]);
	});
	it('I30 the same file twice: refused, then --force gives byte-identical output; a leftover report alone blocks', () => {
		const out = join(root, 'out');
		const first = ok(run([write('55.txt', SAMPLE), '--out', out]));
		refused(run([join(input, '55.txt'), '--out', out]), /55\.mdx already exists — pass --force to overwrite it/);
		const again = ok(run([join(input, '55.txt'), '--out', out, '--force']));
		expect(again.draft).toBe(first.draft);
		expect(readFileSync(join(out, '55.mdx'), 'utf8')).toBe(first.draft);
		rmSync(join(out, '55.mdx'));
		refused(run([join(input, '55.txt'), '--out', out]), /55\.report\.md already exists/);
		expect(isDraft(first.draft)).toBe(true);
	});
	it('I31 an output path that is a symlink is not written through, even with --force', () => {
		const out = join(root, 'out');
		mkdirSync(out);
		writeFileSync(join(root, 'victim.mdx'), '---\ndraft: true\n---\nvictim\n');
		symlinkSync(join(root, 'victim.mdx'), join(out, '55.mdx'));
		refused(run([write('55.txt', SAMPLE), '--out', out, '--force']), /55\.mdx exists and is not a regular file/);
		expect(readFileSync(join(root, 'victim.mdx'), 'utf8')).toBe('---\ndraft: true\n---\nvictim\n');
	});
});

describe('I32–I37: bad paths and usage', () => {
	it('I32 missing file, missing folder, "-", dangling symlink', () => {
		refused(run(['nope.txt']), /nope\.txt: file not found — check the path/);
		refused(run(['nodir/nope.txt']), /file not found/);
		refused(run(['-']), /file not found/);
		symlinkSync(join(input, 'gone.txt'), join(input, 'dangling.txt'));
		refused(run(['dangling.txt']), /file not found/);
	});
	it('I33 a directory, a FIFO, /dev/null, a symlink to /dev/zero', () => {
		mkdirSync(join(input, 'adir.txt'));
		refused(run(['adir.txt']), /adir\.txt: not a regular file/);
		execFileSync('mkfifo', [join(input, 'fifo.txt')]);
		refused(run(['fifo.txt']), /not a regular file/);
		refused(run(['/dev/null']), /not a regular file/);
		symlinkSync('/dev/zero', join(input, 'zero.txt'));
		refused(run(['zero.txt']), /not a regular file/);
	});
	it('I34 permission denied is bad input (exit 2), not a bug (the real EACCES run is in cli.test.ts)', () => {
		expect(inputError(Object.assign(new Error('EACCES'), { code: 'EACCES' })).message).toBe('permission denied');
		expect(inputError(Object.assign(new Error('EPERM'), { code: 'EPERM' })).reason).toBe('unreadable');
		expect(inputError(Object.assign(new Error('EIO'), { code: 'EIO' })).message).toBe('cannot read the file (EIO)');
	});
	it('I35 --out under a file, in /sys/kernel, a dangling symlink', () => {
		const file = write('55.txt', SAMPLE);
		refused(run([file, '--out', join(file, 'sub')]), /--out .*55\.txt\/sub is under .*55\.txt, which is not a directory/);
		refused(run([file, '--out', file]), /--out .*55\.txt is not a directory/);
		refused(run([file, '--out', '/sys/kernel']), /cannot write into --out \/sys\/kernel \(EACCES\)|cannot create/);
		symlinkSync(join(root, 'nowhere'), join(root, 'dangling-out'));
		refused(run([file, '--out', join(root, 'dangling-out')]), /--out .*dangling-out cannot be used \(ENOENT\)/);
	});
	it('I36 --out /proc/nope fails at once', () => {
		refused(run([write('55.txt', SAMPLE), '--out', '/proc/nope']), /cannot create --out \/proc\/nope \(ENOENT\)/);
		refused(run([join(input, '55.txt'), '--out', '/proc/nope/deeper']), /cannot create --out/);
	});
	it('I37 usage errors, and --help', () => {
		const file = write('55.txt', SAMPLE);
		for (const argv of [[file, '--out'], [file, '--out', ''], [file, '--out', '-x'], [file, '--out=']]) refused(run(argv), /^import: .*--out needs a directory — usage: /);
		refused(run([file, file]), /only one file at a time/);
		refused(run([]), /^import: no input file given — usage: /);
		refused(run(['-rf.txt']), /unknown option -rf\.txt/);
		const help = run(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^usage: npm run import/);
	});
	it('a broken rules file is exit 1 with one line (the rules are the project\'s, not the input)', () => {
		const rulesFile = join(root, 'broken.json');
		writeFileSync(rulesFile, '{"obfuscations": [}');
		const r = runCli([write('55.txt', SAMPLE)], { base: input, root, rulesFile });
		expect(r.code).toBe(1);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr.trimEnd()).toMatch(/^import: cannot read .*broken\.json: .* — fix the rules file$/);
	});
});
