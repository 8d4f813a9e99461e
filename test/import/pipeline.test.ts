import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../scripts/lib/import/errors.ts';
import { importDocument, slugFor } from '../../scripts/lib/import/pipeline.ts';
import { bodyOf, encodeGb18030, executableNodes, FIXTURES, frontmatterOf, rules } from './helpers.ts';

const c = rules();
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('importDocument on the code-55 fixture', () => {
	const bytes = fixture('code-55.txt');
	const r = importDocument({ fileName: 'code-55.txt', bytes, rules: c });
	const inputLines = bytes.toString('utf8').split('\n');

	it('writes a draft with draft: true and the suggested frontmatter', () => {
		const fm = frontmatterOf(r.draft);
		expect(fm).toMatchObject({ draft: true, title: 'POS机显示55是什么意思', kind: 'code', code: '55', reviewed: null });
		expect(fm['description']).toMatch(/^待编辑:/);
		expect(fm['sources']).toEqual([{ title: '导入自 code-55.txt', note: '原文未经核实' }]);
		expect(fm['suggestions']).toContainEqual({ field: 'code', value: '55', line: 1, evidence: 'POS机显示55是什么意思' });
		expect(fm['imported']).toEqual({ file: 'code-55.txt', encoding: 'UTF-8', report: 'code-55.report.md' });
	});

	it('produces MDX with nothing executable', () => {
		expect(executableNodes(r.draft)).toEqual([]);
	});

	it('removes the ads, contacts and residue and repairs the obfuscations', () => {
		const body = bodyOf(r.draft);
		for (const gone of ['拉卡拉', 'example-pos', '13812345678', 'posbanli888', '微信复制成功', '本文目录', 'ka卡', '七咋']) expect(body).not.toContain(gone);
		expect(body).toContain('欺诈风险提示');
		// Uncertain: kept and flagged.
		expect(body).toContain('非常常见的原因');
		expect(r.flags).toContainEqual(expect.objectContaining({ line: 21, rule: 'uncertain' }));
	});

	it('accounts for every non-blank input line: kept or reported as removed', () => {
		const removed = new Set(r.removed.map((x) => x.line));
		const kept = new Set(r.keptLines);
		inputLines.forEach((text, i) => {
			if (text.trim() === '') return;
			expect(kept.has(i + 1) !== removed.has(i + 1), `line ${i + 1} "${text}" must be either kept or removed`).toBe(true);
		});
	});

	it('reports each removed line with its input line number and original text', () => {
		for (const x of r.removed) expect(inputLines[x.line - 1]?.trim()).toBe(x.text);
		expect(r.report).toContain('- L19 · promotion · advertisement: WeChat/QQ contact');
		expect(r.report).toContain('- Encoding: UTF-8');
	});

	it('reports every repair with before and after', () => {
		expect(r.repairs.map((x) => [x.line, x.find, x.replace])).toEqual([
			[20, 'ka卡', '卡'],
			[20, '七咋', '欺诈'],
		]);
		expect(r.report).toMatch(/L20 · obfuscation `ka卡` → `卡`/);
	});

	it('gives the same draft for the same input', () => {
		expect(importDocument({ fileName: 'code-55.txt', bytes, rules: c }).draft).toBe(r.draft);
	});
});

describe('importDocument on other formats and encodings', () => {
	it('reads GB18030 and says so', () => {
		const utf8 = fixture('code-55.txt');
		const gb = importDocument({ fileName: 'code-55.txt', bytes: encodeGb18030(utf8.toString('utf8')), rules: c });
		expect(gb.encoding).toBe('gb18030');
		expect(gb.report).toMatch(/Encoding: GB18030/);
		expect(frontmatterOf(gb.draft)['imported']).toMatchObject({ encoding: 'GB18030 (GBK-compatible)' });
		// Same content, same body.
		expect(bodyOf(gb.draft)).toBe(bodyOf(importDocument({ fileName: 'code-55.txt', bytes: utf8, rules: c }).draft));
	});

	it('imports Markdown, keeping an allow-listed citation as a source', () => {
		const r = importDocument({ fileName: 'settlement.md', bytes: fixture('settlement.md'), rules: c });
		const fm = frontmatterOf(r.draft);
		expect(fm).toMatchObject({ kind: 'symptom', symptom: 'settlement-failure' });
		expect(fm['sources']).toContainEqual(expect.objectContaining({ url: 'https://www.pbc.gov.cn/zhengwuxinxi/index.html' }));
		expect(r.draft).not.toMatch(/soupos|img\.example/);
		expect(executableNodes(r.draft)).toEqual([]);
	});

	it('imports HTML', () => {
		const r = importDocument({ fileName: 'merchant.html', bytes: fixture('merchant.html'), rules: c });
		expect(frontmatterOf(r.draft)).toMatchObject({ title: 'POS机提示商户状态异常', kind: 'symptom', symptom: 'merchant-status-abnormal' });
		expect(bodyOf(r.draft)).not.toMatch(/拉卡拉|mepos|不是正文|color: red/);
		expect(executableNodes(r.draft)).toEqual([]);
	});

	it.each([
		['a.docx', 'PK\u0003\u0004', 'unsupported-type'],
		['a.txt', 'POS terminal code 55: incorrect PIN', 'no-chinese'],
		['a.html', '<html><body><p>English only</p></body></html>', 'no-chinese'],
		['a.txt', '', 'empty'],
	])('refuses %s (%s) with %s', (fileName, text, reason) => {
		let caught: unknown;
		try {
			importDocument({ fileName, bytes: new TextEncoder().encode(text), rules: c });
		} catch (err) {
			caught = err;
		}
		expect(caught).toBeInstanceOf(ImportError);
		expect((caught as ImportError).reason).toBe(reason);
	});
});

describe('slugFor', () => {
	it.each([
		['000_4c7a27ac7111eb73.txt', '000_4c7a27ac7111eb73'],
		['dir/POS Code 55.md', 'pos-code-55'],
		['C:\\docs\\显示52.txt', '52'],
	])('%s → %s', (name, slug) => {
		expect(slugFor(name, new Uint8Array())).toBe(slug);
	});

	it('falls back to a content hash for a name with no usable characters', () => {
		expect(slugFor('结算失败.txt', new TextEncoder().encode('a'))).toMatch(/^draft-[0-9a-f]{8}$/);
		expect(slugFor('结算失败.txt', new TextEncoder().encode('a'))).not.toBe(slugFor('结算失败.txt', new TextEncoder().encode('b')));
	});
});
