/**
 * Reads `content/rules/normalization.json` (parsed JSON in, checked rules out) and
 * compiles it into the matchers the other modules use.
 *
 * The validator reads the same file. `compileRules` and `findObfuscations` are exported
 * so it can match exactly as the importer does (same ASCII-boundary rule) instead of
 * re-implementing it.
 */

export interface ReplacementRule {
	find: string;
	replace: string;
	why: string;
}

export interface UncertainRule {
	find: string;
	suggest: string;
	/** Regex source (u flag); its match is the text to flag. */
	when?: string;
	why: string;
}

export interface NormalizationRules {
	obfuscations: ReplacementRule[];
	contextual: ReplacementRule[];
	uncertain: UncertainRule[];
	brands: string[];
	notBrand: string[];
	promotionSubjects: string[];
	promotionWords: string[];
	residue: string[];
	blockHeaders: string[];
	citationDomains: string[];
}

/** Thrown for a malformed rules file; names the offending entry. */
export class RulesError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RulesError';
	}
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(root: Json, key: string, optional = false): string[] {
	const v = root[key];
	if (v === undefined && optional) return [];
	if (!Array.isArray(v)) throw new RulesError(`"${key}" must be an array of strings`);
	return v.map((s, i) => {
		if (typeof s !== 'string' || s.trim() === '') throw new RulesError(`${key}[${i}] must be a non-empty string`);
		return s;
	});
}

function str(entry: Json, key: string, where: string, optional: true): string | undefined;
function str(entry: Json, key: string, where: string, optional?: false): string;
function str(entry: Json, key: string, where: string, optional = false): string | undefined {
	const v = entry[key];
	if (v === undefined && optional) return undefined;
	if (typeof v !== 'string' || v === '') throw new RulesError(`${where}.${key} must be a non-empty string`);
	return v;
}

function replacementList(root: Json, key: string): ReplacementRule[] {
	const v = root[key];
	if (!Array.isArray(v)) throw new RulesError(`"${key}" must be an array`);
	return v.map((e, i) => {
		const where = `${key}[${i}]`;
		if (!isObject(e)) throw new RulesError(`${where} must be an object with find, replace and why`);
		return { find: str(e, 'find', where), replace: str(e, 'replace', where), why: str(e, 'why', where) };
	});
}

/** Checks the shape of the parsed JSON. Extra fields are allowed (editors may annotate). */
export function parseRules(json: unknown): NormalizationRules {
	if (!isObject(json)) throw new RulesError('the file must hold one JSON object');
	const uncertainRaw = json['uncertain'];
	if (!Array.isArray(uncertainRaw)) throw new RulesError('"uncertain" must be an array');
	const uncertain = uncertainRaw.map((e, i): UncertainRule => {
		const where = `uncertain[${i}]`;
		if (!isObject(e)) throw new RulesError(`${where} must be an object with find, suggest and why`);
		const when = str(e, 'when', where, true);
		const rule: UncertainRule = { find: str(e, 'find', where), suggest: str(e, 'suggest', where), why: str(e, 'why', where) };
		if (when !== undefined) {
			try {
				new RegExp(when, 'u');
			} catch (err) {
				throw new RulesError(`${where}.when is not a valid regular expression: ${(err as Error).message}`);
			}
			rule.when = when;
		}
		return rule;
	});
	const rules: NormalizationRules = {
		obfuscations: replacementList(json, 'obfuscations'),
		contextual: replacementList(json, 'contextual'),
		uncertain,
		brands: stringList(json, 'brands'),
		notBrand: stringList(json, 'notBrand', true),
		promotionSubjects: stringList(json, 'promotionSubjects', true),
		promotionWords: stringList(json, 'promotionWords'),
		residue: stringList(json, 'residue'),
		blockHeaders: stringList(json, 'blockHeaders', true),
		citationDomains: stringList(json, 'citationDomains'),
	};
	// A replacement that reintroduces a find would make repairs depend on how often they run.
	for (const [i, o] of rules.obfuscations.entries()) {
		const clash = rules.obfuscations.find((other) => o.replace.includes(other.find));
		if (clash) throw new RulesError(`obfuscations[${i}].replace "${o.replace}" contains the find "${clash.find}"`);
	}
	return rules;
}

export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
