/**
 * The advertisement rule, shared by the importer (which removes advertisements from
 * scraped text) and the validator (which refuses them in published articles).
 */
import { brandsIn, maskNotBrand, type CompiledRules } from './normalization.ts';
import { findContacts, isCitationUrl } from './patterns.ts';

/** Splits a paragraph into clauses: the unit in which "POS机 + 办理" counts as an ad. */
export const CLAUSE_SPLIT = /[,，。;；!！?？:：\n]/u;

const CONTACT_LABEL = { url: 'URL', email: 'e-mail address', phone: 'phone number', contact: 'WeChat/QQ contact' } as const;

/**
 * Why `text` is an advertisement, or undefined. An ad is a line with a URL or contact
 * (allow-listed citation links excepted), a brand with a promotion word anywhere in the
 * paragraph, or a generic product word with a promotion word in the same clause
 * ("为用户办理了退款手续" is fine next to POS机 in another clause).
 */
export function promotionReason(text: string, compiled: CompiledRules): string | undefined {
	const contact = findContacts(text).find((f) => !(f.kind === 'url' && isCitationUrl(f.match, compiled.citationDomains)));
	if (contact) return `${CONTACT_LABEL[contact.kind]} "${contact.match}"`;
	const word = compiled.promotionWord ? text.match(compiled.promotionWord)?.[0] : undefined;
	if (!word) return undefined;
	const brand = brandsIn(text, compiled)[0];
	if (brand) return `brand "${brand}" with "${word}"`;
	if (!compiled.promotionSubject || !compiled.promotionWord) return undefined;
	for (const clause of maskNotBrand(text, compiled).split(CLAUSE_SPLIT)) {
		const subject = clause.match(compiled.promotionSubject)?.[0];
		const clauseWord = clause.match(compiled.promotionWord)?.[0];
		if (subject && clauseWord) return `"${subject}" with "${clauseWord}" in one clause`;
	}
	return undefined;
}
