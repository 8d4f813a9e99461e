import { describe, expect, it } from 'vitest';
import { countHan, decode } from '../../scripts/lib/import/decode.ts';
import { ImportError, MAX_INPUT_BYTES } from '../../scripts/lib/import/errors.ts';
import { encodeGb18030 } from './helpers.ts';

const TEXT = 'POS机显示55:密码错误,请重新输入。';
const utf8 = (s: string) => new TextEncoder().encode(s);

function reasonOf(fn: () => unknown): string | undefined {
	try {
		fn();
	} catch (err) {
		if (err instanceof ImportError) return err.reason;
		throw err;
	}
	return undefined;
}

describe('decode', () => {
	it('reads UTF-8', () => {
		const d = decode(utf8(TEXT));
		expect(d).toMatchObject({ text: TEXT, encoding: 'utf-8', label: 'UTF-8' });
	});

	it('reads UTF-8 with a BOM and drops the BOM', () => {
		const d = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]));
		expect(d.encoding).toBe('utf-8-bom');
		expect(d.text).toBe(TEXT);
	});

	it('detects GB18030/GBK and decodes it', () => {
		const bytes = encodeGb18030(TEXT);
		// The fixture must really be non-UTF-8, or this test would prove nothing.
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const d = decode(bytes);
		expect(d.encoding).toBe('gb18030');
		expect(d.label).toMatch(/GB18030/);
		expect(d.text).toBe(TEXT);
	});

	it('refuses an empty file', () => {
		expect(reasonOf(() => decode(new Uint8Array()))).toBe('empty');
	});

	it('refuses a whitespace-only file', () => {
		expect(reasonOf(() => decode(utf8(' \n\t\r\n ')))).toBe('empty');
	});

	it('refuses binary data (NUL bytes)', () => {
		expect(reasonOf(() => decode(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toBe('binary');
	});

	it('refuses bytes that are neither UTF-8 nor GB18030', () => {
		expect(reasonOf(() => decode(Uint8Array.from([0x41, 0xff, 0xfe, 0xff, 0x41, 0x42])))).toBe('encoding');
	});

	it('refuses UTF-16 with a clear reason', () => {
		const err = (() => {
			try {
				decode(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]));
			} catch (e) {
				return e as ImportError;
			}
			return undefined;
		})();
		expect(err?.reason).toBe('encoding');
		expect(err?.message).toMatch(/UTF-16LE \(with BOM\)/);
	});

	it('refuses more than 5 MB', () => {
		expect(reasonOf(() => decode(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41)))).toBe('too-large');
	});

	it('counts Han characters', () => {
		expect(countHan('POS 55 error')).toBe(0);
		expect(countHan('显示55')).toBe(2);
	});
});
