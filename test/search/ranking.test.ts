/**
 * Query relaxation and phrase re-ranking (issue 5.4): the pure parts of result ranking.
 */
import { describe, expect, it } from 'vitest';
import { mergeRanked, relaxations, segmentTerms } from '../../src/lib/search/relax.ts';
import { compact, listItems, phraseTier, rerank } from '../../src/lib/search/rerank.ts';

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
		expect(phraseTier('请重新签到', p77)).toBe(5);
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
});
