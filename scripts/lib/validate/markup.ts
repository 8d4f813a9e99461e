/**
 * Markup: nothing in content can put script, styling or foreign frames into a page, or a
 * link that runs code. Refused, with the line, in articles and family texts:
 * - the elements `<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`, `<link>`,
 *   `<meta>`, `<base>`, `<form>` and raw HTML;
 * - `on…` event attributes, `set:html` / `set:text`, spread attributes `{...x}`, `style=`;
 * - links (Markdown, `href`/`src` attributes and flowchart `click` lines) whose scheme is
 *   not http or https: `javascript:`, `data:`, `vbscript:`, `file:` run code or leak files.
 *   Site paths (`/codes/55/`) and `#anchors` are fine.
 * The renderer and the footer refuse the same URLs themselves (defence in depth).
 */
import type { Outline } from '../../../src/lib/content/outline.ts';
import { isSafeHref } from '../../../src/lib/url.ts';
import { stamp, type Check, type Finding } from './types.ts';

const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'form', 'svg', 'math', 'template']);

export const markupCheck: Check = {
	id: 'markup',
	description: 'no script, style, frames, event handlers or code-running links in content',
	needs: 'content',
	run(index) {
		const findings: Finding[] = [];
		for (const a of index.articles) findings.push(...checkOutline(a.file, a.body));
		for (const f of index.families) findings.push(...checkOutline(f.file, f.body));
		for (const a of index.articles) {
			const sources = a.data['sources'];
			if (!Array.isArray(sources)) continue;
			sources.forEach((s, i) => {
				const url = (s as { url?: unknown } | null)?.url;
				if (typeof url === 'string' && !/^https?:\/\//i.test(url.trim())) {
					findings.push({ file: a.file, line: a.frontmatter.lineOf(['sources', i, 'url']), message: `source URL "${url.slice(0, 60)}" is not an http(s) address`, fix: 'cite a web page by its https:// address, or drop `url:` and keep the title' });
				}
			});
		}
		return stamp('markup', findings);
	},
};

function checkOutline(file: string, body: Outline): Finding[] {
	const findings: Finding[] = [];
	for (const el of body.elements) {
		const name = el.name.toLowerCase();
		if (FORBIDDEN_ELEMENTS.has(name)) {
			findings.push({ file, line: el.line, column: el.column, message: `<${el.name}> is not allowed in content`, fix: 'remove it: pages take their scripts and styles from the site, never from an article' });
		}
		if (el.spread) findings.push({ file, line: el.line, column: el.column, message: `<${el.name} {...}> spreads unknown attributes`, fix: 'write each attribute out' });
		for (const attr of el.attributes) {
			const an = attr.name.toLowerCase();
			if (/^on/.test(an)) findings.push({ file, line: attr.line, message: `<${el.name} ${attr.name}=…> runs script`, fix: 'remove the event attribute' });
			else if (an === 'set:html' || an === 'set:text') findings.push({ file, line: attr.line, message: `<${el.name} ${attr.name}=…> injects raw HTML`, fix: 'write the content as Markdown text' });
			else if (an === 'style') findings.push({ file, line: attr.line, message: `<${el.name} style=…> styles content inline`, fix: 'remove it: the site theme (light, dark, print) comes from CSS' });
			else if ((an === 'href' || an === 'src' || an === 'action' || an === 'formaction' || an === 'xlink:href') && attr.value !== undefined && !isSafeHref(attr.value)) {
				findings.push({ file, line: attr.line, message: `<${el.name} ${attr.name}="${attr.value.slice(0, 40)}"> is not an http(s) address or a site path`, fix: 'link to a site path (/codes/55/) or an https:// page' });
			} else if ((an === 'href' || an === 'src') && attr.expression) {
				findings.push({ file, line: attr.line, message: `<${el.name} ${attr.name}={…}> computes its address`, fix: 'write the address as a literal "…"' });
			}
		}
	}
	for (const h of body.html) findings.push({ file, line: h.line, message: `raw HTML "${h.value.slice(0, 40)}"`, fix: 'write it as Markdown or an author component' });
	for (const link of [...body.links, ...body.mermaid.flatMap((b) => b.links)]) {
		if (!isSafeHref(link.href) && /^[a-z][a-z0-9+.-]*:/i.test(link.href.replace(/[\t\n\r]/g, '').trim())) {
			findings.push({
				file,
				line: link.line,
				message: `${link.from === 'flowchart' ? 'flowchart link' : 'link'} "${link.href.slice(0, 60)}" is not an http(s) address`,
				fix: 'link to a site path (/codes/55/) or an https:// page; javascript:, data: and other schemes are refused',
			});
		}
	}
	return findings;
}
