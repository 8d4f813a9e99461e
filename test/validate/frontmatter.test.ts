/**
 * Field lines in frontmatter and data files: what every schema problem's `file:line` rests
 * on (`src/lib/content/frontmatter.ts`, the `yaml` package's LineCounter), and the body
 * outline's links and heading ids (`src/lib/content/outline.ts`, the site's MDX compiler).
 */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, readYaml } from '../../src/lib/content/frontmatter.ts';
import { outline } from '../../src/lib/content/outline.ts';

const TEXT = `---
kind: code
code: "55"
alsoShownAs: [密码错, 密码不对]
sources:
  - title: ISO 8583
    url: https://www.npmjs.com/package/ut-codec
    note: 55 = Incorrect PIN
  - title: Stripe
    url: https://docs.stripe.com/declines/codes
reviewed: 2026-11-22
---
## 为什么会出现

见 [75](/codes/75/) 和 \`[不是链接](/x/)\`。

\`\`\`js
## 不是标题
\`\`\`

## 为什么会出现
`;

describe('parseFrontmatter', () => {
	const fm = parseFrontmatter(TEXT);

	it('reads the data as Astro does (dates become Dates)', () => {
		expect(fm.error).toBeUndefined();
		expect(fm.data?.['reviewed']).toEqual(new Date('2026-11-22'));
		expect([fm.startLine, fm.endLine]).toEqual([1, 12]);
	});

	it.each([
		[['code'], 3],
		[['alsoShownAs', 1], 4],
		[['sources'], 5],
		[['sources', 0], 6],
		[['sources', 0, 'note'], 8],
		[['sources', 1, 'url'], 10],
		// A missing field: its nearest existing parent.
		[['sources', 1, 'note'], 9],
		[['reviewed'], 11],
		[['missing'], 2],
	] as const)('finds %j on line %i', (path, line) => {
		expect(fm.lineOf(path)).toBe(line);
	});

	it('reports YAML errors at their line', () => {
		const broken = parseFrontmatter('---\nkind: code\ntitle: a: b\n---\n');
		expect(broken.error?.line).toBe(3);
		expect(broken.error?.message).toMatch(/^the frontmatter is not valid YAML: /);
	});

	it('reports a duplicate field at its second line', () => {
		const twice = parseFrontmatter('---\nkind: code\ncode: "55"\nkind: symptom\n---\n');
		expect(twice.data).toBeUndefined();
		expect(twice.error?.line).toBe(4);
	});

	it('reports a missing frontmatter', () => {
		expect(parseFrontmatter('# no frontmatter\n').error?.message).toMatch(/no frontmatter/);
	});
});

describe('readYaml', () => {
	const DATA = `# comment
unassigned: ["00", "01"]
excluded:
  - codes: [B0, C1]
    why: 收单机构自定义。
`;

	it('reads values and the line of every entry', () => {
		const y = readYaml(DATA);
		expect(y.error).toBeUndefined();
		expect(y.data).toEqual({ unassigned: ['00', '01'], excluded: [{ codes: ['B0', 'C1'], why: '收单机构自定义。' }] });
		expect(y.lineOf(['unassigned', 1])).toBe(2);
		expect(y.lineOf(['excluded', 0])).toBe(4);
		expect(y.lineOf(['excluded', 0, 'why'])).toBe(5);
	});

	it('reports a syntax error at its line', () => {
		const y = readYaml('unassigned: ["00",\nexcluded: [\n');
		expect(y.data).toBeUndefined();
		expect(y.error?.line).toBeGreaterThanOrEqual(2);
	});

	it('shifts lines by the first line it is given', () => {
		expect(readYaml('a: 1\nb: 2\n', 10).lineOf(['b'])).toBe(11);
	});
});

describe('outline', () => {
	const body = outline(TEXT);

	it('takes links from the text but not from code', () => {
		expect(body.links).toEqual([{ href: '/codes/75/', line: 15, from: 'text' }]);
	});

	it('slugs headings like github-slugger, numbering repeats, skipping code fences', () => {
		expect(body.headingIds).toEqual(['为什么会出现', '为什么会出现-1']);
	});

	it('reads heading text without Markdown', () => {
		expect(outline('## **55** 与 [75](/codes/75/) `x`\n').headingIds).toEqual(['55-与-75-x']);
	});
});
