/**
 * Cards: a mocked article's card has its facts, role steps, warnings (its own and its
 * family's), the QR link and reviewed date; every real article's card plan fits the page
 * by estimate; and the PDF facts reader counts pages and finds fonts the way Chromium
 * writes them. Facts are mapped once, by `factsView` (`src/lib/facts.ts`), as the card page does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCard, metaLines, cropDiagram } from '../../src/lib/cards/model.ts';
import { CONTENT_HEIGHT, MIN_DIAGRAM_SCALE } from '../../src/lib/cards/layout.ts';
import { PDFDocument } from 'pdf-lib';
import { checkPdf, pdfFacts } from '../../scripts/lib/cards/print-check.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { factsView } from '../../src/lib/facts.ts';
import { contentArticleSchema, type FactsArticleFields } from '../../src/schemas/article.ts';

const SITE = 'https://poskb.example.cn';

/** Frontmatter as the loader gives it (defaults filled in), from a few fields. */
function mock(fields: Record<string, unknown>): FactsArticleFields {
	const common = { description: '一句话说明这篇文章讲什么。', reviewed: new Date('2026-03-04'), sources: [{ title: '受理终端操作说明' }] };
	const article = contentArticleSchema.parse({ ...common, ...fields });
	if (article.kind === 'cause') throw new Error('a cause has no card');
	return article;
}

const CODE_55 = {
	kind: 'code',
	code: '55',
	title: '55 密码错误',
	meaning: '不正确的PIN',
	display: ['密码错', '密码错误请重试'],
	handlingClass: 'C',
	whoActs: ['cardholder', 'merchant'],
	firstAction: '请持卡人遮挡键盘重新输入一次密码。',
	customerLine: '密码没有通过，请您遮挡一下再输一次。',
	pin: true,
	categories: ['keys'],
};
const BODY_55 = `import { RoleSteps, Warning } from '~/components.ts';

## 怎么处理

<RoleSteps role="cardholder">
1. 遮挡键盘，**自己**重新输入一次密码。不要说出来。
</RoleSteps>

<RoleSteps role="merchant">
1. 告诉持卡人[密码没有通过](/codes/55/)，请他自己遮挡着重新输入一次。然后等结果。
2. 仍然报错：请持卡人换一张卡。
</RoleSteps>

<Warning title="不要让持卡人说出密码">
收银员不能替持卡人输入密码。
</Warning>

## 判断流程

\`\`\`mermaid
flowchart TD
  A[终端显示 55] --> B{重输后还是 55?}
  B -->|否| C[交易成功]
  B -->|是| D[请持卡人换卡]
\`\`\`
`;

const PICK_UP = {
	...CODE_55,
	code: '04',
	title: '04 没收卡',
	meaning: '没收卡',
	display: ['没收卡'],
	handlingClass: 'D',
	whoActs: ['merchant', 'issuer'],
	firstAction: '不要重试，不要把卡交给第三人。',
	customerLine: '这张卡暂时不能在这里使用，请您联系发卡银行了解情况。',
	pin: false,
	discreet: true,
	moneyAtRisk: true,
	family: 'pick-up',
};
const BODY_PICK_UP = `import { RoleSteps, Family } from '~/components.ts';

<Family />

<RoleSteps role="merchant">
1. 不要重试。请持卡人换一种方式付款。
</RoleSteps>
`;
const FAMILY_PICK_UP = `<Warning title="家族警告：不要重试">
同一张卡再刷一次也不会成功。
</Warning>
`;

const card55 = buildCard({ facts: factsView(mock(CODE_55)), body: BODY_55, site: SITE });

describe('the card of a code', () => {
	it('has the code, meaning, first action and customer line from the frontmatter', () => {
		expect(card55.id).toBe('55');
		expect(card55.name).toBe('55');
		expect(card55.meaning).toBe('不正确的PIN');
		expect(card55.firstAction).toBe(CODE_55.firstAction);
		expect(card55.customerLine).toBe(CODE_55.customerLine);
		expect(card55.meta).toEqual([expect.stringContaining('“密码错” “密码错误请重试”'), expect.stringMatching(/谁来处理：持卡人、(商户|收银员)/)]);
		expect(card55.meta[1]).toContain('C');
	});
	it('has the role steps, merchant first, shortened to plain first sentences', () => {
		expect(card55.roles.map((r) => r.role)).toEqual(['merchant', 'cardholder']);
		expect(card55.roles[0]!.steps).toEqual(['告诉持卡人密码没有通过，请他自己遮挡着重新输入一次。', '仍然报错：请持卡人换一张卡。']);
		expect(card55.roles[1]!.steps).toEqual(['遮挡键盘，自己重新输入一次密码。']);
	});
	it('has its warning, its flowchart, the QR link to the /55/ alias and the reviewed date', () => {
		expect(card55.warnings).toEqual([{ title: '不要让持卡人说出密码', text: '收银员不能替持卡人输入密码。' }]);
		expect(card55.flowchart?.svg).toMatch(/^<svg[\s\S]*请持卡人换卡[\s\S]*<\/svg>$/);
		expect(card55.link.url).toBe(`${SITE}/55/`);
		expect(card55.qr).toContain(`data-qr="${SITE}/55/"`);
		expect(card55.reviewedText).toBe('2026-03-04');
		expect(card55.footer).toContain('审核日期 2026-03-04');
		expect(card55.pdfHref).toBe('/cards/55.pdf');
	});
});

describe('discreet codes', () => {
	const card = buildCard({ facts: factsView(mock(PICK_UP)), body: BODY_PICK_UP, familyBody: FAMILY_PICK_UP, site: SITE });
	it('carry the neutral line plus a note not to explain the reason', () => {
		expect(card.customerLine).toBe(PICK_UP.customerLine);
		expect(card.discreetNote).toMatch(/不要向顾客解释/);
		expect(card55.discreetNote).toBeUndefined();
	});
	it('family warnings are on the card of every code that places the family text', () => {
		expect(card.warnings.map((w) => w.title)).toEqual(['家族警告：不要重试']);
		// Without <Family /> in the body, the family text is not on the card.
		const without = buildCard({ facts: factsView(mock(PICK_UP)), body: BODY_PICK_UP.replace('<Family />\n', ''), familyBody: FAMILY_PICK_UP, site: SITE });
		expect(without.warnings).toEqual([]);
	});
});

describe('symptom and task cards', () => {
	const symptom = {
		kind: 'symptom',
		symptom: 'settlement-failure',
		title: '结算失败',
		meaning: '终端批结算对不上账。',
		firstAction: '先分清是终端结算失败还是钱没到账。',
		customerLine: '这是我们店里对账的事，和您的付款无关。',
		whoActs: ['merchant'],
		categories: ['transaction-data'],
	};
	const body = '<RoleSteps role="merchant">\n1. 打印结算单，看哪一笔对不上。\n</RoleSteps>\n';
	it('symptom cards link the article (no alias) and have no display line', () => {
		const card = buildCard({ facts: factsView(mock(symptom)), body, site: SITE });
		expect(card.link.path).toBe('/symptoms/settlement-failure/');
		expect(card.name).toBe('结算失败');
		expect(metaLines(card)[0]).toMatch(/^谁来处理/);
	});
	it('task cards too', () => {
		const { symptom: _slug, ...facts } = symptom;
		const card = buildCard({ facts: factsView(mock({ ...facts, kind: 'task', task: 'settlement', title: '结算' })), body, site: SITE });
		expect(card.link.path).toBe('/tasks/settlement/');
		expect(card.name).toBe('结算');
	});
});

describe('every card of the real content', () => {
	// Not a content rule: the card plan is an estimate, and this is where it meets real text.
	const content = loadContent('content');
	const bodyOf = (folder: string, id: string) => readFileSync(join('content', folder, `${id}.mdx`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
	const familyOf = (family: string | undefined) => (family ? readFileSync(join('content', 'families', `${family}.mdx`), 'utf8') : undefined);
	const cards = [
		...content.codes.map((c) => buildCard({ facts: factsView(c), body: bodyOf('codes', c.code), familyBody: familyOf(c.family), site: SITE })),
		...content.symptoms.map((s) => buildCard({ facts: factsView(s), body: bodyOf('symptoms', s.symptom), site: SITE })),
		...content.tasks.map((t) => buildCard({ facts: factsView(t), body: bodyOf('tasks', t.task), site: SITE })),
	];
	it('exists for every article', () => {
		expect(cards.length).toBe(content.codes.length + content.symptoms.length + content.tasks.length);
	});
	it.each(cards.map((c) => [c.id, c] as const))('%s: steps, warnings where money is at risk, a plan that fits', (_id, card) => {
		expect(card.roles.length).toBeGreaterThan(0);
		expect(card.roles.every((r) => r.steps.length > 0 && r.steps.every((s) => s.length >= 2))).toBe(true);
		if (card.moneyAtRisk) expect(card.warnings.length).toBeGreaterThan(0);
		expect(card.plan.estimatedHeight).toBeLessThanOrEqual(CONTENT_HEIGHT);
		if (card.flowchart) expect(card.plan.diagramScale).toBeGreaterThanOrEqual(MIN_DIAGRAM_SCALE);
		expect(card.style).toContain(`--fs-step:${card.plan.stepSize}px`);
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
