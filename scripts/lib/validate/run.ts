/**
 * Runs the checks: build the index once, run each check on it, sort the problems.
 * The CLI (`scripts/validate.ts`) and the tests both call `validate`.
 */
import { resolve } from 'node:path';
import { builtLinksCheck } from './built-links.ts';
import { builtMarkdownCheck } from './built-markdown.ts';
import { builtOrphansCheck } from './built-orphans.ts';
import { loadBuiltSite } from './built.ts';
import { coverageCheck } from './coverage.ts';
import { customerLineCheck } from './customer-line.ts';
import { flowchartsCheck } from './flowcharts.ts';
import { freshnessCheck } from './freshness.ts';
import { loadIndex, type IndexOptions } from './load-content.ts';
import { integrityCheck } from './integrity.ts';
import { linksCheck } from './links.ts';
import { markupCheck } from './markup.ts';
import { mdxCheck } from './mdx.ts';
import { normalizationCheck } from './normalization.ts';
import { orphansCheck } from './orphans.ts';
import { adviceCheck, glossaryCheck } from './rule-checks.ts';
import { schemaCheck } from './schema.ts';
import { sizeCheck } from './size.ts';
import { SetupError, type Check, type Problem } from './types.ts';

/** Every check, in the order problems are explained best: shape first, then references. */
export const CHECKS: Check[] = [
	schemaCheck,
	mdxCheck,
	markupCheck,
	sizeCheck,
	coverageCheck,
	linksCheck,
	orphansCheck,
	flowchartsCheck,
	normalizationCheck,
	freshnessCheck,
	customerLineCheck,
	adviceCheck,
	glossaryCheck,
	integrityCheck,
	builtLinksCheck,
	builtOrphansCheck,
	builtMarkdownCheck,
];

export interface ValidateOptions extends IndexOptions {
	/** Run the checks on the built site (`dist/`) instead of the content checks. */
	built?: boolean;
	/** The built site; default `dist`. */
	dist?: string;
	/** Run only these check ids. */
	only?: string[];
}

export interface ValidateResult {
	problems: Problem[];
	/** Ids of the checks that ran. */
	checks: string[];
	/** Number of files the checks looked at. */
	files: number;
	ms: number;
}

export async function validate(options: ValidateOptions = {}): Promise<ValidateResult> {
	const started = performance.now();
	const unknown = (options.only ?? []).filter((id) => !CHECKS.some((c) => c.id === id));
	if (unknown.length > 0) throw new SetupError(`unknown check ${unknown.join(', ')}; the checks are ${CHECKS.map((c) => c.id).join(', ')}`);
	const checks = CHECKS.filter((c) => (options.only ? options.only.includes(c.id) : c.needs === (options.built ? 'built' : 'content')));
	const index = await loadIndex(options);
	if (checks.some((c) => c.needs === 'built')) {
		index.built = loadBuiltSite(resolve(index.repo, options.dist ?? 'dist'), index.repo);
	}
	const problems: Problem[] = [];
	for (const check of checks) problems.push(...(await check.run(index)));
	problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));
	const files = index.built && !checks.some((c) => c.needs === 'content') ? index.built.pages.size : index.articles.length + index.families.length + 1;
	return { problems, checks: checks.map((c) => c.id), files, ms: performance.now() - started };
}
