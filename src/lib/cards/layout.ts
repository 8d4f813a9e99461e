/**
 * Fit a card on one A4 page, at build time, without shrinking any text below 8 pt.
 *
 * The card is a single column of text with the flowchart floated to the right, so
 * text runs beside the diagram and continues full width below it. What varies per card
 * is where the float starts (below the header, below the customer line, or at the very
 * top), how large the diagram is drawn (scale 1 down to the legibility floor), and the
 * size of the step text. `planCard` estimates the height of each candidate with the
 * real CSS sizes (exported below and set on the card as CSS variables, so estimate and
 * stylesheet cannot drift) and picks the most legible one that fits. The browser test
 * prints every card and is the judge; the estimate only has to be a little pessimistic.
 */

/** 1 CSS px = 1/96 in; 1 pt = 1/72 in. */
export const PX_PER_MM = 96 / 25.4;
export const PX_PER_PT = 96 / 72;

/** A4 portrait in CSS px, and the card's own margin (the @page margin is 0). */
export const PAGE = { widthMm: 210, heightMm: 297, marginMm: 8 } as const;
export const CONTENT_WIDTH = (PAGE.widthMm - 2 * PAGE.marginMm) * PX_PER_MM; // ≈ 733 px
export const CONTENT_HEIGHT = (PAGE.heightMm - 2 * PAGE.marginMm) * PX_PER_MM; // ≈ 1062 px

/** The smallest text allowed anywhere on a printed card: 8 pt ≈ 10.67 px (a hair of rounding allowed). */
export const MIN_TEXT_PX = 10.6;

/**
 * Font sizes (px) and line heights of the card. `cardCssVariables` hands them to the
 * stylesheet; the estimate below uses the same numbers.
 */
export const TYPE = {
	badge: { size: 92, line: 1 },
	badgeSymptom: { size: 40, line: 1.15 },
	meaning: { size: 24, line: 1.3 },
	/** A symptom's meaning is a sentence or two, not a name: smaller than a code's. */
	meaningSymptom: { size: 18, line: 1.4 },
	meta: { size: 13, line: 1.4 },
	label: { size: 12, line: 1.3 },
	first: { size: 21, line: 1.4 },
	customer: { size: 15, line: 1.45 },
	note: { size: 11.5, line: 1.4 },
	roleHeading: { size: 13.5, line: 1.3 },
	warningTitle: { size: 13.5, line: 1.35 },
	footer: { size: 11, line: 1.4 },
	stepLine: 1.45,
} as const;

/** Step text sizes tried, largest first. 11 px is 8.25 pt, just above the floor. */
export const STEP_SIZES = [13.5, 13, 12.5, 12, 11.5, 11] as const;

/** Flowchart text is 13 px in the SVG (edge labels are raised to 13 px on the card, see Card.astro). */
export const FLOWCHART_TEXT_PX = 13;
/** The smallest scale at which 13 px diagram text stays at or above MIN_TEXT_PX. */
export const MIN_DIAGRAM_SCALE = Math.ceil((MIN_TEXT_PX / FLOWCHART_TEXT_PX) * 100) / 100; // 0.82
/** Space between the text and the floated diagram, and the diagram's heading. */
export const DIAGRAM_GAP = 14;
export const DIAGRAM_HEADING = 20;
/**
 * The card crops this much of the renderer's 16 px padding (render.ts THEME.padding)
 * from each side of the diagram's viewBox: on paper the white margin is wasted height.
 */
export const DIAGRAM_CROP = 12;
/** Text beside the diagram must keep at least this many characters a line, or it goes below. */
export const MIN_SIDE_CHARS = 10;
/** A diagram floated from the top leaves at least this much beside it (badge, QR, first action). */
export const MIN_TOP_SIDE = 262;

/** Fixed geometry of the blocks (px): padding, borders and margins, mirrored in Card.astro. */
export const BOX = {
	header: { qr: 92, qrCaptionLine: 15, qrCaptionFont: 11, gap: 14, marginBottom: 10 },
	first: { padY: 8, padX: 12, border: 4, marginBottom: 8 },
	customer: { padY: 6, padX: 10, border: 4, marginBottom: 10 },
	role: { marginTop: 6, headingGap: 3, listIndent: 22, itemGap: 2 },
	warning: { padY: 6, padX: 10, border: 2, marginTop: 8 },
	footer: { padTop: 6, border: 1, marginTop: 8 },
} as const;

export type FloatAnchor = 'steps' | 'first' | 'top';

export interface CardText {
	kind: 'code' | 'symptom' | 'task';
	badge: string;
	meaning: string;
	/** Lines under the meaning: display text, class, who acts. */
	meta: string[];
	firstAction: string;
	customerLine: string;
	/** The English line for a foreign cardholder, printed under the Chinese one. */
	customerLineEn?: string | undefined;
	discreetNote: string | undefined;
	roles: { heading: string; steps: string[] }[];
	warnings: { title: string; text: string }[];
	footer: string;
	/** The short link under the QR, one entry a line. */
	qrLines: string[];
}

export interface Diagram {
	width: number;
	height: number;
}

export interface CardPlan {
	/** Where the floated diagram starts; `none` when the card has no diagram or it cannot fit. */
	anchor: FloatAnchor | 'none';
	/** Drawn size of the diagram = natural size × scale. */
	diagramScale: number;
	stepSize: number;
	/** Estimated height of the content box, px, margin included (≤ CONTENT_HEIGHT when it fits). */
	estimatedHeight: number;
	/** The parts of the estimate (text bottom, diagram bottom, footer), for tuning. */
	estimate: HeightEstimate;
	/** Why the diagram was left off, when it was. */
	dropped: string | undefined;
}

/** Width of a string in ems: CJK and full-width characters 1, Latin about half. */
export function emWidth(text: string): number {
	let w = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f && (ch === '“' || ch === '”' || ch === '‘' || ch === '’'))) w += 1;
		else if (ch === ' ') w += 0.26;
		else if (/[0-9]/.test(ch)) w += 0.56;
		else if (/[A-Z]/.test(ch)) w += 0.64;
		else if (/[a-z]/.test(ch)) w += 0.53;
		else w += 0.4;
	}
	return w;
}

/**
 * Lines a paragraph needs at a width. Chinese breaks between any two characters, but a
 * line cannot start with closing punctuation, so a line loses up to one character at
 * its end: each line is counted as holding one em less than its width.
 */
export function lineCount(text: string, widthPx: number, fontPx: number): number {
	if (!text) return 0;
	const perLine = Math.max(1, Math.floor(widthPx / fontPx) - 0.6);
	return Math.max(1, Math.ceil(emWidth(text) / perLine));
}

interface Flow {
	y: number;
	floatTop: number | undefined;
	floatBottom: number;
	floatWidth: number;
	sideAllowed: boolean;
}

/** Width available at height y for a box of height h (a BFC box narrows beside the float). */
function widthAt(flow: Flow, y: number): number {
	if (flow.floatTop === undefined || y >= flow.floatBottom) return CONTENT_WIDTH;
	return CONTENT_WIDTH - flow.floatWidth;
}

/** Lay paragraph lines one by one, each as wide as the float allows at its height. */
function flowLines(flow: Flow, text: string, fontPx: number, lineHeight: number, inset: number): void {
	const lineH = fontPx * lineHeight;
	let remaining = emWidth(text);
	if (remaining === 0) return;
	while (remaining > 0) {
		const width = widthAt(flow, flow.y) - inset;
		const perLine = Math.max(1, Math.floor(width / fontPx) - 0.6);
		remaining -= perLine;
		flow.y += lineH;
	}
}

/** A box that establishes its own formatting context: narrowed for its whole height beside the float. */
function flowBox(flow: Flow, inner: (width: number) => number, extraY: number): void {
	const width = widthAt(flow, flow.y);
	flow.y += inner(width) + extraY;
}

function startFloat(flow: Flow, diagramHeight: number): void {
	flow.floatTop = flow.y;
	flow.floatBottom = flow.y + diagramHeight;
}

export interface HeightEstimate {
	/** Bottom of the text (estimated). */
	text: number;
	/** Bottom of the floated diagram (exact: its drawn size is known). */
	diagram: number;
	/** Height of the footer (estimated). */
	footer: number;
}

/**
 * Estimated heights of one candidate layout: pure arithmetic over the text; the browser
 * test measures the truth.
 */
export function estimateHeights(text: CardText, diagram: Diagram | undefined, anchor: FloatAnchor | 'none', scale: number, stepSize: number): HeightEstimate {
	const drawnW = diagram ? diagram.width * scale : 0;
	const drawnH = diagram ? diagram.height * scale + DIAGRAM_HEADING : 0;
	const flow: Flow = { y: 0, floatTop: undefined, floatBottom: 0, floatWidth: drawnW + DIAGRAM_GAP, sideAllowed: true };
	const useFloat = diagram && anchor !== 'none';

	if (useFloat && anchor === 'top') startFloat(flow, drawnH);
	// Header: badge | meaning and meta | QR; beside a diagram floated from the top the
	// meaning and meta go under the badge and QR (see Card.astro, [data-anchor='top']).
	flowBox(
		flow,
		(width) => {
			const badgeType = text.kind === 'code' ? TYPE.badge : TYPE.badgeSymptom;
			// Code badges are two digits; symptom names (4–6 characters) stay on one line.
			const badgeW = emWidth(text.badge) * badgeType.size * (text.kind === 'code' ? 0.62 : 1) + 32;
			const badgeH = (text.kind === 'code' ? 0 : TYPE.label.size * TYPE.label.line) + badgeType.size * badgeType.line + 20;
			const qrW = Math.max(BOX.header.qr, ...text.qrLines.map((l) => emWidth(l) * BOX.header.qrCaptionFont));
			const qrH = BOX.header.qr + text.qrLines.length * BOX.header.qrCaptionLine;
			const compact = flow.floatTop !== undefined;
			const metaW = compact ? width : width - badgeW - qrW - 2 * BOX.header.gap;
			const meaningType = text.kind === 'code' ? TYPE.meaning : TYPE.meaningSymptom;
			const metaH =
				lineCount(text.meaning, metaW, meaningType.size) * meaningType.size * meaningType.line +
				text.meta.reduce((h, m) => h + lineCount(m, metaW, TYPE.meta.size) * TYPE.meta.size * TYPE.meta.line, 0) +
				6;
			return compact ? Math.max(badgeH, qrH) + 6 + metaH : Math.max(badgeH, metaH, qrH);
		},
		BOX.header.marginBottom,
	);
	if (useFloat && anchor === 'first') startFloat(flow, drawnH);
	flowBox(
		flow,
		(width) =>
			TYPE.label.size * TYPE.label.line +
			lineCount(text.firstAction, width - 2 * BOX.first.padX - BOX.first.border, TYPE.first.size) * TYPE.first.size * TYPE.first.line +
			2 * BOX.first.padY,
		BOX.first.marginBottom,
	);
	flowBox(
		flow,
		(width) =>
			TYPE.label.size * TYPE.label.line +
			lineCount(`“${text.customerLine}”`, width - 2 * BOX.customer.padX - BOX.customer.border, TYPE.customer.size) * TYPE.customer.size * TYPE.customer.line +
			(text.customerLineEn ? lineCount(`For the customer: ${text.customerLineEn}`, width - 2 * BOX.customer.padX - BOX.customer.border, TYPE.note.size) * TYPE.note.size * TYPE.note.line : 0) +
			(text.discreetNote ? lineCount(text.discreetNote, width - 2 * BOX.customer.padX - BOX.customer.border, TYPE.note.size) * TYPE.note.size * TYPE.note.line : 0) +
			2 * BOX.customer.padY,
		BOX.customer.marginBottom,
	);
	if (useFloat && anchor === 'steps') startFloat(flow, drawnH);
	for (const role of text.roles) {
		flow.y += BOX.role.marginTop;
		flowLines(flow, role.heading, TYPE.roleHeading.size, TYPE.roleHeading.line, 0);
		flow.y += BOX.role.headingGap;
		for (const step of role.steps) {
			flowLines(flow, step, stepSize, TYPE.stepLine, BOX.role.listIndent);
			flow.y += BOX.role.itemGap;
		}
	}
	for (const warning of text.warnings) {
		flow.y += BOX.warning.marginTop;
		flowBox(
			flow,
			(width) => {
				const inner = width - 2 * BOX.warning.padX - 2 * BOX.warning.border;
				return (
					lineCount(warning.title, inner, TYPE.warningTitle.size) * TYPE.warningTitle.size * TYPE.warningTitle.line +
					lineCount(warning.text, inner, stepSize) * stepSize * TYPE.stepLine +
					2 * BOX.warning.padY +
					2 * BOX.warning.border
				);
			},
			0,
		);
	}
	return {
		text: flow.y,
		diagram: useFloat ? flow.floatBottom : 0,
		footer: BOX.footer.marginTop + BOX.footer.padTop + BOX.footer.border + lineCount(text.footer, CONTENT_WIDTH, TYPE.footer.size) * TYPE.footer.size * TYPE.footer.line,
	};
}

/** Safety margin on the text estimate (px): fonts and line breaking are never exactly as counted. */
export const FIT_MARGIN = 24;

/** The height a candidate needs, margin included: the text or the diagram, whichever ends lower, then the footer. */
export function totalHeight(e: HeightEstimate): number {
	return Math.max(e.text + FIT_MARGIN, e.diagram) + e.footer;
}

/**
 * Pick the layout: the largest smallest-text on the card first (step text vs. diagram
 * text), then larger steps, then a larger diagram, then the float starting lower (the
 * first action full width). Falls back to a card without the diagram, and says why.
 */
export function planCard(text: CardText, diagram: Diagram | undefined): CardPlan {
	const budget = CONTENT_HEIGHT;
	const candidates: CardPlan[] = [];
	if (diagram) {
		const maxScale = Math.min(1, (CONTENT_WIDTH - MIN_SIDE_CHARS * STEP_SIZES.at(-1)! - DIAGRAM_GAP) / diagram.width);
		for (const stepSize of STEP_SIZES) {
			for (let s = 100; s >= MIN_DIAGRAM_SCALE * 100 - 1e-9; s -= 2) {
				const scale = Math.round(s) / 100;
				if (scale > maxScale) continue;
				for (const anchor of ['steps', 'first', 'top'] as const) {
					// The text beside the diagram must keep MIN_SIDE_CHARS characters a line, and a
					// diagram floated from the top must leave room for the badge and QR beside it.
					const side = CONTENT_WIDTH - diagram.width * scale - DIAGRAM_GAP;
					if (side - BOX.role.listIndent < MIN_SIDE_CHARS * stepSize) continue;
					if (anchor === 'top' && side < MIN_TOP_SIDE) continue;
					const estimate = estimateHeights(text, diagram, anchor, scale, stepSize);
					const estimatedHeight = totalHeight(estimate);
					if (estimatedHeight <= budget) candidates.push({ anchor, diagramScale: scale, stepSize, estimatedHeight, estimate, dropped: undefined });
				}
			}
		}
	}
	const anchorRank = { steps: 0, first: 1, top: 2, none: 3 } as const;
	const smallest = (p: CardPlan) => Math.min(p.stepSize, FLOWCHART_TEXT_PX * p.diagramScale);
	candidates.sort(
		(a, b) =>
			smallest(b) - smallest(a) ||
			b.stepSize - a.stepSize ||
			b.diagramScale - a.diagramScale ||
			anchorRank[a.anchor] - anchorRank[b.anchor],
	);
	if (candidates[0]) return candidates[0];

	// No diagram (none written, or too big to print legibly): the largest steps that fit.
	const dropped = diagram
		? `the flowchart (${diagram.width}×${diagram.height} px) does not fit on the card at ${MIN_DIAGRAM_SCALE}× or more next to the steps — simplify it (fewer or shorter nodes)`
		: undefined;
	let plan: CardPlan | undefined;
	for (const stepSize of STEP_SIZES) {
		const estimate = estimateHeights(text, undefined, 'none', 0, stepSize);
		plan = { anchor: 'none', diagramScale: 0, stepSize, estimatedHeight: totalHeight(estimate), estimate, dropped };
		if (plan.estimatedHeight <= budget) break;
	}
	return plan!;
}

/** The type scale as CSS custom properties, for the card's `style` attribute. */
export function cardCssVariables(plan: CardPlan, diagram: Diagram | undefined): string {
	const vars: Record<string, string> = {
		'--page-w': `${PAGE.widthMm}mm`,
		'--page-h': `${PAGE.heightMm}mm`,
		'--page-margin': `${PAGE.marginMm}mm`,
		'--fs-badge': `${TYPE.badge.size}px`,
		'--fs-badge-symptom': `${TYPE.badgeSymptom.size}px`,
		'--fs-meaning': `${TYPE.meaning.size}px`,
		'--fs-meaning-symptom': `${TYPE.meaningSymptom.size}px`,
		'--fs-meta': `${TYPE.meta.size}px`,
		'--fs-label': `${TYPE.label.size}px`,
		'--fs-first': `${TYPE.first.size}px`,
		'--fs-customer': `${TYPE.customer.size}px`,
		'--fs-note': `${TYPE.note.size}px`,
		'--fs-role': `${TYPE.roleHeading.size}px`,
		'--fs-warning-title': `${TYPE.warningTitle.size}px`,
		'--fs-footer': `${TYPE.footer.size}px`,
		'--fs-step': `${plan.stepSize}px`,
		'--qr-size': `${BOX.header.qr}px`,
		'--diagram-gap': `${DIAGRAM_GAP}px`,
	};
	if (diagram && plan.anchor !== 'none') {
		vars['--fc-w'] = `${(diagram.width * plan.diagramScale).toFixed(2)}px`;
		vars['--fc-h'] = `${(diagram.height * plan.diagramScale).toFixed(2)}px`;
	}
	return Object.entries(vars)
		.map(([k, v]) => `${k}:${v}`)
		.join(';');
}
