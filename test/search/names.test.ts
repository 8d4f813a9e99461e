/**
 * The names list (issue 17): which queries it answers alone, in what order, and how a
 * damaged list is refused. Entries are written as `/search-names.json` carries them
 * (`src/pages/search-names.json.ts`); the browser tests read the built file itself.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_TIER, matchNames, namesAnswer, parseNames, type NameEntry } from '../../src/lib/search/names.ts';

const code = (badge: string, title: string, display: string[], also: string[]): NameEntry => ({
	href: `/codes/${badge}/`,
	kind: 'code',
	badge,
	title,
	meaning: `${title}的含义`,
	display: display.map((d) => `“${d}”`).join('、'),
	also: also.join('、'),
});

const LIST: NameEntry[] = [
	code('04', '没收卡', ['没收卡，请联系收单行'], ['没收卡', '请没收卡']),
	code('34', '有作弊嫌疑（没收卡）', ['有作弊嫌疑'], ['没收卡', '作弊嫌疑卡']),
	code('51', '余额不足', ['余额不足', '可用余额不足'], ['余额不够', '卡里没钱']),
	code('67', '捕捉（没收卡）', ['没收卡'], ['没收卡', '要求没收卡']),
	{ href: '/symptoms/printing-problem/', kind: 'symptom', badge: '提示', title: '打印问题 / 不出签购单', meaning: '打印机出问题', also: '不出小票、补打小票' },
	{ href: '/tasks/reprint/', kind: 'task', badge: '操作', title: '补打签购单（重打印）', meaning: '再打一张', also: '补打、补打小票' },
];

const hrefs = (q: string) => matchNames(q, LIST).map((m) => m.entry.href);

describe('matchNames', () => {
	it('answers a display text alone, and the page that shows it comes first', () => {
		const m = matchNames('余额不足', LIST);
		expect(m[0]?.entry.href).toBe('/codes/51/');
		expect(m[0]?.tier).toBeGreaterThanOrEqual(EXACT_TIER);
		expect(namesAnswer(m)).toBe(true);
	});

	it('does not answer alone when the query is only part of a name, or a sentence around one', () => {
		expect(namesAnswer(matchNames('余额', LIST))).toBe(false);
		expect(hrefs('余额')).toContain('/codes/51/');
		const sentence = matchNames('刷卡显示余额不足可是卡上有钱', LIST);
		expect(namesAnswer(sentence)).toBe(false);
		expect(sentence[0]?.entry.href).toBe('/codes/51/');
	});

	it('lists nothing for a query no name shares', () => {
		expect(matchNames('开不了机', LIST)).toEqual([]);
		expect(namesAnswer([])).toBe(false);
	});

	it('breaks ties by the title first: 补打小票 is the reprint task before the printing symptom', () => {
		expect(hrefs('补打小票').slice(0, 2)).toEqual(['/tasks/reprint/', '/symptoms/printing-problem/']);
	});

	it('then by how many names are the query: 67 shows 没收卡 on the terminal, 34 only says it', () => {
		// 04 is titled 没收卡 (the highest tier); 67 and 34 both carry it in their titles.
		expect(hrefs('没收卡').slice(0, 3)).toEqual(['/codes/04/', '/codes/67/', '/codes/34/']);
	});
});

describe('parseNames', () => {
	it('accepts the list as built', () => {
		expect(parseNames(JSON.parse(JSON.stringify(LIST)))).toHaveLength(LIST.length);
	});
	it('refuses anything else (the box then searches with Pagefind alone)', () => {
		expect(() => parseNames({ href: '/codes/55/' })).toThrow(/not an array/);
		expect(() => parseNames([{ href: '/codes/55/', kind: 'page', badge: '', title: 't', meaning: 'm' }])).toThrow(/malformed/);
		expect(() => parseNames([{ href: '/codes/55/', kind: 'code', title: 't', meaning: 'm' }])).toThrow(/malformed/);
	});
	it('accepts display and also when left out, and refuses them when they are not text', () => {
		const entry = { href: '/codes/55/', kind: 'code', badge: '55', title: '密码错误', meaning: 'm' };
		expect(parseNames([entry])).toHaveLength(1);
		expect(parseNames([{ ...entry, display: '“密码错”', also: '密码错' }])).toHaveLength(1);
		for (const bad of [{ display: 55 }, { display: ['“密码错”'] }, { also: null }, { also: { text: '密码错' } }]) {
			expect(() => parseNames([entry, { ...entry, ...bad }]), JSON.stringify(bad)).toThrow(/malformed/);
		}
	});
});
