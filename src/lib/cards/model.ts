/**
 * Everything a printed card shows, computed once from the article's facts and body.
 * `src/pages/cards/[id].astro` builds one per code, symptom and task article; the card
 * component only renders it. Pure apart from the flowchart and QR rendering, which
 * are themselves pure functions of their input.
 */
import { renderFlowchart } from '../flowchart/render.ts';
import { classLabels, roleLabels } from '../labels.ts';
import type { FactsView } from '../facts.ts';
import {
	cardOutline,
	flowchartOf,
	roleStepsOf,
	shortenStep,
	warningsOf,
	type CardWarning,
	type StepRole,
} from './extract.ts';
import { DIAGRAM_CROP, cardCssVariables, planCard, type CardPlan, type CardText } from './layout.ts';
import { cardShortLink, qrSvg, type CardLink } from './qr.ts';

/** Facts of the card's subject, mapped once from its frontmatter (`src/lib/facts.ts`). */
export type CardFacts = FactsView;

export interface CardRole {
	role: StepRole;
	name: string;
	short: string;
	steps: string[];
}

export interface CardModel extends CardFacts {
	roles: CardRole[];
	warnings: CardWarning[];
	/** The floated diagram's SVG markup, or undefined when the card prints none. */
	flowchart: { svg: string; width: number; height: number } | undefined;
	/** A flowchart exists in the article but is too big for the card (the writer should simplify it). */
	flowchartDropped: string | undefined;
	link: CardLink;
	qr: string;
	/** `YYYY-MM-DD`. */
	reviewedText: string;
	pdfHref: string;
	plan: CardPlan;
	/** CSS custom properties for the card root (type scale and diagram size). */
	style: string;
	/** The text lines under the meaning (display, class, who acts). */
	meta: string[];
	/** The note to the cashier on discreet codes. */
	discreetNote: string | undefined;
	footer: string;
}

/** The note printed under a discreet code's customer line. */
export const DISCREET_NOTE = '照这句话说，不要向顾客解释原因。';

/** Roles a card prints, in the order the article gives them; merchant steps first when present. */
function orderRoles(lists: { role: StepRole; steps: string[] }[]): { role: StepRole; steps: string[] }[] {
	const merged = new Map<StepRole, string[]>();
	for (const l of lists) merged.set(l.role, [...(merged.get(l.role) ?? []), ...l.steps]);
	const roles = [...merged.keys()];
	roles.sort((a, b) => (a === 'merchant' ? -1 : b === 'merchant' ? 1 : 0));
	return roles.map((role) => ({ role, steps: merged.get(role)! }));
}

/**
 * The diagram without most of its outer padding: the viewBox starts DIAGRAM_CROP px in
 * on every side (the renderer pads by 16 px, so nothing drawn is cut).
 */
export function cropDiagram(svg: string, width: number, height: number): { svg: string; width: number; height: number } {
	const w = width - 2 * DIAGRAM_CROP;
	const h = height - 2 * DIAGRAM_CROP;
	const cropped = svg.replace(/^<svg ([^>]*)>/, (_m, attrs: string) => {
		const a = attrs
			.replace(/viewBox="0 0 [\d.]+ [\d.]+"/, `viewBox="${DIAGRAM_CROP} ${DIAGRAM_CROP} ${w} ${h}"`)
			.replace(/ width="[^"]*"/, ` width="${w}"`)
			.replace(/ height="[^"]*"/, ` height="${h}"`);
		return `<svg ${a}>`;
	});
	return { svg: cropped, width: w, height: h };
}

/** `YYYY-MM-DD` of a frontmatter date (YAML dates are UTC midnight). */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The text lines under the meaning. */
export function metaLines(facts: CardFacts): string[] {
	const lines: string[] = [];
	if (facts.display.length > 0) lines.push(`终端显示：${facts.display.map((d) => `“${d}”`).join(' ')}`);
	const who = facts.whoActs.map((r) => roleLabels[r].name).join('、');
	lines.push(facts.handlingClass ? `${classLabels[facts.handlingClass].name}　·　谁来处理：${who}` : `谁来处理：${who}`);
	return lines;
}

export interface BuildCardInput {
	facts: CardFacts;
	/** The article's raw MDX body (`entry.body`). */
	body: string;
	/** The shared family text's raw MDX, when the article places `<Family />`. */
	familyBody?: string | undefined;
	/** `Astro.site`. */
	site: URL | string;
}

/** Build the card of one article. */
export function buildCard({ facts, body, familyBody, site }: BuildCardInput): CardModel {
	// The body is parsed once, by the site's own MDX compiler; the family text too, if used.
	const tree = cardOutline(body);
	const roles: CardRole[] = orderRoles(roleStepsOf(tree)).map(({ role, steps }) => ({
		role,
		name: roleLabels[role].name,
		short: roleLabels[role].short,
		steps: steps.map((step) => shortenStep(step)),
	}));
	const warnings = [...warningsOf(tree), ...(familyBody && tree.components.has('Family') ? warningsOf(cardOutline(familyBody)) : [])]
		.filter((w, i, all) => all.findIndex((o) => o.title === w.title) === i)
		.map((w) => ({ title: w.title, text: shortenStep(w.text) }));

	const source = flowchartOf(tree);
	const rendered = source ? renderFlowchart(source, `card-${facts.id}`) : undefined;
	const svg = rendered ? /<svg[\s\S]*<\/svg>/.exec(rendered.html)?.[0] : undefined;
	const diagram = rendered && svg ? cropDiagram(svg, rendered.width, rendered.height) : undefined;

	const link = cardShortLink(site, facts.kind, facts.id);
	const meta = metaLines(facts);
	const discreetNote = facts.discreet ? DISCREET_NOTE : undefined;
	const reviewedText = isoDate(facts.reviewed);
	const footer = `完整处理方法：扫码或打开 ${link.text}　·　审核日期 ${reviewedText}　·　poskb 按文章自动生成，文章更新后请重新打印`;

	const text: CardText = {
		kind: facts.kind,
		badge: facts.kind === 'code' ? facts.id : facts.name,
		meaning: facts.meaning,
		meta,
		firstAction: facts.firstAction,
		customerLine: facts.customerLine,
		customerLineEn: facts.customerLineEn,
		discreetNote,
		roles: roles.map((r) => ({ heading: `${r.short} ${r.name}`, steps: r.steps })),
		warnings,
		footer,
		qrLines: link.lines,
	};
	const plan = planCard(text, diagram);
	const flowchart = plan.anchor === 'none' ? undefined : diagram;

	return {
		...facts,
		roles,
		warnings,
		flowchart,
		flowchartDropped: plan.dropped,
		link,
		qr: qrSvg(link.url, `二维码：${link.text}`),
		reviewedText,
		pdfHref: `/cards/${facts.id}.pdf`,
		plan,
		style: cardCssVariables(plan, flowchart),
		meta,
		discreetNote,
		footer,
	};
}
