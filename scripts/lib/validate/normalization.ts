/**
 * Normalization leftovers: what `npm run import` removes from scraped text must not be
 * in a published article. The patterns are data, in `content/rules/normalization.json`
 * (editors extend them there), and are matched with the importer's own matchers
 * (`scripts/lib/rules/`), so the importer and the validator never disagree:
 * - a URL whose host is not in `citationDomains` (subdomains count), in the body or in
 *   `sources`; e-mail addresses, phone numbers and WeChat/QQ contacts;
 * - a known obfuscation (`obfuscations[].find`: ka卡, 七咋 …) or an unrepaired
 *   `contextual` find;
 * - a brand with a promotion word in one paragraph, or a product word with a promotion
 *   word in one clause (an advertisement);
 * - copy-widget residue and teaser-block headers.
 * `uncertain` patterns are not errors here: they are often correct Chinese, and the
 * importer already flagged them for the editor who published the article.
 */
import { findContacts, hostOf, isCitationUrl } from '../rules/patterns.ts';
import { promotionReason } from '../rules/promotion.ts';
import { brandsIn } from '../rules/normalization.ts';
import type { CompiledRules } from '../rules/normalization.ts';
import { stamp, type Check, type Finding } from './types.ts';

const CONTACT = { email: 'an e-mail address', phone: 'a phone number', contact: 'a WeChat/QQ contact' } as const;

export const normalizationCheck: Check = {
	id: 'normalization',
	description: 'no URL outside the citation allow-list, obfuscation, advertisement or page residue (content/rules/normalization.json)',
	needs: 'content',
	run(index) {
		const { normalization } = index;
		if (!normalization.rules) {
			return stamp('normalization', [{ file: normalization.file, line: 1, message: normalization.error ?? 'no rules', fix: 'restore the rules file (the importer engineer owns it)' }]);
		}
		const rules = normalization.rules;
		const findings: Finding[] = [];
		const files = [...index.articles, ...index.families].map((a) => ({ file: a.file, text: a.text }));
		for (const { file, text } of files) {
			text.split('\n').forEach((line, i) => {
				if (/^\s*import\s.*\sfrom\s/.test(line)) return;
				findings.push(...lineFindings(line, i + 1, file, rules, normalization.file, index.siteHost));
			});
		}
		return stamp('normalization', findings);
	},
};

function lineFindings(text: string, line: number, file: string, rules: CompiledRules, rulesFile: string, siteHost: string | undefined): Finding[] {
	const findings: Finding[] = [];
	for (const found of findContacts(text)) {
		if (found.kind === 'url') {
			if (isCitationUrl(found.match, rules.citationDomains)) continue;
			// Links to pages of this site are the links check's (they should be paths).
			if (siteHost && hostOf(found.match) === siteHost) continue;
			findings.push({ file, line, message: `URL ${found.match} is not on the citation allow-list`, fix: `remove it, or cite a source on an allowed host (citationDomains in ${rulesFile})` });
		} else {
			findings.push({ file, line, message: `${CONTACT[found.kind]} "${found.match}" is left from a scraped page`, fix: 'remove it: articles send readers to the issuer or acquirer, never to a contact in the text' });
		}
	}
	for (const m of rules.obfuscation ? text.matchAll(rules.obfuscation) : []) {
		const rule = rules.obfuscationByFind.get(m[0]);
		findings.push({ file, line, message: `obfuscated text "${m[0]}"`, fix: `write "${rule?.replace ?? '…'}" (${rulesFile} obfuscations)` });
	}
	for (const m of rules.contextual ? text.matchAll(rules.contextual) : []) {
		const rule = rules.contextualByFind.get(m[0]);
		findings.push({ file, line, message: `unrepaired text "${m[0]}"`, fix: `write "${rule?.replace ?? '…'}" (${rulesFile} contextual)` });
	}
	for (const { rule, re } of rules.unrecoverable) {
		for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
			findings.push({ file, line, message: `"${m[0]}" stands in for a filtered word that cannot be recovered`, fix: `rewrite the sentence without it (${rulesFile} unrecoverable: ${rule.why.slice(0, 60)}…)` });
		}
	}
	// A brand in an advertisement is reported once, as the advertisement (below).
	const ad = promotion(text, rules);
	for (const brand of ad ? [] : brandsIn(text, rules)) {
		findings.push({ file, line, message: `names the POS brand "${brand}"`, fix: 'remove the brand: this site names no POS brand or product (write 收单机构 or POS 机)' });
	}
	for (const m of rules.residue ? text.matchAll(rules.residue) : []) {
		findings.push({ file, line, message: `page residue "${m[0]}" from a scraped page`, fix: 'remove it' });
	}
	if (ad) findings.push({ file, line, message: `advertisement: ${ad}`, fix: 'remove the advertisement: this site names no POS brand or product to buy' });
	const bare = text.replace(/^\s*(?:#{1,6}\s+|[-*]\s+)?(?:\*\*)?/, '').replace(/(?:\*\*)?\s*[:：]?\s*$/, '');
	if (bare && rules.blockHeaderSet.has(bare.toLowerCase())) {
		findings.push({ file, line, message: `teaser-block header "${bare}" from a scraped page`, fix: 'remove the header and the teaser lines under it' });
	}
	return findings;
}

/**
 * The importer's advertisement rule (`promotionReason`), applied per line as the importer
 * does (a line of scraped text is its paragraph). URLs and contacts are blanked first:
 * they are reported above, each on its own.
 */
function promotion(text: string, rules: CompiledRules): string | undefined {
	// Most lines have no promotion word at all; skip the full rule for them.
	if (!rules.promotionWord || text.search(rules.promotionWord) < 0) return undefined;
	let plain = text;
	for (const f of findContacts(text)) plain = plain.slice(0, f.index) + ' '.repeat(f.match.length) + plain.slice(f.index + f.match.length);
	return promotionReason(plain, rules);
}
