/**
 * `npm run import -- <file> [--out <dir>] [--force]`
 *
 * Turns a raw source document (.txt, .md or .html; UTF-8 or GB18030/GBK) into a draft
 * `<slug>.mdx` and a `<slug>.report.md` listing every change, in `content/drafts/` or
 * `--out`. The work is in `lib/import/`: `cli.ts` (paths, reading, safe writing) and
 * `pipeline.ts` (the text); this file only prints and exits.
 *
 * It never destroys anything: drafts only (an `--out` inside `content/` other than
 * `content/drafts/`, or any `…/content/codes`-like folder, is refused whatever the
 * flags); `--force` replaces only an earlier draft (`draft: true`) or import report;
 * both files are written atomically (temporary file, then rename), both or neither.
 *
 * Exit status:
 * - 0: the draft and the report were written;
 * - 2: bad input, bad path or usage: a missing, unreadable, empty, binary, oversized or
 *   wrongly encoded file, an unusable or forbidden `--out`, an existing file without
 *   `--force` or one `--force` may not replace. One line on stderr
 *   (`import: <file>: <problem> — <what to do>`); nothing is written or changed;
 * - 1: a bug, or an unreadable `content/rules/normalization.json` (one line on stderr;
 *   IMPORT_DEBUG=1 adds the stack).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './lib/import/cli.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `npm run` starts scripts in the package root; INIT_CWD is where the editor typed the
 * command, so relative paths mean what they expect.
 */
const BASE = process.env['INIT_CWD'] || process.cwd();

const r = runCli(process.argv.slice(2), { base: BASE, root: ROOT, debug: Boolean(process.env['IMPORT_DEBUG']) });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
