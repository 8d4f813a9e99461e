/**
 * The one rule for addresses a page may link to: a site path (`/codes/55/`), an anchor
 * (`#steps-merchant`), or an http(s) address. `javascript:`, `data:` and other schemes run
 * code or leak data in the reader's browser. The validator refuses them in content; the
 * renderer and the footer refuse them again here, whatever the validator said.
 */
export function isSafeHref(href: string): boolean {
	const trimmed = href.trim();
	if (trimmed.startsWith('#') || (trimmed.startsWith('/') && !trimmed.startsWith('//'))) return true;
	// Browsers ignore tabs and newlines inside a scheme (`java\tscript:`), so strip them first.
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
	return scheme === 'http' || scheme === 'https';
}
