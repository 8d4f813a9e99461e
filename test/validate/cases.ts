/**
 * The broken-content fixtures, one per way a check can fail.
 *
 * Each case is a complete content root under `fixtures/<name>/`: a copy of
 * `fixtures/base/` (which validates clean) that differs only in `changed`. A case lists
 * every problem it must produce, exactly: the check id, the file (relative to the case
 * root), the line, and words of the message and of the fix. `fixtures.test.ts` checks
 * that each case really differs from the base only in its `changed` files.
 *
 * To add a case: copy `fixtures/base/` to `fixtures/<check>-<what>/`, break one thing,
 * and add a row here.
 */

export interface Expected {
	check: string;
	/** Relative to the case root, e.g. `codes/55.mdx`. */
	file: string;
	line: number;
	/** Words the message must contain. */
	message: string;
	/** Words the fix must contain: proof that the message says what to do. */
	fix: string;
}

export interface Case {
	name: string;
	/** Files (relative to the case root) that differ from `fixtures/base/`: added, removed or edited. */
	changed: string[];
	problems: Expected[];
}

export const CASES: Case[] = [
	// schema
	{
		name: 'schema-unknown-field',
		changed: ['codes/55.mdx'],
		problems: [{ check: 'schema', file: 'codes/55.mdx', line: 8, message: 'unknown field `tags`', fix: 'remove it' }],
	},
	{
		name: 'schema-invalid-value',
		changed: ['codes/55.mdx'],
		problems: [{ check: 'schema', file: 'codes/55.mdx', line: 3, message: '`code` must be text', fix: 'double quotes' }],
	},
	{
		name: 'schema-yaml-error',
		changed: ['codes/55.mdx'],
		problems: [{ check: 'schema', file: 'codes/55.mdx', line: 5, message: 'not valid YAML', fix: 'fix the YAML' }],
	},
	{
		name: 'schema-registry',
		changed: ['registry.ts'],
		problems: [{ check: 'schema', file: 'registry.ts', line: 25, message: 'code 75: `class`', fix: 'correct this registry field' }],
	},
	// coverage
	{
		name: 'coverage-missing-article',
		changed: ['registry.ts'],
		problems: [{ check: 'coverage', file: 'registry.ts', line: 11, message: 'code 38 has no article', fix: 'codes/38.mdx' }],
	},
	{
		name: 'coverage-unassigned-article',
		changed: ['codes/86.mdx'],
		problems: [{ check: 'coverage', file: 'codes/86.mdx', line: 3, message: 'code 86 is unassigned', fix: 'delete this article' }],
	},
	{
		name: 'coverage-acquirer-specific',
		changed: ['codes/B0.mdx'],
		problems: [
			{ check: 'coverage', file: 'codes/B0.mdx', line: 3, message: 'code B0 is acquirer-specific', fix: 'delete this article' },
			// B0 is also not a valid code, so the schema says so too.
			{ check: 'schema', file: 'codes/B0.mdx', line: 3, message: 'two digits or A0–A7', fix: 'correct the value' },
		],
	},
	{
		name: 'coverage-duplicate-code',
		changed: ['codes/55-copy.mdx'],
		problems: [
			{ check: 'coverage', file: 'codes/55-copy.mdx', line: 3, message: 'code 55 is also claimed by', fix: 'merge the two' },
			// Two files cannot both be named 55.mdx, so the copy also has the wrong name.
			{ check: 'integrity', file: 'codes/55-copy.mdx', line: 3, message: 'file is named 55-copy.mdx', fix: 'rename the file' },
		],
	},
	{
		name: 'coverage-deleted-code',
		changed: ['registry.ts'],
		problems: [{ check: 'coverage', file: 'registry.ts', line: 33, message: 'code 38 is neither in `codes` nor in `unassigned`', fix: "status: 'retired'" }],
	},
	{
		name: 'coverage-registry-duplicate',
		changed: ['registry.ts'],
		problems: [{ check: 'coverage', file: 'registry.ts', line: 33, message: 'code 55 is listed again (first at line 11)', fix: 'keep one entry per code' }],
	},
	// links
	{
		name: 'links-broken-page',
		changed: ['codes/55.mdx'],
		problems: [{ check: 'links', file: 'codes/55.mdx', line: 17, message: 'no page /symptoms/card-alert/', fix: 'link to a page that exists' }],
	},
	{
		name: 'links-broken-anchor',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'links', file: 'codes/75.mdx', line: 20, message: 'has no heading or id `怎么处理`', fix: '#怎么判断' }],
	},
	{
		name: 'links-flowchart-click',
		changed: ['codes/55.mdx'],
		problems: [{ check: 'links', file: 'codes/55.mdx', line: 38, message: 'flowchart link /causes/key/: no page', fix: 'link to a page that exists' }],
	},
	{
		name: 'links-related',
		changed: ['registry.ts'],
		problems: [{ check: 'links', file: 'registry.ts', line: 19, message: 'related code 56 is unassigned', fix: "remove '56' from related" }],
	},
	{
		name: 'links-category',
		changed: ['registry.ts'],
		problems: [{ check: 'links', file: 'registry.ts', line: 29, message: 'category network, which has no article', fix: 'causes/network.mdx' }],
	},
	// orphans
	{
		name: 'orphans-unbuilt-file',
		changed: ['code/38.mdx'],
		problems: [{ check: 'orphans', file: 'code/38.mdx', line: 1, message: 'never built', fix: 'move it to' }],
	},
	{
		name: 'orphans-unused-family',
		changed: ['families/sign-in.mdx'],
		problems: [{ check: 'orphans', file: 'families/sign-in.mdx', line: 1, message: "no registry entry has `family: 'sign-in'`", fix: "set `family: 'sign-in'`" }],
	},
	// flowcharts
	{
		name: 'flowcharts-missing',
		changed: ['causes/keys.mdx'],
		problems: [{ check: 'flowcharts', file: 'causes/keys.mdx', line: 11, message: 'has no flowchart', fix: 'add a ```mermaid' }],
	},
	{
		name: 'flowcharts-parse-error',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 27, message: 'mermaid cannot parse the flowchart', fix: 'full-width （）' }],
	},
	{
		name: 'flowcharts-unsupported',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 28, message: 'does not support `style` lines', fix: 'remove it' }],
	},
	{
		name: 'flowcharts-renderer-mismatch',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 27, message: 'node C is in the diagram but the renderer would not draw it', fix: 'plain nodes and arrows' }],
	},
	{
		name: 'flowcharts-renderer-label',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 26, message: 'the renderer would label node C "C" instead of "持卡人联系发卡行解锁"', fix: 'give C its label the first time it appears' }],
	},
	{
		name: 'flowcharts-unlinked-code',
		changed: ['codes/55.mdx'],
		problems: [{ check: 'flowcharts', file: 'codes/55.mdx', line: 35, message: 'names code 75 but does not link to it', fix: 'click D href "/codes/75/"' }],
	},
	// normalization
	{
		name: 'normalization-url',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'normalization', file: 'codes/75.mdx', line: 22, message: 'https://www.example.com/pos-unlock is not on the citation allow-list', fix: 'citationDomains' }],
	},
	{
		name: 'normalization-obfuscation',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'normalization', file: 'codes/75.mdx', line: 17, message: 'obfuscated text "ka卡"', fix: 'write "卡"' }],
	},
	{
		name: 'normalization-promotion',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'normalization', file: 'codes/75.mdx', line: 22, message: 'advertisement: brand "拉卡拉"', fix: 'remove the advertisement' }],
	},
	// freshness
	{
		name: 'freshness-future',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'freshness', file: 'codes/75.mdx', line: 6, message: '`reviewed: 2999-01-01` is in the future', fix: 'set it to the day you actually checked' }],
	},
	{
		name: 'freshness-missing',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'freshness', file: 'codes/75.mdx', line: 1, message: 'no `reviewed` date', fix: 'add `reviewed:' }],
	},
	// customer-line
	{
		name: 'customer-line-missing',
		changed: ['registry.ts'],
		problems: [{ check: 'customer-line', file: 'registry.ts', line: 22, message: 'code 75 has no customerLine', fix: 'add `customerLine:`' }],
	},
	{
		name: 'customer-line-symptom-missing',
		changed: ['symptoms/card-swipe-alert.mdx'],
		problems: [{ check: 'customer-line', file: 'symptoms/card-swipe-alert.mdx', line: 1, message: 'symptom card-swipe-alert has no customerLine', fix: 'add `customerLine:`' }],
	},
	{
		name: 'customer-line-discreet',
		changed: ['registry.ts'],
		problems: [{ check: 'customer-line', file: 'registry.ts', line: 28, message: 'code 75 is discreet, but its customer line says "冻结"', fix: 'say nothing about the reason' }],
	},
	{
		name: 'customer-line-pin',
		changed: ['registry.ts'],
		problems: [{ check: 'customer-line', file: 'registry.ts', line: 17, message: 'asks the customer for the PIN ("告诉我"', fix: 'never says or writes it' }],
	},
	// integrity
	{
		name: 'integrity-draft',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 7, message: 'marked `draft: true`', fix: 'remove the flag, or move the file back to content/drafts/' }],
	},
	{
		name: 'integrity-kind-folder',
		changed: ['causes/card-swipe-alert.mdx'],
		problems: [{ check: 'integrity', file: 'causes/card-swipe-alert.mdx', line: 2, message: '`kind: symptom` but the file is in causes/', fix: 'move the file to symptoms/' }],
	},
	{
		name: 'integrity-file-name',
		changed: ['codes/55.mdx', 'codes/pin.mdx'],
		problems: [{ check: 'integrity', file: 'codes/pin.mdx', line: 3, message: 'the file is named pin.mdx', fix: 'rename the file to codes/55.mdx' }],
	},
	{
		name: 'integrity-family-none',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 14, message: 'code 75 has no family in the registry', fix: 'set `family:`' }],
	},
	{
		name: 'integrity-family-text-missing',
		changed: ['codes/75.mdx', 'registry.ts'],
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 14, message: 'families/pin-limit.mdx does not exist', fix: 'families/pin-limit.mdx' }],
	},
	{
		name: 'integrity-common-codes',
		changed: ['common-codes.ts'],
		problems: [{ check: 'integrity', file: 'common-codes.ts', line: 2, message: 'COMMON_CODES lists 99, which is not in the registry', fix: "remove '99'" }],
	},
	{
		name: 'integrity-money-warning',
		changed: ['registry.ts'],
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 12, message: 'moneyAtRisk, but the article has no <Warning>', fix: 'add a <Warning' }],
	},
	{
		name: 'integrity-unimported-component',
		changed: ['codes/75.mdx'],
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 20, message: '<Warning> is used but not imported', fix: 'add Warning to the import line' }],
	},
];

/**
 * Built-site fixtures: a small `site/` each (a stand-in for `dist/`, which git ignores by
 * name), checked against the base content. Here `file` is relative to the repository.
 */
export const BUILT_CASES: { name: string; problems: Expected[] }[] = [
	{ name: 'built-base', problems: [] },
	{
		name: 'built-links',
		problems: [
			{ check: 'built-links', file: 'test/validate/fixtures/built-links/site/codes/55/index.html', line: 5, message: 'no page /symptoms in the built site (the same link is on 2 pages)', fix: 'component in src/' },
			// Not in the article's source: the frame (a component) rendered it.
			{ check: 'built-links', file: 'test/validate/fixtures/built-links/site/codes/55/index.html', line: 10, message: 'link /codes/99/ on /codes/55/ (from test/validate/fixtures/base/codes/55.mdx): no page /codes/99/', fix: 'the page frame renders this link' },
			// Written in the article's source: fix it there.
			{ check: 'built-links', file: 'test/validate/fixtures/built-links/site/codes/75/index.html', line: 7, message: '/causes/keys/ has no id `怎么判断`', fix: 'fix the link in test/validate/fixtures/base/codes/75.mdx' },
		],
	},
	{
		name: 'built-orphans',
		// An orphan is reported on the article's source.
		problems: [{ check: 'built-orphans', file: 'test/validate/fixtures/base/causes/keys.mdx', line: 1, message: '/causes/keys/ is not reachable from the home page', fix: 'link it from an index page' }],
	},
];
