/**
 * `npm run import -- <file> [--out <dir>] [--force]`
 *
 * Turns a raw source document (.txt, .md or .html; UTF-8 or GB18030/GBK) into a draft
 * `<slug>.mdx` and a `<slug>.report.md` listing every change, in `content/drafts/` or
 * `--out`. The only module here that touches the file system or exits; all the work is
 * in `lib/import/pipeline.ts`.
 *
 * Exit status: 0 written · 2 bad input or usage (one line on stderr, nothing written) ·
 * 1 a bug or an unreadable rules file (one line on stderr; IMPORT_DEBUG=1 adds the stack).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError, MAX_INPUT_BYTES } from './lib/import/errors.ts';
import { importDocument } from './lib/import/pipeline.ts';
import { loadNormalizationRules, RulesError } from './lib/rules/normalization.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RULES_FILE = join(ROOT, 'content', 'rules', 'normalization.json');
const DEFAULT_OUT = join(ROOT, 'content', 'drafts');

/**
 * `npm run` starts scripts in the package root; INIT_CWD is where the editor typed the
 * command, so relative paths mean what they expect.
 */
const BASE = process.env['INIT_CWD'] || process.cwd();

const USAGE = 'usage: npm run import -- <file.txt|.md|.html> [--out <dir>] [--force]';

interface Args {
	/** As typed, for messages. */
	file: string;
	path: string;
	out: string;
	force: boolean;
}

function parseArgs(argv: string[]): Args | 'help' {
	let file: string | undefined;
	let out = DEFAULT_OUT;
	let force = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--help' || a === '-h') return 'help';
		if (a === '--force' || a === '-f') force = true;
		else if (a === '--out' || a === '-o' || a.startsWith('--out=')) {
			const value = a.startsWith('--out=') ? a.slice('--out='.length) : argv[++i];
			if (value === undefined || value === '' || value.startsWith('-')) throw new ImportError('usage', '--out needs a directory', USAGE);
			out = resolve(BASE, value);
		} else if (a.startsWith('-') && a !== '-') throw new ImportError('usage', `unknown option ${a}`, USAGE);
		else if (file === undefined) file = a;
		else throw new ImportError('usage', `only one file at a time (got ${file} and ${a})`, USAGE);
	}
	if (file === undefined) throw new ImportError('usage', 'no input file given', USAGE);
	return { file, path: resolve(BASE, file), out, force };
}

function readInput(file: string): Uint8Array {
	let size: number;
	try {
		const st = statSync(file);
		if (!st.isFile()) throw new ImportError('not-a-file', 'not a regular file', 'give the path of a .txt, .md or .html file');
		size = st.size;
	} catch (err) {
		if (err instanceof ImportError) throw err;
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImportError('missing', 'file not found', 'check the path');
		throw new ImportError('missing', `cannot read the file (${code ?? (err as Error).message})`, 'check the path and its permissions');
	}
	// Refuse before reading, so a huge file costs nothing.
	if (size > MAX_INPUT_BYTES) throw new ImportError('too-large', `file is ${size} bytes, over the 5 MB limit`, 'split the document or import only the article text');
	if (size === 0) throw new ImportError('empty', 'file is empty', 'check that you exported the right file');
	return readFileSync(file);
}

/** Writes both files or neither: temporary files first, then renames. */
function writeBoth(files: { path: string; content: string }[]): void {
	const temps = files.map((f) => ({ ...f, temp: `${f.path}.tmp-${process.pid}` }));
	const done: string[] = [];
	try {
		for (const t of temps) writeFileSync(t.temp, t.content, { flag: 'wx' });
		for (const t of temps) {
			renameSync(t.temp, t.path);
			done.push(t.path);
		}
	} catch (err) {
		for (const t of temps) if (existsSync(t.temp)) unlinkSync(t.temp);
		for (const path of done) unlinkSync(path);
		throw err;
	}
}

function main(argv: string[]): number {
	let label = 'import';
	try {
		const args = parseArgs(argv);
		if (args === 'help') {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		label = `import: ${args.file}`;
		const bytes = readInput(args.path);
		const result = importDocument({ fileName: args.path, bytes, rules: loadNormalizationRules(relative(process.cwd(), RULES_FILE) || RULES_FILE) });

		if (existsSync(args.out) && !statSync(args.out).isDirectory()) {
			throw new ImportError('usage', `--out ${args.out} is not a directory`, 'give a directory');
		}
		const draftPath = join(args.out, result.draftFile);
		const reportPath = join(args.out, result.reportFile);
		const existing = [draftPath, reportPath].filter((p) => existsSync(p));
		if (existing.length > 0 && !args.force) {
			throw new ImportError('exists', `${relative(BASE, existing[0]!)} already exists`, 'pass --force to overwrite it');
		}
		mkdirSync(args.out, { recursive: true });
		writeBoth([
			{ path: draftPath, content: result.draft },
			{ path: reportPath, content: result.report },
		]);

		const s = result.suggestions;
		const what = s.kind === 'code' ? `code ${s.code}` : s.kind === 'symptom' ? `symptom ${s.symptom}` : s.kind === 'cause' ? `cause ${s.category}` : 'kind unknown';
		process.stdout.write(
			`${label}: encoding ${result.encodingLabel}; wrote ${relative(BASE, draftPath)} and ${result.reportFile}\n` +
				`  ${result.removed.length} lines removed, ${result.edits.length} edits, ${result.repairs.length} repairs, ${result.flags.length} flags; suggested ${what}\n`,
		);
		return 0;
	} catch (err) {
		if (err instanceof ImportError) {
			process.stderr.write(`${label}: ${err.message} — ${err.hint}\n`);
			return 2;
		}
		if (err instanceof RulesError) {
			process.stderr.write(`import: ${err.message} — fix the rules file\n`);
			return 1;
		}
		const e = err as Error;
		process.stderr.write(`${label}: unexpected error: ${e.message ?? String(err)} — this is a bug; rerun with IMPORT_DEBUG=1 and report it\n`);
		if (process.env['IMPORT_DEBUG']) process.stderr.write(`${e.stack ?? ''}\n`);
		return 1;
	}
}

process.exitCode = main(process.argv.slice(2));
