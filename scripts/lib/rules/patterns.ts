/**
 * URL and contact patterns. They are code, not data in `normalization.json`, because
 * they are syntax (what a URL or a phone number looks like), not vocabulary an editor
 * extends. All are global regexes: use them with `match`/`replace`/`matchAll`, never
 * with `test` (which would keep state in `lastIndex`).
 */

/** Characters that end a URL in Chinese running text. */
const URL_END = `\\s<>"'()（）【】\\[\\]，,。；;！？、`;

/** Scheme URLs and www. hosts. */
export const URL_RE = new RegExp(`\\bhttps?:\\/\\/[^${URL_END}]+|\\bwww\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+[^${URL_END}]*`, 'giu');

/**
 * Bare domains such as `soupos.cn` or `alakala.cn联系客服`. Only common TLDs, so that
 * version numbers and file names (`v1.2`, `app.js`) are not taken for domains.
 */
export const BARE_DOMAIN_RE = new RegExp(
	`(?<![a-z0-9@._-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*` +
		`\\.(?:com|cn|net|org|cc|top|vip|xyz|info|me|io|co|biz|site|shop|club|online|tech|ltd|link|wang|ink|pro|app|gov)` +
		`(?:\\.cn)?(?![a-z0-9-])(?:\\/[^${URL_END}]*)?`,
	'giu',
);

export const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/giu;

/** Mainland mobile numbers, 400/800 hotlines, landlines written with an area code. */
export const PHONE_RE =
	/(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![\d.])|(?<![\d.])[48]00[-\s]?\d{3}[-\s]?\d{4}(?![\d.])|(?<![\d.])0\d{2,3}-\d{7,8}(?![\d.])/gu;

/** WeChat and QQ ids, and "add me on WeChat" solicitations without an id. */
export const CONTACT_RE =
	/(?:微信|威信|薇信|V信|v信|VX|vx|Vx|wx|WX|weixin|wechat)(?:号|号码|ID|id)?\s*[:：]?\s*[A-Za-z][-_A-Za-z0-9]{5,19}|(?:QQ|qq|扣扣|企鹅)(?:号|群|号码)?\s*[:：]?\s*[1-9]\d{4,11}|加(?:我)?(?:微信|威信|V信|v信|VX|vx|QQ|qq)/gu;

/** The host of a URL-ish string (`https://a.b/c`, `www.a.b`, `a.b/c`), lower-cased. */
export function hostOf(url: string): string {
	return url
		.replace(/^[a-z]+:\/\//i, '')
		.split(/[/?#:]/)[0]!
		.toLowerCase();
}

/** True when the URL's host is an allow-listed citation domain or one of its subdomains. */
export function isCitationUrl(url: string, citationDomains: string[]): boolean {
	const host = hostOf(url);
	return citationDomains.some((d) => host === d || host.endsWith(`.${d}`));
}

export interface Found {
	match: string;
	index: number;
	kind: 'url' | 'email' | 'phone' | 'contact';
}

/** Every URL, e-mail, phone number and WeChat/QQ contact in `text`, in order. */
export function findContacts(text: string): Found[] {
	const found: Found[] = [];
	const add = (re: RegExp, kind: Found['kind']) => {
		for (const m of text.matchAll(re)) {
			const index = m.index;
			// A bare-domain hit inside a URL or e-mail already found is the same thing.
			if (found.some((f) => index >= f.index && index < f.index + f.match.length)) continue;
			found.push({ match: m[0], index, kind });
		}
	};
	add(URL_RE, 'url');
	add(EMAIL_RE, 'email');
	add(BARE_DOMAIN_RE, 'url');
	add(PHONE_RE, 'phone');
	add(CONTACT_RE, 'contact');
	return found.sort((a, b) => a.index - b.index);
}
