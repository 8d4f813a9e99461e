/**
 * Issue 12, item 2: adding a code, a symptom, a cause or a task is one new file under
 * `content/` (plus, for a code, taking its number out of `codes.yaml` `unassigned`).
 * Nothing under `src/` changes. The fixture is the validator's base plus exactly those
 * files: it must validate clean, and the site's loader must read every new article.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../scripts/lib/validate/run.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { materialize, type Patch } from './patch.ts';

const SOURCES = `sources:
  - title: ISO 8583:1987 应答码表
    url: https://www.npmjs.com/package/ut-codec
    note: 38 = Allowable PIN tries exceeded
`;

const ADD_ARTICLES: Patch = {
	'codes.yaml': { replace: [['"37", "38", "39"', '"37", "39"']] },
	'codes/38.mdx': {
		write: `---
kind: code
code: "38"
title: 38 密码错误次数超限
description: 返回码 38 表示这张卡的密码输错次数已超过允许次数，请持卡人联系发卡行。
meaning: 超过允许的PIN试输入
display: [密码错误次数超限]
handlingClass: C
whoActs: [cardholder, issuer]
firstAction: 不要再让持卡人试密码：请持卡人联系发卡行，今天换卡付款。
customerLine: 密码输入次数已经到上限了，需要您联系银行处理，今天可以换一张卡付款。
customerLineEn: "Sorry, that did not go through. Could you try another card or another way to pay?"
pin: true
categories: [keys]
related: ["55", "75"]
reviewed: 2026-01-05
${SOURCES}---
import { RoleSteps } from '~/components.ts';

## 怎么处理

<RoleSteps role="cardholder">
1. 联系发卡行处理密码，今天换卡付款。
</RoleSteps>

## 判断流程

\`\`\`mermaid
flowchart TD
  A[终端显示 38] --> B[请持卡人换卡付款]
  B --> C[持卡人联系发卡行]
\`\`\`
`,
	},
	'symptoms/no-dial-tone.mdx': {
		write: `---
kind: symptom
symptom: no-dial-tone
title: 终端连不上网络
description: 终端提示通讯失败或连接超时，交易没有发出去。
meaning: 终端和收单机构之间的网络不通，交易没有送到。
firstAction: 先看终端的网络指示，再重新签到一次。
customerLine: 机器网络有点问题，请您稍等一下，或者换一种方式付款。
customerLineEn: "Sorry, that did not go through. Could you try another card or another way to pay?"
whoActs: [merchant, technician]
categories: [network]
reviewed: 2026-01-05
sources:
  - title: 受理终端操作说明
---
import { RoleSteps } from '~/components.ts';

## 怎么处理

<RoleSteps role="merchant">
1. 看终端的网络指示，重新签到一次。
</RoleSteps>

## 判断流程

\`\`\`mermaid
flowchart TD
  A[终端提示通讯失败] --> B[重新签到]
  B --> C[联系维修人员]
\`\`\`
`,
	},
	'causes/network.mdx': {
		write: `---
kind: cause
category: network
order: 20
shortTitle: 网络与通讯
title: 网络与通讯问题
description: 终端连不上收单机构时，先看网络，再重新签到。
reviewed: 2026-01-05
sources:
  - title: 受理终端操作说明
---
## 怎么判断

终端提示通讯失败时，先看网络。

## 判断流程

\`\`\`mermaid
flowchart TD
  A[终端提示通讯失败] --> B[检查网络]
  B --> C[重新签到]
\`\`\`
`,
	},
	'tasks/settlement.mdx': {
		write: `---
kind: task
task: settlement
title: 结算
description: 每天收款结束时做一次结算，让当天的交易入账。
meaning: 结算把终端当天的交易和收单机构对一次账。
firstAction: 在终端菜单里选“结算”，等打印出结算单。
customerLine: 请稍等，终端在做结算，马上就好。
customerLineEn: "Sorry, that did not go through. Could you try another card or another way to pay?"
whoActs: [merchant]
categories: [keys]
reviewed: 2026-01-05
sources:
  - title: 受理终端操作说明
---
import { RoleSteps } from '~/components.ts';

## 怎么做

<RoleSteps role="merchant">
1. 在终端菜单里选“结算”，等打印出结算单。
</RoleSteps>

## 判断流程

\`\`\`mermaid
flowchart TD
  A[选结算] --> B{打印出结算单?}
  B -->|是| C[收好结算单]
  B -->|否| D[联系收单机构]
\`\`\`
`,
	},
};

const fixture = materialize(ADD_ARTICLES);
afterAll(() => fixture.remove());

describe('adding one article of each kind', { timeout: 60_000 }, () => {
	it('is one new file each (plus the unassigned line for a code), and nothing else', () => {
		expect(Object.keys(ADD_ARTICLES).sort()).toEqual(['causes/network.mdx', 'codes.yaml', 'codes/38.mdx', 'symptoms/no-dial-tone.mdx', 'tasks/settlement.mdx']);
	});

	it('validates clean', async () => {
		const result = await validate({ root: fixture.root, today: '2026-06-01' });
		expect(result.problems).toEqual([]);
		expect(result.files).toBe(8);
	});

	it('is read by the site’s loader, each in its list', () => {
		const content = loadContent(fixture.root, { fresh: true });
		expect(content.codes.map((c) => c.code)).toEqual(['38', '55', '75']);
		expect(content.symptoms.map((s) => s.symptom)).toEqual(['no-dial-tone']);
		expect(content.tasks.map((t) => t.task)).toEqual(['settlement']);
		expect(content.causes.map((c) => c.category)).toEqual(['keys', 'network']);
		expect(content.codeIndex.unassigned).not.toContain('38');
	});
});
