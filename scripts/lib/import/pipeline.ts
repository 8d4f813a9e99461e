/**
 * One document, bytes in, draft and report out: decode → extract → repair → clean →
 * structure → suggest → render. Pure: the CLI does the file system, the tests call this.
 */
import { cleanTitle, clean, type RepairedLine } from './clean.ts';
import { countHan, decode, type Decoded } from './decode.ts';
import { draftDescription, renderDraft, type DraftSource } from './draft.ts';
import { ImportError, MAX_INPUT_BYTES } from './errors.ts';
import { extract, formatOf } from './extract.ts';
import { hostOf } from '../rules/patterns.ts';
import { flagUncertain, repairKept, repairLine } from './repair.ts';
import { renderReport } from './report.ts';
import type { CompiledRules } from '../rules/normalization.ts';
import { render, structure } from './structure.ts';
import { suggest, type SuggestResult } from './suggest.ts';
import type { Flag, Format, LineEdit, LinkNote, RemovedLine, Repair } from './types.ts';

export interface ImportInput {
	/** The input's file name (a path is fine); its extension selects the format. */
	fileName: string;
	bytes: Uint8Array;
	rules: CompiledRules;
}

export interface ImportResult {
	slug: string;
	draftFile: string;
	reportFile: string;
	draft: string;
	report: string;
	title: string;
	format: Format;
	encoding: Decoded['encoding'];
	encodingLabel: string;
	suggestions: SuggestResult;
	removed: RemovedLine[];
	edits: LineEdit[];
	repairs: Repair[];
	flags: Flag[];
	links: LinkNote[];
	/** Input lines whose text is in the draft body (with `removed`, every non-blank line). */
	keptLines: number[];
}

export function baseName(fileName: string): string {
	return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** FNV-1a: a dependency-free, stable name for inputs whose file name has no usable characters. */
function fnv1a(bytes: Uint8Array): string {
	let h = 0x811c9dc5;
	for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
	return h.toString(16).padStart(8, '0');
}

/** `POS机 显示52.txt` → `pos-52`; a name with nothing usable → `draft-<hash>`. */
export function slugFor(fileName: string, bytes: Uint8Array): string {
	const stem = baseName(fileName).replace(/\.[^.]*$/, '');
	const slug = stem
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '-')
		.replace(/^[-_]+|[-_]+$/g, '')
		.replace(/-{2,}/g, '-');
	return slug !== '' ? slug : `draft-${fnv1a(bytes)}`;
}

const GB_CHARSETS = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936']);

export function importDocument(input: ImportInput): ImportResult {
	const { rules } = input;
	const file = baseName(input.fileName);
	const format = formatOf(file);
	if (!format) throw new ImportError('unsupported-type', 'unsupported file type', 'import a .txt, .md or .html file');
	if (input.bytes.length > MAX_INPUT_BYTES) {
		throw new ImportError('too-large', `file is ${input.bytes.length} bytes, over the 5 MB limit`, 'split the document or import only the article text');
	}
	const decoded = decode(input.bytes);
	const ex = extract(decoded.text, format, rules.citationDomains);
	if (!ex.title || countHan([ex.title.text, ...ex.lines.map((l) => l.text)].join('\n')) === 0) {
		throw new ImportError('no-chinese', 'text contains no Chinese', 'this tool imports Chinese source documents; check the file');
	}

	const slug = slugFor(file, input.bytes);
	const draftFile = `${slug}.mdx`;
	const reportFile = `${slug}.report.md`;

	const titleRepair = repairLine(ex.title.text, ex.title.line, rules);
	const repaired: (RepairedLine & { repairs: Repair[] })[] = ex.lines.map((l) => {
		const r = repairLine(l.text, l.line, rules);
		return { line: l.line, text: r.text, original: l.text, repairs: r.repairs };
	});
	const cleaned = clean(titleRepair.text, repaired, rules);
	// Second repair pass on what the draft keeps: unrecoverable clauses and brands.
	const lateRepairs: Repair[] = [];
	const emptied: RemovedLine[] = [];
	const kept = cleaned.kept.flatMap((k) => {
		const r = repairKept(k.text, k.line, rules);
		lateRepairs.push(...r.repairs);
		const text = r.text.trim();
		// The same test as clean's "emptied": only a line the repairs emptied leaves.
		if (r.repairs.length > 0 && countHan(text) === 0 && !/[a-z0-9]/i.test(text)) {
			emptied.push({ line: k.line, text: repaired[k.index]!.original, rule: 'emptied', reason: 'nothing left after the repairs listed for this line' });
			return [];
		}
		return [{ ...k, text }];
	});
	const title = cleanTitle({ line: ex.title.line, text: titleRepair.text }, rules, baseName(file).replace(/\.[^.]*$/, ''));
	const titleLine = { line: ex.title.line, text: title.title };

	// Repairs and flags on removed lines would be noise: the removed line is reported whole.
	const repairs = [...titleRepair.repairs, ...cleaned.kept.flatMap((k) => repaired[k.index]!.repairs), ...lateRepairs].sort((a, b) => a.line - b.line);
	const { blocks, flags: structureFlags } = structure(kept);
	const suggestions = suggest(titleLine, kept);
	const flags: Flag[] = [
		...title.flags,
		...flagUncertain(title.title, titleLine.line, rules),
		...kept.flatMap((k) => flagUncertain(k.text, k.line, rules)),
		...cleaned.flags,
		...structureFlags,
		...suggestions.flags,
	];
	if (format === 'html' && ex.declaredCharset) {
		const declaredGb = GB_CHARSETS.has(ex.declaredCharset);
		if (declaredGb !== (decoded.encoding === 'gb18030')) {
			flags.push({ line: 1, rule: 'charset', message: `the page declares charset "${ex.declaredCharset}" but its bytes are ${decoded.label}; the bytes were trusted`, text: ex.declaredCharset });
		}
	}
	flags.sort((a, b) => a.line - b.line);

	const links = [...ex.links, ...cleaned.citations];
	const sources: DraftSource[] = [{ title: `导入自 ${file}`, note: '原文未经核实' }];
	for (const l of links.filter((x) => x.citation)) {
		const url = /^[a-z]+:\/\//i.test(l.url) ? l.url : `https://${l.url}`;
		if (!sources.some((s) => s.url === url)) sources.push({ title: `原文引用:${hostOf(url)}`, url, note: `导入时从原文第 ${l.line} 行移出,未经核实` });
	}

	const removed = [...ex.removed, ...cleaned.removed, ...emptied, { line: ex.title.line, text: ex.title.text, rule: 'title' as const, reason: 'moved to the frontmatter title' }].sort(
		(a, b) => a.line - b.line,
	);
	const edits = [...ex.edits, ...cleaned.edits].sort((a, b) => a.line - b.line);

	const draft = renderDraft({
		title: title.title,
		description: draftDescription(blocks),
		suggestions,
		sources,
		imported: { file, encoding: decoded.label, report: reportFile },
		body: render(blocks),
	});
	const report = renderReport({
		file,
		bytes: input.bytes.length,
		inputLines: decoded.text.split(/\r\n|\r|\n/).length,
		format,
		encoding: decoded.label,
		draftFile,
		title: title.title,
		removed,
		edits,
		repairs,
		flags,
		links,
		suggestions,
	});
	return {
		slug,
		draftFile,
		reportFile,
		draft,
		report,
		title: title.title,
		format,
		encoding: decoded.encoding,
		encodingLabel: decoded.label,
		suggestions,
		removed,
		edits,
		repairs,
		flags,
		links,
		keptLines: kept.map((k) => k.line),
	};
}
