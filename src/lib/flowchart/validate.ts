/**
 * Flowchart checks that need more than the renderer: the official mermaid parser
 * (beautiful-mermaid's parser is lenient, so a broken diagram can render "fine"),
 * and the rule that a node naming a code links to that code.
 *
 * mermaid.parse needs a DOM in Node; happy-dom's Window provides it. Loading mermaid
 * takes about a second, so it is loaded once and only by the validator and tests,
 * never on the build's hot path.
 */
import { FlowchartError, renderFlowchart, type RenderedFlowchart } from './render.ts';
import { CODE_PATTERN } from '../../schemas/common.ts';

export interface FlowchartProblem {
	/** 1-based line inside the diagram source (the line after the ```mermaid fence is 1). */
	line: number;
	message: string;
	fix: string;
}

type Mermaid = { parse: (text: string) => Promise<unknown> };
let mermaidLoad: Promise<Mermaid> | undefined;

async function loadMermaid(): Promise<Mermaid> {
	mermaidLoad ??= (async () => {
		const { Window } = await import('happy-dom');
		const window = new Window();
		const g = globalThis as Record<string, unknown>;
		g['window'] ??= window;
		g['document'] ??= window.document;
		const mod = await import('mermaid');
		const mermaid = mod.default as unknown as Mermaid & { initialize: (c: object) => void };
		mermaid.initialize({ startOnLoad: false });
		return mermaid;
	})();
	return mermaidLoad;
}

/** Parse with the official mermaid parser; returns the problem, or undefined when it parses. */
export async function officialParse(source: string): Promise<FlowchartProblem | undefined> {
	const mermaid = await loadMermaid();
	try {
		await mermaid.parse(source);
		return undefined;
	} catch (error) {
		const e = error as { message?: string; hash?: { line?: number; loc?: { first_line?: number } } };
		const line = e.hash?.loc?.first_line ?? (e.hash?.line !== undefined ? e.hash.line + 1 : 1);
		const first = (e.message ?? String(error)).split('\n').filter(Boolean);
		return {
			line,
			message: `mermaid cannot parse the flowchart: ${first.at(-1) ?? first[0] ?? 'syntax error'}`,
			fix: 'fix the mermaid syntax (use full-width （）and avoid quotes, | and ; inside node labels)',
		};
	}
}

/** A code named in a label: two digits or A0–A7, standing alone (not part of 100, 24小时, 3次). */
const CODE_IN_LABEL = new RegExp(`(?<![0-9A-Za-z])(${CODE_PATTERN})(?![0-9A-Za-z]|\\s*(?:小时|分钟|秒|次|天|元|位|%|号|点|:|：\\d))`, 'g');

/**
 * Every node whose label names a known code (other than the page's own) must link to
 * that code's page with `click NODE href "/codes/XX/"`.
 */
export function unlinkedCodeNodes(
	rendered: Pick<RenderedFlowchart, 'nodes' | 'links'>,
	isKnownCode: (code: string) => boolean,
	ownCode?: string,
): FlowchartProblem[] {
	const problems: FlowchartProblem[] = [];
	const hrefs = new Map(rendered.links.map((l) => [l.node, l.href]));
	for (const node of rendered.nodes) {
		for (const match of node.label.matchAll(CODE_IN_LABEL)) {
			const code = match[1]!;
			if (code === ownCode || !isKnownCode(code)) continue;
			const href = hrefs.get(node.id);
			if (href !== `/codes/${code}/`) {
				problems.push({
					line: 1,
					message: `node ${node.id} "${node.label}" names code ${code} but ${href ? `links to ${href}` : 'does not link to it'}`,
					fix: `add \`click ${node.id} href "/codes/${code}/"\` (one code per node)`,
				});
			}
		}
	}
	return problems;
}

/** Render and check one diagram; collects every problem instead of stopping at the first. */
export async function checkFlowchart(
	source: string,
	isKnownCode: (code: string) => boolean,
	ownCode?: string,
): Promise<FlowchartProblem[]> {
	const problems: FlowchartProblem[] = [];
	const parsed = await officialParse(source);
	if (parsed) problems.push(parsed);
	let rendered: RenderedFlowchart | undefined;
	try {
		rendered = renderFlowchart(source, 'check');
	} catch (error) {
		if (error instanceof FlowchartError) {
			problems.push({ line: error.line ?? 1, message: error.message, fix: 'change the diagram so the renderer can draw it' });
		} else throw error;
	}
	if (rendered) problems.push(...unlinkedCodeNodes(rendered, isKnownCode, ownCode));
	return problems;
}

/** The ```mermaid blocks of an MDX file with the line of their first diagram line. */
export function mermaidBlocks(mdx: string): { source: string; startLine: number }[] {
	const blocks: { source: string; startLine: number }[] = [];
	const lines = mdx.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (/^\s*```mermaid\s*$/.test(lines[i]!)) {
			const start = i + 1;
			let end = start;
			while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
			blocks.push({ source: lines.slice(start, end).join('\n'), startLine: start + 1 });
			i = end;
		}
	}
	return blocks;
}
