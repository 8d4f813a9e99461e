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

export function decode(bytes: Uint8Array): Decoded {
	if (bytes.length > MAX_INPUT_BYTES) {
		throw new ImportError('too-large', `file is ${bytes.length} bytes, over the 5 MB limit`, 'split the document or import only the article text');
	}
	if (bytes.length === 0) throw new ImportError('empty', 'file is empty', 'check that you exported the right file');
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		throw new ImportError('binary', 'file is UTF-16, which is not supported', 'save it as UTF-8 and import again');
	}
	if (looksBinary(bytes)) {
		throw new ImportError('binary', 'file is binary, not text', 'export the document as .txt, .md or .html first');
	}
	let decoded: Decoded;
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		const text = tryDecode('utf-8', bytes.subarray(3));
		if (text === undefined) throw new ImportError('binary', 'file starts with a UTF-8 BOM but is not valid UTF-8', 'save it again as UTF-8');
		decoded = { text, encoding: 'utf-8-bom', label: LABELS['utf-8-bom'] };
	} else {
		const utf8 = tryDecode('utf-8', bytes);
		const gb = utf8 === undefined ? tryDecode('gb18030', bytes) : undefined;
		if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8', label: LABELS['utf-8'] };
		else if (gb !== undefined) decoded = { text: gb, encoding: 'gb18030', label: LABELS.gb18030 };
		else throw new ImportError('binary', 'file is neither UTF-8 nor GB18030/GBK text', 'save it as UTF-8 and import again');
	}
	if (decoded.text.trim() === '') throw new ImportError('empty', 'file has only whitespace', 'check that you exported the right file');
	return decoded;
}

/** Han characters, the test for "is this a Chinese document at all". */
export function countHan(text: string): number {
	return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
