/** Field lines in frontmatter: what every schema problem's `file:line` rests on. */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../scripts/lib/validate/frontmatter.ts';
import { headingText, parseBody } from '../../scripts/lib/validate/mdx.ts';

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
		[['sources', 1, 'note'], 9],
		[['reviewed'], 11],
		[['missing'], 1],
	] as const)('finds %j on line %i', (path, line) => {
		expect(fm.lineOf(path)).toBe(line);
	});

	it('reports YAML errors at their line', () => {
		const broken = parseFrontmatter('---\nkind: code\ntitle: a: b\n---\n');
		expect(broken.error?.line).toBe(3);
	});

	it('reports a missing frontmatter', () => {
		expect(parseFrontmatter('# no frontmatter\n').error?.message).toMatch(/no frontmatter/);
	});
});

describe('parseBody', () => {
	const body = parseBody(TEXT, 13);

	it('takes links from the text but not from code', () => {
		expect(body.links).toEqual([{ href: '/codes/75/', line: 15, from: 'text' }]);
	});

	it('slugs headings like github-slugger, numbering repeats, skipping code fences', () => {
		expect(body.headingIds).toEqual(['为什么会出现', '为什么会出现-1']);
	});

	it('reads heading text without Markdown', () => {
		expect(headingText('**55** 与 [75](/codes/75/) `x`')).toBe('55 与 75 x');
	});
});
