import { describe, expect, it } from 'vitest';
import { chineseNumber, parseMarker, render, structure } from '../../scripts/lib/import/structure.ts';
import type { SourceLine } from '../../scripts/lib/import/types.ts';
import { executableNodes } from './helpers.ts';

function md(...texts: string[]): string {
	const lines: SourceLine[] = texts.map((text, i) => ({ line: i + 2, text }));
	return render(structure(lines).blocks);
}

describe('parseMarker', () => {
	it.each([
		['一、硬件问题', 'cn', 1, '硬件问题'],
		['十二、结论', 'cn', 12, '结论'],
		['(一)异常状态概述', 'cn-paren', 1, '异常状态概述'],
		['(三)影响分析', 'cn-paren', 3, '影响分析'],
		['1、交易数据异常', 'num', 1, '交易数据异常'],
		['10、市场饱和', 'num', 10, '市场饱和'],
		['1.在有央行颁发的许可证', 'num', 1, '在有央行颁发的许可证'],
		['(1)交易失败原因', 'num-paren', 1, '交易失败原因'],
		['(2)硬件设备故障', 'num-paren', 2, '硬件设备故障'],
		['③检查网络', 'num-paren', 3, '检查网络'],
		['a. 输入错误', 'alpha', 1, '输入错误'],
		['- 知名度', 'bullet', 0, '知名度'],
		['## 处理方法', 'md-heading', 2, '处理方法'],
		// Full-width forms, as careful Chinese typesetting writes them.
		['（二）原因解析', 'cn-paren', 2, '原因解析'],
		['（3）网络问题', 'num-paren', 3, '网络问题'],
		['4）重新签到', 'num-paren', 4, '重新签到'],
		['5．检查电源', 'num', 5, '检查电源'],
	] as const)('%s → %s', (text, kind, n, rest) => {
		expect(parseMarker(text)).toEqual({ kind, n, rest });
	});

	it.each(['1.5%的费率', '2023年起执行', 'e.g. an example', '十分重要的一点', '-5℃以下'])('"%s" has no marker', (text) => {
		expect(parseMarker(text).kind).toBe('none');
	});

	it('reads Chinese numbers', () => {
		expect([chineseNumber('一'), chineseNumber('十'), chineseNumber('十一'), chineseNumber('二十'), chineseNumber('二十三')]).toEqual([1, 10, 11, 20, 23]);
	});
});

describe('structure', () => {
	it('一、 becomes ##', () => {
		expect(md('一、硬件问题', '打印机故障会导致结算失败。')).toBe('## 硬件问题\n\n打印机故障会导致结算失败。');
	});

	it('(一) becomes ## without 一、 headings, ### under them', () => {
		expect(md('(一)异常状态概述', '商户无法交易。')).toBe('## 异常状态概述\n\n商户无法交易。');
		expect(md('一、原因', '(一)系统原因', '系统升级。')).toBe('## 原因\n\n### 系统原因\n\n系统升级。');
	});

	it('1、 with its own text becomes an ordered item, its label bold', () => {
		expect(md('1、打印机故障:打印机是核心组件,如果出现故障会导致结算失败。', '2、扫描仪故障:无法识别交易信息。')).toBe(
			'1. **打印机故障**:打印机是核心组件,如果出现故障会导致结算失败。\n2. **扫描仪故障**:无法识别交易信息。',
		);
	});

	it('1、 that titles a section becomes ### under the current heading', () => {
		expect(md('POS机显示52的可能原因', '1、交易数据异常', '这可能是由于交易金额不正确导致的。')).toBe(
			'## POS机显示52的可能原因\n\n### 交易数据异常\n\n这可能是由于交易金额不正确导致的。',
		);
	});

	it('a short 1、 line followed by another 1、 line stays a list item', () => {
		expect(md('1、硬件故障', '2、软件问题')).toBe('1. 硬件故障\n2. 软件问题');
	});

	it('(1) becomes an ordered list', () => {
		expect(md('(1)重启POS机。', '(2)恢复出厂设置。')).toBe('1. 重启POS机。\n2. 恢复出厂设置。');
	});

	it('(1) nests under a 1、 item, a. under (1)', () => {
		expect(md('1、检查设备:按顺序检查以下部件。', '(1)检查键盘', 'a. 按键是否失灵', 'b. 连线是否松动', '2、联系客服:说明故障现象。')).toBe(
			[
				'1. **检查设备**:按顺序检查以下部件。',
				'   1. 检查键盘',
				'      - 按键是否失灵',
				'      - 连线是否松动',
				'2. **联系客服**:说明故障现象。',
			].join('\n'),
		);
	});

	it('a. becomes a bullet list', () => {
		expect(md('a. 定期检查POS机硬件和软件。', 'b. 及时关注系统升级通知。')).toBe('- 定期检查POS机硬件和软件。\n- 及时关注系统升级通知。');
	});

	it('a short unnumbered line followed by text becomes a heading one below the section', () => {
		expect(md('一、POS机错误的定义与分类', '错误分为多种类型,包括系统错误等。', '系统错误', '系统错误通常表现为内部程序异常。')).toBe(
			'## POS机错误的定义与分类\n\n错误分为多种类型,包括系统错误等。\n\n### 系统错误\n\n系统错误通常表现为内部程序异常。',
		);
	});

	it('an unnumbered line ending in a colon stays a paragraph', () => {
		expect(md('影响主要表现在以下几个方面:', '1、交易受阻:无法正常进行交易。')).toBe('影响主要表现在以下几个方面:\n\n1. **交易受阻**:无法正常进行交易。');
	});

	it('a numbering restart starts a new list and is flagged', () => {
		const lines: SourceLine[] = ['9、法律风险:诉讼影响结算。', '10、市场饱和:竞争激烈。', '1、预防措施:定期检查设备。'].map((text, i) => ({ line: i + 10, text }));
		const s = structure(lines);
		expect(render(s.blocks)).toBe('9. **法律风险**:诉讼影响结算。\n10. **市场饱和**:竞争激烈。\n1) **预防措施**:定期检查设备。');
		expect(s.flags).toEqual([expect.objectContaining({ line: 12, rule: 'numbering-restart' })]);
	});

	it('the rendered structure really is two lists after a restart', () => {
		const out = md('1、甲:一。', '2、乙:二。', '1、丙:三。');
		expect(executableNodes(out)).toEqual([]);
		// Two <ol> in the HTML the site would render.
		expect(out.split('\n').filter((l) => /^\d+\)/.test(l))).toHaveLength(1);
	});

	it('keeps Markdown headings and drops their outline numbers', () => {
		expect(md('## 一、常见原因', '网络中断。')).toBe('## 常见原因\n\n网络中断。');
	});

	it('a long 一、 line is a paragraph, not a heading', () => {
		expect(md('一、首先,检查网络连接是否正常,然后重新签到。')).toBe('一、首先,检查网络连接是否正常,然后重新签到。');
	});
});
