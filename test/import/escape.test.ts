import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeBlock, yamlValue } from '../../scripts/lib/import/escape.ts';
import { render, structure } from '../../scripts/lib/import/structure.ts';
import { executableNodes } from './helpers.ts';

/** The plain text MDX would show for `source`. */
function shownText(source: string): string {
	const parts: string[] = [];
	const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
		if (n.type === 'text' && n.value !== undefined) parts.push(n.value);
		for (const c of n.children ?? []) walk(c as { type: string; value?: string; children?: unknown[] });
	};
	walk(mdxToMdast(source) as unknown as { type: string; children?: unknown[] });
	return parts.join('');
}

describe('escaping for MDX', () => {
	it.each([
		['an expression', '请核对{金额}后重试'],
		['a stray closing brace', '结果}'],
		['a JSX tag', '点击<Button onClick={alert(1)}>这里</Button>'],
		['an HTML comment', '<!-- 注释 -->提示'],
		['an import line', 'import x from "./evil.js"'],
		['an export line', 'export const a = 1'],
		['Markdown emphasis and links', '*重要* [链接](x) `代码` ~~删除~~ | 表格 | $x$'],
		['a heading marker', '# 不是标题'],
		['a blockquote marker', '> 不是引用'],
		['a list marker', '- 不是列表'],
		['an ordered list marker', '1. 不是列表'],
		['an entity', '&lt;script&gt;'],
		['a backslash', '路径 C:\\pos\\{x}'],
	])('%s cannot execute and shows as written', (_what, text) => {
		const out = escapeBlock(text);
		expect(executableNodes(out)).toEqual([]);
		expect(shownText(out)).toBe(text);
	});

	it('an import line in the middle of a draft stays text', () => {
		const out = render(structure([{ line: 2, text: '前文。' }, { line: 3, text: 'import { a } from "b"' }]).blocks);
		expect(executableNodes(out)).toEqual([]);
		expect(shownText(out)).toContain('import { a } from "b"');
	});

	it('writes frontmatter values as JSON strings that cannot break out', () => {
		expect(yamlValue('a"\nb: c')).toBe('"a\\"\\nb: c"');
	});
});
