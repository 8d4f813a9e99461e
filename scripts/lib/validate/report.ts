/**
 * Output: one line per problem (`file:line: message — fix`) and a summary, or JSON.
 * Plain text, no colours: it is read in CI logs as often as in a terminal.
 */
import type { ValidateResult } from './run.ts';
import type { Problem } from './types.ts';

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}: ${p.message} — ${p.fix}`;
}

export function formatSummary(result: ValidateResult): string {
	const seconds = `${(result.ms / 1000).toFixed(1)} s`;
	const k = `${result.checks.length} check${result.checks.length === 1 ? '' : 's'}`;
	if (result.problems.length === 0) return `validate: ok (${k}, ${result.files} files, ${seconds})`;
	const files = new Set(result.problems.map((p) => p.file)).size;
	const n = result.problems.length;
	return `validate: ${n} problem${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${k}, ${seconds})`;
}

export function formatText(result: ValidateResult): string {
	return [...result.problems.map(formatProblem), formatSummary(result)].join('\n');
}

/** Machine output: stable keys, one object. */
export function formatJson(result: ValidateResult): string {
	return JSON.stringify(
		{
			ok: result.problems.length === 0,
			checks: result.checks,
			files: result.files,
			ms: Math.round(result.ms),
			problems: result.problems.map(({ check, file, line, message, fix }) => ({ check, file, line, message, fix })),
		},
		null,
		2,
	);
}
