/**
 * Quick check of every article's flowcharts (official parser, renderer, code links).
 * Usage: node scripts/check-flowcharts.ts [files…]   (default: all of content/)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFlowchart, mermaidBlocks } from '../src/lib/flowchart/validate.ts';
import { isKnownCode } from '../src/lib/registry.ts';

const files = process.argv.slice(2).length
	? process.argv.slice(2)
	: ['codes', 'symptoms', 'causes'].flatMap((d) =>
			readdirSync(join('content', d)).filter((f) => f.endsWith('.mdx')).map((f) => join('content', d, f)),
		);
let bad = 0;
for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const own = /^code:\s*["']?([0-9A-Z]{2})/m.exec(text)?.[1];
	const blocks = mermaidBlocks(text);
	if (blocks.length === 0) {
		console.log(`${file}:1: no flowchart — add a \`\`\`mermaid decision flowchart`);
		bad++;
	}
	for (const block of blocks) {
		for (const p of await checkFlowchart(block.source, isKnownCode, own)) {
			console.log(`${file}:${block.startLine + p.line - 1}: ${p.message} — ${p.fix}`);
			bad++;
		}
	}
}
console.log(bad ? `${bad} flowchart problem(s)` : `flowcharts ok (${files.length} files)`);
process.exit(bad ? 1 : 0);
