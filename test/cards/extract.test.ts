/**
 * Card text comes out of the article's MDX (issue 6): role steps and warnings read from
 * `<RoleSteps>` and `<Warning>` in the outline the site's MDX compiler gives (issue 12),
 * Markdown stripped, steps cut to their first sentence.
 */
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_WARNING_TITLE,
	cardFlowchartSource,
	cardOutline,
	firstSentence,
	flowchartOf,
	roleStepsFromMdx,
	roleStepsOf,
	sentences,
	shortenStep,
	stripMarkdown,
	usesFamily,
	warningsFromMdx,
	warningsOf,
} from '../../src/lib/cards/extract.ts';
import { outline } from '../../src/lib/content/outline.ts';

describe('stripMarkdown', () => {
	it('keeps link text and drops the target', () => {
		expect(stripMarkdown('看 [68 的处理](/codes/68/) 和 [A0](/codes/A0/)。')).toBe('看 68 的处理 和 A0。');
	});
	it('drops emphasis, code marks and inline components but keeps their text', () => {
		expect(stripMarkdown('请确认是**银行卡的交易密码**，不是`手机银行`密码。')).toBe('请确认是银行卡的交易密码，不是手机银行密码。');
		expect(stripMarkdown('<Inference>可能是终端参数异常</Inference>，请联系收单机构。')).toBe('可能是终端参数异常，请联系收单机构。');
		expect(stripMarkdown('重新签到<br />再试')).toBe('重新签到再试');
	});
	it('joins lines without leaving a space between Chinese characters, but keeps spaces around Latin', () => {
		expect(stripMarkdown('先签到，\n再结算。')).toBe('先签到，再结算。');
		expect(stripMarkdown('多张卡都报 55：\n停止重试')).toBe('多张卡都报 55：停止重试');
	});
	it('drops spaces next to full-width punctuation left by emphasis marks', () => {
		expect(stripMarkdown('**防拆报警：** 马上停用这台终端 ，不要开关机')).toBe('防拆报警：马上停用这台终端，不要开关机');
	});
	it('decodes the entities authors use', () => {
		expect(stripMarkdown('A &amp; B &lt;C&gt;')).toBe('A & B <C>');
	});
});

describe('sentences and shortenStep', () => {
	it('splits at 。！？ but not inside quotes or brackets', () => {
		expect(sentences('告诉持卡人“密码没有通过。”请他重输。再试一次！')).toEqual(['告诉持卡人“密码没有通过。”请他重输。', '再试一次！']);
		expect(sentences('按（终端说明。）操作。然后结算')).toEqual(['按（终端说明。）操作。', '然后结算']);
	});
	it('keeps a closing quote after the end mark with its sentence', () => {
		expect(sentences('他说“好了。”然后走了。')).toEqual(['他说“好了。”然后走了。']);
		expect(sentences('提示“重新签到。”')).toEqual(['提示“重新签到。”']);
	});
	it('treats Latin sentence ends followed by a space as ends, not decimals or versions', () => {
		expect(sentences('Use v1.2 now. Then stop.')).toEqual(['Use v1.2 now.', 'Then stop.']);
	});
	it('returns text without an end mark whole', () => {
		expect(firstSentence('先签到再结算')).toBe('先签到再结算');
		expect(firstSentence('')).toBe('');
	});
	it('keeps only the first sentence of a step, stripped', () => {
		expect(shortenStep('在终端上重新签到，让终端下载新的工作密钥。然后用一张**确定密码正确**的卡做一笔小额测试。')).toBe(
			'在终端上重新签到，让终端下载新的工作密钥。',
		);
	});
	it('adds the next sentence when the first is only a lead-in', () => {
		expect(shortenStep('情况一：看终端的提示。提示 79，先上送脱机交易，再结算。处理完只重做一次结算。')).toBe(
			'情况一：看终端的提示。提示 79，先上送脱机交易，再结算。',
		);
		expect(shortenStep('情况二：先看时间。选的是 T+1 吗？遇到节假日了吗？')).toBe('情况二：先看时间。选的是 T+1 吗？');
	});
});

describe('roleStepsFromMdx', () => {
	const mdx = `import { RoleSteps } from '~/components.ts';

## 怎么处理

<RoleSteps role="merchant">
1. 告诉持卡人“密码没有通过”，请他自己遮挡着重新输入一次。
2. 请持卡人确认用的是**银行卡的交易密码**，
   不是手机银行的密码。
3. 仍然报错：记下这几样：
   - 终端号、商户号；
   - 时间。
</RoleSteps>

<RoleSteps role='technician'>
1. 在终端上重新签到。再测试。
</RoleSteps>

\`\`\`mdx
<RoleSteps role="issuer">
1. 这是代码示例，不是步骤。
</RoleSteps>
\`\`\`
`;
	it('reads every block with its role, in order, and folds continuation lines into the step', () => {
		expect(roleStepsFromMdx(mdx)).toEqual([
			{
				role: 'merchant',
				steps: [
					'告诉持卡人“密码没有通过”，请他自己遮挡着重新输入一次。',
					'请持卡人确认用的是银行卡的交易密码，不是手机银行的密码。',
					'仍然报错：记下这几样：终端号、商户号；时间。',
				],
			},
			{ role: 'technician', steps: ['在终端上重新签到。再测试。'] },
		]);
	});
	it('names the line of a block without a valid role', () => {
		expect(() => roleStepsFromMdx('\n\n<RoleSteps role="boss">\n1. x\n</RoleSteps>')).toThrow(/line 3: <RoleSteps> needs role=/);
		// An unclosed block is a compiler error, named with its line and column.
		expect(() => roleStepsFromMdx('<RoleSteps role="merchant">\n1. x\n')).toThrow(/^line 1:1: Expected a closing tag for `<RoleSteps>`/);
	});
	it('takes the steps from the first ordered list only; the rest is left for the author check', () => {
		const o = outline('<RoleSteps role="merchant">\nintro\n\n1. a\n   more\n2. b\n\n- not a step\n\n3. c\n</RoleSteps>\n');
		expect(roleStepsOf(o)).toEqual([{ role: 'merchant', steps: ['a more', 'b'] }]);
		expect(o.roleSteps[0]!.stray.map((s) => s.type)).toEqual(['paragraph', 'list', 'second ordered list']);
	});
	it('reads the same outline the validator reads: one parse serves every extractor', () => {
		const o = cardOutline(mdx);
		expect(roleStepsOf(o)).toEqual(roleStepsFromMdx(mdx));
		expect(warningsOf(o)).toEqual([]);
		expect(flowchartOf(o)).toBeUndefined();
		expect(o.roleSteps.map((b) => b.line)).toEqual([5, 14]);
	});
});

describe('warningsFromMdx', () => {
	it('reads the title (or the default) and the body as text', () => {
		const mdx = `<Warning title="先查询是否扣款，再决定要不要重刷">
这几个码之后直接再刷一次，最容易出现**同一笔钱扣两次**。一定先看签购单。
</Warning>

<Warning>
不要把卡交给第三人。
</Warning>`;
		expect(warningsFromMdx(mdx)).toEqual([
			{ title: '先查询是否扣款，再决定要不要重刷', text: '这几个码之后直接再刷一次，最容易出现同一笔钱扣两次。一定先看签购单。' },
			{ title: DEFAULT_WARNING_TITLE, text: '不要把卡交给第三人。' },
		]);
	});
	it('knows when the body places the family text', () => {
		expect(usesFamily('text\n\n<Family />\n')).toBe(true);
		expect(usesFamily('no family here')).toBe(false);
	});
});

describe('cardFlowchartSource', () => {
	it('takes the first mermaid flowchart', () => {
		const mdx = '## 判断流程\n\n```mermaid\nflowchart TD\n  A --> B\n```\n\n```mermaid\nflowchart LR\n  C --> D\n```\n';
		expect(cardFlowchartSource(mdx)).toBe('flowchart TD\n  A --> B');
		expect(cardFlowchartSource('no diagram')).toBeUndefined();
	});
});
