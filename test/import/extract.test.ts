import { describe, expect, it } from 'vitest';
import { decodeEntities, extract, formatOf } from '../../scripts/lib/import/extract.ts';

const CITATIONS = ['pbc.gov.cn', 'cn.unionpay.com'];

describe('formatOf', () => {
	it.each([
		['a.txt', 'txt'],
		['a.TXT', 'txt'],
		['a.md', 'md'],
		['a.markdown', 'md'],
		['a.html', 'html'],
		['a.htm', 'html'],
		['a.docx', undefined],
		['README', undefined],
	])('%s → %s', (name, format) => {
		expect(formatOf(name)).toBe(format);
	});
});

describe('plain text', () => {
	it('takes the first non-blank line as the title and numbers lines from the input', () => {
		const ex = extract('\n  标题\r\n\r\n第一段。\r第二段。\n', 'txt', CITATIONS);
		expect(ex.title).toEqual({ line: 2, text: '标题' });
		expect(ex.lines).toEqual([
			{ line: 4, text: '第一段。' },
			{ line: 5, text: '第二段。' },
		]);
	});

	it('strips invisible characters and records it', () => {
		const ex = extract('标题\n欺\u200b诈\u200d行为\n', 'txt', CITATIONS);
		expect(ex.lines).toEqual([{ line: 2, text: '欺诈行为' }]);
		expect(ex.edits).toEqual([expect.objectContaining({ line: 2, reason: 'removed 2 invisible character(s)' })]);
	});
});

describe('Markdown', () => {
	const source = ['---', 'title: x', '---', '# POS机结算失败', '', '见[央行说明](https://www.pbc.gov.cn/a)与[广告](https://ad.example.cn)。', '![图](a.png)', '**注意**:`不要`重复结算。'].join('\n');
	const ex = extract(source, 'md', CITATIONS);

	it('reports and drops the source frontmatter', () => {
		expect(ex.removed.map((r) => r.line)).toEqual([1, 2, 3]);
	});

	it('takes the # heading as the title', () => {
		expect(ex.title).toEqual({ line: 4, text: 'POS机结算失败' });
	});

	it('keeps link text, records link targets and marks citations', () => {
		expect(ex.lines[0]).toEqual({ line: 6, text: '见央行说明与广告。' });
		expect(ex.links).toEqual([
			{ line: 6, url: 'https://www.pbc.gov.cn/a', citation: true },
			{ line: 6, url: 'https://ad.example.cn', citation: false },
			{ line: 7, url: 'a.png', citation: false },
		]);
	});

	it('drops images (reported) and inline formatting', () => {
		expect(ex.edits.some((e) => e.line === 7 && /image removed/.test(e.reason))).toBe(true);
		expect(ex.lines.map((l) => l.text)).toContain('注意:不要重复结算。');
	});
});

describe('HTML', () => {
	const html = [
		'<html><head><title>站点标题</title>',
		'<script>document.write("<p>不是正文</p>")</script></head>',
		'<body><h1>POS机提示商户状态异常</h1>',
		'<p>终端显示&ldquo;商户状态异常&rdquo;时,',
		'通常是商户被冻结。</p>',
		'<!-- 隐藏广告 -->',
		'<ul><li>联系<a href="https://cn.unionpay.com/x">银联</a>。</li><li>核实&amp;确认。</li></ul>',
		'</body></html>',
	].join('\n');
	const ex = extract(html, 'html', CITATIONS);

	it('uses <h1> as the title and reports <title>', () => {
		expect(ex.title).toEqual({ line: 3, text: 'POS机提示商户状态异常' });
		expect(ex.removed).toContainEqual(expect.objectContaining({ line: 1, text: '站点标题', rule: 'markup' }));
	});

	it('gives each text block the input line where it starts, joining wrapped Chinese', () => {
		expect(ex.lines).toEqual([
			{ line: 4, text: '终端显示“商户状态异常”时,通常是商户被冻结。' },
			{ line: 7, text: '- 联系银联。' },
			{ line: 7, text: '- 核实&确认。' },
		]);
	});

	it('reports scripts and comments instead of dropping them silently', () => {
		expect(ex.removed).toContainEqual(expect.objectContaining({ line: 2, rule: 'markup', reason: expect.stringMatching(/<script>/) }));
		expect(ex.removed).toContainEqual(expect.objectContaining({ line: 6, text: '隐藏广告', reason: 'HTML comment' }));
		expect(ex.lines.some((l) => l.text.includes('不是正文'))).toBe(false);
	});

	it('records link targets', () => {
		expect(ex.links).toEqual([{ line: 7, url: 'https://cn.unionpay.com/x', citation: true }]);
	});

	it('keeps list items and headings whose text is wrapped in another block', () => {
		const ex2 = extract('<h1>标题</h1>\n<ul><li><p>第一项</p></li><li></li></ul>\n<p>正文。</p>\n<h2><span>小节</span></h2>', 'html', CITATIONS);
		expect(ex2.lines.map((l) => l.text)).toEqual(['- 第一项', '正文。', '## 小节']);
	});

	it('decodes entities', () => {
		expect(decodeEntities('&lt;a&gt; &#20013;&#x6587; &nbsp;&unknown;')).toBe('<a> 中文  &unknown;');
	});
});
