/**
 * Flowcharts: every code, symptom and category article has a decision flowchart; it
 * parses with the official mermaid parser; it uses only what our renderer draws; and
 * every node that names a code links to that code.
 *
 * The renderer (beautiful-mermaid, `src/lib/flowchart/render.ts`) is lenient: a line it
 * does not know becomes a stray box instead of an error. So besides naming the lines
 * it cannot draw faithfully (styling, subgraphs, callbacks), this check compares the
 * nodes and arrows the renderer draws with those the official parser reads; any
 * difference means the picture is not the diagram the author wrote.
 */
import {
	FlowchartError,
	prepareFlowchart,
	type FlowchartEdge,
	type FlowchartLink,
	type FlowchartNode,
} from '../../../src/lib/flowchart/render.ts';
import { officialParse, unlinkedCodeNodes, type FlowchartProblem } from '../../../src/lib/flowchart/validate.ts';
import type { Article, MermaidBlock } from './types.ts';
import { MAX_FLOWCHART_NODES } from './size.ts';
import { stamp, type Check, type Finding } from './types.ts';

export const flowchartsCheck: Check = {
	id: 'flowcharts',
	description: 'each article has a flowchart that mermaid parses, the renderer draws faithfully, and whose code nodes link',
	needs: 'content',
	async run(index) {
		const findings: Finding[] = [];
		const isKnownCode = (code: string) => index.codes.has(code);
		for (const a of index.articles) {
			// A body the compiler refuses has no outline; the mdx check reports it.
			if (a.body.error) continue;
			if (a.body.mermaid.length === 0) {
				findings.push({
					file: a.file,
					line: a.frontmatter.endLine + 1,
					message: `this ${a.kind} article has no flowchart`,
					fix: 'add a ```mermaid decision flowchart (`flowchart TD`, see the 判断流程 section of content/codes/55.mdx)',
				});
				continue;
			}
			for (const block of a.body.mermaid) findings.push(...(await checkBlock(a, block, isKnownCode)));
		}
		return stamp('flowcharts', findings);
	},
};

/** Lines the renderer cannot draw faithfully, with what to do instead. */
const UNSUPPORTED: { re: RegExp; what: string; fix: string }[] = [
	{ re: /^\s*style\s/, what: '`style` lines', fix: 'remove it: the diagram takes the site theme (light, dark and print) from CSS' },
	{ re: /^\s*classDef\s/, what: '`classDef` lines', fix: 'remove it: the diagram takes the site theme (light, dark and print) from CSS' },
	{ re: /^\s*class\s/, what: '`class` lines', fix: 'remove it: the diagram takes the site theme (light, dark and print) from CSS' },
	{ re: /:::\w/, what: '`:::class` on a node', fix: 'remove it: the diagram takes the site theme (light, dark and print) from CSS' },
	{ re: /^\s*linkStyle\s/, what: '`linkStyle` lines', fix: 'remove it: the diagram takes the site theme from CSS' },
	{ re: /^\s*subgraph\b/, what: 'subgraphs', fix: 'draw the group as ordinary nodes; subgraphs do not lay out well on a phone' },
	{ re: /^\s*direction\s/, what: '`direction` inside a diagram', fix: 'set the direction once on the first line (`flowchart TD`)' },
	{ re: /^\s*click\s+\w+\s+(?!href\b|")/, what: 'click callbacks', fix: 'link with `click NODE href "/path/"` instead' },
	{ re: /^\s*accDescr\s*\{/, what: 'multi-line `accDescr { … }`', fix: 'write the description on one line: `accDescr: …`' },
	{ re: /@\{/, what: '`@{ … }` node shapes', fix: 'use the classic shapes: [box], {decision}, (rounded)' },
	{ re: /^\s*%%\{/, what: '`%%{ … }%%` directives', fix: 'remove it: the renderer ignores diagram configuration' },
];

type Mermaid = { mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: FlowDb }> } };
interface FlowDb {
	getVertices(): Map<string, { text?: string }>;
	getEdges(): { start: string; end: string }[];
}

/** What the renderer draws: its own parse of the diagram, without the SVG layout. */
interface Drawn {
	nodes: FlowchartNode[];
	edges: FlowchartEdge[];
	links: FlowchartLink[];
}

async function checkBlock(article: Article, block: MermaidBlock, isKnownCode: (code: string) => boolean): Promise<Finding[]> {
	const { file } = article;
	const at = (line: number) => block.startLine + line - 1;
	const lines = block.source.split('\n');
	const findings: Finding[] = [];
	const add = (line: number, message: string, fix: string) => findings.push({ file, line: at(line), message, fix });

	const flagged = new Set<number>();
	lines.forEach((text, i) => {
		for (const u of UNSUPPORTED) {
			if (!u.re.test(text)) continue;
			add(i + 1, `the flowchart renderer does not support ${u.what}`, u.fix);
			flagged.add(i + 1);
		}
	});

	// A chart far over the size cap is the size check's to report: the official parser only
	// says "You have to call mermaid.initialize" past its 500-edge limit (probe V22).
	const nodeCount = countNodes(block.source);
	if (nodeCount > 4 * MAX_FLOWCHART_NODES) return findings;

	const official = await officialGraph(block.source);
	if ('line' in official) add(official.line, official.message, official.fix);

	const drawn = rendererGraph(block.source);
	if ('line' in drawn) {
		// A line already named as unsupported (a click callback) is not reported twice.
		if (!flagged.has(drawn.line)) add(drawn.line, `the flowchart cannot be rendered: ${drawn.message}`, drawn.fix);
		return findings;
	}

	if (!('line' in official)) {
		// A stray box from an unsupported line (`direction LR`) is already reported as that line.
		for (const p of compare(official, drawn, lines)) if (!flagged.has(p.line)) add(p.line, p.message, p.fix);
	}

	const ownCode = article.kind === 'code' ? article.id : undefined;
	for (const node of drawn.nodes) {
		for (const p of unlinkedCodeNodes({ nodes: [node], links: drawn.links }, isKnownCode, ownCode)) {
			add(nodeLine(lines, node.id), `flowchart ${p.message}`, p.fix);
		}
	}
	return findings;
}

/**
 * The official parser's nodes and arrows. `getDiagramFromText` parses exactly as
 * `mermaid.parse` does; only a diagram that fails goes through `officialParse` again,
 * for its message.
 */
async function officialGraph(source: string): Promise<FlowDb | FlowchartProblem> {
	const mermaid = await loadMermaid();
	try {
		return (await mermaid.mermaidAPI.getDiagramFromText(source)).db;
	} catch {
		return (await officialParse(source)) ?? { line: 1, message: 'mermaid cannot read the flowchart', fix: 'fix the mermaid syntax' };
	}
}

let mermaidLoad: Promise<Mermaid> | undefined;

/** Mermaid as `officialParse` sets it up (with its DOM), loaded once per process. */
function loadMermaid(): Promise<Mermaid> {
	mermaidLoad ??= (async () => {
		const problem = await officialParse('flowchart TD\n  A --> B');
		if (problem) throw new Error(`mermaid does not work here: ${problem.message}`);
		return (await import('mermaid')).default as unknown as Mermaid;
	})();
	return mermaidLoad;
}

/**
 * The renderer's reading of the diagram and the checks `renderFlowchart` makes before
 * it lays out the SVG. The layout itself (about 25 ms a diagram) is left to the build,
 * which stops with file:line if it fails; the validator stays fast.
 */
function rendererGraph(source: string): Drawn | FlowchartProblem {
	try {
		const { split, nodes, edges } = prepareFlowchart(source);
		return { nodes, edges, links: split.links };
	} catch (e) {
		if (e instanceof FlowchartError) return { line: e.line ?? 1, message: e.message, fix: 'change the diagram so the renderer can draw it' };
		throw e;
	}
}

/** Nodes or arrows the renderer draws differently from what mermaid reads (lines are diagram lines). */
function compare(db: FlowDb, drawn: Drawn, lines: string[]): FlowchartProblem[] {
	const official = new Set(db.getVertices().keys());
	const ids = new Set(drawn.nodes.map((n) => n.id));
	const fix = 'rewrite this line with plain nodes and arrows (A[text] --> B{question}); the renderer misreads it';
	const problems: FlowchartProblem[] = [];
	for (const id of ids) {
		if (!official.has(id)) problems.push({ line: nodeLine(lines, id), message: `the renderer would draw a stray box "${id}" that is not a node of the diagram`, fix });
	}
	for (const id of official) {
		if (!ids.has(id)) problems.push({ line: nodeLine(lines, id), message: `node ${id} is in the diagram but the renderer would not draw it`, fix });
	}
	if (problems.length > 0) return problems;
	// The renderer keeps the first label it meets; mermaid keeps the last. A node used
	// bare (`G --> C`) before its labelled definition is drawn as a box reading "C".
	const vertices = db.getVertices();
	for (const node of drawn.nodes) {
		const text = vertices.get(node.id)?.text;
		if (text !== undefined && text !== node.label) {
			problems.push({
				line: nodeLine(lines, node.id),
				message: `the renderer would label node ${node.id} "${node.label}" instead of "${text}"`,
				fix: `give ${node.id} its label the first time it appears (${node.id}[…] or ${node.id}{…}), and use the bare id after that`,
			});
		}
	}
	if (problems.length > 0) return problems;
	const key = (s: string, t: string) => `${s} --> ${t}`;
	const officialEdges = db.getEdges().map((e) => key(e.start, e.end)).sort();
	const drawnEdges = drawn.edges.map((e) => key(e.source, e.target)).sort();
	if (officialEdges.join('\n') === drawnEdges.join('\n')) return [];
	const missing = officialEdges.filter((e) => !drawnEdges.includes(e));
	const extra = drawnEdges.filter((e) => !officialEdges.includes(e));
	const sample = missing[0] ?? extra[0] ?? '';
	const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : ''].filter(Boolean);
	return [
		{
			line: nodeLine(lines, sample.split(' ')[0] ?? ''),
			message: `the renderer would draw different arrows than the diagram has (${parts.join('; ')})`,
			fix: 'use plain arrows (-->, ---, -.->, ==>) with labels as -->|text|; the renderer misreads others',
		},
	];
}

/** 1-based diagram line where a node id first appears (not counting `click` lines). */
function nodeLine(lines: string[], id: string): number {
	const re = new RegExp(`(^|[^\\w])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`);
	const i = lines.findIndex((l, n) => n > 0 && !/^\s*click\s/.test(l) && re.test(l));
	return i < 0 ? 1 : i + 1;
}

/** Nodes the renderer's parser reads; 0 when it cannot read the chart (then the checks below say why). */
function countNodes(source: string): number {
	try {
		return prepareFlowchart(source).nodes.length;
	} catch {
		return 0;
	}
}
