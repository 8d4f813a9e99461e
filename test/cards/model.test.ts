/**
 * Cards built from the real articles: every code and symptom gets role steps, its
 * warnings, the QR link and reviewed date; the plan fits the page by estimate; and the
 * PDF facts reader counts pages and finds fonts the way Chromium writes them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildCard, cropDiagram, metaLines, type CardFacts } from '../../src/lib/cards/model.ts';
import { CONTENT_HEIGHT, MIN_DIAGRAM_SCALE } from '../../src/lib/cards/layout.ts';
import { PDFDocument } from 'pdf-lib';
import { checkPdf, pdfFacts } from '../../scripts/lib/cards/print-check.ts';
import { getCode } from '../../src/lib/registry.ts';
import { symptomNames } from '../../src/lib/labels.ts';
import type { SymptomSlug } from '../../src/schemas/common.ts';

const SITE = 'https://poskb.example.cn';

function article(dir: 'codes' | 'symptoms', file: string) {
	const text = readFileSync(join('content', dir, file), 'utf8');
	const match = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
	return { data: load(match[1]!, { schema: undefined }) as Record<string, unknown>, body: text.slice(match[0].length) };
}

function familyBody(code: string) {
	const family = getCode(code)?.family;
	return family ? readFileSync(join('content', 'families', `${family}.mdx`), 'utf8') : undefined;
}

function codeCard(code: string) {
	const { data, body } = article('codes', `${code}.mdx`);
	const e = getCode(code)!;
	const facts: CardFacts = {
		kind: 'code',
		id: e.code,
		name: e.code,
		meaning: e.meaning,
		display: e.display,
		klass: e.class,
		whoActs: e.whoActs,
		firstAction: e.firstAction,
		customerLine: e.customerLine,
		discreet: e.discreet,
		moneyAtRisk: e.moneyAtRisk,
		reviewed: new Date(data['reviewed'] as string | Date),
		articleHref: `/codes/${e.code}/`,
	};
	return buildCard({ facts, body, familyBody: familyBody(code), site: SITE });
}

function symptomCard(slug: string) {
	const { data, body } = article('symptoms', `${slug}.mdx`);
	const facts: CardFacts = {
		kind: 'symptom',
		id: slug,
		name: symptomNames[slug as SymptomSlug],
		meaning: data['meaning'] as string,
		display: [],
		whoActs: data['whoActs'] as CardFacts['whoActs'],
		firstAction: data['firstAction'] as string,
		customerLine: data['customerLine'] as string,
		discreet: Boolean(data['discreet']),
		moneyAtRisk: Boolean(data['moneyAtRisk']),
		reviewed: new Date(data['reviewed'] as string | Date),
		articleHref: `/symptoms/${slug}/`,
	};
	return buildCard({ facts, body, site: SITE });
}

const codeFiles = readdirSync('content/codes').filter((f) => f.endsWith('.mdx'));
const symptomFiles = readdirSync('content/symptoms').filter((f) => f.endsWith('.mdx'));
const cards = [...codeFiles.map((f) => codeCard(f.replace(/\.mdx$/, ''))), ...symptomFiles.map((f) => symptomCard(f.replace(/\.mdx$/, '')))];

describe('the card of 55', () => {
	const card = codeCard('55');
	it('has the code, meaning, first action and customer line from the registry', () => {
		const e = getCode('55')!;
		expect(card.id).toBe('55');
		expect(card.meaning).toBe(e.meaning);
		expect(card.firstAction).toBe(e.firstAction);
		expect(card.customerLine).toBe(e.customerLine);
		expect(card.meta[0]).toContain(`“${e.display[0]}”`);
	});
	it('has the role steps, merchant first, shortened to plain first sentences', () => {
		expect(card.roles[0]!.role).toBe('merchant');
		expect(card.roles.map((r) => r.role)).toEqual(expect.arrayContaining(['merchant', 'cardholder']));
		for (const step of card.roles.flatMap((r) => r.steps)) {
			expect(step).not.toMatch(/\*\*|\]\(|<\/?[A-Z]/);
		}
	});
	it('has its warning, the QR link to the /55/ alias and the reviewed date', () => {
		expect(card.warnings.length).toBeGreaterThan(0);
		expect(card.link.url).toBe(`${SITE}/55/`);
		expect(card.qr).toContain(`data-qr="${SITE}/55/"`);
		expect(card.reviewedText).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(card.footer).toContain(card.reviewedText);
		expect(card.pdfHref).toBe('/cards/55.pdf');
	});
});

describe('discreet codes', () => {
	it('carry the neutral line plus a note not to explain the reason', () => {
		const discreet = codeFiles.map((f) => f.replace(/\.mdx$/, '')).find((c) => getCode(c)?.discreet);
		expect(discreet).toBeDefined();
		const card = codeCard(discreet!);
		expect(card.customerLine).toBe(getCode(discreet!)!.customerLine);
		expect(card.discreetNote).toMatch(/不要向顾客解释/);
		expect(codeCard('55').discreetNote).toBeUndefined();
	});
	it('family warnings are on the card of every code that places the family text', () => {
		const code = codeFiles.map((f) => f.replace(/\.mdx$/, '')).find((c) => getCode(c)?.family === 'pick-up' && /<Family \/>/.test(readFileSync(`content/codes/${c}.mdx`, 'utf8')));
		expect(code).toBeDefined();
		expect(codeCard(code!).warnings.map((w) => w.title)).toContain('不要重试，也不要把卡交给第三人');
	});
});

describe('every card', () => {
	it.each(cards.map((c) => [c.id, c] as const))('%s: steps, warnings where money is at risk, a plan that fits', (_id, card) => {
		expect(card.roles.length).toBeGreaterThan(0);
		expect(card.roles.every((r) => r.steps.length > 0 && r.steps.every((s) => s.length >= 2))).toBe(true);
		if (card.moneyAtRisk) expect(card.warnings.length).toBeGreaterThan(0);
		expect(card.plan.estimatedHeight).toBeLessThanOrEqual(CONTENT_HEIGHT);
		if (card.flowchart) expect(card.plan.diagramScale).toBeGreaterThanOrEqual(MIN_DIAGRAM_SCALE);
		expect(card.style).toContain(`--fs-step:${card.plan.stepSize}px`);
	});
	it('symptom cards link the article (no alias) and have no display line', () => {
		const card = symptomCard('settlement-failure');
		expect(card.link.path).toBe('/symptoms/settlement-failure/');
		expect(card.name).toBe('结算失败');
		expect(metaLines(card)[0]).toMatch(/^谁来处理/);
	});
});

describe('cropDiagram', () => {
	it('moves the viewBox in by the crop and shrinks the size to match', () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300.5 200" width="301" height="200" role="group"><g/></svg>';
		const c = cropDiagram(svg, 301, 200);
		expect(c.svg).toContain('viewBox="12 12 277 176"');
		expect(c.svg).toContain('width="277"');
		expect(c.svg).toContain('height="176"');
		expect(c).toMatchObject({ width: 277, height: 176 });
	});
});

describe('PDF facts (pdf-lib)', () => {
	type FontSpec = { base: string; subtype?: string; toUnicode?: boolean; embedded?: boolean };
	const cjk: FontSpec = { base: 'AAAAAA+NotoSansSCThin-Regular' };
	/** A PDF with the given pages and font dictionaries, built with pdf-lib. */
	const pdf = async (pages: number, size: [number, number] = [594.96, 841.92], fonts: FontSpec[] = [cjk]) => {
		const doc = await PDFDocument.create();
		for (let i = 0; i < pages; i++) doc.addPage(size);
		const ctx = doc.context;
		for (const f of fonts) {
			const file = ctx.register(ctx.flateStream(new Uint8Array(16)));
			const descriptor = ctx.obj({ Type: 'FontDescriptor', FontName: f.base, ...(f.embedded === false ? {} : { FontFile2: file }) });
			const subtype = f.subtype ?? 'Type0';
			const dict: Record<string, unknown> = { Type: 'Font', Subtype: subtype, BaseFont: f.base };
			if (subtype === 'Type0') dict['DescendantFonts'] = [ctx.register(ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: f.base, FontDescriptor: ctx.register(descriptor) }))];
			if (f.toUnicode !== false) dict['ToUnicode'] = ctx.register(ctx.flateStream(new Uint8Array(4)));
			ctx.register(ctx.obj(dict as never));
		}
		return doc.save();
	};
	it('reads pages, MediaBoxes and fonts (subset prefix removed, CID descendants folded into their parent)', async () => {
		const facts = await pdfFacts(await pdf(1));
		expect(facts.pages).toBe(1);
		expect(facts.mediaBoxes[0]![2]).toBeCloseTo(594.96, 1);
		expect(facts.fonts).toEqual(['NotoSansSCThin-Regular']);
		expect(facts.fontDetails).toEqual([{ name: 'NotoSansSCThin-Regular', subtype: 'Type0', embedded: true, subset: true, toUnicode: true }]);
		expect((await pdfFacts(await pdf(2))).pages).toBe(2);
	});
	it('passes one small A4 page with a selectable CJK font subset and names each problem otherwise', async () => {
		expect(await checkPdf(await pdf(1))).toEqual([]);
		expect(await checkPdf(await pdf(2))).toEqual(['prints on 2 pages, not exactly one']);
		expect((await checkPdf(await pdf(1, [612, 792])))[0]).toMatch(/not A4 portrait/);
		expect((await checkPdf(await pdf(1, undefined, [{ base: 'BBBBBB+DejaVuSans' }])))[0]).toMatch(/no CJK font embedded \(fonts: DejaVuSans\)/);
		expect((await checkPdf(await pdf(1, undefined, [{ base: 'NotoSansCJKsc-Regular', toUnicode: false }])))[0]).toMatch(/not an embedded, selectable font subset/);
		expect((await checkPdf(await pdf(1, undefined, [{ base: 'CCCCCC+NotoSansSC-Regular', embedded: false }])))[0]).toMatch(/not an embedded, selectable font subset/);
		expect(await checkPdf(await pdf(1, undefined, [cjk, { base: 'NotoSansCJKsc-Bold', subtype: 'Type3' }]))).toEqual([
			'1 Type 3 font(s): text drawn as outlines, not an embedded font (is the print font loading?)',
		]);
		const bytes = await pdf(1);
		expect(await checkPdf(bytes, 100)).toEqual([`the PDF is ${(bytes.length / 1024).toFixed(0)} KB, over 0 KB`]);
		expect(await checkPdf(new TextEncoder().encode('<html>'))).toEqual(['not a PDF file']);
	});
});
