/**
 * `npm run validate`: checks the content (schema, coverage, links, orphans, flowcharts,
 * normalization leftovers, freshness, customer lines, integrity) and exits non-zero on
 * any problem. With `--built`, checks the built site in `dist/` instead (run it after
 * `npm run build`).
 *
 *   node scripts/validate.ts [--json] [--built] [--root <dir>] [--dist <dir>] [--check <id>]…
 *
 * Exit codes: 0 no problems · 1 problems found · 2 the validator could not run.
 */
import { parseArgs } from 'node:util';
import { formatJson, formatText } from './lib/validate/report.ts';
import { CHECKS, validate } from './lib/validate/run.ts';
import { SetupError } from './lib/validate/types.ts';

const USAGE = `usage: node scripts/validate.ts [--json] [--built] [--root <dir>] [--dist <dir>] [--check <id>]…
  --json         machine-readable output
  --built        check the built site (dist/) instead of the sources; run after npm run build
  --root <dir>   content root to check (default content/)
  --dist <dir>   built site to check with --built (default dist/)
  --check <id>   run only this check (repeatable): ${CHECKS.map((c) => c.id).join(', ')}`;

let args;
try {
	args = parseArgs({
		options: {
			json: { type: 'boolean', default: false },
			built: { type: 'boolean', default: false },
			root: { type: 'string' },
			dist: { type: 'string' },
			check: { type: 'string', multiple: true },
			help: { type: 'boolean', short: 'h', default: false },
		},
	}).values;
} catch (e) {
	console.error(`${(e as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (args.help) {
	console.log(USAGE);
	process.exit(0);
}

try {
	const result = await validate({
		built: args.built,
		...(args.root !== undefined && { root: args.root }),
		...(args.dist !== undefined && { dist: args.dist }),
		...(args.check !== undefined && { only: args.check }),
	});
	console.log(args.json ? formatJson(result) : formatText(result));
	process.exitCode = result.problems.length === 0 ? 0 : 1;
} catch (e) {
	// A setup mistake gets its message; anything else is a bug in the validator, so the stack helps.
	console.error(`validate: could not run: ${e instanceof SetupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
	process.exitCode = 2;
}
