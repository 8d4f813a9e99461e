/**
 * Fixture patches: a validator case is the base fixture plus the few changes it names.
 *
 * `materialize` copies `fixtures/base/` into a fresh temporary folder and applies a patch.
 * It throws when a change would not change anything (a `replace` whose text is not in
 * the file, or is there more than once, a `write` equal to the base file, a `delete` of a
 * file that does not exist): otherwise an edit to the base could silently turn a case
 * into a no-op that passes for the wrong reason.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const BASE = 'test/validate/fixtures/base';

/** One file's change, by its path relative to the content root (`codes/55.mdx`). */
export type FileChange =
	/** Remove the file. */
	| { delete: true }
	/** Create the file (or replace it whole) with this text. */
	| { write: string }
	/**
	 * Edit the file: each `[find, put]` pair replaces the one occurrence of `find` in it.
	 * With `from`, the file is first created as a copy of that base file (a new article
	 * that differs from an existing one in a few lines).
	 */
	| { from?: string; replace: readonly (readonly [find: string, put: string])[] };

export type Patch = Readonly<Record<string, FileChange>>;

/** Apply one change to a file's text (undefined: the file does not exist). */
function applyChange(path: string, change: FileChange, current: string | undefined, read: (p: string) => string | undefined): string | undefined {
	if ('delete' in change) {
		if (current === undefined) throw new Error(`patch: cannot delete ${path}: the base has no such file`);
		return undefined;
	}
	if ('write' in change) {
		if (change.write === current) throw new Error(`patch: writing ${path} changes nothing: it is the same as the base file`);
		return change.write;
	}
	let text = change.from === undefined ? current : read(change.from);
	if (text === undefined) throw new Error(`patch: cannot edit ${path}: the base has no file ${change.from ?? path}`);
	for (const [find, put] of change.replace) {
		const at = text.indexOf(find);
		if (at < 0) throw new Error(`patch: ${path}: text to replace not found (has the base changed?): ${JSON.stringify(find)}`);
		if (text.indexOf(find, at + 1) >= 0) throw new Error(`patch: ${path}: text to replace occurs more than once; quote more of it: ${JSON.stringify(find)}`);
		text = text.slice(0, at) + put + text.slice(at + find.length);
	}
	if (text === current) throw new Error(`patch: ${path}: the replacements change nothing`);
	return text;
}

/** A patched copy of a base fixture; `remove()` deletes it. */
export interface Materialized {
	/** Absolute path of the content root. */
	root: string;
	remove(): void;
}

export function materialize(patch: Patch, base = BASE): Materialized {
	const root = mkdtempSync(join(tmpdir(), 'poskb-fixture-'));
	try {
		cpSync(base, root, { recursive: true });
		const read = (p: string) => (existsSync(join(base, p)) ? readFileSync(join(base, p), 'utf8') : undefined);
		if (Object.keys(patch).length === 0) throw new Error('patch: a case must change at least one file');
		for (const [path, change] of Object.entries(patch)) {
			const abs = join(root, path);
			const next = applyChange(path, change, read(path), read);
			if (next === undefined) rmSync(abs);
			else {
				mkdirSync(dirname(abs), { recursive: true });
				writeFileSync(abs, next);
			}
		}
	} catch (e) {
		rmSync(root, { recursive: true, force: true });
		throw e;
	}
	return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
