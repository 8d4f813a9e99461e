/**
 * The two shapes every check shares: what it reports and what it is.
 *
 * Like withastro/docs' linkcheck, each check is one module that turns the shared index
 * into issues, and every issue is traced to a file and line an editor can open.
 */
import type { ContentIndex } from './index.ts';

/** One problem, printed as `file:line: message — fix`. */
export interface Problem {
	/** The id of the check that found it, e.g. `links`. */
	check: string;
	/** Path relative to the repository root (the working directory), with `/` separators. */
	file: string;
	/** 1-based line in `file`. */
	line: number;
	/** What is wrong, in one sentence. */
	message: string;
	/** What to do about it, in one imperative sentence. */
	fix: string;
}

/**
 * A check. `content` checks read the sources; `built` checks read `dist/` and run only
 * with `--built` (after `npm run build`).
 */
export interface Check {
	id: string;
	description: string;
	needs: 'content' | 'built';
	run(index: ContentIndex): Problem[] | Promise<Problem[]>;
}

/** A problem without its check id; each check module stamps its own id on. */
export type Finding = Omit<Problem, 'check'>;

export function stamp(check: string, findings: Finding[]): Problem[] {
	return findings.map((f) => ({ check, ...f }));
}

/** The validator cannot run as asked (no such root, no built site): said plainly, without a stack. */
export class SetupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SetupError';
	}
}
