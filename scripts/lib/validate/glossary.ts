/**
 * One term per concept (issue 13): the glossary in `content/rules/glossary.yaml` names the
 * preferred term and its banned variants (decided in AUDIT-TERMS.md). A banned variant in
 * prose, steps or a flowchart is a finding; quoted standard wording is not: text inside
 * “…” / 「…」 and the fields that quote the tables (`display`, `meaning`, `alsoShownAs`,
 * `sources` … listed in the file's `quotedFields`) keep the tables' words.
 */
import { z } from 'astro/zod';
import { blankQuotes, loadYamlRules, type RuleFinding, type TextSegment } from './rule-text.ts';
import { SetupError } from './types.ts';

const whereSchema = z.enum(['facts', 'body', 'flowchart']);

const glossaryEntrySchema = z
	.object({
		/** Short English name of the concept, quoted in messages (`issuer`). */
		concept: z.string().min(1),
		/** The one term to write. */
		preferred: z.string().min(1),
		/** Variants that must not be written (matched literally as substrings). */
		banned: z.array(z.string().min(1)).min(1),
		/** Why, and how to rewrite; shown to the editor in the fix. */
		note: z.string().min(1),
		/** Where the entry applies; default everywhere. 小票 is banned only in steps and flowcharts. */
		where: z.array(whereSchema).min(1).default(['facts', 'body', 'flowchart']),
		/** Fields where a banned variant is fine (小票 in `customerLine`). */
		allowInFields: z.array(z.string().min(1)).default([]),
		/**
		 * Longer words that contain a banned variant but are something else, masked before
		 * matching (e.g. 中心 inside 客服中心 is not the acquirer host).
		 */
		notBanned: z.array(z.string().min(1)).default([]),
	})
	.strict();

const glossaryFileSchema = z
	.object({
		/** Fields that quote standard wording as written; the glossary never applies to them. */
		quotedFields: z.array(z.string().min(1)).min(1),
		/** The table from AUDIT-TERMS.md, one entry per concept. */
		terms: z.array(glossaryEntrySchema).min(1),
	})
	.strict();

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type GlossaryRules = z.infer<typeof glossaryFileSchema>;

/** Loads and validates `content/rules/glossary.yaml`; throws a SetupError naming file:line. */
export function loadGlossaryRules(path: string): GlossaryRules {
	const { rules, lineOf } = loadYamlRules(path, glossaryFileSchema);
	const seen = new Map<string, number>();
	rules.terms.forEach((t, i) => {
		for (const b of t.banned) {
			// One banned word owned by two concepts would give the editor two contradicting fixes.
			if (seen.has(b)) throw new SetupError(`${path}:${lineOf(['terms', i, 'banned'])}: "${b}" is banned twice (also in terms[${seen.get(b)}])`);
			seen.set(b, i);
			if (b === t.preferred || t.preferred.includes(b)) {
				throw new SetupError(`${path}:${lineOf(['terms', i, 'banned'])}: banned "${b}" is part of the preferred term "${t.preferred}"`);
			}
		}
	});
	return rules;
}

/** Every banned variant outside quotations and quoted fields. */
export function checkGlossary(segments: TextSegment[], rules: GlossaryRules): RuleFinding[] {
	const findings: RuleFinding[] = [];
	for (const seg of segments) {
		if (seg.field && rules.quotedFields.includes(seg.field)) continue;
		const unquoted = blankQuotes(seg.text);
		for (const term of rules.terms) {
			if (!term.where.includes(seg.where)) continue;
			if (seg.field && term.allowInFields.includes(seg.field)) continue;
			let text = unquoted;
			for (const nb of term.notBanned) text = text.split(nb).join(' '.repeat(nb.length));
			// Longest first, so 装入主密钥 is reported as itself and not as 装入密钥's neighbour.
			const hit = [...term.banned].sort((a, b) => b.length - a.length).find((b) => text.includes(b));
			if (!hit) continue;
			findings.push({
				file: seg.file,
				line: seg.line,
				message: `glossary [${term.concept}] "${hit}" is a banned variant`,
				fix: `write "${term.preferred}" (${term.note})`,
			});
		}
	}
	return findings;
}
