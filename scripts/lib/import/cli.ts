/**
 * The file-system half of `npm run import`: arguments, where a draft may go, reading the
 * input, and writing the draft and its report. `scripts/import.ts` only calls `runCli`
 * and prints; the tests call `runCli` in-process with a throw-away repository root.
 *
 * The importer never destroys anything:
 * - it writes drafts only: `--out` must be outside `content/`, or `content/drafts/`
 *   (or below it), and never a folder that looks like another checkout's published
 *   article folder (`…/content/codes` …);
 * - it replaces an existing file only with `--force`, and only when that file is an
 *   earlier draft (`draft: true` in its frontmatter) or an earlier import report;
 * - writes are atomic: each file is written to a temporary file in the same folder and
 *   renamed over the target; an existing target is kept as a hard link (or copy) until
 *   both renames succeeded, and restored if one fails ("both or neither").
 *
 * Exit status: 0 written · 2 bad input, bad path or usage: one line on stderr, nothing
 * written · 1 a bug or a broken rules file (one line; IMPORT_DEBUG=1 adds the stack).
 */
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	constants,
	copyFileSync,
	fstatSync,
	linkSync,
	lstatSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	realpathSync,
	renameSync,
	statSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadNormalizationRules, RulesError } from '../rules/normalization.ts';
import { ImportError, MAX_INPUT_BYTES } from './errors.ts';
import { importDocument, type ImportResult } from './pipeline.ts';
import { printable } from './text.ts';

export const USAGE = 'usage: npm run import -- <file.txt|.md|.html> [--out <dir>] [--force]';

export interface CliOptions {
	/** Where relative paths resolve: the folder the editor typed the command in (INIT_CWD). */
	base: string;
	/** Repository root; `content/` and the default `content/drafts/` are under it. */
	root: string;
	/** The rules file; default `<root>/content/rules/normalization.json`. */
	rulesFile?: string;
	/** Append the stack to a bug's message (IMPORT_DEBUG=1). */
	debug?: boolean;
	/** File operations, replaceable so a test can make a rename fail half-way. */
	fs?: WriteOps;
}

export interface CliResult {
	/** 0 written, 1 bug or broken rules, 2 bad input, path or usage. */
	code: 0 | 1 | 2;
	stdout: string;
	stderr: string;
	/** The import, when one ran (for the tests and the bench). */
	result?: ImportResult;
}

interface Args {
	/** As typed, for messages. */
	file: string;
	path: string;
	out: string;
	/** As typed (or the default), for messages. */
	outLabel: string;
	force: boolean;
}

function parseArgs(argv: string[], options: CliOptions): Args | 'help' {
	let file: string | undefined;
	let out: string | undefined;
	let outLabel = 'content/drafts';
	let force = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--help' || a === '-h') return 'help';
		if (a === '--force' || a === '-f') force = true;
		else if (a === '--out' || a === '-o' || a.startsWith('--out=')) {
			const value = a.startsWith('--out=') ? a.slice('--out='.length) : argv[++i];
			if (value === undefined || value === '' || value.startsWith('-')) throw new ImportError('usage', '--out needs a directory', USAGE);
			out = resolve(options.base, value);
			outLabel = value;
		} else if (a.startsWith('-') && a !== '-') throw new ImportError('usage', `unknown option ${printable(a)}`, USAGE);
		else if (file === undefined) file = a;
		else throw new ImportError('usage', `only one file at a time (got ${printable(file)} and ${printable(a)})`, USAGE);
	}
	if (file === undefined) throw new ImportError('usage', 'no input file given', USAGE);
	return { file, path: resolve(options.base, file), out: out ?? join(options.root, 'content', 'drafts'), outLabel, force };
}

function errnoOf(err: unknown): string | undefined {
	return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** An environment error while reading the input, as bad input (exit 2), never as a bug. */
export function inputError(err: unknown): ImportError {
	const code = errnoOf(err);
	if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return new ImportError('missing', 'file not found', 'check the path');
	if (code === 'EACCES' || code === 'EPERM') return new ImportError('unreadable', 'permission denied', 'check the file’s permissions, or copy it somewhere you can read');
	if (code === 'EISDIR') return new ImportError('not-a-file', 'not a regular file', 'give the path of a .txt, .md or .html file');
	return new ImportError('unreadable', `cannot read the file (${code ?? (err as Error).message})`, 'check the path and its permissions');
}

/** Reads the input, refusing anything that is not a readable regular file of at most 5 MB. */
export function readInput(file: string): Uint8Array {
	let fd: number;
	try {
		// Opened first and checked through the descriptor, so the file checked is the file read.
		fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (err) {
		throw inputError(err);
	}
	try {
		const st = fstatSync(fd);
		if (!st.isFile()) throw new ImportError('not-a-file', 'not a regular file', 'give the path of a .txt, .md or .html file');
		// Refuse before reading, so a huge file costs nothing.
		if (st.size > MAX_INPUT_BYTES) throw new ImportError('too-large', `file is ${st.size} bytes, over the 5 MB limit`, 'split the document or import only the article text');
		if (st.size === 0) throw new ImportError('empty', 'file is empty', 'check that you exported the right file');
		// Read at most one byte past the limit: a file that grew since the stat is still refused.
		const buffer = Buffer.alloc(Math.min(st.size, MAX_INPUT_BYTES) + 1);
		let length = 0;
		for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
		return buffer.subarray(0, length);
	} catch (err) {
		if (err instanceof ImportError) throw err;
		throw inputError(err);
	} finally {
		closeSync(fd);
	}
}

/** `child` is `parent` or inside it. */
function within(child: string, parent: string): boolean {
	const r = relative(parent, child);
	return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** The nearest existing ancestor of `path` (or `path` itself), and the parts below it. */
function existingAncestor(path: string): { dir: string; rest: string[] } {
	const rest: string[] = [];
	let dir = path;
	for (;;) {
		try {
			lstatSync(dir);
			return { dir, rest };
		} catch (err) {
			const parent = dirname(dir);
			if (parent === dir || (errnoOf(err) !== 'ENOENT' && errnoOf(err) !== 'ENOTDIR')) return { dir, rest };
			rest.unshift(basename(dir));
			dir = parent;
		}
	}
}

function realOrSelf(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
}

/** Article and rule folders of a checkout: a draft never goes into one, whoever's repository it is. */
const PUBLISHED = /(?:^|[\\/])content[\\/](?:codes|symptoms|causes|families|rules)(?:[\\/]|$)/;

/**
 * Where the draft will really go (symlinks resolved), refusing any place that is not a
 * drafts folder. Checked before the input is read, so a wrong `--out` fails at once.
 */
export function checkOut(out: string, outLabel: string, root: string): string {
	const { dir, rest } = existingAncestor(out);
	const real = join(realOrSelf(dir), ...rest);
	const content = realOrSelf(join(root, 'content'));
	const drafts = join(content, 'drafts');
	const refuse = (why: string) => new ImportError('bad-out', `--out ${printable(outLabel)} ${why}`, 'drafts go to content/drafts/ (the default) or to a folder outside content/');
	if (within(real, content) && !within(real, drafts)) return fail(refuse('is inside content/, where only published articles and rules live'));
	if (PUBLISHED.test(real) || PUBLISHED.test(out)) return fail(refuse('is a published article or rules folder'));
	let st;
	try {
		st = statSync(dir);
	} catch (err) {
		return fail(new ImportError('bad-out', `--out ${printable(outLabel)} cannot be used (${errnoOf(err) ?? 'unknown error'})`, 'give a directory you can write to'));
	}
	if (!st.isDirectory()) {
		const what = rest.length === 0 ? 'is not a directory' : `is under ${printable(dir)}, which is not a directory`;
		return fail(new ImportError('bad-out', `--out ${printable(outLabel)} ${what}`, 'give a directory'));
	}
	return real;
}

function fail(err: ImportError): never {
	throw err;
}

/**
 * `mkdir -p` one level at a time. Node's recursive `mkdirSync` retries for ever when a
 * filesystem answers ENOENT for a folder it will never create (`/proc/nope`, probe I36);
 * a plain `mkdirSync` fails at once.
 */
export function makeDirs(path: string, outLabel: string): void {
	const { dir, rest } = existingAncestor(path);
	let current = dir;
	for (const part of rest) {
		current = join(current, part);
		try {
			mkdirSync(current);
		} catch (err) {
			if (errnoOf(err) === 'EEXIST' && statSync(current).isDirectory()) continue;
			throw new ImportError('bad-out', `cannot create --out ${printable(outLabel)} (${errnoOf(err) ?? (err as Error).message})`, 'give a directory you can write to');
		}
	}
}

/** What a file must start with to be replaceable by `--force`. */
export type Replaceable = 'draft' | 'report';

/** True when `text` is an earlier draft: frontmatter with `draft: true`. */
export function isDraft(text: string): boolean {
	const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
	return m !== null && /^draft:\s*true\s*(?:#.*)?$/m.test(m[1]!);
}

export function isReport(text: string): boolean {
	return text.startsWith('# Import report:');
}

/** Refuses to touch an existing target unless `--force` was given and it is an earlier draft or report. */
export function checkTarget(path: string, kind: Replaceable, force: boolean, base: string): void {
	let st;
	try {
		st = lstatSync(path);
	} catch (err) {
		if (errnoOf(err) === 'ENOENT') return;
		throw new ImportError('bad-out', `cannot check ${printable(relative(base, path))} (${errnoOf(err)})`, 'give a directory you can write to');
	}
	const label = printable(relative(base, path));
	if (!force) throw new ImportError('exists', `${label} already exists`, 'pass --force to overwrite it');
	if (!st.isFile()) throw new ImportError('not-a-draft', `${label} exists and is not a regular file`, 'it will not be replaced; move it away or choose another --out');
	let text = '';
	try {
		text = readFileSync(path, 'utf8').slice(0, 64 * 1024);
	} catch (err) {
		throw new ImportError('not-a-draft', `${label} exists and cannot be read (${errnoOf(err)})`, 'it will not be replaced; move it away or choose another --out');
	}
	const ok = kind === 'draft' ? isDraft(text) : isReport(text);
	if (!ok) {
		const what = kind === 'draft' ? 'an earlier draft (no "draft: true" in its frontmatter)' : 'an earlier import report';
		throw new ImportError('not-a-draft', `${label} exists and is not ${what}`, '--force replaces only drafts; move it away or choose another --out');
	}
}

/** The file operations `writeAll` uses; a test replaces `rename` to fail half-way. */
export interface WriteOps {
	writeFile(path: string, content: string): void;
	rename(from: string, to: string): void;
	link(existing: string, backup: string): void;
	unlink(path: string): void;
	exists(path: string): boolean;
}

export const realOps: WriteOps = {
	writeFile: (path, content) => writeFileSync(path, content, { flag: 'wx' }),
	rename: renameSync,
	link: (existing, backup) => {
		try {
			linkSync(existing, backup);
		} catch {
			// Some filesystems have no hard links; a copy keeps the old content just as well.
			copyFileSync(existing, backup, constants.COPYFILE_EXCL);
		}
	},
	unlink: unlinkSync,
	exists: (path) => {
		try {
			lstatSync(path);
			return true;
		} catch {
			return false;
		}
	},
};

/**
 * Writes every file or none, and never loses an existing one: temporary files in the
 * target folder first; each existing target is kept under a backup name; then the
 * renames. If any step fails, the targets written so far are put back as they were.
 */
export function writeAll(files: { path: string; content: string }[], ops: WriteOps = realOps): void {
	const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
	const plan = files.map((f) => ({
		...f,
		temp: join(dirname(f.path), `.${basename(f.path)}.tmp-${tag}`),
		backup: join(dirname(f.path), `.${basename(f.path)}.old-${tag}`),
		hadOld: false,
		renamed: false,
	}));
	try {
		for (const p of plan) ops.writeFile(p.temp, p.content);
		for (const p of plan) {
			if (ops.exists(p.path)) {
				ops.link(p.path, p.backup);
				p.hadOld = true;
			}
		}
		for (const p of plan) {
			ops.rename(p.temp, p.path);
			p.renamed = true;
		}
	} catch (err) {
		for (const p of plan) {
			try {
				if (p.renamed) {
					if (p.hadOld) ops.rename(p.backup, p.path);
					else ops.unlink(p.path);
				}
			} catch {
				// Keep going: the backup stays on disk under its .old- name rather than be lost.
			}
			for (const leftover of [p.temp, ...(p.renamed && p.hadOld ? [] : [p.backup])]) {
				if (ops.exists(leftover)) ops.unlink(leftover);
			}
		}
		throw err;
	}
	for (const p of plan) if (p.hadOld && ops.exists(p.backup)) ops.unlink(p.backup);
}

/** A write failure caused by the environment (permissions, a full disk) is bad input, not a bug. */
function writeError(err: unknown, outLabel: string): ImportError | undefined {
	const code = errnoOf(err);
	if (code && /^E[A-Z]+$/.test(code)) {
		return new ImportError('bad-out', `cannot write into --out ${printable(outLabel)} (${code})`, 'give a directory you can write to; nothing was changed');
	}
	return undefined;
}

export function runCli(argv: string[], options: CliOptions): CliResult {
	let label = 'import';
	let stdout = '';
	try {
		const args = parseArgs(argv, options);
		if (args === 'help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
		label = `import: ${printable(args.file)}`;
		const out = checkOut(args.out, args.outLabel, options.root);
		const bytes = readInput(args.path);
		const rules = loadNormalizationRules(options.rulesFile ?? join(options.root, 'content', 'rules', 'normalization.json'));
		const result = importDocument({ fileName: args.path, bytes, rules });

		const draftPath = join(out, result.draftFile);
		const reportPath = join(out, result.reportFile);
		checkTarget(draftPath, 'draft', args.force, options.base);
		checkTarget(reportPath, 'report', args.force, options.base);
		makeDirs(out, args.outLabel);
		try {
			writeAll(
				[
					{ path: draftPath, content: result.draft },
					{ path: reportPath, content: result.report },
				],
				options.fs,
			);
		} catch (err) {
			throw writeError(err, args.outLabel) ?? err;
		}

		const s = result.suggestions;
		const what = s.kind === 'code' ? `code ${s.code}` : s.kind === 'symptom' ? `symptom ${s.symptom}` : s.kind === 'cause' ? `cause ${s.category}` : 'kind unknown';
		stdout =
			`${label}: encoding ${result.encodingLabel}; wrote ${printable(relative(options.base, draftPath))} and ${printable(result.reportFile)}\n` +
			`  ${result.removed.length} lines removed, ${result.edits.length} edits, ${result.repairs.length} repairs, ${result.flags.length} flags; suggested ${what}\n`;
		return { code: 0, stdout, stderr: '', result };
	} catch (err) {
		if (err instanceof ImportError) return { code: 2, stdout, stderr: `${label}: ${err.message} — ${err.hint}\n` };
		if (err instanceof RulesError) return { code: 1, stdout, stderr: `import: ${err.message} — fix the rules file\n` };
		const e = err as Error;
		const stack = options.debug ? `${e.stack ?? ''}\n` : '';
		return { code: 1, stdout, stderr: `${label}: unexpected error: ${e.message ?? String(err)} — this is a bug; rerun with IMPORT_DEBUG=1 and report it\n${stack}` };
	}
}
