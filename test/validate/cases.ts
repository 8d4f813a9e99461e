/**
 * The broken-content cases, one per way a check can fail.
 *
 * Each case is the base fixture (`fixtures/base/`, which validates clean) plus a patch
 * that states only what the case changes (see `patch.ts`): a `replace` in a base file, a
 * new file (`write`, or `from` a base file with a few replacements), or a `delete`. A case
 * lists every problem it must produce, exactly: the check id, the file (relative to the
 * content root), the line, and words of the message and of the fix.
 *
 * To add a case: add a row here with the smallest patch that breaks one thing.
 */
import type { Patch } from './patch.ts';

export interface Expected {
	check: string;
	/** Relative to the content root, e.g. `codes/55.mdx`. */
	file: string;
	line: number;
	/** Words the message must contain. */
	message: string;
	/** Words the fix must contain: proof that the message says what to do. */
	fix: string;
}

export interface Case {
	name: string;
	/** What the case changes in `fixtures/base/`. */
	patch: Patch;
	problems: Expected[];
}

/** The body of 75.mdx's flowchart, which several flowchart cases edit. */
const FLOW_75 = '  A[终端显示 75] --> B[请持卡人换卡付款]\n  B --> C[持卡人联系发卡行解锁]\n';

/** A symptom article (the base has none), for the cases that need one. */
const symptom = (extra: string) => `---
kind: symptom
symptom: card-swipe-alert
title: 刷卡提示风险
description: 终端提示这张卡有风险或受限，交易没有成功。
meaning: 发卡行或收单机构的风控拦下了这笔交易。
firstAction: 不要重刷，请持卡人换一种方式付款。
${extra}whoActs: [cardholder, issuer]
categories: [keys]
reviewed: 2026-01-05
sources:
  - title: 受理终端操作说明
---
## 怎么处理

请持卡人换一种方式付款。

## 判断流程

\`\`\`mermaid
flowchart TD
  A[终端提示风险] --> B[请持卡人换一种方式付款]
\`\`\`
`;

/** A clean task article (issue 14: tasks are a kind of their own); the task cases break one thing each. */
const TASK = `---
kind: task
task: void
title: 消费撤销
description: 当天结算前撤销一笔消费，钱原路退回持卡人的卡。
meaning: 撤销把当天、结算前的一笔消费整笔取消。
firstAction: 在终端菜单里选“消费撤销”，输入原交易的凭证号。
customerLine: 这笔我给您撤销了，钱会原路退回您的卡，到账时间以银行为准。
customerLineEn: "I've cancelled that payment. The money goes back to your card; your bank decides when it shows."
whoActs: [merchant]
categories: [keys]
reviewed: 2026-01-05
sources:
  - title: 受理终端操作说明
---
import { RoleSteps } from '~/components.ts';

## 怎么做

<RoleSteps role="merchant">
1. 在终端菜单里选“消费撤销”，输入原交易的凭证号。
</RoleSteps>

## 判断流程

\`\`\`mermaid
flowchart TD
  A[选消费撤销] --> B{打印出撤销签购单?}
  B -->|是| C[签购单交给持卡人]
  B -->|否| D[查询交易后联系收单机构]
\`\`\`
`;

export const CASES: Case[] = [
	// schema
	{
		name: 'schema-unknown-field',
		patch: { 'codes/55.mdx': { replace: [['alsoShownAs: [密码错]\n', 'alsoShownAs: [密码错]\ntags: [密码]\n']] } },
		problems: [{ check: 'schema', file: 'codes/55.mdx', line: 18, message: 'unknown field `tags`', fix: 'remove it' }],
	},
	{
		name: 'schema-invalid-value',
		patch: { 'codes/55.mdx': { replace: [['code: "55"', 'code: 55']] } },
		problems: [{ check: 'schema', file: 'codes/55.mdx', line: 3, message: '`code` must be text', fix: 'double quotes' }],
	},
	{
		name: 'schema-yaml-error',
		patch: { 'codes/55.mdx': { replace: [['description: 返回码 55 表示', 'description: 返回码: 55: 表示']] } },
		problems: [{ check: 'schema', file: 'codes/55.mdx', line: 5, message: 'not valid YAML', fix: 'fix the YAML' }],
	},
	{
		// A code's facts are in its frontmatter: a wrong value is reported on its own line.
		name: 'schema-code-fact',
		patch: { 'codes/75.mdx': { replace: [['handlingClass: C', 'handlingClass: F']] } },
		problems: [{ check: 'schema', file: 'codes/75.mdx', line: 8, message: '`handlingClass`', fix: 'correct the value' }],
	},
	{
		name: 'schema-code-index',
		patch: { 'codes.yaml': { replace: [['    why: ', '    reason: ']] } },
		problems: [
			{ check: 'schema', file: 'codes.yaml', line: 4, message: '`excluded.0.why`', fix: 'correct this value' },
			{ check: 'schema', file: 'codes.yaml', line: 5, message: 'unknown field `reason`', fix: 'remove it' },
		],
	},
	// mdx: the site's compiler reads every file; content is data, never code
	{
		name: 'mdx-syntax-error',
		patch: { 'codes/55.mdx': { replace: [['持卡人输错了密码。', '持卡人输错了密码 {未闭合。']] } },
		problems: [{ check: 'mdx', file: 'codes/55.mdx', line: 27, message: 'the MDX compiler cannot read this', fix: 'close every <Component>' }],
	},
	{
		name: 'mdx-imports',
		patch: {
			'codes/55.mdx': {
				replace: [["import { RoleSteps, Warning } from '~/components.ts';", "import { RoleSteps, Warning, Bogus } from '~/components.ts';\nimport fs from 'node:fs';\nexport const leak = 1;"]],
			},
		},
		problems: [
			{ check: 'mdx', file: 'codes/55.mdx', line: 23, message: "has no component Bogus", fix: 'use one of RoleSteps' },
			{ check: 'mdx', file: 'codes/55.mdx', line: 24, message: "imports from 'node:fs'", fix: 'remove this import' },
			{ check: 'mdx', file: 'codes/55.mdx', line: 25, message: 'is code, and articles are data', fix: "import only from '~/components.ts'" },
		],
	},
	{
		name: 'mdx-expression',
		patch: { 'codes/55.mdx': { replace: [['持卡人输错了密码。', '持卡人输错了密码。{process.exit(0)}']] } },
		problems: [{ check: 'mdx', file: 'codes/55.mdx', line: 27, message: 'would run as code when the site is built', fix: 'write it as text' }],
	},
	// markup: nothing that runs script or leaks data in a reader's browser
	{
		name: 'markup-script-and-handlers',
		patch: { 'codes/55.mdx': { replace: [['## 怎么处理\n', '<script>alert(document.cookie)</script>\n\n<div onclick="steal()">点这里</div>\n\n## 怎么处理\n']] } },
		problems: [
			{ check: 'markup', file: 'codes/55.mdx', line: 29, message: '<script> is not allowed in content', fix: 'remove it' },
			{ check: 'markup', file: 'codes/55.mdx', line: 31, message: '<div onclick=…> runs script', fix: 'remove the event attribute' },
		],
	},
	{
		name: 'markup-unsafe-urls',
		patch: {
			'codes/55.mdx': { replace: [['见[怎么处理](#怎么处理)', '见[怎么处理](javascript:alert(1))'], ['click D href "/codes/75/"', 'click D href "data:text/html,x"']] },
			'codes/75.mdx': { replace: [['    url: https://www.npmjs.com/package/ut-codec', '    url: "javascript:alert(document.domain)"']] },
		},
		problems: [
			{ check: 'markup', file: 'codes/55.mdx', line: 27, message: 'link "javascript:alert(1)" is not an http(s) address', fix: 'javascript:, data: and other schemes are refused' },
			{ check: 'markup', file: 'codes/55.mdx', line: 46, message: 'flowchart link "data:text/html,x" is not an http(s) address', fix: 'link to a site path' },
			{ check: 'markup', file: 'codes/75.mdx', line: 19, message: 'source URL "javascript:alert(document.domain)" is not an http(s) address', fix: 'cite a web page' },
			{ check: 'schema', file: 'codes/75.mdx', line: 19, message: 'only http:// and https:// addresses may be cited', fix: 'correct the value' },
			// The unlinked code node is the flowcharts check's own finding.
			{ check: 'flowcharts', file: 'codes/55.mdx', line: 45, message: '75', fix: 'click D href "/codes/75/"' },
		],
	},
	// size
	{
		name: 'size-flowchart',
		patch: {
			'codes/55.mdx': {
				replace: [
					[
						'  click D href "/codes/75/"',
						'  click D href "/codes/75/"\n' + Array.from({ length: 12 }, (_, i) => `  C --> N${i}[第 ${i + 1} 步]`).join('\n'),
					],
				],
			},
		},
		problems: [{ check: 'size', file: 'codes/55.mdx', line: 42, message: 'the flowchart has 16 nodes', fix: 'split it' }],
	},
	{
		name: 'size-article',
		patch: { 'codes/55.mdx': { replace: [['持卡人输错了密码。', `持卡人输错了密码。${'很长的一段话。'.repeat(1700)}`]] } },
		problems: [{ check: 'size', file: 'codes/55.mdx', line: 1, message: 'the article is 36 KB', fix: 'split it by situation' }],
	},
	// freshness: real dates only
	{
		name: 'freshness-impossible-date',
		patch: { 'codes/75.mdx': { replace: [['reviewed: 2026-01-05', 'reviewed: 2026-02-30']] } },
		problems: [{ check: 'freshness', file: 'codes/75.mdx', line: 16, message: '`reviewed: 2026-02-30` is not a real date', fix: 'YYYY-MM-DD' }],
	},
	// customer-line in English
	{
		name: 'customer-line-en-discreet-and-pin',
		patch: {
			'codes/55.mdx': {
				replace: [
					["customerLineEn: \"Your PIN didn't go through. Please cover the keypad and enter it again, or try another card.\"", 'customerLineEn: "Please tell me your PIN and I will key it in for you."'],
				],
			},
			'codes/75.mdx': {
				replace: [
					['customerLineEn: "Too many PIN tries on this card today. Please contact your bank, and pay with another card for now."', 'customerLineEn: "Your card was reported stolen, so we have to keep it. Please call your bank."\ndiscreet: true'],
				],
			},
		},
		problems: [
			{ check: 'customer-line', file: 'codes/55.mdx', line: 12, message: 'the English line asks the customer for the PIN ("tell me"', fix: 'Please enter your PIN on the keypad' },
			{ check: 'customer-line', file: 'codes/75.mdx', line: 12, message: 'is discreet, but its English line says "stolen", "report"', fix: 'give no reason' },
		],
	},
	{
		name: 'customer-line-en-missing',
		patch: { 'codes/75.mdx': { replace: [['customerLineEn: "Too many PIN tries on this card today. Please contact your bank, and pay with another card for now."\n', '']] } },
		problems: [{ check: 'customer-line', file: 'codes/75.mdx', line: 11, message: 'code 75 has no customerLineEn', fix: 'add `customerLineEn:`' }],
	},
	// tasks (issue 14): the new kind is covered by schema, links, coverage, customer-line and flowcharts
	{
		name: 'task-clean',
		patch: { 'tasks/void.mdx': { write: TASK } },
		problems: [],
	},
	{
		name: 'task-schema',
		patch: { 'tasks/void.mdx': { write: TASK.replace('whoActs: [merchant]\n', 'whoActs: [merchant]\nmenu: 管理\n') } },
		problems: [{ check: 'schema', file: 'tasks/void.mdx', line: 11, message: 'unknown field `menu`', fix: 'remove it' }],
	},
	{
		name: 'task-links',
		patch: { 'tasks/void.mdx': { write: TASK.replace('## 怎么做\n', '## 怎么做\n\n过了结算改做[退货](/tasks/refund/)。\n') } },
		problems: [{ check: 'links', file: 'tasks/void.mdx', line: 20, message: 'no page /tasks/refund/', fix: 'link to a page that exists' }],
	},
	{
		name: 'task-coverage',
		patch: { 'tasks/void.mdx': { write: TASK }, 'tasks/cancel.mdx': { write: TASK } },
		problems: [
			{ check: 'coverage', file: 'tasks/cancel.mdx', line: 3, message: 'task void is also claimed by', fix: 'keep one article per task' },
			{ check: 'integrity', file: 'tasks/cancel.mdx', line: 3, message: '`task: void` but the file is named cancel.mdx', fix: 'rename the file' },
		],
	},
	{
		name: 'task-customer-line',
		patch: { 'tasks/void.mdx': { write: TASK.replace('customerLine: 这笔我给您撤销了，钱会原路退回您的卡，到账时间以银行为准。\n', '') } },
		problems: [{ check: 'customer-line', file: 'tasks/void.mdx', line: 1, message: 'task void has no customerLine', fix: 'add `customerLine:`' }],
	},
	{
		name: 'task-flowchart',
		patch: { 'tasks/void.mdx': { write: TASK.slice(0, TASK.indexOf('## 判断流程')) } },
		problems: [{ check: 'flowcharts', file: 'tasks/void.mdx', line: 16, message: 'this task article has no flowchart', fix: 'add a ```mermaid' }],
	},
	// coverage
	{
		// Deleting a code's article loses its page: the code is then neither written nor unassigned.
		name: 'coverage-missing-article',
		patch: { 'codes/75.mdx': { delete: true } },
		problems: [
			{ check: 'coverage', file: 'codes.yaml', line: 2, message: 'code 75 has no article and is not listed as unassigned', fix: 'never delete a code' },
			// Every link to the lost page breaks too: the related list, the text and the flowchart.
			{ check: 'links', file: 'codes/55.mdx', line: 15, message: 'related code 75 has no article', fix: 'remove "75" from related' },
			{ check: 'links', file: 'codes/55.mdx', line: 27, message: 'link /codes/75/: no page /codes/75/', fix: 'link to a page that exists' },
			{ check: 'links', file: 'codes/55.mdx', line: 46, message: 'flowchart link /codes/75/: no page /codes/75/', fix: 'link to a page that exists' },
			{ check: 'integrity', file: 'common.yaml', line: 2, message: 'lists code 75, which has no article', fix: 'remove "75"' },
		],
	},
	{
		name: 'coverage-unassigned-article',
		patch: { 'codes/86.mdx': { from: 'codes/75.mdx', replace: [['code: "75"', 'code: "86"'], ['title: 75 ', 'title: 86 '], ['A[终端显示 75]', 'A[终端显示 86]']] } },
		problems: [{ check: 'coverage', file: 'codes/86.mdx', line: 3, message: 'code 86 is listed as unassigned', fix: 'delete this article' }],
	},
	{
		name: 'coverage-acquirer-specific',
		patch: { 'codes/B0.mdx': { from: 'codes/75.mdx', replace: [['code: "75"', 'code: "B0"'], ['title: 75 ', 'title: B0 '], ['A[终端显示 75]', 'A[终端显示 B0]']] } },
		problems: [
			{ check: 'coverage', file: 'codes/B0.mdx', line: 3, message: 'code B0 is an excluded acquirer-specific code', fix: 'delete this article' },
			// B0 is also not a valid code, so the schema says so too.
			{ check: 'schema', file: 'codes/B0.mdx', line: 3, message: 'two digits or A0–A7', fix: 'correct the value' },
		],
	},
	{
		name: 'coverage-duplicate-code',
		patch: { 'codes/55-copy.mdx': { from: 'codes/55.mdx', replace: [['title: 55 密码错误', 'title: 55 密码错误（副本）']] } },
		problems: [
			{ check: 'coverage', file: 'codes/55-copy.mdx', line: 3, message: 'code 55 is also claimed by', fix: 'merge the two' },
			// Two files cannot both be named 55.mdx, so the copy also has the wrong name.
			{ check: 'integrity', file: 'codes/55-copy.mdx', line: 3, message: 'file is named 55-copy.mdx', fix: 'rename the file' },
		],
	},
	{
		name: 'coverage-deleted-code',
		patch: { 'codes.yaml': { replace: [['"37", "38", "39"', '"37", "39"']] } },
		problems: [{ check: 'coverage', file: 'codes.yaml', line: 2, message: 'code 38 has no article and is not listed as unassigned', fix: '`status: retired`' }],
	},
	{
		name: 'coverage-listed-twice',
		patch: { 'codes.yaml': { replace: [['    why: 这些字母码由各收单机构自行定义，本站暂不收录。\n', '    why: 这些字母码由各收单机构自行定义，本站暂不收录。\n  - codes: ["38"]\n    why: 这个码在本站暂不收录，原因见收单机构的说明。\n']] } },
		problems: [{ check: 'coverage', file: 'codes.yaml', line: 6, message: 'code 38 is listed again (first at line 2)', fix: 'list each code once' }],
	},
	// links
	{
		name: 'links-broken-page',
		patch: { 'codes/55.mdx': { replace: [['持卡人输错了密码。', '持卡人输错了密码，也可能是[刷卡提示](/symptoms/card-alert/)。']] } },
		problems: [{ check: 'links', file: 'codes/55.mdx', line: 27, message: 'no page /symptoms/card-alert/', fix: 'link to a page that exists' }],
	},
	{
		name: 'links-broken-anchor',
		patch: { 'codes/75.mdx': { replace: [['(/causes/keys/#怎么判断)', '(/causes/keys/#怎么处理)']] } },
		problems: [{ check: 'links', file: 'codes/75.mdx', line: 30, message: 'has no heading or id `怎么处理`', fix: '#怎么判断' }],
	},
	{
		name: 'links-flowchart-click',
		patch: {
			'codes/55.mdx': {
				replace: [['  click D href "/codes/75/"\n', '  B -->|不确定| E[看签到与密钥]\n  click D href "/codes/75/"\n  click E href "/causes/key/"\n']],
			},
		},
		problems: [{ check: 'links', file: 'codes/55.mdx', line: 48, message: 'flowchart link /causes/key/: no page', fix: 'link to a page that exists' }],
	},
	{
		name: 'links-related',
		patch: { 'codes/55.mdx': { replace: [['related: ["75"]', 'related: ["75", "56"]']] } },
		problems: [{ check: 'links', file: 'codes/55.mdx', line: 15, message: 'related code 56 is unassigned', fix: 'remove "56" from related' }],
	},
	{
		name: 'links-category',
		patch: { 'codes/75.mdx': { replace: [['categories: [keys]', 'categories: [keys, network]']] } },
		problems: [{ check: 'links', file: 'codes/75.mdx', line: 14, message: 'category network, which has no article', fix: 'causes/network.mdx' }],
	},
	// orphans
	{
		name: 'orphans-unbuilt-file',
		patch: { 'code/38.mdx': { from: 'codes/75.mdx', replace: [['code: "75"', 'code: "38"']] } },
		problems: [{ check: 'orphans', file: 'code/38.mdx', line: 1, message: 'never built', fix: 'move it to' }],
	},
	{
		name: 'orphans-unused-family',
		patch: { 'families/sign-in.mdx': { write: '这一类返回码都要求终端重新签到，下载新的工作密钥。\n' } },
		problems: [{ check: 'orphans', file: 'families/sign-in.mdx', line: 1, message: 'no code article has `family: sign-in`', fix: 'add `family: sign-in`' }],
	},
	// flowcharts
	{
		name: 'flowcharts-missing',
		patch: { 'causes/keys.mdx': { replace: [['\n## 判断流程\n\n```mermaid\nflowchart TD\n  A[多张卡报同一个码] --> B[重新签到]\n  B --> C{还报错?}\n  C -->|是| D[联系收单机构]\n  C -->|否| E[继续交易]\n```\n', '']] } },
		problems: [{ check: 'flowcharts', file: 'causes/keys.mdx', line: 12, message: 'has no flowchart', fix: 'add a ```mermaid' }],
	},
	{
		name: 'flowcharts-parse-error',
		patch: { 'codes/75.mdx': { replace: [['C[持卡人联系发卡行解锁]', 'C[持卡人(本人)联系发卡行解锁]']] } },
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 37, message: 'mermaid cannot parse the flowchart', fix: 'full-width （）' }],
	},
	{
		name: 'flowcharts-unsupported',
		patch: { 'codes/75.mdx': { replace: [[FLOW_75, `${FLOW_75}  style A fill:#fdd\n`]] } },
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 38, message: 'does not support `style` lines', fix: 'remove it' }],
	},
	{
		name: 'flowcharts-renderer-mismatch',
		patch: { 'codes/75.mdx': { replace: [['B --> C[持卡人联系发卡行解锁]', 'B --o C[持卡人联系发卡行解锁]']] } },
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 37, message: 'node C is in the diagram but the renderer would not draw it', fix: 'plain nodes and arrows' }],
	},
	{
		name: 'flowcharts-renderer-label',
		patch: { 'codes/75.mdx': { replace: [['  A[终端显示 75] --> B[请持卡人换卡付款]\n', '  A[终端显示 75] --> C\n  A --> B[请持卡人换卡付款]\n']] } },
		problems: [{ check: 'flowcharts', file: 'codes/75.mdx', line: 36, message: 'the renderer would label node C "C" instead of "持卡人联系发卡行解锁"', fix: 'give C its label the first time it appears' }],
	},
	{
		name: 'flowcharts-unlinked-code',
		patch: { 'codes/55.mdx': { replace: [['  click D href "/codes/75/"\n', '']] } },
		problems: [{ check: 'flowcharts', file: 'codes/55.mdx', line: 45, message: 'names code 75 but does not link to it', fix: 'click D href "/codes/75/"' }],
	},
	// normalization
	{
		name: 'normalization-url',
		patch: { 'codes/75.mdx': { replace: [['(/causes/keys/#怎么判断)。\n', '(/causes/keys/#怎么判断)。\n\n解锁方法可参考 https://www.example.com/pos-unlock 。\n']] } },
		problems: [{ check: 'normalization', file: 'codes/75.mdx', line: 32, message: 'https://www.example.com/pos-unlock is not on the citation allow-list', fix: 'citationDomains' }],
	},
	{
		// Probe V40: what the importer repairs in seed drafts is refused in a published article.
		name: 'normalization-seed-leftovers',
		patch: { 'codes/55.mdx': { replace: [['持卡人输错了密码。', '立刷POS机上持卡人非常近一段时间输错了密码，支付信息被办pos等。']] } },
		problems: [
			{ check: 'normalization', file: 'codes/55.mdx', line: 27, message: 'unrepaired text "非常近一段时间"', fix: 'contextual' },
			{ check: 'normalization', file: 'codes/55.mdx', line: 27, message: '"办pos" stands in for a filtered word', fix: 'rewrite the sentence' },
			{ check: 'normalization', file: 'codes/55.mdx', line: 27, message: 'names the POS brand "立刷"', fix: 'remove the brand' },
		],
	},
	{
		name: 'normalization-obfuscation',
		patch: { 'codes/75.mdx': { replace: [['1. 联系发卡行解锁密码，今天换卡付款。', '1. 联系发卡行解锁密码，今天换一张银行ka卡付款。']] } },
		problems: [{ check: 'normalization', file: 'codes/75.mdx', line: 27, message: 'obfuscated text "ka卡"', fix: 'write "卡"' }],
	},
	{
		name: 'normalization-promotion',
		patch: { 'codes/75.mdx': { replace: [['(/causes/keys/#怎么判断)。\n', '(/causes/keys/#怎么判断)。\n\n想换新机器，可以到拉卡拉官网申请。\n']] } },
		problems: [{ check: 'normalization', file: 'codes/75.mdx', line: 32, message: 'advertisement: brand "拉卡拉"', fix: 'remove the advertisement' }],
	},
	// freshness
	{
		name: 'freshness-future',
		patch: { 'codes/75.mdx': { replace: [['reviewed: 2026-01-05', 'reviewed: 2999-01-01']] } },
		problems: [{ check: 'freshness', file: 'codes/75.mdx', line: 16, message: '`reviewed: 2999-01-01` is in the future', fix: 'set it to the day you actually checked' }],
	},
	{
		name: 'freshness-missing',
		patch: { 'codes/75.mdx': { replace: [['reviewed: 2026-01-05\n', '']] } },
		problems: [{ check: 'freshness', file: 'codes/75.mdx', line: 1, message: 'no `reviewed` date', fix: 'add `reviewed:' }],
	},
	// customer-line
	{
		name: 'customer-line-missing',
		patch: { 'codes/75.mdx': { replace: [['customerLine: 密码输入次数已经到上限了，需要您联系银行处理，今天可以换一张卡或换一种方式付款。\n', '']] } },
		problems: [{ check: 'customer-line', file: 'codes/75.mdx', line: 1, message: 'code 75 has no customerLine', fix: 'add `customerLine:`' }],
	},
	{
		name: 'customer-line-symptom-missing',
		patch: { 'symptoms/card-swipe-alert.mdx': { write: symptom('') } },
		problems: [{ check: 'customer-line', file: 'symptoms/card-swipe-alert.mdx', line: 1, message: 'symptom card-swipe-alert has no customerLine', fix: 'add `customerLine:`' }],
	},
	{
		name: 'customer-line-discreet',
		patch: {
			'codes/75.mdx': {
				replace: [['customerLine: 密码输入次数已经到上限了，需要您联系银行处理，今天可以换一张卡或换一种方式付款。\n', 'customerLine: 这张卡已经被银行冻结了，请您联系银行处理，今天换一种方式付款。\ndiscreet: true\n']],
			},
		},
		problems: [{ check: 'customer-line', file: 'codes/75.mdx', line: 11, message: 'code 75 is discreet, but its customer line says "冻结"', fix: 'say nothing about the reason' }],
	},
	{
		name: 'customer-line-pin',
		patch: { 'codes/55.mdx': { replace: [['customerLine: 密码没有通过，请您遮挡一下再输一次；如果不确定密码，可以换一张卡。', 'customerLine: 密码没有通过，麻烦您把密码告诉我，我帮您再输一次。']] } },
		problems: [{ check: 'customer-line', file: 'codes/55.mdx', line: 11, message: 'asks the customer for the PIN ("告诉我"', fix: 'never says or writes it' }],
	},
	// integrity
	{
		name: 'integrity-draft',
		patch: { 'codes/75.mdx': { replace: [['reviewed: 2026-01-05\n', 'reviewed: 2026-01-05\ndraft: true\n']] } },
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 17, message: 'marked `draft: true`', fix: 'remove the flag, or move the file back to content/drafts/' }],
	},
	{
		name: 'integrity-kind-folder',
		patch: { 'causes/card-swipe-alert.mdx': { write: symptom('customerLine: 这笔暂时付不了，麻烦您换一种方式付款。\n') } },
		problems: [{ check: 'integrity', file: 'causes/card-swipe-alert.mdx', line: 2, message: '`kind: symptom` but the file is in causes/', fix: 'move the file to symptoms/' }],
	},
	{
		name: 'integrity-file-name',
		patch: { 'codes/55.mdx': { delete: true }, 'codes/pin.mdx': { from: 'codes/55.mdx', replace: [['title: 55 密码错误', 'title: 55 密码错误（PIN）']] } },
		problems: [{ check: 'integrity', file: 'codes/pin.mdx', line: 3, message: 'the file is named pin.mdx', fix: 'rename the file to codes/55.mdx' }],
	},
	{
		name: 'integrity-family-none',
		patch: { 'codes/75.mdx': { replace: [["import { RoleSteps } from '~/components.ts';\n", "import { RoleSteps, Family } from '~/components.ts';\n\n<Family />\n"]] } },
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 24, message: 'code 75 has no `family:` in its frontmatter', fix: 'add `family:`' }],
	},
	{
		name: 'integrity-family-text-missing',
		patch: {
			'codes/75.mdx': {
				replace: [
					['pin: true\n', 'pin: true\nfamily: pin-limit\n'],
					["import { RoleSteps } from '~/components.ts';\n", "import { RoleSteps, Family } from '~/components.ts';\n\n<Family />\n"],
				],
			},
		},
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 14, message: 'families/pin-limit.mdx does not exist', fix: 'families/pin-limit.mdx' }],
	},
	{
		name: 'integrity-common-codes',
		patch: { 'common.yaml': { replace: [['codes: ["55", "75"]', 'codes: ["55", "75", "99"]']] } },
		problems: [{ check: 'integrity', file: 'common.yaml', line: 2, message: 'lists code 99, which has no article', fix: 'remove "99"' }],
	},
	{
		name: 'integrity-money-warning',
		patch: { 'codes/75.mdx': { replace: [['pin: true\n', 'pin: true\nmoneyAtRisk: true\n']] } },
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 23, message: 'moneyAtRisk, but the article has no <Warning>', fix: 'add a <Warning' }],
	},
	{
		name: 'integrity-unimported-component',
		patch: { 'codes/75.mdx': { replace: [['</RoleSteps>\n', '</RoleSteps>\n\n<Warning>不要让持卡人继续试密码。</Warning>\n']] } },
		problems: [{ check: 'integrity', file: 'codes/75.mdx', line: 30, message: '<Warning> is used but not imported', fix: 'add Warning to the import line' }],
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
	{
		name: 'built-markdown',
		// Raw ** in page text is found; the same characters inside a <script> are not page text.
		problems: [{ check: 'built-markdown', file: 'test/validate/fixtures/built-markdown/site/codes/75/index.html', line: 8, message: '/codes/75/ shows `**` as text', fix: 'bold after full-width punctuation' }],
	},
];
