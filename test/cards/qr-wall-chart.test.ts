/**
 * QR codes and short links (generated at build time, no network) and the wall chart's
 * rows and "never" rules.
 */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { cardShortLink, linkLines, qrSvg } from '../../src/lib/cards/qr.ts';
import { codeRanges, neverRules, oneAction, shortCustomerLine, wallChartRow, whoShort } from '../../src/lib/cards/wall-chart.ts';
import { registry } from '../../src/lib/registry.ts';

describe('short links', () => {
	it('uses the code alias for codes (lower-case for letter codes) and the article for symptoms', () => {
		expect(cardShortLink('https://poskb.example.cn', 'code', '55')).toMatchObject({ path: '/55/', url: 'https://poskb.example.cn/55/', text: 'poskb.example.cn/55/' });
		expect(cardShortLink(new URL('https://poskb.example.cn/'), 'code', 'A0').path).toBe('/a0/');
		expect(cardShortLink('https://poskb.example.cn', 'symptom', 'settlement-failure').path).toBe('/symptoms/settlement-failure/');
	});
	it('breaks the printed link after slashes or hyphens into short lines', () => {
		expect(linkLines('poskb.example.cn/55/')).toEqual(['poskb.example.cn/', '55/']);
		expect(linkLines('poskb.example.cn/symptoms/merchant-status-abnormal/')).toEqual(['poskb.example.cn/', 'symptoms/merchant-', 'status-abnormal/']);
		expect(linkLines('poskb.example.cn/symptoms/merchant-status-abnormal/').join('')).toBe('poskb.example.cn/symptoms/merchant-status-abnormal/');
	});
});

describe('qrSvg', () => {
	/** The dark modules the SVG path's unit-wide strokes cover, as "row,col" strings. */
	function drawnModules(svg: string): Set<string> {
		const path = /<path d="([^"]+)" stroke="#000"\/>/.exec(svg);
		expect(path, 'one stroked path').not.toBeNull();
		const cells = new Set<string>();
		let [x, y] = [0, 0];
		// Only the commands qrSvg writes: M x y (absolute), m dx dy (relative), h w (a run).
		for (const [, cmd, a, b] of path![1]!.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
			if (cmd === 'M') [x, y] = [Number(a), Number(b)];
			else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
			else {
				// The stroke is centred on y: the row is y - 0.5.
				for (let i = 0; i < Number(a); i++) cells.add(`${y - 0.5 - 2},${x - 2 + i}`);
				x += Number(a);
			}
		}
		return cells;
	}

	it('draws exactly the modules of the QR code for the URL, with a quiet zone', () => {
		const url = 'https://poskb.example.cn/55/';
		const svg = qrSvg(url, '二维码');
		const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
		const expected = new Set<string>();
		for (let r = 0; r < qr.modules.size; r++) for (let c = 0; c < qr.modules.size; c++) if (qr.modules.get(r, c)) expected.add(`${r},${c}`);
		expect(drawnModules(svg)).toEqual(expected);
		expect(svg).toContain(`viewBox="0 0 ${qr.modules.size + 4} ${qr.modules.size + 4}"`);
		expect(svg).toContain(`data-qr="${url}"`);
	});
	it('is the same at every build (no randomness, no network)', () => {
		expect(qrSvg('https://poskb.example.cn/a0/', 'x')).toBe(qrSvg('https://poskb.example.cn/a0/', 'x'));
	});
});

describe('wall chart', () => {
	it('keeps one action: the first sentence, up to the first ；', () => {
		expect(oneAction('请持卡人自己遮挡着重新输入一次密码；多张卡都报 55 时，先重新签到并检查密码键盘。')).toBe('请持卡人自己遮挡着重新输入一次密码。');
		expect(oneAction('卡内可用余额或额度不够：请持卡人换卡、换付款方式，或减少本次金额。')).toBe('卡内可用余额或额度不够：请持卡人换卡、换付款方式，或减少本次金额。');
		expect(oneAction('先查询。再重刷。')).toBe('先查询。');
		// A later "never" clause is what protects the money: it is kept.
		expect(oneAction('先分清是终端结算时报错，还是钱没到卡；两种都不要删终端流水，也不要重刷交易来“补账”。')).toBe(
			'先分清是终端结算时报错，还是钱没到卡；两种都不要删终端流水，也不要重刷交易来“补账”。',
		);
		expect(oneAction('先停下：防拆报警不要拆机；交易被拦截就不要重刷，按返回码处理。')).toBe('先停下：防拆报警不要拆机；交易被拦截就不要重刷，按返回码处理。');
	});
	it('says the customer line short', () => {
		expect(shortCustomerLine('银行系统暂时有故障，请稍等几分钟再试。或者您换一种方式付款。')).toBe('银行系统暂时有故障，请稍等几分钟再试。');
	});
	it('names who acts in few characters', () => {
		expect(whoShort(['merchant', 'technician', 'acquirer'])).toBe('收银员、技术处理、收单机构');
	});
	it('builds a row that links the card', () => {
		const row = wallChartRow({
			kind: 'code',
			id: '55',
			display: '密码错',
			firstAction: '请持卡人重新输入一次密码；多张卡都报 55 时先签到。',
			whoActs: ['cardholder', 'merchant'],
			customerLine: '密码没有通过，请您再输一次。',
			discreet: false,
			href: '/codes/55/',
		});
		expect(row).toMatchObject({ label: '55', action: '请持卡人重新输入一次密码。', who: '持卡人、收银员', cardHref: '/cards/55/' });
	});
	it('has the three "never" rules, with the pick-up codes from the registry', () => {
		const pickUp = codeRanges(registry.codes.filter((c) => c.family === 'pick-up').map((c) => c.code));
		const rules = neverRules(pickUp);
		expect(rules.map((r) => r.title)).toEqual(['超时或没打出签购单，绝不直接重刷', '没收卡一类的返回码，绝不重试', '绝不把密码写在卡上或这张图上']);
		expect(rules[1]!.detail).toContain('04');
		expect(rules[1]!.detail).toContain('33–37');
	});
	it('writes runs of consecutive codes as ranges', () => {
		expect(codeRanges(['04', '07', '33', '34', '35', '36', '37', '41', '43', '67'])).toEqual(['04', '07', '33–37', '41', '43', '67']);
		expect(codeRanges(['A0', 'A1', 'A2'])).toEqual(['A0', 'A1', 'A2']);
	});
});
