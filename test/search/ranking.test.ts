/**
 * Query relaxation and phrase re-ranking (issue 5.4): the pure parts of result ranking.
 */
import { describe, expect, it } from 'vitest';
import { mergeRanked, relaxations, segmentTerms } from '../../src/lib/search/relax.ts';
import { compact, listItems, phraseCoverage, phraseTier, rerank, titleNames } from '../../src/lib/search/rerank.ts';

describe('segmentTerms', () => {
	it('drops punctuation and standalone particles', () => {
		const terms = segmentTerms('钱没到账了？');
		expect(terms.join('')).toBe('钱没到账');
		expect(terms).not.toContain('了');
	});
	it('keeps Latin words and digits whole', () => {
		expect(segmentTerms('MAC 校验错')).toContain('MAC');
	});
});

describe('relaxations', () => {
	it('leaves one word out, then two, never below half the words', () => {
		const r = relaxations(['a', 'b', 'c', 'd']);
		expect(r.slice(0, 4).map((x) => x.terms.join(''))).toEqual(['abc', 'abd', 'acd', 'bcd']);
		expect(r.every((x) => x.terms.length >= 2)).toBe(true);
		expect(r[0]?.coverage).toBe(0.75);
	});
	it('has nothing to relax for a single word, and is capped', () => {
		expect(relaxations(['余额'])).toEqual([]);
		expect(relaxations('abcdefghij'.split(''), 12)).toHaveLength(12);
	});
});

describe('mergeRanked', () => {
	it('keeps strict matches first and ranks relaxed ones by score × coverage²', () => {
		const s = (id: string, score: number) => ({ id, score, item: id });
		const merged = mergeRanked(
			[s('strict', 1)],
			[
				{ coverage: 0.5, results: [s('half', 10), s('strict', 50)] },
				{ coverage: 0.75, results: [s('most', 4), s('half', 1)] },
			],
		);
		expect(merged.map((m) => m.id)).toEqual(['strict', 'half', 'most']);
		expect(merged[1]?.score).toBe(2.5);
		expect(merged[2]?.score).toBe(2.25);
	});
});

describe('phraseTier and rerank', () => {
	const p77 = { title: '请重新签到', display: '“请重新签到”、“批次号不符，请重新签到”', also: '签到失败、需要签到' };
	const pA0 = { title: 'MAC 校验错，请重新签到', display: '“MAC校验错，请重新签到”、“MAC 校验错”', also: 'MAC错' };
	const p19 = { title: '重新送入交易', display: '“请重试”', also: '' };
	const keys = { title: '签到与密钥问题', also: '签到失败、请重新签到、密钥错误' };

	it('compacts text and splits the rendered lists', () => {
		expect(compact('MAC 校验错，请重新签到')).toBe('mac校验错请重新签到');
		expect(listItems('“密码错”、“密码错误请重试”')).toEqual(['密码错', '密码错误请重试']);
	});

	it('ranks an exact title or display text above a 常见说法 match, above containment', () => {
		expect(phraseTier('请重新签到', p77)).toBe(7); // its title
		expect(phraseTier('过期卡', { title: '过期卡（没收）' })).toBe(6); // its title without the parenthesis
		expect(phraseTier('批次号不符，请重新签到', p77)).toBe(5);
		expect(phraseTier('请重新签到', keys)).toBe(4);
		expect(phraseTier('请重新签到', pA0)).toBe(3);
		expect(phraseTier('请重新签到', p19)).toBe(0);
		expect(phraseTier('MAC校验错', pA0)).toBe(5);
		expect(phraseTier('签', p77)).toBe(0); // too short to mean anything
	});

	it('reorders by tier and keeps Pagefind order within a tier', () => {
		const pages = [p19, pA0, keys, p77];
		expect(rerank('请重新签到', pages, (p) => p).map((p) => p.title)).toEqual([
			'请重新签到',
			'签到与密钥问题',
			'MAC 校验错，请重新签到',
			'重新送入交易',
		]);
	});

	it('reads the names inside a title', () => {
		expect(titleNames('签到失败 / 未签到')).toEqual(['签到失败未签到', '签到失败', '未签到']);
		expect(titleNames('交易失败（没有返回码）')).toEqual(['交易失败没有返回码', '交易失败']);
		expect(phraseTier('交易失败', { title: '交易失败（没有返回码）' })).toBe(6);
		expect(phraseTier('未签到', { title: '签到失败 / 未签到' })).toBe(6);
		expect(phraseTier('交易失败', { title: '出错（交易失败）', display: '“交易失败”' })).toBe(5);
	});
});

describe('long questions', () => {
	const p51 = { title: '余额不足', display: '“余额不足”、“资金不足”', also: '' };
	const freeze = { title: '商户状态异常', also: '商户被冻结、商户已关闭' };
	const uncertain = { title: '交易结果不确定', also: '没出小票但扣钱了、刷卡没出小票扣款了、冲正' };
	const printing = { title: '打印问题 / 不出签购单', also: '不出小票、补打小票、重打印' };
	const settlement = { title: '结算（批结算）', also: '结算、日结' };
	const account = { title: '费率、押金、注销等：问收单机构', also: '费率、解绑、换结算卡' };
	const reprint = { title: '补打签购单（重打印）', also: '补打小票、重打印' };

	it('a name inside the question covers its share of the question', () => {
		expect(phraseCoverage('刷卡余额不足可是卡上有钱', p51)).toBeCloseTo(4 / 12);
		expect(phraseCoverage('刷卡余额不足可是卡上有钱', freeze)).toBe(0);
	});

	it('without a whole name inside, the shared character pairs decide', () => {
		const q = '刷卡未出小票但钱扣了';
		expect(phraseCoverage(q, uncertain)).toBeGreaterThan(phraseCoverage(q, printing));
		expect(rerank(q, [printing, freeze, uncertain], (p) => p)[0]).toBe(uncertain);
	});

	it('a name inside the question lifts a page above pages without one', () => {
		expect(rerank('刷卡余额不足可是卡上有钱', [freeze, p51], (p) => p)[0]).toBe(p51);
	});

	it('in tier 0 a title sharing a pair of the question does not reorder: Pagefind\'s order stands', () => {
		const q = '刷卡机屏幕出现英文字母加数字的错误';
		const nonstandard = { title: '不在码表里的返回码', also: '不认识的码' };
		const pin = { title: '密码错误', display: '“密码错”', also: '密码不对' };
		// Neither page has a name inside the question, and neither covers a quarter of its pairs.
		for (const p of [nonstandard, pin]) expect(phraseTier(q, p)).toBe(0);
		expect(rerank(q, [nonstandard, pin], (p) => p)).toEqual([nonstandard, pin]);
		// With a name in the match (tier 1 here), the title still breaks a tie.
		const wrong = { title: '操作错误', also: '屏幕' };
		const pinned = { title: '屏幕密码错误', also: '屏幕' };
		expect(phraseTier(q, wrong)).toBe(1);
		expect(rerank(q, [wrong, pinned], (p) => p)).toEqual([pinned, wrong]);
	});

	it('on equal coverage, the rarer name wins, then a title over a 常见说法 item', () => {
		expect(rerank('解绑结算卡', [settlement, account], (p) => p)[0]).toBe(account);
		expect(rerank('重打印上一笔', [printing, reprint], (p) => p)[0]).toBe(reprint);
	});
});

describe('relaxations of a long question', () => {
	it('adds each word of two characters or more on its own, after the subsets', () => {
		const r = relaxations(['刷卡', '小票', '扣', '钱']);
		expect(r.slice(-2).map((x) => x.terms)).toEqual([['刷卡'], ['小票']]);
		expect(r.at(-1)?.coverage).toBe(0.25);
	});
	it('sums a page over every list when all pages are ranked together', () => {
		const s = (id: string, score: number) => ({ id, score, item: id });
		const merged = mergeRanked([s('all', 1)], [{ coverage: 0.5, results: [s('all', 1), s('half', 3)] }], { strictFirst: false });
		expect(merged.map((m) => [m.id, m.score])).toEqual([
			['all', 1.25],
			['half', 0.75],
		]);
	});
});

