/**
 * Decides which lines leave the draft, and why.
 *
 * SEO articles are the real text with advertisements spliced in: a question line that
 * repeats the title and asks how to 申请 a brand's POS, a few numbered "steps" of the
 * application, a URL line, then the article again. Lines are classified one by one, and
 * an advertisement then grows over the neighbouring lines that belong to it (brand
 * mentions, and at most two plain lines bridged by ad lines, such as "2、选择套餐:…").
 * Every removed line is returned with its original text and the reason.
 */
import { brandsIn, removeBrands, type CompiledRules } from '../rules/normalization.ts';
import { findContacts } from '../rules/patterns.ts';
import { promotionReason } from '../rules/promotion.ts';
import { hasHan, isHeadingLike, norm, PARAGRAPH_END } from './text.ts';
import type { Flag, LineEdit, LinkNote, RemovedLine, SourceLine } from './types.ts';

/** A line after repairs, with the text it had in the input (for the report). */
export interface RepairedLine extends SourceLine {
	original: string;
}

/** A kept line, with its index in the input list so callers can find its repairs. */
export interface KeptLine extends SourceLine {
	index: number;
}

export interface CleanResult {
	kept: KeptLine[];
	removed: RemovedLine[];
	edits: LineEdit[];
	flags: Flag[];
	/** Allow-listed links found in kept lines; they become draft sources. */
	citations: LinkNote[];
}

const TOC_HEADER = /^(?:(?:本文|文章)?目录(?:导读|导航|索引|大纲)?|table of contents|contents|\[toc\])\s*[:：]?$/iu;
const LIST_MARKER = /^(?:[-*+•·]|\d{1,2}[.、．)）])\s*/u;
const TEASER_END = /(?:……|\.\.\.|…)$/u;
const LEADING_PUNCT = /^[。,，、;；:：!！?？]+\s*/u;

type Class = 'header' | 'residue' | 'ad' | 'brand' | 'teaser' | 'plain';

interface Classified {
	cls: Class;
	reason?: string;
	brand?: string;
}

/**
 * `subjectBrands` are the brands in the title: when the article is about 立刷's message,
 * a line naming 立刷 is content, not part of an ad (it still is an ad with a promotion word).
 */
function classify(text: string, compiled: CompiledRules, subjectBrands: Set<string>): Classified {
	if (compiled.blockHeaderSet.has(text.toLowerCase())) return { cls: 'header' };
	if (compiled.residueSet.has(text)) return { cls: 'residue' };
	const reason = promotionReason(text, compiled);
	if (reason) return { cls: 'ad', reason };
	const brand = brandsIn(text, compiled).find((b) => !subjectBrands.has(b));
	if (brand) return { cls: 'brand', brand };
	if (TEASER_END.test(text)) return { cls: 'teaser' };
	return { cls: 'plain' };
}

/** Marks a table of contents: its header and the entries that repeat later headings. */
function findToc(lines: RepairedLine[]): Map<number, string> {
	const toc = new Map<number, string>();
	// The last line each comparison key occurs on, computed once: "does this entry occur
	// again after line j" is then one lookup, not a rescan of the rest (quadratic, probe I9).
	const lastAt = new Map<string, number>();
	lines.forEach((l, i) => {
		lastAt.set(norm(l.text), i);
		lastAt.set(norm(l.text.replace(LIST_MARKER, '')), i);
	});
	const later = (from: number, entry: string) => (lastAt.get(norm(entry)) ?? -1) >= from;
	lines.forEach((l, i) => {
		if (!TOC_HEADER.test(l.text) || toc.has(i)) return;
		toc.set(i, 'table of contents header');
		for (let j = i + 1; j < lines.length; j++) {
			const text = lines[j]!.text;
			const hasMarker = LIST_MARKER.test(text);
			const entry = text.replace(LIST_MARKER, '').trim();
			const short = [...entry].length <= 40 && !/[。]/u.test(entry);
			if (!short || entry === '' || !(later(j + 1, entry) || (hasMarker && isHeadingLike(entry)))) break;
			toc.set(j, `table of contents entry (header at line ${l.line})`);
		}
	});
	return toc;
}

export function clean(title: string, lines: RepairedLine[], compiled: CompiledRules): CleanResult {
	const removed: RemovedLine[] = [];
	const edits: LineEdit[] = [];
	const flags: Flag[] = [];
	const citations: LinkNote[] = [];
	const gone = new Set<number>();
	const drop = (i: number, rule: RemovedLine['rule'], reason: string) => {
		const l = lines[i]!;
		gone.add(i);
		removed.push({ line: l.line, text: l.original, rule, reason });
	};

	for (const [i, reason] of findToc(lines)) drop(i, 'toc', reason);

	const subjectBrands = new Set(brandsIn(title, compiled));
	const classes = lines.map((l) => classify(l.text, compiled, subjectBrands));
	const isAdLike = (i: number) => {
		const c = classes[i]?.cls;
		return !gone.has(i) && (c === 'ad' || c === 'brand');
	};
	for (let i = 0; i < lines.length; i++) {
		const c = classes[i]!;
		if (gone.has(i) || (c.cls !== 'ad' && c.cls !== 'header')) continue;
		const start = lines[i]!.line;
		const related = c.cls === 'header';
		if (related) drop(i, 'related-block', `"${lines[i]!.text}" teaser block header`);
		else drop(i, 'promotion', `advertisement: ${c.reason}`);
		const inBlock = related ? `in the teaser block under line ${start}` : `in the advertisement starting at line ${start}`;
		let j = i + 1;
		for (; j < lines.length; j++) {
			if (gone.has(j)) continue;
			const n = classes[j]!;
			if (n.cls === 'ad') drop(j, 'promotion', `advertisement: ${n.reason}`);
			else if (n.cls === 'residue') drop(j, 'residue', 'copy-widget or page residue');
			else if (n.cls === 'header') drop(j, 'related-block', `"${lines[j]!.text}" teaser block header`);
			else if (n.cls === 'brand') drop(j, related ? 'related-block' : 'promotion-block', `${inBlock}; names brand "${n.brand}"`);
			else if (n.cls === 'teaser') drop(j, related ? 'related-block' : 'promotion-block', `${inBlock}; truncated teaser`);
			else if (related && isHeadingLike(lines[j]!.text)) drop(j, 'related-block', `${inBlock}; teaser title`);
			// A plain line between ad lines ("2、选择套餐:…") is a step of the same ad.
			else if (isAdLike(j + 1) || (classes[j + 1]?.cls === 'plain' && isAdLike(j + 2))) drop(j, 'promotion-block', `${inBlock}; between advertisement lines`);
			else break;
		}
		i = j - 1;
	}
	classes.forEach((c, i) => {
		if (!gone.has(i) && c.cls === 'residue') drop(i, 'residue', 'copy-widget or page residue');
	});

	// Line-level cleaning of what is left.
	const kept: KeptLine[] = [];
	const titleKey = norm(title);
	let previous: SourceLine | undefined;
	lines.forEach((l, i) => {
		if (gone.has(i)) return;
		const key = norm(l.text);
		if (titleKey !== '' && key === titleKey) return drop(i, 'repeated-title', 'repeats the title');
		if (previous && key === norm(previous.text)) return drop(i, 'duplicate', `same as line ${previous.line}`);
		let text = l.text;
		const edit = (after: string, reason: string) => {
			edits.push({ line: l.line, before: text, after, reason });
			text = after;
		};
		if (compiled.residue) {
			const found = text.match(compiled.residue);
			if (found) edit(text.replace(compiled.residue, ''), `removed residue ${found.map((f) => `"${f}"`).join(', ')}`);
		}
		for (const f of findContacts(text).filter((c) => c.kind === 'url').reverse()) {
			// Only allow-listed links reach here (others made the line an ad); keep them as sources.
			citations.push({ line: l.line, url: f.match, citation: true });
			edit((text.slice(0, f.index) + text.slice(f.index + f.match.length)).replace(/[(（]\s*[)）]/gu, ''), `citation link ${f.match} moved to the draft sources`);
		}
		const lead = LEADING_PUNCT.exec(text);
		if (lead) edit(text.slice(lead[0].length), `removed leading "${lead[0].trim()}" left over from a splice`);
		text = text.trim();
		if (text === '' || !(hasHan(text) || /[a-z0-9]/i.test(text))) return drop(i, 'emptied', 'nothing left after cleaning');
		const keptLine = { line: l.line, text, index: i };
		kept.push(keptLine);
		previous = keptLine;

		// With brandStandIn the pipeline repairs these (repairKept); without it they are flagged.
		for (const brand of compiled.rules.brandStandIn ? [] : brandsIn(text, compiled)) {
			flags.push({
				line: l.line,
				rule: 'brand-in-body',
				message: `names the brand "${brand}"; kept — generalize it unless the message is specific to this product`,
				text,
			});
		}
		if ([...text].length >= 30 && !isHeadingLike(text) && !PARAGRAPH_END.test(text)) {
			flags.push({ line: l.line, rule: 'truncated', message: 'ends without punctuation; the source may have cut the paragraph off', text });
		}
	});
	removed.sort((a, b) => a.line - b.line);
	return { kept, removed, edits, flags, citations };
}

export interface CleanTitle {
	title: string;
	flags: Flag[];
}

/**
 * The title loses brand names (a draft about a message should not be about a product)
 * and residue; both are flagged, since the brand may be why the message exists.
 */
export function cleanTitle(title: SourceLine, compiled: CompiledRules, fallback: string): CleanTitle {
	const flags: Flag[] = [];
	let text = removeBrands(title.text, compiled);
	for (const brand of brandsIn(title.text, compiled)) {
		flags.push({
			line: title.line,
			rule: 'brand-in-title',
			message: `removed the brand "${brand}" from the title; check whether the message is specific to that product`,
			text: title.text,
		});
	}
	if (compiled.residue) text = text.replace(compiled.residue, '');
	text = text.replace(/\s{2,}/g, ' ').replace(/^[\s\p{P}]+|[\s,，、;；:：]+$/gu, '').trim();
	const reason = promotionReason(text, compiled);
	if (reason) flags.push({ line: title.line, rule: 'title', message: `the title reads as an advertisement (${reason}); rewrite it`, text: title.text });
	if ([...text].length < 2) {
		flags.push({ line: title.line, rule: 'title', message: `no usable title; used "${fallback}" instead`, text: title.text });
		text = fallback;
	}
	return { title: text, flags };
}
