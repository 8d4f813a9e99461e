/**
 * Sizes on disk, shared by the bench's figures (site build, search index, scaling sets).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file under `dir` (0 when it does not exist), optionally only names that pass `filter`. */
export function dirBytes(dir: string, filter?: (name: string) => boolean): number {
	if (!existsSync(dir)) return 0;
	let total = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const s = statSync(p);
		if (s.isDirectory()) total += dirBytes(p, filter);
		else if (!filter || filter(name)) total += s.size;
	}
	return total;
}
