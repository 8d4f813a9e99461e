/**
 * Bytes → text, with the encoding detected rather than assumed.
 *
 * Chinese documents arrive in UTF-8 or in GB18030/GBK (GBK and GB2312 are subsets of
 * GB18030, so one decoder reads all three). Strict UTF-8 is tried first: a GBK file is
 * almost never valid UTF-8, while the reverse is common. Node's built-in TextDecoder
 * knows GB18030 when Node has full ICU (the default build), so no dependency is needed.
 */
import { ImportError, MAX_INPUT_BYTES } from './errors.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface Decoded {
	text: string;
	encoding: Encoding;
	/** Human-readable name for messages and the report. */
	label: string;
}

const LABELS: Record<Encoding, string> = {
	'utf-8': 'UTF-8',
	'utf-8-bom': 'UTF-8 (with BOM)',
	gb18030: 'GB18030 (GBK-compatible)',
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/** NUL bytes or many C0 control characters mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 64 * 1024);
	let controls = 0;
	for (const b of sample) {
		if (b === 0) return true;
		// Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 bytes do not.
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
	}
	return controls > sample.length / 100;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
	try {
		// ignoreBOM: the BOM is handled explicitly so that it can be reported.
		return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/**
 * UTF-32 or UTF-16 without a BOM, by the NUL bytes they put at fixed positions: text
 * in them is mostly ASCII or BMP Chinese, whose code units have zero high bytes (UTF-32:
 * two or three zero bytes in every four; UTF-16: ASCII has a zero byte in every pair).
 * Checked on a sample before the binary test, which would only say "binary".
 */
export function unicodeWithoutBom(bytes: Uint8Array): string | undefined {
	const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~3);
	if (sample.length < 8) return undefined;
	const zeros = [0, 0, 0, 0];
	let total = 0;
	for (let i = 0; i < sample.length; i++) {
		if (sample[i] === 0) {
			zeros[i % 4]!++;
			total++;
		}
	}
	if (total === 0) return undefined;
	const quads = sample.length / 4;
	// UTF-32: the top byte of every code unit is zero (no code point is above U+10FFFF).
	if (zeros[3] === quads && zeros[2]! >= quads * 0.9) return 'UTF-32LE';
	if (zeros[0] === quads && zeros[1]! >= quads * 0.9) return 'UTF-32BE';
	// UTF-16: the zeros are mostly on one side of each pair (a Chinese character such as
	// 一, U+4E00, puts one on the other side), and the pairs decode.
	const even = zeros[0]! + zeros[2]!;
	const odd = zeros[1]! + zeros[3]!;
	const label = odd > even ? 'utf-16le' : 'utf-16be';
	if (total < 4 || Math.min(even, odd) > total * 0.25) return undefined;
	const text = tryDecode(label, sample);
	if (text === undefined) return undefined;
	// And what they decode to reads as text: Han, CJK punctuation, printable ASCII, line breaks.
	const readable = text.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\x20-\x7e\t\n\r]/gu)?.length ?? 0;
	return readable >= [...text].length * 0.9 ? (label === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE') : undefined;
}

/**
 * Characters written the same in Simplified and Traditional Chinese and frequent in any
 * Chinese text. Read with the right decoder, a few percent of the Han characters are
 * among them; read with the wrong one (Big5 as GBK, or the reverse), almost none are.
 */
const COMMON = new Set('的一是不了在人有我他大上中你就也和要出可以得自之年生能而子那下方多去用所然家事成知行此其如同心手明天地主情最原因交易卡商支付金'.split(''));

/** The share of Han characters in `text` that are on the COMMON list (0 when there are few). */
export function commonShare(text: string): number {
	let han = 0;
	let common = 0;
	for (const ch of text) {
		if (/\p{Script=Han}/u.test(ch)) {
			han++;
			if (COMMON.has(ch)) common++;
		}
	}
	return han < 20 ? 0 : common / han;
}

export function decode(bytes: Uint8Array): Decoded {
	if (bytes.length > MAX_INPUT_BYTES) {
		throw new ImportError('too-large', `file is ${bytes.length} bytes, over the 5 MB limit`, 'split the document or import only the article text');
	}
	if (bytes.length === 0) throw new ImportError('empty', 'file is empty', 'check that you exported the right file');
	// UTF-32 first: its little-endian BOM starts with the UTF-16 one.
	if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
		throw new ImportError('encoding', `file is ${bytes[0] === 0xff ? 'UTF-32LE' : 'UTF-32BE'} (with BOM), which is not supported`, 'save it as UTF-8 and import again');
	}
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		throw new ImportError('encoding', `file is ${bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE'} (with BOM), which is not supported`, 'save it as UTF-8 and import again');
	}
	const wide = unicodeWithoutBom(bytes);
	if (wide) throw new ImportError('encoding', `file is ${wide} without a BOM, which is not supported`, 'save it as UTF-8 and import again');
	if (looksBinary(bytes)) {
		throw new ImportError('binary', 'file is binary, not text', 'export the document as .txt, .md or .html first');
	}
	let decoded: Decoded;
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		const text = tryDecode('utf-8', bytes.subarray(3));
		if (text === undefined) throw new ImportError('encoding', 'file starts with a UTF-8 BOM but is not valid UTF-8', 'save it again as UTF-8');
		decoded = { text, encoding: 'utf-8-bom', label: LABELS['utf-8-bom'] };
	} else {
		const utf8 = tryDecode('utf-8', bytes);
		const gb = utf8 === undefined ? tryDecode('gb18030', bytes) : undefined;
		// Most Big5 bytes are valid GBK too, so GB18030 "succeeds" with mojibake (probe I18);
		// the decoding whose characters look like Chinese wins.
		const big5 = utf8 === undefined ? tryDecode('big5', bytes) : undefined;
		if (big5 !== undefined && commonShare(big5) > Math.max(0.02, 2 * (gb === undefined ? 0 : commonShare(gb)))) {
			throw new ImportError('encoding', 'file is Big5 (Traditional Chinese), which is not supported', 'save it as UTF-8 and import again');
		}
		if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8', label: LABELS['utf-8'] };
		else if (gb !== undefined) decoded = { text: gb, encoding: 'gb18030', label: LABELS.gb18030 };
		else throw new ImportError('encoding', 'file is neither UTF-8 nor GB18030/GBK text', 'save it as UTF-8 and import again');
	}
	if (decoded.text.trim() === '') throw new ImportError('empty', 'file has only whitespace', 'check that you exported the right file');
	return decoded;
}

/** Han characters, the test for "is this a Chinese document at all". */
export function countHan(text: string): number {
	return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
