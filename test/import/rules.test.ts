import { describe, expect, it } from 'vitest';
import { compileRules, findObfuscations, literalPattern, parseRules, removeBrands, RulesError } from '../../scripts/lib/rules/normalization.ts';
import { rawRules, rules } from './helpers.ts';

describe('content/rules/normalization.json', () => {
	const raw = rawRules();

	it('parses, and every text-changing entry says why', () => {
		expect(raw.obfuscations.length).toBeGreaterThan(0);
		for (const r of [...raw.obfuscations, ...raw.contextual, ...raw.uncertain]) expect(r.why.length).toBeGreaterThan(10);
	});

	it('lists the obfuscations, brands and promotion words the brief names', () => {
		const finds = raw.obfuscations.map((o) => o.find);
		expect(finds).toEqual(expect.arrayContaining(['ka卡', '七咋', '信xi息', 'POSS']));
		expect(raw.contextual.map((c) => c.find)).toContain('拉卡拉、骚乱');
		expect(raw.uncertain.map((u) => u.find)).toContain('非常');
		expect(raw.brands).toEqual(expect.arrayContaining(['拉卡拉', '立刷', '盛付通', '瑞银信']));
		// UnionPay is the card network, not a brand to remove from normal text.
		expect(raw.brands).not.toContain('银联');
		expect(raw.promotionWords).toEqual(expect.arrayContaining(['申请', '办理', '官网', '免费领取', '排行榜', '手续费']));
		expect(raw.residue).toContain('微信复制成功');
		expect(raw.citationDomains).toContain('pbc.gov.cn');
	});

	it('uncertain patterns match their examples and not ordinary uses', () => {
		const c = rules();
		const very = c.uncertain.find((u) => u.rule.find === '非常')!.re;
		for (const s of ['非常常见原因', '非常新版本', '非常近一段时间', '非常后,个人']) expect(s.match(very)).not.toBeNull();
		for (const s of ['非常重要', '非常感谢']) expect(s.match(very)).toBeNull();
	});

	it('has no replacement that reintroduces a find', () => {
		for (const o of raw.obfuscations) for (const other of raw.obfuscations) expect(o.replace.includes(other.find)).toBe(false);
	});
});

describe('parseRules', () => {
	const valid = () => JSON.parse(JSON.stringify(rawRules())) as Record<string, unknown>;

	it('rejects a missing list with the field name', () => {
		const j = valid();
		delete j['brands'];
		expect(() => parseRules(j)).toThrow(/^brands: .*expected array/);
	});

	it('rejects an entry without find', () => {
		const j = valid();
		j['obfuscations'] = [{ replace: '卡', why: 'test' }];
		expect(() => parseRules(j)).toThrow(RulesError);
		expect(() => parseRules(j)).toThrow(/obfuscations\[0\]\.find/);
	});

	it('rejects an invalid `when` regex', () => {
		const j = valid();
		j['uncertain'] = [{ find: '非常', suggest: '最', when: '非常(?=', why: 'test' }];
		expect(() => parseRules(j)).toThrow(/uncertain\[0\]\.when: is not a valid regular expression/);
	});

	it('rejects a replacement containing a find', () => {
		const j = valid();
		j['obfuscations'] = [
			{ find: 'ka卡', replace: '卡', why: 'a' },
			{ find: 'xx', replace: 'ka卡', why: 'b' },
		];
		expect(() => parseRules(j)).toThrow(/obfuscations\[1\]\.replace: "ka卡" contains the find "ka卡"/);
	});

	it('rejects an unknown field (strict: a misspelt list must not be ignored)', () => {
		const j = valid();
		j['brand'] = ['某某'];
		expect(() => parseRules(j)).toThrow(RulesError);
		expect(() => parseRules(j)).toThrow(/brand/);
		j['brand'] = undefined;
		delete j['brand'];
		(j['obfuscations'] as Record<string, unknown>[])[0]!['note'] = 'x';
		expect(() => parseRules(j)).toThrow(/obfuscations\[0\]/);
	});

	it('rejects an empty find', () => {
		const j = valid();
		j['obfuscations'] = [{ find: '', replace: '卡', why: 'test' }];
		expect(() => parseRules(j)).toThrow(/obfuscations\[0\]\.find/);
	});
});

describe('matching helpers shared with the validator', () => {
	it('an ASCII-edged find does not match inside an English word', () => {
		const re = new RegExp(literalPattern('POSS'), 'u');
		expect(re.test('材料:POSS、银行卡')).toBe(true);
		expect(re.test('POSSIBLE')).toBe(false);
		expect(re.test('THEPOSS')).toBe(false);
	});

	it('findObfuscations reports what is left', () => {
		const c = rules();
		expect(findObfuscations('刷ka卡,七咋', c).sort()).toEqual(['ka卡', '七咋'].sort());
		expect(findObfuscations('刷卡,欺诈', c)).toEqual([]);
	});

	it('removeBrands keeps ordinary words that contain a brand', () => {
		const c = compileRules({ ...rawRules() });
		expect(removeBrands('立刷POS机商户状态异常', c)).toBe('POS机商户状态异常');
		expect(removeBrands('建立刷卡流程', c)).toBe('建立刷卡流程');
	});
});
