import { describe, expect, it } from 'vitest';
import { clean, cleanTitle, type RepairedLine } from '../../scripts/lib/import/clean.ts';
import { promotionReason } from '../../scripts/lib/rules/promotion.ts';
import { compileRules } from '../../scripts/lib/rules/normalization.ts';
import { rawRules, rules } from './helpers.ts';

const c = rules();
const TITLE = 'POS机显示55是什么意思';
const BODY = '持卡人输入的密码不正确,终端显示55,需要重新输入。';

/** Body lines numbered from 2 (line 1 is the title). */
function lines(...texts: string[]): RepairedLine[] {
	return texts.map((text, i) => ({ line: i + 2, text, original: text }));
}

function run(...texts: string[]) {
	const result = clean(TITLE, lines(...texts), c);
	return { ...result, keptText: result.kept.map((k) => k.text), removedAt: result.removed.map((r) => [r.line, r.rule]) };
}

describe('URLs and contacts', () => {
	it.each([
		['a scheme URL', '申请入口,https://www.soupos.cn,点击进入。'],
		['a www. host', '详情见 www.mepos.cn/abc 页面。'],
		['a bare domain', '访问alakala.cn联系客服即可。'],
		['a bare domain in brackets', '(1)通过(mepos.cn)提交资料。'],
		['a mobile number', '有问题请致电13812345678。'],
		['a 400 hotline', '全国服务热线 400-123-4567 随时为您服务。'],
		['a WeChat id', '客服微信:posbanli888,随时咨询。'],
		['a QQ number', '加QQ 123456789 领取资料。'],
		['an e-mail address', '资料请发到 sales@example.com 。'],
	])('removes a line with %s', (_what, text) => {
		const r = run(BODY, text);
		expect(r.keptText).toEqual([BODY]);
		expect(r.removed).toEqual([expect.objectContaining({ line: 3, text, rule: 'promotion' })]);
	});

	it('keeps ordinary numbers that only look like contacts', () => {
		const text = '通常在200元至500元之间,交易金额为1380.50元。';
		expect(run(text).keptText).toEqual([text]);
	});

	it('moves an allow-listed citation link out of the text and keeps the line', () => {
		const r = run('详见中国人民银行公告(https://www.pbc.gov.cn/a/b.html)的说明。');
		expect(r.keptText).toEqual(['详见中国人民银行公告的说明。']);
		expect(r.citations).toEqual([expect.objectContaining({ line: 2, url: 'https://www.pbc.gov.cn/a/b.html', citation: true })]);
		expect(r.edits[0]?.reason).toMatch(/moved to the draft sources/);
	});
});

describe('promotions', () => {
	it('a brand with a promotion word anywhere in the paragraph is an ad', () => {
		expect(promotionReason('首先提交资料,然后拉卡拉会审核你的申请。', c)).toMatch(/brand "拉卡拉" with "申请"/);
	});

	it('a brand alone is not an ad', () => {
		expect(promotionReason('立刷POS机是一种电子支付设备。', c)).toBeUndefined();
	});

	it('POS机 with a promotion word in the same clause is an ad', () => {
		expect(promotionReason('个人正规的pos机可以到第三方支付机构办理pos机。', c)).toMatch(/"pos机" with "办理" in one clause/);
	});

	it('clauses split at full-width punctuation too', () => {
		expect(promotionReason('商户为用户办理了退款手续，用户继续使用POS机支付。', c)).toBeUndefined();
		expect(promotionReason('POS机办理：点击这里。', c)).toMatch(/in one clause/);
	});

	it('POS机 and a promotion word in different clauses is not an ad', () => {
		// Seed 002, line 102: a refund is 办理-ed, the POS is just where the customer pays.
		expect(promotionReason('商户为用户办理了退款手续,用户愿意继续使用该商户的POS机进行支付。', c)).toBeUndefined();
	});

	it('a promotion word alone is not an ad', () => {
		expect(promotionReason('持卡人可以向发卡行申请调整额度。', c)).toBeUndefined();
	});

	it('an ad absorbs brand lines and bridges plain steps between ad lines', () => {
		const r = run(
			BODY,
			'POS机显示55是什么意思,如何申请正规的拉卡拉POS机?',
			'2、选择套餐:根据经营规模选择合适的套餐。',
			'3、提交申请:将材料提交给拉卡拉,等待审核。',
			'4、审核通过:拉卡拉会将POS机寄送到您的地址。',
			'5、激活使用:收到后按照说明书激活。',
			'6、访问拉卡拉官网:alakala.cn联系客服申请即可。',
			'重新输入密码后再试一次。',
			'如果仍然失败,请联系发卡行。',
		);
		expect(r.keptText).toEqual([BODY, '重新输入密码后再试一次。', '如果仍然失败,请联系发卡行。']);
		expect(r.removedAt).toEqual([
			[3, 'promotion'],
			[4, 'promotion-block'],
			[5, 'promotion'],
			[6, 'promotion-block'],
			[7, 'promotion-block'],
			[8, 'promotion'],
		]);
	});

	it('an ad does not swallow body text that follows it', () => {
		const r = run('拉卡拉POS机办理入口见下方。', '检查网络连接。', '重新签到。', '再次交易。');
		expect(r.keptText).toEqual(['检查网络连接。', '重新签到。', '再次交易。']);
	});

	it('a line naming the brand the title is about is content, not part of an ad', () => {
		const lines = [
			{ line: 2, text: '拉卡拉POS机办理入口见下方。', original: '' },
			{ line: 3, text: '检查网络连接。', original: '' },
			{ line: 4, text: '立刷POS机提示商户状态异常时,先联系收单机构。', original: '' },
		];
		expect(clean('立刷POS机商户状态异常', lines, c).kept.map((k) => k.line)).toEqual([3, 4]);
		// The same line after an ad for another article's brand is absorbed into the ad.
		expect(clean('POS机商户状态异常', lines, c).kept.map((k) => k.line)).toEqual([]);
	});

	it('ordinary words containing a brand name are not brands', () => {
		expect(promotionReason('先建立刷卡流程,再申请开通。', c)).toBeUndefined();
	});
});

describe('related-products blocks and residue', () => {
	it('removes a "相关产品" block with its teasers', () => {
		const r = run(BODY, '相关POS机产品', 'pos机排行榜前十名', '某品牌POS机怎么样', '这款机器特别适合个人使用,到账及时……', '微信复制成功');
		expect(r.keptText).toEqual([BODY]);
		expect(r.removed.map((x) => x.rule)).toEqual(['related-block', 'promotion', 'related-block', 'related-block', 'residue']);
	});

	it('removes a residue line on its own', () => {
		const r = run(BODY, '微信复制成功', '重新输入密码。');
		expect(r.keptText).toEqual([BODY, '重新输入密码。']);
		expect(r.removed).toEqual([expect.objectContaining({ line: 3, rule: 'residue', text: '微信复制成功' })]);
	});

	it('cuts residue out of a longer line and records the edit', () => {
		const r = run('请重新输入密码。阅读全文');
		expect(r.keptText).toEqual(['请重新输入密码。']);
		expect(r.edits).toEqual([expect.objectContaining({ line: 2, before: '请重新输入密码。阅读全文', after: '请重新输入密码。' })]);
	});
});

describe('tables of contents and repeated titles', () => {
	it('removes a table of contents whose entries repeat later headings', () => {
		const r = run('本文目录导读:', '1. 一、硬件问题', '2. 二、软件问题', BODY, '一、硬件问题', '打印机故障。', '二、软件问题', '程序错误。');
		expect(r.removedAt.slice(0, 3)).toEqual([
			[2, 'toc'],
			[3, 'toc'],
			[4, 'toc'],
		]);
		expect(r.keptText).toEqual([BODY, '一、硬件问题', '打印机故障。', '二、软件问题', '程序错误。']);
	});

	it('recognizes full-width punctuation in the header and entries', () => {
		const r = run('本文目录：', '1）一、硬件问题', BODY, '一、硬件问题', '打印机故障。');
		expect(r.removedAt).toEqual([
			[2, 'toc'],
			[3, 'toc'],
		]);
	});

	it('removes only the header when no entries follow', () => {
		const r = run('本文目录:', '概述', BODY);
		expect(r.removedAt).toEqual([[2, 'toc']]);
		expect(r.keptText).toEqual(['概述', BODY]);
	});

	it('removes a repeated title', () => {
		const r = run(BODY, 'POS机显示55是什么意思', '重新输入密码。');
		expect(r.removed).toEqual([expect.objectContaining({ line: 3, rule: 'repeated-title' })]);
	});

	it('removes a line identical to the one before it', () => {
		const r = run(BODY, BODY);
		expect(r.removed).toEqual([expect.objectContaining({ line: 3, rule: 'duplicate', reason: 'same as line 2' })]);
	});

	it('removes punctuation left at the start of a line by a splice', () => {
		const r = run('。(3)网络问题:信号弱导致超时。');
		expect(r.keptText).toEqual(['(3)网络问题:信号弱导致超时。']);
		expect(r.edits[0]?.reason).toMatch(/leading "。"/);
	});
});

describe('flags', () => {
	it('keeps a brand in the body for the repair pass (repairKept), without a flag', () => {
		const r = run('立刷POS机是一种电子支付设备。');
		expect(r.keptText).toEqual(['立刷POS机是一种电子支付设备。']);
		expect(r.flags).toEqual([]);
	});

	it('flags a brand kept in the body when the rules have no brandStandIn', () => {
		const { brandStandIn: _, ...rest } = rawRules();
		const r = clean('标题', [{ line: 2, text: '立刷POS机是一种电子支付设备。', original: '立刷POS机是一种电子支付设备。' }], compileRules(rest));
		expect(r.flags).toEqual([expect.objectContaining({ line: 2, rule: 'brand-in-body' })]);
	});

	it('flags a paragraph that ends mid-sentence', () => {
		const r = run('通过加强培训与教育、优化系统及硬件设备、加强监控与检测等措施的落实和应用,可以有效');
		expect(r.flags).toEqual([expect.objectContaining({ rule: 'truncated' })]);
	});

	it('does not flag a finished paragraph or a heading', () => {
		expect(run(BODY, '系统故障').flags).toEqual([]);
	});
});

describe('cleanTitle', () => {
	it('drops a brand from the title and flags it', () => {
		const t = cleanTitle({ line: 1, text: '立刷POS机商户状态异常' }, c, 'file');
		expect(t.title).toBe('POS机商户状态异常');
		expect(t.flags).toEqual([expect.objectContaining({ line: 1, rule: 'brand-in-title' })]);
	});

	it('falls back to the file name when nothing is left', () => {
		const t = cleanTitle({ line: 1, text: '拉卡拉' }, c, '000_abc');
		expect(t.title).toBe('000_abc');
		expect(t.flags.map((f) => f.rule)).toEqual(['brand-in-title', 'title']);
	});
});
