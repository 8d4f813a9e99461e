/**
 * Adversarial inputs for `npm run import`, just under its 5 MB limit: the two shapes
 * that made it quadratic (hostile-input probe I9 and I10), and a few more of the same
 * family, so `npm run bench` can show the importer stays linear. Deterministic: the same
 * bytes on every run, so timings compare.
 */
import { MAX_INPUT_BYTES } from '../import/errors.ts';

export interface AdversarialInput {
	/** Stable id for the bench figure. */
	id: string;
	/** File name to import it as (the extension selects the format). */
	fileName: string;
	/** What it attacks, for the table. */
	label: string;
	bytes: Uint8Array;
}

const encoder = new TextEncoder();

/** Repeats `unit(i)` until the next one would pass `limit` bytes (UTF-8), after `head`. */
function fill(head: string, unit: (i: number) => string, limit: number, tail = ''): Uint8Array {
	const parts = [head];
	let size = encoder.encode(head).length + encoder.encode(tail).length;
	for (let i = 0; ; i++) {
		const u = unit(i);
		const n = encoder.encode(u).length;
		if (size + n > limit) break;
		parts.push(u);
		size += n;
	}
	parts.push(tail);
	return encoder.encode(parts.join(''));
}

/**
 * I9: a table of contents (`目录`) of many short entries, every one repeated later as a
 * heading. The old TOC finder rescanned the rest of the document for each entry.
 */
export function tocInput(limit = MAX_INPUT_BYTES): Uint8Array {
	// About half the bytes are the table of contents, half the sections it lists.
	const entry = (i: number) => `交易失败的原因第${i + 1}条`;
	const entries = Math.floor(limit / 2 / (encoder.encode(entry(99999)).length + 3));
	const head = ['POS机显示51是什么意思', '目录', ...Array.from({ length: entries }, (_, i) => `- ${entry(i)}`), ''].join('\n');
	return fill(head, (i) => `${entry(i % entries)}\n收银员先核对金额。\n`, limit);
}

/** I10: `<a 中文内容 ` repeated with no `>`: the old tag pattern rescanned to the end for each `<`. */
export function unclosedTagInput(limit = MAX_INPUT_BYTES): Uint8Array {
	return fill('<html><head><title>POS机显示51是什么意思</title></head><body><p>余额不足。</p>', () => '<a 中文内容 ', limit);
}

/** Variants of I10: unclosed quotes, raw-text elements and comments, each never closed. */
export function unclosedMarkupInput(limit = MAX_INPUT_BYTES): Uint8Array {
	const units = ['<a title="中文 ', "<b class='中文 ", '<script 中文 ', '<iframe src=x 中文 ', '<title>中文 ', '<meta 中文 ', '<!-- 中文 ', '&amp中文 '];
	return fill('<html><body><p>POS机显示51是什么意思。</p>', (i) => units[i % units.length]!, limit);
}

/** Markdown and text: one 5 MB line of `[` and `(` openers (link syntax never closed). */
export function unclosedLinkInput(limit = MAX_INPUT_BYTES): Uint8Array {
	return fill('# POS机显示51是什么意思\n\n', (i) => (i % 2 === 0 ? '[中文 ' : '](中文 '), limit, '\n');
}

export function adversarialInputs(limit = MAX_INPUT_BYTES): AdversarialInput[] {
	return [
		{ id: 'toc', fileName: 'toc.txt', label: 'table of contents, entries repeated later (probe I9)', bytes: tocInput(limit) },
		{ id: 'unclosed-tag', fileName: 'unclosed-tag.html', label: '`<a 中文内容 ` repeated, no `>` (probe I10)', bytes: unclosedTagInput(limit) },
		{ id: 'unclosed-markup', fileName: 'unclosed-markup.html', label: 'unclosed quotes, script, iframe, title, comment', bytes: unclosedMarkupInput(limit) },
		{ id: 'unclosed-link', fileName: 'unclosed-link.md', label: 'one line of unclosed Markdown links', bytes: unclosedLinkInput(limit) },
	];
}
