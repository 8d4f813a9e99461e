/**
 * Size: an article and its flowchart stay usable on a cheap phone on one bar of signal.
 * - An article's MDX is at most 32 KB (the longest today is about 17 KB): past that, split
 *   it by situation, or move shared text to a family.
 * - A flowchart has at most 14 nodes and draws at most 960 px wide (at 360 px a wider one is
 *   a long sideways scroll, and a 300-node chart is unreadable anywhere); the message says
 *   how to split it.
 * Also the guard against hostile input: a 1 MB article or a 300-node chart is refused here
 * with a reason instead of slowing every later step.
 */
import { prepareFlowchart, renderFlowchart, FlowchartError } from '../../../src/lib/flowchart/render.ts';
import { stamp, type Check, type Finding } from './types.ts';

export const MAX_ARTICLE_BYTES = 32 * 1024;
export const MAX_FLOWCHART_NODES = 14;
export const MAX_FLOWCHART_WIDTH = 960;

export const sizeCheck: Check = {
	id: 'size',
	description: 'articles and flowcharts stay small enough for a phone',
	needs: 'content',
	run(index) {
		const findings: Finding[] = [];
		for (const a of index.articles) {
			const bytes = Buffer.byteLength(a.text, 'utf8');
			if (bytes > MAX_ARTICLE_BYTES) {
				findings.push({ file: a.file, line: 1, message: `the article is ${Math.round(bytes / 1024)} KB (at most ${MAX_ARTICLE_BYTES / 1024} KB)`, fix: 'split it by situation into separate articles, or move text shared by several codes into a family' });
				continue;
			}
			for (const block of a.body.mermaid) {
				let nodes: number;
				try {
					nodes = prepareFlowchart(block.source).nodes.length;
				} catch (e) {
					if (e instanceof FlowchartError) continue; // the flowcharts check reports it
					throw e;
				}
				if (nodes > MAX_FLOWCHART_NODES) {
					findings.push({
						file: a.file,
						line: block.startLine,
						message: `the flowchart has ${nodes} nodes (at most ${MAX_FLOWCHART_NODES} fit a phone screen)`,
						fix: 'split it: keep the first decisions here and end each branch in a node linked to the page that continues it (click X href "/codes/…/")',
					});
					continue;
				}
				const { width } = renderFlowchart(block.source, 'size-check');
				if (width > MAX_FLOWCHART_WIDTH) {
					findings.push({
						file: a.file,
						line: block.startLine,
						message: `the flowchart draws ${Math.round(width)} px wide (at most ${MAX_FLOWCHART_WIDTH}); on a 360 px phone it is a long sideways scroll`,
						fix: 'shorten the labels (≤ 12 characters), put fewer branches side by side, or split it into two charts',
					});
				}
			}
		}
		return stamp('size', findings);
	},
};
