/**
 * The card layout plan: one A4 page, diagram text never under 8 pt, larger text
 * preferred, the diagram left off (and said so) only when it cannot fit.
 */
import { describe, expect, it } from 'vitest';
import {
	CONTENT_HEIGHT,
	CONTENT_WIDTH,
	FLOWCHART_TEXT_PX,
	MIN_DIAGRAM_SCALE,
	MIN_TEXT_PX,
	STEP_SIZES,
	cardCssVariables,
	emWidth,
	estimateHeights,
	lineCount,
	planCard,
	totalHeight,
	type CardText,
} from '../../src/lib/cards/layout.ts';

const text = (steps: number, stepText = '请持卡人遮挡键盘，慢一点重新输入一次交易密码。'): CardText => ({
	kind: 'code',
	badge: '55',
	meaning: '不正确的PIN',
	meta: ['终端显示：“密码错”', 'C 类 · 不要重试　·　谁来处理：持卡人、收银员/商户'],
	firstAction: '请持卡人自己遮挡着重新输入一次密码；多张卡都报 55 时，先重新签到并检查密码键盘。',
	customerLine: '密码没有通过，请您遮挡一下再输一次；如果不确定密码，可以换一张卡。',
	discreetNote: undefined,
	roles: [{ heading: '商 收银员/商户', steps: Array.from({ length: steps }, () => stepText) }],
	warnings: [{ title: '绝不要让持卡人说出或写下密码', text: '收银员不能替持卡人输入密码。' }],
	footer: '完整处理方法：扫码或打开 poskb.example.cn/55/',
	qrLines: ['poskb.example.cn/', '55/'],
});

describe('page geometry', () => {
	it('is A4 portrait less an 8 mm margin, in CSS px', () => {
		expect(CONTENT_WIDTH).toBeCloseTo((194 / 25.4) * 96, 1);
		expect(CONTENT_HEIGHT).toBeCloseTo((281 / 25.4) * 96, 1);
	});
	it('keeps the diagram text at 8 pt or more at the smallest scale', () => {
		expect(FLOWCHART_TEXT_PX * MIN_DIAGRAM_SCALE).toBeGreaterThanOrEqual(MIN_TEXT_PX);
		expect(MIN_TEXT_PX).toBeGreaterThanOrEqual(8 * (96 / 72) - 0.1);
		expect(Math.min(...STEP_SIZES)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
	});
});

describe('text measure', () => {
	it('counts Chinese as one em and Latin as about half', () => {
		expect(emWidth('密码错')).toBe(3);
		expect(emWidth('55')).toBeCloseTo(1.12);
		expect(emWidth('“好”')).toBe(3);
	});
	it('wraps Chinese text by the width', () => {
		expect(lineCount('一二三四五六七八九十', 100, 10)).toBe(2); // 9.4 a line
		expect(lineCount('一二三四五六七八九十', 1000, 10)).toBe(1);
		expect(lineCount('', 100, 10)).toBe(0);
	});
});

describe('planCard', () => {
	const diagram = { width: 400, height: 700 };
	it('prints a small diagram at full size with the largest steps', () => {
		const plan = planCard(text(4), diagram);
		expect(plan.anchor).not.toBe('none');
		expect(plan.diagramScale).toBe(1);
		expect(plan.stepSize).toBe(STEP_SIZES[0]);
		expect(plan.estimatedHeight).toBeLessThanOrEqual(CONTENT_HEIGHT);
	});
	it('shrinks the diagram (never below the floor) or the steps as text grows', () => {
		const small = planCard(text(4), { width: 560, height: 1000 });
		const large = planCard(text(14), { width: 560, height: 1000 });
		for (const p of [small, large]) {
			if (p.anchor !== 'none') expect(p.diagramScale).toBeGreaterThanOrEqual(MIN_DIAGRAM_SCALE);
			expect(p.stepSize).toBeGreaterThanOrEqual(MIN_TEXT_PX);
		}
		expect(Math.min(large.stepSize, FLOWCHART_TEXT_PX * large.diagramScale || Infinity)).toBeLessThanOrEqual(
			Math.min(small.stepSize, FLOWCHART_TEXT_PX * small.diagramScale || Infinity),
		);
	});
	it('leaves a diagram too tall for the page off the card, and says why', () => {
		const plan = planCard(text(4), { width: 400, height: 1600 });
		expect(plan.anchor).toBe('none');
		expect(plan.dropped).toMatch(/does not fit .* simplify it/);
	});
	it('without a diagram, prints the steps at the largest size that fits', () => {
		const plan = planCard(text(6), undefined);
		expect(plan.anchor).toBe('none');
		expect(plan.dropped).toBeUndefined();
		expect(plan.stepSize).toBe(STEP_SIZES[0]);
	});
	it('reports an impossible card as taller than the page (the print check then fails it)', () => {
		const plan = planCard(text(80, '这一步写得非常非常长'.repeat(12)), diagram);
		expect(plan.estimatedHeight).toBeGreaterThan(CONTENT_HEIGHT);
		expect(plan.stepSize).toBe(STEP_SIZES.at(-1));
	});
	it('estimates more height for more text, and the diagram bottom exactly', () => {
		const a = estimateHeights(text(2), diagram, 'steps', 1, 13);
		const b = estimateHeights(text(8), diagram, 'steps', 1, 13);
		expect(b.text).toBeGreaterThan(a.text);
		expect(a.diagram - estimateHeights(text(2), diagram, 'steps', 0.9, 13).diagram).toBeCloseTo(70, 5);
		expect(totalHeight(a)).toBeGreaterThan(a.diagram);
	});
});

describe('cardCssVariables', () => {
	it('hands the plan to the stylesheet', () => {
		const plan = planCard(text(4), { width: 400, height: 700 });
		const css = cardCssVariables(plan, { width: 400, height: 700 });
		expect(css).toContain(`--fs-step:${plan.stepSize}px`);
		expect(css).toContain(`--fc-w:${(400 * plan.diagramScale).toFixed(2)}px`);
		expect(css).toContain('--page-w:210mm');
		expect(cardCssVariables(planCard(text(4), undefined), undefined)).not.toContain('--fc-w');
	});
});
