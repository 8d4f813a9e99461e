/** Regular-expression helpers shared by the rules, the importer and the validator. */

/** `s` as a literal inside a regular expression source. */
export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
