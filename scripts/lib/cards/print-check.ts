/**
 * Checks that a printed card (or the wall chart) is really one legible A4 page. Used by
 * the browser test (`test/browser/cards.test.ts`) and by `scripts/cards-pdf.ts`, so the
 * files support staff download pass the same checks as the test.
 *
 * Three kinds of evidence:
 * - the PDF itself, read with pdf-lib: exactly one page, an A4 MediaBox, at most
 *   150 KB, the CJK text in an embedded font subset with a ToUnicode map (selectable and
 *   searchable), and no Type 3 fonts (glyphs drawn as outlines);
 * - the page in print emulation at A4 size: no element outside the page or the
 *   printable area, nothing running into the footer, no text under 8 pt (SVG text
 *   measured at its drawn scale), edge labels inside their boxes;
 * - the DevTools protocol: the platform font that drew the Chinese text is a CJK face
 *   with glyphs, so a machine without CJK fonts (empty boxes) cannot pass.
 *
 * `npm run cards:pdf` prints each card once per run and writes every result to
 * `dist/cards/checks.json` (`PrintChecks`); the browser test asserts on that file and
 * prints only its negative fixtures.
 *
 * Not imported by any page: playwright is only a type here.
 */
import type { Page } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { z } from 'zod';
import { MIN_TEXT_PX, PAGE, PX_PER_MM } from '../../../src/lib/cards/layout.ts';

/** A4 in PDF points (1/72 in): 595.28 × 841.89. */
export const A4_PT = { width: (PAGE.widthMm / 25.4) * 72, height: (PAGE.heightMm / 25.4) * 72 };
/** A4 in CSS px, and the viewport used to emulate it (whole pixels). */
export const A4_PX = { width: PAGE.widthMm * PX_PER_MM, height: PAGE.heightMm * PX_PER_MM };
export const A4_VIEWPORT = { width: Math.ceil(A4_PX.width), height: Math.ceil(A4_PX.height) };
/** Printers cannot print the outer ~5 mm; nothing on the sheet may reach into it. */
export const UNPRINTABLE_MM = 5;

/** Font names that are CJK faces (PDF BaseFont or platform family name). */
export const CJK_FONT = /CJK|SourceHan|Source Han|NotoSansSC|Noto Sans SC|NotoSerifSC|PingFang|YaHei|Hiragino|SimSun|SimHei|WenQuanYi|Droid ?Sans ?Fallback/i;

/** Largest card or wall-chart PDF we accept: small enough to send over a chat app on a weak network. */
export const MAX_PDF_BYTES = 150 * 1024;

export interface PdfFont {
	/** BaseFont without the subset prefix, e.g. `NotoSansSCThin-Regular`. */
	name: string;
	/** `Type0`, `TrueType`, `Type1` … or `Type3` (glyphs drawn as outlines, not a font). */
	subtype: string;
	/** A font program is embedded (FontFile, FontFile2 or FontFile3). */
	embedded: boolean;
	/** The BaseFont has a subset prefix (`ABCDEF+`): only the glyphs used are embedded. */
	subset: boolean;
	/** A ToUnicode map: the text can be selected, copied and searched. */
	toUnicode: boolean;
}

export interface PdfFacts {
	pages: number;
	/** Each page's MediaBox [x0, y0, x1, y1] in points. */
	mediaBoxes: number[][];
	/** BaseFont names without the subset prefix (e.g. `NotoSansSCThin-Regular`), each once. */
	fonts: string[];
	/** Every font dictionary in the file. */
	fontDetails: PdfFont[];
}

/** Facts read from the PDF with pdf-lib: pages, page sizes, and every font dictionary. */
export async function pdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
	const pages = doc.getPages();
	const mediaBoxes = pages.map((p) => {
		const { x, y, width, height } = p.getMediaBox();
		return [x, y, x + width, y + height];
	});
	const fontDetails: PdfFont[] = [];
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
		const subtype = object.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '';
		if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue; // described through its Type0 parent
		const base = object.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '';
		const descendant = object.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
		const descriptor = (descendant ?? object).lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
		const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.get(PDFName.of(k)) !== undefined);
		fontDetails.push({
			name: base.replace(/^[A-Z]{6}\+/, ''),
			subtype,
			embedded,
			subset: /^[A-Z]{6}\+/.test(base),
			toUnicode: object.get(PDFName.of('ToUnicode')) !== undefined,
		});
	}
	const fonts = [...new Set(fontDetails.map((f) => f.name).filter(Boolean))].sort();
	return { pages: pages.length, mediaBoxes, fonts, fontDetails };
}

/**
 * Problems with a printed PDF: page count, page size, size in bytes, and the CJK text
 * must be an embedded, selectable font subset (not Type 3 outlines). Empty when it is fine.
 */
export async function checkPdf(bytes: Uint8Array, maxBytes = MAX_PDF_BYTES): Promise<string[]> {
	if (!Buffer.from(bytes.subarray(0, 5)).toString('latin1').startsWith('%PDF-')) return ['not a PDF file'];
	const problems: string[] = [];
	const facts = await pdfFacts(bytes);
	if (facts.pages !== 1) problems.push(`prints on ${facts.pages} pages, not exactly one`);
	for (const box of facts.mediaBoxes) {
		const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = box;
		const w = x1 - x0;
		const h = y1 - y0;
		if (Math.abs(w - A4_PT.width) > 2 || Math.abs(h - A4_PT.height) > 2) {
			problems.push(`page is ${w.toFixed(1)}×${h.toFixed(1)} pt, not A4 portrait (${A4_PT.width.toFixed(1)}×${A4_PT.height.toFixed(1)})`);
		}
	}
	if (facts.mediaBoxes.length === 0) problems.push('no page found');
	if (bytes.length > maxBytes) problems.push(`the PDF is ${(bytes.length / 1024).toFixed(0)} KB, over ${(maxBytes / 1024).toFixed(0)} KB`);
	const cjk = facts.fontDetails.filter((f) => CJK_FONT.test(f.name));
	if (cjk.length === 0) problems.push(`no CJK font embedded (fonts: ${facts.fonts.join(', ') || 'none'})`);
	else if (!cjk.some((f) => f.embedded && f.subset && f.toUnicode)) problems.push(`the CJK font is not an embedded, selectable font subset (${JSON.stringify(cjk[0])})`);
	const outlines = facts.fontDetails.filter((f) => f.subtype === 'Type3').length;
	if (outlines > 0) problems.push(`${outlines} Type 3 font(s): text drawn as outlines, not an embedded font (is the print font loading?)`);
	return problems;
}

/**
 * Wait for the print font: the card's web font is used only under print media, so its
 * pieces start loading when the page is laid out for print. Force that layout first,
 * then wait for every font load it started.
 */
export async function printFontsReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		void document.body.getBoundingClientRect();
		await document.fonts.ready;
	});
}

export interface LayoutReport {
	problems: string[];
	/** Smallest drawn text on the page, px, and where. */
	smallestText: { px: number; where: string };
	/** How far the content reaches down, px (the page is A4_PX.height). */
	contentBottom: number;
}

/**
 * Lay the page out as print at A4 and check it. The page should already be loaded; this
 * sets the viewport and print media itself.
 */
export async function checkPrintLayout(page: Page): Promise<LayoutReport> {
	await page.setViewportSize(A4_VIEWPORT);
	await page.emulateMedia({ media: 'print', colorScheme: 'light' });
	await printFontsReady(page);
	return page.evaluate(
		({ pageW, pageH, inset, minText }) => {
			const problems: string[] = [];
			const describe = (el: Element) => {
				const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
				const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
				return `<${el.tagName.toLowerCase()}${cls}>${text ? ` “${text}”` : ''}`;
			};
			const visible = (el: Element) => {
				const style = getComputedStyle(el);
				if (style.display === 'none' || style.visibility === 'hidden') return false;
				const r = el.getBoundingClientRect();
				return r.width > 0 || r.height > 0;
			};
			const all = [...document.body.querySelectorAll('*')].filter(visible);
			const sheet = document.querySelector('.sheet');

			// 1. Nothing outside the page; nothing on the sheet in the unprintable edge.
			let outside = 0;
			for (const el of all) {
				const r = el.getBoundingClientRect();
				const onSheet = sheet && sheet !== el && sheet.contains(el);
				const m = onSheet ? inset : 0;
				if (r.left < m - 0.5 || r.top < m - 0.5 || r.right > pageW - m + 0.5 || r.bottom > pageH - m + 0.5) {
					if (outside++ < 5) {
						problems.push(
							`${describe(el)} is outside the ${onSheet ? 'printable area' : 'page'} (box ${r.left.toFixed(0)},${r.top.toFixed(0)}–${r.right.toFixed(0)},${r.bottom.toFixed(0)}; page ${pageW.toFixed(0)}×${pageH.toFixed(0)})`,
						);
					}
				}
			}
			if (outside > 5) problems.push(`… and ${outside - 5} more elements outside the page`);
			const scrollH = document.documentElement.scrollHeight;
			if (scrollH > pageH + 1) problems.push(`the document is ${scrollH}px tall, more than one page (${pageH.toFixed(0)}px)`);
			const scrollW = document.documentElement.scrollWidth;
			if (scrollW > pageW + 1) problems.push(`the document is ${scrollW}px wide, wider than the page (${pageW.toFixed(0)}px)`);

			// 2. Nothing runs into the footer (content taller than the space above it).
			const footer = sheet?.querySelector(':scope > footer');
			if (footer) {
				const top = footer.getBoundingClientRect().top;
				let overlapping = 0;
				for (const el of all) {
					if (footer.contains(el) || !sheet!.contains(el) || el === sheet || el.contains(footer)) continue;
					if (el.getBoundingClientRect().bottom > top + 0.5 && overlapping++ < 3) problems.push(`${describe(el)} runs into the footer`);
				}
			}

			// 3. No text smaller than 8 pt, SVG text at the scale it is drawn.
			let smallest = { px: Infinity, where: '' };
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (!node.textContent?.trim()) continue;
				const el = node.parentElement;
				if (!el || !visible(el) || el.closest('title, desc, style, script')) continue;
				let px = parseFloat(getComputedStyle(el).fontSize);
				const svg = el.closest('svg');
				if (svg) {
					const vb = svg.viewBox.baseVal;
					const drawn = svg.getBoundingClientRect().width;
					if (vb && vb.width > 0) px *= drawn / vb.width;
				}
				if (px < smallest.px) smallest = { px, where: describe(el) };
				if (px < minText) problems.push(`${describe(el)} is drawn at ${px.toFixed(2)}px, under 8 pt (${minText}px)`);
			}

			// 4. Edge labels stay inside their boxes (the card draws them larger than the SVG does).
			for (const label of document.querySelectorAll('svg .edge-label')) {
				const rect = label.querySelector('rect')?.getBoundingClientRect();
				const text = label.querySelector('text')?.getBoundingClientRect();
				if (rect && text && (text.left < rect.left - 0.5 || text.right > rect.right + 0.5)) {
					problems.push(`edge label ${describe(label)} is wider than its box`);
				}
			}

			let contentBottom = 0;
			for (const el of all) if (el !== sheet && sheet?.contains(el)) contentBottom = Math.max(contentBottom, el.getBoundingClientRect().bottom);
			return { problems, smallestText: smallest, contentBottom };
		},
		{ pageW: A4_PX.width, pageH: A4_PX.height, inset: UNPRINTABLE_MM * PX_PER_MM, minText: MIN_TEXT_PX },
	);
}

export interface FontUse {
	selector: string;
	fonts: { familyName: string; glyphCount: number }[];
}

/**
 * Which platform fonts drew the Chinese text, through the DevTools protocol
 * (`CSS.getPlatformFontsForNode`). Each selector's first match must contain Chinese.
 */
export async function platformFonts(page: Page, selectors: string[]): Promise<FontUse[]> {
	const cdp = await page.context().newCDPSession(page);
	try {
		await cdp.send('DOM.enable');
		await cdp.send('CSS.enable');
		const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
		const uses: FontUse[] = [];
		for (const selector of selectors) {
			const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
			if (!nodeId) {
				uses.push({ selector, fonts: [] });
				continue;
			}
			const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
			uses.push({ selector, fonts: fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount })) });
		}
		return uses;
	} finally {
		await cdp.detach();
	}
}

/** Problems with the fonts that drew the Chinese text: each selector needs a CJK face with glyphs. */
export async function checkCjkFonts(page: Page, selectors: string[]): Promise<string[]> {
	const problems: string[] = [];
	for (const use of await platformFonts(page, selectors)) {
		if (use.fonts.length === 0) {
			problems.push(`${use.selector}: no text found to check the font of`);
			continue;
		}
		const cjk = use.fonts.filter((f) => CJK_FONT.test(f.familyName) && f.glyphCount > 0);
		if (cjk.length === 0) {
			problems.push(`${use.selector}: Chinese text was drawn with ${use.fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ')}, not a CJK font`);
		}
	}
	return problems;
}

/**
 * Elements whose own text (not only their children's) is Chinese, on every card and on
 * the wall chart: `CSS.getPlatformFontsForNode` reports the fonts of an element's own text.
 */
export const CJK_SELECTORS = {
	card: ['.card-meaning', '.card-first-text', '.card-customer-text', '.card-role li', '.card-foot'],
	wallChart: ['.wall-title', '.wall-table tbody td', '.wall-never h2', '.wall-never li', '.wall-blanks span'],
} as const;

/** Print the page to PDF as support staff get it: A4 from the page's own CSS, backgrounds on. */
export async function printPdf(page: Page, path?: string): Promise<Uint8Array> {
	await page.emulateMedia({ media: 'print', colorScheme: 'light' });
	await printFontsReady(page);
	const buffer = await page.pdf({ preferCSSPageSize: true, printBackground: true, ...(path ? { path } : {}) });
	return new Uint8Array(buffer);
}

export interface PrintedPage {
	/** Every problem found; empty means the page prints right. */
	problems: string[];
	layout: LayoutReport;
	/** Size of the PDF in bytes. */
	bytes: number;
	/** The PDF's page count, page sizes and fonts. */
	pdf: PdfFacts;
}

/** Every check on one loaded card or wall-chart page; no problems means it prints right. */
export async function checkPrintedPage(page: Page, cjkSelectors: readonly string[], pdfPath?: string): Promise<PrintedPage> {
	const layout = await checkPrintLayout(page);
	const fonts = await checkCjkFonts(page, [...cjkSelectors]);
	const pdf = await printPdf(page, pdfPath);
	return {
		problems: [...layout.problems, ...fonts, ...(await checkPdf(pdf)).map((p) => `PDF: ${p}`)],
		layout,
		bytes: pdf.length,
		pdf: await pdfFacts(pdf),
	};
}

/** The file `cards:pdf` writes beside the PDFs: `dist/cards/checks.json`. */
export const CHECKS_FILE = 'checks.json';

/** One printed page's result in `checks.json`. */
export const printCheckSchema = z.strictObject({
	/** Page printed, e.g. `/cards/55/` or `/cards/` for the wall chart. */
	path: z.string().startsWith('/cards/'),
	/** Card id (`55`, `settlement-failure`) or `wall-chart`. */
	id: z.string().min(1),
	kind: z.enum(['card', 'wall-chart']),
	/** The PDF's file name in `dist/cards/`, e.g. `55.pdf`. */
	pdf: z.string().endsWith('.pdf'),
	/** The PDF's size in bytes. */
	bytes: z.number().int().nonnegative(),
	/** Everything the checks found wrong; empty when the page prints right. */
	problems: z.array(z.string()),
	/** Smallest drawn text on the page in px (null when the page had no text). */
	smallestTextPx: z.number().nullable(),
	/** Fonts embedded in the PDF, without subset prefixes. */
	fonts: z.array(z.string()),
	/** Pages in the PDF. */
	pages: z.number().int().nonnegative(),
});
export type PrintCheck = z.infer<typeof printCheckSchema>;

/** `dist/cards/checks.json`: what `npm run cards:pdf` printed and what its checks found. */
export const printChecksSchema = z.strictObject({
	/** The site address the cards' QR codes and links point at. */
	site: z.string().url(),
	/** Milliseconds the whole run took. */
	ms: z.number().nonnegative(),
	/** One entry per printed page, sorted by path. */
	results: z.array(printCheckSchema),
});
export type PrintChecks = z.infer<typeof printChecksSchema>;
