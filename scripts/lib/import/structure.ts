/**
 * Chinese outline numbering → Markdown headings and lists.
 *
 * Chinese documents number their outline 一、 > (一) > 1、 > (1) > a. The importer maps
 * the two top ranks to headings, and 1、 to a heading when it titles a section (short,
 * followed by text or sub-items: "1、交易数据异常") or to an ordered list item when it
 * carries its own text ("1、打印机故障:打印机是…"). (1)/① become ordered items and a./-
 * bullets, nested under the item they follow. Short unnumbered lines followed by text
 * ("系统错误") become headings one level below the current numbered section.
 */
import { escapeBlock, escapeInline } from './escape.ts';
import { isHeadingLike } from './text.ts';
import type { Flag, SourceLine } from './types.ts';

export type MarkerKind = 'md-heading' | 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'alpha' | 'bullet' | 'none';

export interface Marker {
	kind: MarkerKind;
	/** The number (1-based) for numbered markers, the # count for Markdown headings. */
	n: number;
	/** The text after the marker. */
	rest: string;
}

const CN_DIGITS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23. */
export function chineseNumber(s: string): number {
	const ten = s.indexOf('十');
	if (ten === -1) return CN_DIGITS.indexOf(s) + 1;
	const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(s.slice(0, ten)) + 1;
	const ones = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s.slice(ten + 1)) + 1;
	return tens * 10 + ones;
}

const CN = '([一二三四五六七八九十]{1,3})';

export function parseMarker(text: string): Marker {
	let m: RegExpExecArray | null;
	if ((m = /^(#{1,6})\s+(.+)$/u.exec(text))) return { kind: 'md-heading', n: m[1]!.length, rest: m[2]!.replace(/\s+#+\s*$/, '') };
	if ((m = new RegExp(`^${CN}[、.．]\\s*(.+)$`, 'u').exec(text))) return { kind: 'cn', n: chineseNumber(m[1]!), rest: m[2]! };
	if ((m = new RegExp(`^[(（]${CN}[)）]\\s*(.+)$`, 'u').exec(text))) return { kind: 'cn-paren', n: chineseNumber(m[1]!), rest: m[2]! };
	if ((m = /^(?:[(（](\d{1,2})[)）]|(\d{1,2})[)）])\s*(.+)$/u.exec(text))) return { kind: 'num-paren', n: Number(m[1] ?? m[2]), rest: m[3]! };
	if ((m = /^([\u2460-\u2473])\s*(.+)$/u.exec(text))) return { kind: 'num-paren', n: m[1]!.charCodeAt(0) - 0x245f, rest: m[2]! };
	// "1.5%" is not a list: a dot marker must not be followed by a digit.
	if ((m = /^(\d{1,2})(?:[、．]|\.(?!\d))\s*(.+)$/u.exec(text))) return { kind: 'num', n: Number(m[1]), rest: m[2]! };
	// "a. 输入错误", but not "e.g. …": after the dot comes a space or a non-ASCII character.
	if ((m = /^([a-z])[.、．)](?:\s+|(?=[^\x00-\x7F]))(.+)$/u.exec(text))) return { kind: 'alpha', n: m[1]!.charCodeAt(0) - 96, rest: m[2]! };
	if ((m = /^(?:[-*+]\s+|[•·]\s*)(.+)$/u.exec(text))) return { kind: 'bullet', n: 0, rest: m[1]! };
	return { kind: 'none', n: 0, rest: text };
}

export type Block =
	| { type: 'heading'; level: number; text: string; line: number }
	| { type: 'paragraph'; text: string; line: number }
	| { type: 'item'; indent: number; marker: string; label?: string; separator?: string; text: string; line: number };

export interface Structured {
	blocks: Block[];
	flags: Flag[];
}

const RANK: Partial<Record<MarkerKind, number>> = { num: 3, 'num-paren': 4, alpha: 5, bullet: 6 };

/** "打印机故障:打印机是…" → label "打印机故障", separator ":", text "打印机是…". */
function splitLabel(rest: string): { label: string; separator: string; text: string } | undefined {
	const m = /^([^,，。;；、()（）\[\]:：]{1,15})([:：])(.+)$/u.exec(rest);
	if (!m || !/\p{Script=Han}/u.test(m[1]!)) return undefined;
	return { label: m[1]!.trim(), separator: m[2]!, text: m[3]!.trim() };
}

function headingText(rest: string): string {
	return rest.replace(/[:：]\s*$/u, '').trim();
}

export function structure(lines: SourceLine[]): Structured {
	const parsed = lines.map((l) => ({ ...l, m: parseMarker(l.text) }));
	const blocks: Block[] = [];
	const flags: Flag[] = [];
	const hasCnHeadings = parsed.some((p) => p.m.kind === 'cn' && isHeadingLike(p.m.rest));
	/** Level of the last 一、/(一)/Markdown heading: unnumbered headings go one below it. */
	let sectionLevel = 1;
	/** Level of the last heading that a 1、 heading can sit under. */
	let parentLevel = 1;
	let stack: { rank: number; contentIndent: number }[] = [];
	let numbering = new Map<number, { last: number; delimiter: '.' | ')' }>();

	const breakLists = () => {
		stack = [];
		numbering = new Map();
	};
	const heading = (level: number, text: string, line: number) => {
		breakLists();
		blocks.push({ type: 'heading', level: Math.min(level, 6), text: headingText(text), line });
	};
	const paragraph = (text: string, line: number) => {
		breakLists();
		blocks.push({ type: 'paragraph', text, line });
	};
	const item = (rank: number, ordered: boolean, n: number, rest: string, line: number) => {
		while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
		const indent = stack[stack.length - 1]?.contentIndent ?? 0;
		for (const key of numbering.keys()) if (key > indent) numbering.delete(key);
		let marker = '-';
		if (ordered) {
			const state = numbering.get(indent);
			let delimiter: '.' | ')' = state?.delimiter ?? '.';
			if (state && n <= state.last) {
				// Adjacent ordered lists merge in Markdown; a new delimiter starts a new list.
				delimiter = delimiter === '.' ? ')' : '.';
				flags.push({
					line,
					rule: 'numbering-restart',
					message: `numbering restarts (${state.last} → ${n}); probably a new section without a heading`,
					text: rest,
				});
			}
			numbering.set(indent, { last: n, delimiter });
			marker = `${n}${delimiter}`;
		} else {
			numbering.delete(indent);
		}
		stack.push({ rank, contentIndent: indent + marker.length + 1 });
		const label = splitLabel(rest);
		blocks.push(label ? { type: 'item', indent, marker, ...label, line } : { type: 'item', indent, marker, text: rest, line });
	};

	// An unnumbered line ending in a colon introduces what follows ("…表现在以下几个方面:"): a sentence, not a title.
	const isUnnumberedHeading = (p: (typeof parsed)[number] | undefined) => p?.m.kind === 'none' && isHeadingLike(p.text) && !/[:：]$/u.test(p.text);
	/** What may sit under a section title: text, or lower-rank items. */
	const isContent = (p: (typeof parsed)[number] | undefined) =>
		p !== undefined && ((p.m.kind === 'none' && !isHeadingLike(p.text)) || p.m.kind === 'num-paren' || p.m.kind === 'alpha' || p.m.kind === 'bullet');

	parsed.forEach((p, i) => {
		const next = parsed[i + 1];
		const { kind, n, rest } = p.m;
		switch (kind) {
			case 'md-heading': {
				// "## 一、常见原因": the Markdown level wins, the outline number goes like everywhere else.
				const inner = parseMarker(rest);
				sectionLevel = parentLevel = Math.max(2, n);
				return heading(sectionLevel, inner.kind === 'cn' || inner.kind === 'cn-paren' || inner.kind === 'num' ? inner.rest : rest, p.line);
			}
			case 'cn':
			case 'cn-paren':
				if (!isHeadingLike(rest)) return paragraph(p.text, p.line);
				sectionLevel = parentLevel = kind === 'cn' || !hasCnHeadings ? 2 : 3;
				return heading(sectionLevel, rest, p.line);
			case 'num':
				if (isHeadingLike(rest) && isContent(next)) return heading(parentLevel + 1, rest, p.line);
				return item(RANK.num!, true, n, rest, p.line);
			case 'num-paren':
				return item(RANK['num-paren']!, true, n, rest, p.line);
			case 'alpha':
				return item(RANK.alpha!, false, n, rest, p.line);
			case 'bullet':
				return item(RANK.bullet!, false, n, rest, p.line);
			case 'none':
				if (isUnnumberedHeading(p) && next !== undefined && !isUnnumberedHeading(next)) {
					parentLevel = sectionLevel > 1 ? sectionLevel + 1 : 2;
					return heading(parentLevel, p.text, p.line);
				}
				return paragraph(p.text, p.line);
		}
	});
	return { blocks, flags };
}

/** Markdown for the blocks, every piece of source text escaped. */
export function render(blocks: Block[]): string {
	const out: string[] = [];
	let previous: Block | undefined;
	for (const b of blocks) {
		// Items of one list are tight; everything else is separated by a blank line.
		if (previous && !(b.type === 'item' && previous.type === 'item')) out.push('');
		if (b.type === 'heading') out.push(`${'#'.repeat(b.level)} ${escapeBlock(b.text)}`);
		else if (b.type === 'paragraph') out.push(escapeBlock(b.text));
		else {
			const content = b.label !== undefined ? `**${escapeInline(b.label)}**${b.separator ?? ':'}${escapeInline(b.text)}` : escapeBlock(b.text);
			out.push(`${' '.repeat(b.indent)}${b.marker} ${content}`);
		}
		previous = b;
	}
	return out.join('\n');
}
