/**
 * Bad input is an expected outcome, not a bug: it is thrown as an `ImportError` and
 * the CLI prints it as one line (`import: <file>: <problem> — <what to do>`) and exits
 * with status 2. That includes the environment refusing a path (permission denied, a
 * folder that cannot be created): the editor can act on it. Anything else is a bug.
 */

export type BadInputReason =
	| 'usage'
	| 'missing'
	| 'unreadable'
	| 'not-a-file'
	| 'unsupported-type'
	| 'empty'
	| 'binary'
	| 'encoding'
	| 'too-large'
	| 'no-chinese'
	| 'exists'
	| 'not-a-draft'
	| 'bad-out';

export class ImportError extends Error {
	readonly reason: BadInputReason;
	/** What the user should do about it, in a few words. */
	readonly hint: string;

	constructor(reason: BadInputReason, message: string, hint: string) {
		super(message);
		this.name = 'ImportError';
		this.reason = reason;
		this.hint = hint;
	}
}

/** Inputs larger than this are refused before they are read. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
