/**
 * The normalization rules, `content/rules/normalization.json`: parsed JSON in, checked
 * rules out (a strict zod schema, like `discretion.json`), compiled into the matchers
 * that the importer (`scripts/lib/import/`) and the validator
 * (`scripts/lib/validate/normalization.ts`) both use, so that the two never disagree
 * about what an obfuscation, a brand or page residue is.
 *
 * The file is data an editor extends; its own `$comment` documents every field for
 * editors, and the schema below documents them for code.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { escapeRegExp } from './regexp.ts';

/** Text that must not be empty: an empty `find` would match everywhere. */
const text = z.string().min(1);

/** A regular-expression source that must compile with the `u` flag. */
const regexSource = text.refine(
	(s) => {
		try {
			new RegExp(s, 'u');
			return true;
		} catch {
			return false;
		}
	},
	{ message: 'is not a valid regular expression (u flag)' },
);

const replacementRuleSchema = z
	.object({
		/** The literal text to find (case-sensitive; ASCII edges must not touch ASCII letters). */
		find: text,
		/** What it stands for. */
		replace: text,
		/** Where it was seen, so the next editor can judge the rule. */
		why: text,
	})
	.strict();

const uncertainRuleSchema = z
	.object({
		/** The literal text to flag (used when `when` is absent, and as the rule's name). */
		find: text,
		/** What the editor probably wants instead. */
		suggest: text,
		/** Regex source (u flag) whose match is the text to flag; context goes in lookarounds. */
		when: regexSource.optional(),
		why: text,
	})
	.strict();

const unrecoverableRuleSchema = z
	.object({
		/** The literal text that replaced a filtered word (the rule's name, and the pattern without `when`). */
		find: text,
		/** Regex source (u flag) whose match is that text, with its context in lookarounds. */
		when: regexSource.optional(),
		why: text,
	})
	.strict();

const stringList = z.array(text);

const brandStandInSchema = z
	.object({
		/** Product words: a brand right before one of them is simply removed (立刷POS机 → POS机). */
		beforeProduct: stringList,
		/** What a brand on its own becomes (the company's role, e.g. 收单机构). */
		otherwise: text,
		why: text,
	})
	.strict();

export const normalizationSchema = z
	.object({
		/** Documentation for editors; ignored by code. */
		$comment: z.string().optional(),
		/** Certain repairs, applied everywhere; the validator forbids every `find` in articles. */
		obfuscations: z.array(replacementRuleSchema),
		/** Repairs certain only in the context written into `find` (written in repaired form). */
		contextual: z.array(replacementRuleSchema),
		/** Never repaired, only flagged for an editor. */
		uncertain: z.array(uncertainRuleSchema),
		/** Words standing for a filtered word that cannot be recovered: their list item or clause is removed. */
		unrecoverable: z.array(unrecoverableRuleSchema).default([]),
		/** How a brand left in a draft's body is repaired; without it, brands in the body are only flagged. */
		brandStandIn: brandStandInSchema.optional(),
		/** POS brand names (payment companies and their terminals). */
		brands: stringList,
		/** Ordinary words that contain a brand (建立刷 contains 立刷); masked before brand matching. */
		notBrand: stringList.default([]),
		/** Generic product words (pos机 …); with a promotion word in one clause they make an ad. */
		promotionSubjects: stringList.default([]),
		/** Words that sell or recruit; only meaningful with a brand or a promotion subject. */
		promotionWords: stringList,
		/** Copy-widget and page-furniture text, cut out wherever it appears. */
		residue: stringList,
		/** Headers of teaser blocks (相关产品 …), removed with the teasers under them. */
		blockHeaders: stringList.default([]),
		/** Hosts an article may cite (subdomains count); the importer keeps links to them as sources. */
		citationDomains: stringList,
	})
	.strict()
	.superRefine((rules, ctx) => {
		// A replacement that reintroduces a find would make repairs depend on how often they run.
		rules.obfuscations.forEach((o, i) => {
			const clash = rules.obfuscations.find((other) => o.replace.includes(other.find));
			if (clash) ctx.addIssue({ code: 'custom', path: ['obfuscations', i, 'replace'], message: `"${o.replace}" contains the find "${clash.find}"` });
		});
	});

export type NormalizationRules = z.infer<typeof normalizationSchema>;
export type ReplacementRule = z.infer<typeof replacementRuleSchema>;
export type UncertainRule = z.infer<typeof uncertainRuleSchema>;
export type UnrecoverableRule = z.infer<typeof unrecoverableRuleSchema>;

/** Thrown for a malformed rules file; one line naming the offending entry. */
export class RulesError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RulesError';
	}
}

/** `obfuscations[0].find`-style path, as an editor would look for it in the JSON. */
function pathOf(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Checks the shape of the parsed JSON; unknown fields are refused (a typo must not pass silently). */
export function parseRules(json: unknown): NormalizationRules {
	const result = normalizationSchema.safeParse(json);
	if (result.success) return result.data;
	const issue = result.error.issues[0]!;
	const where = issue.path.length > 0 ? pathOf(issue.path) : 'the file';
	const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
	throw new RulesError(`${where}: ${issue.message}${more}`);
}

/** Reads, checks and compiles a rules file; every failure is one `RulesError` line. */
export function loadNormalizationRules(file: string): CompiledRules {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (err) {
		throw new RulesError(`cannot read ${file}: ${(err as Error).message.split('\n')[0]}`);
	}
	try {
		return compileRules(parseRules(json));
	} catch (err) {
		throw new RulesError(`${file}: ${(err as Error).message}`);
	}
}

const ASCII_LETTER = /[A-Za-z]/;

/**
 * A literal pattern for `find`; where it starts or ends with an ASCII letter, it must not
 * touch another ASCII letter there (POSS is an obfuscation, POSSIBLE is English).
 */
export function literalPattern(find: string): string {
	const head = ASCII_LETTER.test(find.charAt(0)) ? '(?<![A-Za-z])' : '';
	const tail = ASCII_LETTER.test(find.charAt(find.length - 1)) ? '(?![A-Za-z])' : '';
	return head + escapeRegExp(find) + tail;
}

/** One global regex matching any of `finds`, longest first so overlapping finds resolve predictably. */
function alternation(finds: string[], flags = 'gu'): RegExp | undefined {
	if (finds.length === 0) return undefined;
	const sorted = [...new Set(finds)].sort((a, b) => b.length - a.length);
	return new RegExp(sorted.map(literalPattern).join('|'), flags);
}

export interface CompiledRules {
	rules: NormalizationRules;
	obfuscation?: RegExp;
	obfuscationByFind: Map<string, ReplacementRule>;
	contextual?: RegExp;
	contextualByFind: Map<string, ReplacementRule>;
	uncertain: { rule: UncertainRule; re: RegExp }[];
	unrecoverable: { rule: UnrecoverableRule; re: RegExp }[];
	/** Matches a product word at `lastIndex` (sticky): a brand followed by one is removed, not replaced. */
	brandProduct?: RegExp;
	/** Matches any brand; `notBrand` words must be masked first (see `maskNotBrand`). */
	brand?: RegExp;
	notBrand?: RegExp;
	/** Case-insensitive, like promotionWord: SEO text writes pos机, POS机 and Pos机 alike. */
	promotionSubject?: RegExp;
	promotionWord?: RegExp;
	residue?: RegExp;
	residueSet: Set<string>;
	blockHeaderSet: Set<string>;
	citationDomains: string[];
}

export function compileRules(rules: NormalizationRules): CompiledRules {
	const compiled: CompiledRules = {
		rules,
		obfuscationByFind: new Map(rules.obfuscations.map((r) => [r.find, r])),
		contextualByFind: new Map(rules.contextual.map((r) => [r.find, r])),
		uncertain: rules.uncertain.map((rule) => ({
			rule,
			re: new RegExp(rule.when ?? literalPattern(rule.find), 'gu'),
		})),
		unrecoverable: rules.unrecoverable.map((rule) => ({
			rule,
			re: new RegExp(rule.when ?? literalPattern(rule.find), 'gu'),
		})),
		residueSet: new Set(rules.residue),
		blockHeaderSet: new Set(rules.blockHeaders.map((h) => h.toLowerCase())),
		citationDomains: rules.citationDomains.map((d) => d.toLowerCase()),
	};
	const set = <K extends keyof CompiledRules>(key: K, value: CompiledRules[K] | undefined) => {
		if (value !== undefined) compiled[key] = value;
	};
	set('obfuscation', alternation(rules.obfuscations.map((r) => r.find)));
	set('contextual', alternation(rules.contextual.map((r) => r.find)));
	set('brand', alternation(rules.brands));
	set('notBrand', alternation(rules.notBrand));
	set('promotionSubject', alternation(rules.promotionSubjects, 'giu'));
	set('promotionWord', alternation(rules.promotionWords, 'giu'));
	set('residue', alternation(rules.residue));
	set('brandProduct', rules.brandStandIn ? alternation(rules.brandStandIn.beforeProduct, 'yu') : undefined);
	return compiled;
}

/** Replaces `notBrand` words by same-length filler so brand matching cannot see them. */
export function maskNotBrand(text: string, compiled: CompiledRules): string {
	return compiled.notBrand ? text.replace(compiled.notBrand, (m) => '\u3000'.repeat(m.length)) : text;
}

/** The brands named in `text`, in order of first appearance. */
export function brandsIn(text: string, compiled: CompiledRules): string[] {
	if (!compiled.brand) return [];
	return [...new Set(maskNotBrand(text, compiled).match(compiled.brand) ?? [])];
}

/** `text` without its brand names (ordinary words that contain one are left alone). */
export function removeBrands(text: string, compiled: CompiledRules): string {
	if (!compiled.brand) return text;
	// The mask keeps UTF-16 lengths, so indexes in the masked text are indexes in `text`.
	const masked = maskNotBrand(text, compiled);
	let out = '';
	let last = 0;
	for (const m of masked.matchAll(compiled.brand)) {
		out += text.slice(last, m.index);
		last = m.index + m[0].length;
	}
	return out + text.slice(last);
}

/** Every obfuscation `find` still present in `text` (for the validator and the tests). */
export function findObfuscations(text: string, compiled: CompiledRules): string[] {
	return compiled.obfuscation ? [...new Set(text.match(compiled.obfuscation) ?? [])] : [];
}
