/**
 * Sätteri mdast plugin: replace every ```mermaid block with the rendered SVG figure.
 *
 * Astro 7's default Markdown processor is Sätteri, where remark/rehype plugins do not
 * run. An mdast plugin runs before Starlight's Expressive Code sees the code block, and
 * an `html` node works in `.mdx` too. A diagram that cannot be rendered stops the build
 * with `file:line`, the line being the line of the problem inside the article.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { createHash } from 'node:crypto';
import { defineMdastPlugin } from 'satteri';
import { FlowchartError, renderFlowchart } from './render.ts';

interface PluginContext {
	fileURL?: URL | string | undefined;
}

export function flowchartPlugin({ fileURL }: PluginContext = {}) {
	const file = fileURL ? relative(process.cwd(), fileURLToPath(fileURL)) : '<markdown>';
	// SVG ids must be unique on a page that shows several files (an article plus a
	// family text), so the prefix carries a short hash of the file as well as a counter.
	const fileKey = createHash('sha1').update(file).digest('hex').slice(0, 6);
	let count = 0;
	return defineMdastPlugin({
		name: 'poskb-flowchart',
		code(node, ctx) {
			if (node.lang !== 'mermaid') return;
			// The fence line is position.start.line; diagram line 1 is the line after it.
			const fenceLine = node.position?.start.line ?? 0;
			try {
				const { html } = renderFlowchart(node.value, `fc-${fileKey}-${++count}`);
				ctx.replaceNode(node, { type: 'html', value: html });
			} catch (error) {
				const line = error instanceof FlowchartError && error.line ? fenceLine + error.line : fenceLine;
				const message = error instanceof Error ? error.message : String(error);
				throw new Error(`${file}:${line}: flowchart cannot be rendered: ${message} — fix the mermaid block`);
			}
		},
	});
}
