/**
 * Synthetic code articles for the build-scaling figures: realistic in size and shape,
 * deterministic (seeded), and never written into the repository.
 *
 * Each article looks like a real one: frontmatter with sources, a "为什么会出现" list,
 * `<RoleSteps>` for three roles, a `<Warning>`, an `<Inference>`, and one 11-node decision
 * flowchart with two `click` links to other codes — about 900 Chinese characters (2.5–3 KB
 * of UTF-8 text). Each gets a registry entry with every field a real code has. Synthetic
 * codes are four digits ("1000", "1001" …), which no real table uses; the bench relaxes
 * `codeSchema` in its temporary copy of the project to accept them.
 */

/** Small, fast, seeded PRNG (mulberry32), so two runs build the same content. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pickN = <T>(r: () => number, xs: readonly T[], n: number): T[] => {
	const copy = [...xs];
	const out: T[] = [];
	while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]!);
	return out;
};

const SUBJECTS = ['持卡人', '收银员', '终端', '收单机构', '发卡行', '密码键盘', '打印机', '通讯模块', '商户', '维护人员', '交换中心', '签购单'];
const OBJECTS = ['交易密码', '工作密钥', '终端参数', '商户编号', '批次号', '流水号', '网络连接', '读卡器', '磁条', '芯片', '余额', '有效期', '签到状态', '结算数据', '通讯线路', '电源适配器'];
const VERBS = ['检查', '确认', '核对', '重新下载', '更新', '记录', '重启', '联系', '查询', '清理', '更换', '重新插好'];
const CAUSES = [
	'终端与收单机构之间的通讯不稳定，报文在途中丢失或超时',
	'持卡人使用的卡片状态异常，发卡行没有批准这笔交易',
	'终端参数下载不完整，部分字段和收单系统对不上',
	'密钥没有及时更新，报文校验没有通过',
	'收银员操作顺序不对，例如没有先签到就开始收款',
	'商户在收单机构的登记信息有变化，终端还在用旧的设置',
	'交易金额超过了这张卡或这台终端允许的限额',
	'读卡时卡片接触不良，读到的数据不完整',
	'交换中心临时维护，部分交易无法转发到发卡行',
	'终端软件版本过旧，和新的报文规范不兼容',
	'同一笔交易被重复提交，系统判定为重复交易',
	'营业时间外做了需要人工审核的交易类型',
];
const ADVICE = [
	'先不要反复重刷，避免产生重复扣款',
	'请持卡人留意银行发来的扣款短信',
	'把终端号、时间和参考号记下来，方便收单机构查询',
	'如果同一时间多张卡都出现这个提示，问题多半在终端一侧',
	'换一张卡或换一种付款方式通常可以马上完成收款',
	'结算前核对一遍当天的交易笔数和金额',
	'必要时重新签到，让终端拿到最新的参数和密钥',
	'遇到不确定的情况，先打印一张查询单再决定下一步',
	'不要把密码写在小票或纸条上，也不要替持卡人输入',
	'维护人员上门前，先拍下屏幕上的完整提示',
];
const MEANINGS = ['交易受限', '报文校验失败', '通讯超时', '参数不一致', '卡片状态异常', '超出限额', '重复交易', '终端未登记', '密钥失效', '暂停服务', '读卡失败', '批次不符'];
const DISPLAYS = ['交易失败，请重试', '请联系收单机构', '通讯失败', '交易超时', '请换卡', '请重新签到', '系统繁忙', '交易拒绝', '请核对金额', '卡片无效'];
const CATEGORIES = ['hardware', 'software', 'network', 'keys', 'card', 'merchant-account', 'channel', 'transaction-data', 'operator', 'risk', 'environment'] as const;
const ROLES = ['cardholder', 'merchant', 'acquirer', 'issuer', 'technician'] as const;

function sentence(r: () => number, code: string): string {
	switch (Math.floor(r() * 4)) {
		case 0:
			return `${pick(r, SUBJECTS)}需要${pick(r, VERBS)}${pick(r, OBJECTS)}，${pick(r, ADVICE)}。`;
		case 1:
			return `出现 ${code} 时，常见的情况是${pick(r, CAUSES)}。`;
		case 2:
			return `${pick(r, ADVICE)}；如果${pick(r, SUBJECTS)}已经${pick(r, VERBS)}过${pick(r, OBJECTS)}，再看下一步。`;
		default:
			return `${pick(r, CAUSES)}，这时${pick(r, SUBJECTS)}应当先${pick(r, VERBS)}${pick(r, OBJECTS)}。`;
	}
}

const paragraph = (r: () => number, code: string, n: number) => Array.from({ length: n }, () => sentence(r, code)).join('');

export interface SyntheticEntry {
	code: string;
	meaning: string;
	display: string[];
	class: 'A' | 'B' | 'C' | 'D' | 'E';
	whoActs: string[];
	firstAction: string;
	customerLine: string;
	categories: string[];
	related: string[];
}

export function syntheticCodes(count: number, first = 1000): string[] {
	return Array.from({ length: count }, (_, i) => String(first + i));
}

export function syntheticEntry(code: string, all: readonly string[], seed: number): SyntheticEntry {
	const r = rng(seed);
	const meaning = `${pick(r, MEANINGS)}（${code}）`;
	return {
		code,
		meaning,
		display: pickN(r, DISPLAYS, 1 + Math.floor(r() * 2)),
		class: pick(r, ['B', 'C', 'D', 'E'] as const),
		whoActs: pickN(r, ROLES, 1 + Math.floor(r() * 2)),
		firstAction: `先${pick(r, VERBS)}${pick(r, OBJECTS)}，再请持卡人重试一次；仍出现 ${code} 就联系收单机构。`,
		customerLine: '不好意思，这笔暂时没有成功，麻烦您稍等一下，或者换一种方式付款。',
		categories: pickN(r, CATEGORIES, 1 + Math.floor(r() * 2)),
		related: pickN(r, all.filter((c) => c !== code), 3),
	};
}

export function syntheticArticle(e: SyntheticEntry, seed: number): string {
	const r = rng(seed * 7919 + 17);
	const [l1, l2] = e.related;
	const reasons = Array.from({ length: 5 }, () => `- **${pick(r, CAUSES)}。** ${paragraph(r, e.code, 1)}`).join('\n');
	const steps = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. ${paragraph(r, e.code, 1)}`).join('\n');
	const q = () => `${pick(r, SUBJECTS)}是否已${pick(r, VERBS)}${pick(r, OBJECTS)}?`;
	const act = () => `${pick(r, VERBS)}${pick(r, OBJECTS)}`;
	return `---
kind: code
code: "${e.code}"
title: ${e.code} ${e.meaning}
description: 返回码 ${e.code} 表示${e.meaning}；${pick(r, ADVICE)}。
reviewed: 2026-11-01
alsoShownAs: [${e.display.join(', ')}, 错误码${e.code}]
sources:
  - title: 合成测试数据（bench）
    note: ${e.code} 是 npm run bench 生成的合成返回码
---
import { RoleSteps, Warning, Inference } from '~/components.ts';

${paragraph(r, e.code, 2)}

## 为什么会出现

${reasons}

<Inference>${paragraph(r, e.code, 1)}</Inference>

## 怎么处理

<RoleSteps role="merchant">
${steps(4)}
</RoleSteps>

<RoleSteps role="cardholder">
${steps(2)}
</RoleSteps>

<RoleSteps role="technician">
${steps(3)}
</RoleSteps>

<Warning title="${pick(r, ADVICE)}">
${paragraph(r, e.code, 2)}
</Warning>

## 判断流程

\`\`\`mermaid
flowchart TD
  A[终端显示 ${e.code} ${e.display[0]}] --> B{${q()}}
  B -->|是| C[${act()}]
  B -->|否| D[${act()}]
  C --> E{${q()}}
  E -->|是| F[改查 ${l1}]
  E -->|否| G[${act()}]
  D --> H{${q()}}
  H -->|是| I[改查 ${l2}]
  H -->|否| J[${act()}]
  G --> K[联系收单机构]
  J --> K
  click F href "/codes/${l1}/"
  click I href "/codes/${l2}/"
\`\`\`

${paragraph(r, e.code, 2)}
`;
}

/** `content/registry.ts` for the temporary project: the real registry plus the synthetic codes. */
export function registryModule(entries: SyntheticEntry[]): string {
	return `// Generated by scripts/lib/bench/synthetic.ts: the real registry plus ${entries.length} synthetic codes.
import { registry as real } from './registry.real.ts';
const synthetic = ${JSON.stringify(entries)};
export const registry = { ...real, codes: [...real.codes, ...synthetic] };
`;
}
