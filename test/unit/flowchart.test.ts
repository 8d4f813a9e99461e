/**
 * Build-time diagram rendering (issue 2): static SVG, no external font, links on
 * nodes, a text alternative, and clear failures for what the renderer cannot draw.
 */
import { readFileSync } from 'node:fs';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { describe, expect, it } from 'vitest';
import { FlowchartError, MIN_LABEL_PX, RENDERER_STYLE, SHARED_PRESENTATION, THEME, renderFlowchart, splitFlowchartSource } from '../../src/lib/flowchart/render.ts';
import { checkFlowchart, mermaidBlocks, officialParse } from '../../src/lib/flowchart/validate.ts';

const diagram = `flowchart TD
  A[终端显示 55] --> B{多张卡都报?}
  B -->|否| C[请持卡人重输]
  B -->|是| D[重新签到 A0]
  click D href "/codes/A0/"`;

const known = (c: string) => ['55', 'A0', '38', '75'].includes(c);

describe('renderFlowchart', () => {
	const out = renderFlowchart(diagram, 't1');

	it('renders an inline SVG figure with every node', () => {
		expect(out.html).toMatch(/^<figure class="flowchart/);
		expect(out.html).toContain('<svg');
		for (const label of ['终端显示 55', '多张卡都报?', '请持卡人重输', '重新签到 A0']) expect(out.html).toContain(label);
		expect(out.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C', 'D']);
		expect(out.width).toBeGreaterThan(0);
	});

	it('fetches nothing from another host and uses the theme variables', () => {
		expect(out.html).not.toContain('@import');
		expect(out.html).not.toContain('fonts.googleapis');
		// The only URL left is the SVG namespace, which is never fetched.
		expect(out.html.match(/https?:\/\/[^"')\s]+/g)).toEqual(['http://www.w3.org/2000/svg']);
		expect(out.html).toContain('var(--sl-color-white)');
	});

	it('carries no <style> of its own; the site stylesheet sets every variable the renderer\'s block sets, to the same value', () => {
		expect(out.html).not.toContain('<style');
		const block = RENDERER_STYLE.exec(renderMermaidSVG('flowchart TD\n  A[一] --> B[二]', THEME))?.[0] ?? '';
		const variables = (css: string) => Object.fromEntries([...css.matchAll(/(--_[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.replace(/\s+/g, ' ').trim()]));
		const site = readFileSync(new URL('../../src/styles/flowchart-svg.css', import.meta.url), 'utf8');
		expect(Object.keys(variables(block)).length).toBeGreaterThan(5);
		expect(variables(site)).toEqual(variables(block));
	});

	it('turns click lines into real links, in the SVG and in the text alternative', () => {
		expect(out.html).toMatch(/<a href="\/codes\/A0\/" class="flowchart-link"[^>]*><g class="node" data-id="D"/);
		expect(out.html).toMatch(/<details class="flowchart-text">.*<a href="\/codes\/A0\/">重新签到 A0<\/a>/);
		// The click line itself is not drawn as a stray box.
		expect(out.html).not.toContain('data-id="click"');
	});

	it('is shown at the width where its smallest label (11-unit 是/否) is 12 CSS px', () => {
		expect(renderMermaidSVG(diagram.split('\n').slice(0, 4).join('\n'), THEME)).toContain('font-size="11"');
		expect(out.screenWidth).toBe(Math.ceil(out.width * (MIN_LABEL_PX / 11)));
		expect(out.html).toContain(`--fc-width:${out.screenWidth}px`);
	});

	it('leaves the presentation attributes repeated on every edge, label and node to the stylesheet, with the same values', () => {
		const raw = renderMermaidSVG(diagram.split('\n').slice(0, 4).join('\n'), THEME);
		const site = readFileSync(new URL('../../src/styles/flowchart-svg.css', import.meta.url), 'utf8').replace(/\s+/g, ' ');
		for (const { kind, attributes } of SHARED_PRESENTATION) {
			// The renderer still writes them (else this step and its CSS are dead weight) ...
			expect(raw, kind).toContain(attributes);
			// ... the page does not ...
			expect(out.html, kind).not.toContain(attributes);
			// ... and a rule gives each of them, lengths in px as CSS needs.
			for (const [, name, value] of attributes.matchAll(/ ([\w-]+)="([^"]+)"/g)) {
				const css = /^(font-size|rx|ry)$/.test(name!) ? `${value}px` : value;
				expect(site, `${kind}: ${name}`).toContain(`${name}: ${css};`);
			}
		}
		// Baseline shifts are folded into the label positions.
		expect(out.html).not.toContain(' dy="');
	});

	it('has a scroll cue and opens full-screen through a popover, with a way back', () => {
		expect(out.html).toContain('class="flowchart-cue"');
		expect(out.html).toMatch(/<button type="button" class="flowchart-full" popovertarget="t1-view">/);
		expect(out.html).toMatch(/<div class="flowchart-scroll" id="t1-view" popover /);
		expect(out.html).toMatch(/popovertarget="t1-view" popovertargetaction="hide"/);
	});

	it('namespaces every SVG id, so two diagrams on a page never share one', () => {
		const ids = [...out.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBeGreaterThan(2);
		for (const id of ids) expect(id).toMatch(/^t1-/);
		for (const ref of out.html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
	});

	it('has a title and a description for assistive technology', () => {
		expect(out.html).toMatch(/aria-labelledby="t1-title"/);
		expect(out.html).toMatch(/<title id="t1-title">/);
		expect(out.html).toMatch(/<desc id="t1-desc">/);
		const withAcc = renderFlowchart(`flowchart TD\n  accTitle: 55 的判断\n  A[x] --> B[y]`, 't2');
		expect(withAcc.html).toContain('<title id="t2-title">55 的判断</title>');
	});

	it('writes the decision path as an ordered list in walking order', () => {
		const list = /<ol>(.*)<\/ol>/.exec(out.html)?.[1] ?? '';
		const items = list.split('</li>').filter(Boolean);
		expect(items).toHaveLength(4);
		expect(items[0]).toContain('终端显示 55');
		expect(items[1]).toMatch(/否：见第 3 步；是：见第 4 步/);
	});

	it('fails on what it cannot draw faithfully', () => {
		expect(() => renderFlowchart('sequenceDiagram\n  A->>B: hi')).toThrow(FlowchartError);
		expect(() => renderFlowchart('flowchart TD\n  A --> B\n  click Z href "/codes/55/"')).toThrow(/node "Z"/);
		expect(() => renderFlowchart('flowchart TD\n  A --> B\n  click A callback')).toThrow(/callbacks/);
	});

	it('splits directives out of the renderer input, keeping line numbers', () => {
		const split = splitFlowchartSource(diagram);
		expect(split.links).toEqual([{ node: 'D', href: '/codes/A0/', line: 5 }]);
		expect(split.body.split('\n')).toHaveLength(5);
	});
});

describe('official parser', () => {
	it('accepts a valid diagram', async () => {
		expect(await officialParse(diagram)).toBeUndefined();
	});

	it('rejects a diagram that fails to parse, though the lenient renderer draws it', async () => {
		const broken = 'flowchart TD\n  A[终端显示 55] --> B{没有闭合\n  B --> C[x]';
		expect(() => renderFlowchart(broken)).not.toThrow();
		const problem = await officialParse(broken);
		expect(problem?.message).toMatch(/mermaid cannot parse/);
		expect(problem?.line).toBeGreaterThanOrEqual(2);
	});

	it('flags a node that names a code without linking to it', async () => {
		const problems = await checkFlowchart('flowchart TD\n  A[显示 55] --> B[会出现 38]', known, '55');
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toMatch(/names code 38/);
		// Numbers that are not codes (24 小时, 3 次) are not flagged.
		expect(await checkFlowchart('flowchart TD\n  A[等 24 小时] --> B[错 3 次]', known)).toEqual([]);
	});

	it('finds mermaid blocks and the line they start on', () => {
		const blocks = mermaidBlocks('---\nx: 1\n---\n\n```mermaid\nflowchart TD\n  A --> B\n```\n');
		expect(blocks).toEqual([{ source: 'flowchart TD\n  A --> B', startLine: 6 }]);
	});
});

describe('the renderer refuses unsafe links itself (probe S6)', () => {
	it('draws no javascript: or data: link, whatever the validator said', async () => {
		const { renderFlowchart } = await import('../../src/lib/flowchart/render.ts');
		const { html } = renderFlowchart('flowchart TD\n  A[出现 55] --> B[换卡]\n  click A href "javascript:alert(5)"\n  click B href "data:text/html,x"', 's6');
		expect(html).not.toMatch(/javascript:|data:text/);
		const safe = renderFlowchart('flowchart TD\n  A[出现 55] --> B[换卡]\n  click A href "/codes/55/"', 's6b');
		expect(safe.html).toContain('href="/codes/55/"');
	});
});
