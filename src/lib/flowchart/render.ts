/**
 * Render a mermaid flowchart to static, linked, accessible SVG at build time.
 *
 * beautiful-mermaid lays the diagram out in plain JS (about 24 ms a diagram, no
 * browser), so no page ships diagram JavaScript. It has gaps this module closes:
 * - it ignores `click` and `accTitle`/`accDescr` lines and draws them as stray boxes,
 *   so we take those lines out first and apply them ourselves (links, <title>, <desc>);
 * - every SVG carries the same <style> block, starting with a Google Fonts `@import`, which
 *   would make each page fetch from another host; we take the block out, and
 *   src/styles/flowchart-svg.css gives its colour variables and the system CJK font stack
 *   once per site;
 * - its parser is lenient, so the validator also runs the official mermaid parser
 *   (`src/lib/flowchart/validate.ts`); here we only catch the cheap, certain mistakes.
 */
import { isSafeHref } from '../url.ts';
import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid';

/** A node link declared with mermaid's own `click NODE href "/path/"` syntax. */
export interface FlowchartLink {
	node: string;
	href: string;
	/** 1-based line of the `click` line inside the diagram source. */
	line: number;
}

export interface FlowchartSource {
	/** The diagram without the lines the renderer cannot draw. */
	body: string;
	links: FlowchartLink[];
	/** From `accTitle:`; becomes the SVG <title>. */
	title: string | undefined;
	/** From `accDescr:`; becomes the SVG <desc>. */
	description: string | undefined;
}

export interface FlowchartNode {
	id: string;
	label: string;
	shape: string;
}

export interface FlowchartEdge {
	source: string;
	target: string;
	label: string | undefined;
}

export interface RenderedFlowchart {
	/** The <figure> to inline in the page: SVG plus its text alternative. */
	html: string;
	/** The laid-out size in SVG units (the print card scales from this). */
	width: number;
	height: number;
	/** The on-screen width in CSS px: the layout scaled so its smallest label is `MIN_LABEL_PX`. */
	screenWidth: number;
	nodes: FlowchartNode[];
	edges: FlowchartEdge[];
	links: FlowchartLink[];
}

/** Raised for a diagram that cannot be rendered faithfully; `line` is 1-based in the diagram. */
export class FlowchartError extends Error {
	readonly line: number | undefined;
	constructor(message: string, line?: number) {
		super(message);
		this.name = 'FlowchartError';
		this.line = line;
	}
}

const CLICK_RE = /^\s*click\s+([A-Za-z0-9_]+)\s+(?:href\s+)?"([^"]+)"(?:\s+"[^"]*")?(?:\s+_(?:self|blank|parent|top))?\s*$/;
const ACC_RE = /^\s*(accTitle|accDescr)\s*:\s*(.+?)\s*$/;
/** Words that beautiful-mermaid would turn into a box when it meets a line it does not know. */
const KEYWORD_IDS = new Set(['click', 'accTitle', 'accDescr', 'style', 'classDef', 'class', 'linkStyle', 'direction', 'callback']);

/** Split the renderer's input from the lines we apply ourselves. */
export function splitFlowchartSource(source: string): FlowchartSource {
	const links: FlowchartLink[] = [];
	let title: string | undefined;
	let description: string | undefined;
	const kept: string[] = [];
	source.split('\n').forEach((text, index) => {
		const click = CLICK_RE.exec(text);
		if (click) {
			links.push({ node: click[1]!, href: click[2]!, line: index + 1 });
			kept.push('');
			return;
		}
		if (/^\s*click\s/.test(text)) {
			throw new FlowchartError('a click line must be `click NODE href "/path/"`; callbacks are not supported', index + 1);
		}
		const acc = ACC_RE.exec(text);
		if (acc) {
			if (acc[1] === 'accTitle') title = acc[2];
			else description = acc[2];
			kept.push('');
			return;
		}
		kept.push(text);
	});
	return { body: kept.join('\n'), links, title, description };
}

const escapeHtml = (s: string) =>
	s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The <style> block beautiful-mermaid writes into each SVG (its styles: src/styles/flowchart-svg.css). */
export const RENDERER_STYLE = /<style>[\s\S]*?<\/style>/;

/**
 * Colours are Starlight's CSS variables, so the diagram follows the theme toggle and
 * the print stylesheet (which forces the light palette) without a second render.
 */
export const THEME = {
	bg: 'var(--sl-color-black)',
	fg: 'var(--sl-color-white)',
	accent: 'var(--sl-color-accent-high)',
	line: 'var(--sl-color-gray-3)',
	transparent: true,
	// Narrower spacing than the default keeps top-down diagrams within a phone's width.
	padding: 16,
	nodeSpacing: 20,
	layerSpacing: 36,
} as const;

/** The diagram as the renderer reads it, after the checks that need no layout. */
export interface PreparedFlowchart {
	split: FlowchartSource;
	nodes: FlowchartNode[];
	edges: FlowchartEdge[];
}

/**
 * Read a diagram the way the renderer will and make the checks that need no layout
 * (about 25 ms a diagram), so the validator can run them fast and the build and the
 * validator can never disagree. Throws `FlowchartError` with the diagram line.
 */
export function prepareFlowchart(source: string): PreparedFlowchart {
	const split = splitFlowchartSource(source);
	const bodyLines = split.body.split('\n');
	const firstIndex = Math.max(0, bodyLines.findIndex((l) => l.trim() !== ''));
	if (!/^\s*(?:flowchart|graph)\s+(?:TD|TB|LR|RL|BT)\b/.test(bodyLines[firstIndex] ?? '')) {
		throw new FlowchartError('a decision flowchart starts with `flowchart TD` (or LR)', firstIndex + 1);
	}
	const graph = parseMermaid(split.body);
	const nodes: FlowchartNode[] = [...graph.nodes.values()].map((n) => ({ id: n.id, label: n.label, shape: n.shape }));
	const edges: FlowchartEdge[] = graph.edges.map((e) => ({ source: e.source, target: e.target, label: e.label }));
	if (nodes.length === 0) throw new FlowchartError('the flowchart has no nodes', 1);
	for (const n of nodes) {
		if (KEYWORD_IDS.has(n.id)) {
			throw new FlowchartError(`"${n.id}" would be drawn as a stray box: this renderer does not support that line`);
		}
	}
	const nodeIds = new Set(nodes.map((n) => n.id));
	for (const link of split.links) {
		if (!nodeIds.has(link.node)) throw new FlowchartError(`click names node "${link.node}", which is not in the diagram`, link.line);
	}
	return { split, nodes, edges };
}

let figureCount = 0;

/**
 * The smallest label size on screen, in CSS px (issue 17: readable on a phone). The renderer
 * draws box labels at 13 and 是/否 edge labels at 11 SVG units, so the page shows every
 * diagram at 12/11 of its layout size; a diagram wider than the phone then scrolls sideways
 * behind a visible 横向滑动查看 cue (src/styles/site.css) and opens full-screen.
 */
export const MIN_LABEL_PX = 12;

/** The smallest `font-size` the renderer wrote into the SVG, in SVG units. */
function smallestFontSize(svg: string): number {
	const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
	return sizes.length > 0 ? Math.min(...sizes) : MIN_LABEL_PX;
}

/**
 * Laid-out SVG by renderer input. ELK's layout is most of the build's CPU (`npm run bench`:
 * about 17 ms a diagram, half the build at 1,000 articles), and every diagram is drawn twice,
 * in its article and on its print card. Both run in one Node process but in different module
 * instances (the Sätteri plugin and Vite's prerender bundle), so the cache hangs on globalThis.
 */
const layoutCache: Map<string, string> = ((globalThis as { __poskbFlowchartLayouts?: Map<string, string> }).__poskbFlowchartLayouts ??=
	new Map());
const THEME_KEY = JSON.stringify(THEME);

/**
 * Render one diagram.
 * @param source the text inside the ```mermaid fence
 * @param idPrefix unique per page, so two diagrams never share SVG ids
 */
export function renderFlowchart(source: string, idPrefix = `fc${++figureCount}`): RenderedFlowchart {
	const { split, nodes, edges } = prepareFlowchart(source);

	const key = `${THEME_KEY}\n${split.body}`;
	let svg = layoutCache.get(key);
	if (svg === undefined) {
		svg = renderMermaidSVG(split.body, THEME);
		layoutCache.set(key, svg);
	}
	// The renderer's <style> block (a Google Fonts `@import`, Inter, the colour variables) is
	// the same in every diagram: src/styles/flowchart-svg.css stands in for it, once per site.
	svg = svg.replace(RENDERER_STYLE, '');
	// Marker ids are global in an HTML page: namespace them so two diagrams never clash.
	svg = svg.replace(/id="(arrowhead[\w-]*)"/g, `id="${idPrefix}-$1"`).replace(/url\(#(arrowhead[\w-]*)\)/g, `url(#${idPrefix}-$1)`);

	const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
	const width = Math.ceil(Number(viewBox?.[1] ?? 0));
	const height = Math.ceil(Number(viewBox?.[2] ?? 0));

	// Wrap each linked node's group in an SVG link. Node groups hold only a shape and
	// a <text>, so the first `</g>` after the opening tag closes the group.
	// Defence in depth: a javascript:/data: link is never drawn, whatever the validator said.
	const hrefByNode = new Map(split.links.filter((l) => isSafeHref(l.href)).map((l) => [l.node, l.href]));
	for (const [node, href] of hrefByNode) {
		const open = `<g class="node" data-id="${node}"`;
		const start = svg.indexOf(open);
		const end = svg.indexOf('</g>', start);
		if (start < 0 || end < 0) continue;
		const label = nodes.find((n) => n.id === node)?.label ?? node;
		svg =
			svg.slice(0, start) +
			`<a href="${escapeHtml(href)}" class="flowchart-link" aria-label="${escapeHtml(label)}">` +
			svg.slice(start, end + 4).replace(open, `${open} data-linked="true"`) +
			'</a>' +
			svg.slice(end + 4);
	}

	// Measured before compactSvg, which moves the label sizes into the stylesheet.
	const smallestLabel = smallestFontSize(svg);
	svg = compactSvg(svg);

	const titleId = `${idPrefix}-title`;
	const descId = `${idPrefix}-desc`;
	const title = split.title ?? '决策流程图';
	const description = split.description ?? '流程图的文字版在图的上方（“流程图文字版”）。';
	svg = svg.replace(
		/^<svg ([^>]*)>/,
		(_m, attrs: string) =>
			`<svg ${attrs.replace(/ width="[^"]*" height="[^"]*"/, '')} width="${width}" height="${height}" role="group" aria-labelledby="${titleId}" aria-describedby="${descId}" data-flowchart-svg>` +
			`<title id="${titleId}">${escapeHtml(title)}</title><desc id="${descId}">${escapeHtml(description)}</desc>`,
	);

	// Never below the legibility floor on screen; may be wider than a phone, then it scrolls.
	const screenWidth = Math.ceil(width * Math.max(1, MIN_LABEL_PX / smallestLabel));
	// The scroll box is also a popover: shown in place while closed (site.css overrides the
	// browser's display:none), and the full-screen view when opened. No script, no second
	// copy of the SVG, and the phone's back gesture or Escape closes it.
	// The text version comes before the diagram, closed: one tap away, not a phone's screen
	// or two of diagram further down (issue 17).
	const viewId = `${idPrefix}-view`;
	const html =
		`<figure class="flowchart not-content" data-pagefind-ignore>` +
		`<div class="flowchart-bar">` +
		`<span class="flowchart-cue" aria-hidden="true">横向滑动查看 →</span>` +
		`<button type="button" class="flowchart-full" popovertarget="${viewId}">全屏查看</button>` +
		`</div>` +
		`<details class="flowchart-text"><summary>流程图文字版</summary>${textAlternative(nodes, edges, hrefByNode)}</details>` +
		`<div class="flowchart-scroll" id="${viewId}" popover tabindex="0" role="region" aria-label="${escapeHtml(title)}（可左右滑动）" style="--fc-width:${screenWidth}px">` +
		`<button type="button" class="flowchart-close" popovertarget="${viewId}" popovertargetaction="hide">关闭全屏</button>` +
		`${svg}</div>` +
		`</figure>`;
	return { html, width, height, screenWidth, nodes, edges, links: split.links };
}

/** The renderer's bookkeeping attributes: nothing reads them, and each page carries hundreds. */
const UNUSED_ATTRIBUTES = / data-(?:label|shape|from|to|style|arrow-start|arrow-end)="[^"]*"/g;
/** Geometry attributes, whose numbers the renderer writes to 16 digits. */
const GEOMETRY_ATTRIBUTE = /\s(points|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|dx|dy|width|height|viewBox|d|refX|refY|markerWidth|markerHeight)="([^"]*)"/g;

/**
 * Presentation attributes the renderer writes, the same, on every element of a kind: the
 * element's opening tag up to them, and the attributes. src/styles/flowchart-svg.css gives
 * each set once, for elements of that kind that have no `fill` of their own, so an element
 * the renderer styles differently keeps its own attributes and is drawn as before.
 */
export const SHARED_PRESENTATION: readonly { kind: string; tag: RegExp; attributes: string }[] = [
	{ kind: 'edge line', tag: /<polyline class="edge"[^>]*?/g, attributes: ' fill="none" stroke="var(--_line)" stroke-width="1"' },
	{ kind: 'edge label box', tag: /<g class="edge-label"><rect[^>]*?/g, attributes: ' rx="2" ry="2" fill="var(--bg)" stroke="var(--_inner-stroke)" stroke-width="1"' },
	{ kind: 'edge label', tag: /<g class="edge-label"><rect[^>]*><text[^>]*?/g, attributes: ' text-anchor="middle" font-size="11" font-weight="400" fill="var(--_text-sec)"' },
	{ kind: 'node shape', tag: /<g class="node"[^>]*><(?:rect|polygon)[^>]*?/g, attributes: ' fill="var(--_node-fill)" stroke="var(--_node-stroke)" stroke-width="0.75"' },
	{ kind: 'node label', tag: /<g class="node"[^>]*><(?:rect|polygon)[^>]*><text[^>]*?/g, attributes: ' text-anchor="middle" font-size="13" font-weight="500" fill="var(--_text)"' },
];

/** `rx="0" ry="0"` is what a rect has without them. */
const SQUARE_CORNERS = /(<rect[^>]*?) rx="0" ry="0"/g;

/**
 * A label's `dy` (its baseline shift) folded into its `y`: the same position for a <text>
 * without <tspan> children, which is every label this renderer writes.
 */
const TEXT_DY = /<text([^>]*?) y="(-?[\d.]+)"([^>]*?) dy="(-?[\d.]+)"([^>]*)>([^<]*)<\/text>/g;

const round1 = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Make the SVG smaller without changing what is drawn (issue 17: every page's and card's
 * bytes, and the offline precache; about 30 KB of it): coordinates to a tenth of a unit (a
 * tenth of a CSS px or less, as the diagram is never shown above its layout size times
 * 12/11), the renderer's unused data attributes dropped, its repeated presentation
 * attributes left to the stylesheet (`SHARED_PRESENTATION`), and the whitespace between
 * tags. Label text is untouched: only attribute values are rounded.
 */
export function compactSvg(svg: string): string {
	let out = svg
		.replace(/>\s+</g, '><')
		.replace(/\s*\n\s*/g, ' ')
		.replace(UNUSED_ATTRIBUTES, '')
		.replace(GEOMETRY_ATTRIBUTE, (_m, name: string, value: string) => ` ${name}="${value.replace(/-?\d+\.\d+/g, (n) => round1(Number(n)))}"`)
		.replace(TEXT_DY, (_m, a: string, y: string, b: string, dy: string, c: string, text: string) => `<text${a} y="${round1(Number(y) + Number(dy))}"${b}${c}>${text}</text>`)
		.replace(SQUARE_CORNERS, '$1');
	for (const { tag, attributes } of SHARED_PRESENTATION) {
		out = out.replace(new RegExp(`(${tag.source})${attributes.replace(/[()]/g, '\\$&')}`, 'g'), '$1');
	}
	return out;
}

/**
 * The same decision path as an ordered list: each node once, in the order a reader
 * walks the chart, with its outgoing answers. Linked nodes are real links here too.
 */
export function textAlternative(nodes: FlowchartNode[], edges: FlowchartEdge[], hrefByNode: Map<string, string>): string {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const incoming = new Set(edges.map((e) => e.target));
	const order: string[] = [];
	const queue = nodes.filter((n) => !incoming.has(n.id)).map((n) => n.id);
	if (queue.length === 0 && nodes[0]) queue.push(nodes[0].id);
	while (queue.length > 0) {
		const id = queue.shift()!;
		if (order.includes(id)) continue;
		order.push(id);
		for (const e of edges) if (e.source === id && !order.includes(e.target)) queue.push(e.target);
	}
	for (const n of nodes) if (!order.includes(n.id)) order.push(n.id);

	const step = new Map(order.map((id, i) => [id, i + 1]));
	const name = (id: string) => {
		const label = escapeHtml(byId.get(id)?.label ?? id);
		const href = hrefByNode.get(id);
		return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
	};
	const items = order.map((id) => {
		const out = edges
			.filter((e) => e.source === id)
			.map((e) => `${e.label ? `${escapeHtml(e.label)}：` : ''}见第 ${step.get(e.target)} 步`);
		return `<li>${name(id)}${out.length ? `（${out.join('；')}）` : ''}</li>`;
	});
	return `<ol>${items.join('')}</ol>`;
}
