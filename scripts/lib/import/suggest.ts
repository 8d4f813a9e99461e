/**
 * Suggests the frontmatter an editor will most likely want — kind, code or symptom,
 * cause categories — each with the input line that suggested it. These are hints for
 * a person, so they favour being explainable over being clever: keyword patterns, the
 * title counting more than the body.
 */
import type { ArticleKind, CategorySlug, Flag, SourceLine, Suggestion, SymptomSlug } from './types.ts';
import { CODE_PATTERN } from '../../../src/schemas/common.ts';

/** "错误代码55", "显示52", "返回码:A0" — but not "显示10秒". */
const CODE_RE = new RegExp(
	`(?:错误代码|错误码|故障码|返回码|响应码|应答码|代码|显示|提示|报错)[\\s:：“"「]*(?:为|是)?[\\s:：“"「]*(${CODE_PATTERN})(?![0-9A-Za-z])(?!\\s*(?:秒|分钟|分|元|次|天|小时|%|％|个|位|年|月|日|号|笔|张|台))`,
	'gu',
);

const SYMPTOMS: Record<SymptomSlug, RegExp> = {
	'settlement-failure': /结算失败|结算不成功|结算未成功|结算异常|对账不平/u,
	'merchant-status-abnormal': /商户状态异常|商户状态不正常|商户被冻结|商户冻结|商户号异常|商户异常/u,
	'card-swipe-alert': /报警|机器受攻击|终端受攻击|设备受攻击|tampered/iu,
};

/** Words that point to a cause category. Broad words (风险, 连接, 刷卡) are left out on purpose. */
const CATEGORIES: Record<CategorySlug, RegExp> = {
	hardware: /硬件|打印机|显示屏|屏幕|键盘|主板|电路板|传感器|读卡器|磁头|卡槽|电池|存储设备|外部设备|外设|终端故障/u,
	software: /软件|程序|版本|bug|漏洞|固件|系统升级|崩溃|兼容/iu,
	network: /网络|通信|通讯|信号|断网|联网|掉线|数据传输/u,
	keys: /密钥|签到|主密钥|工作密钥|MAC校验|PIN密钥/iu,
	card: /银行卡|信用卡|借记卡|卡号|卡片|芯片卡|磁条|有效期|余额不足/u,
	'merchant-account': /商户状态|商户号|商户账户|账户异常|账户被冻结|账户冻结|结算账户|银行账户/u,
	channel: /支付渠道|支付通道|支付网关|收单|第三方支付|支付平台|支付机构|支付接口/u,
	'transaction-data': /交易数据|交易信息|交易金额|金额不正确|金额错误|交易记录|对账|数据同步|交易状态/u,
	operator: /操作失误|操作不当|操作错误|输入错误|人为|培训|操作员|收银员/u,
	risk: /风控|风险控制|欺诈|盗刷|可疑交易|受攻击|非法交易|套现/u,
	environment: /电磁干扰|静电|天气|雷电|暴雨|温度|湿度|电源|电力|供电|环境干扰|自然灾害/u,
};

const MAX_CATEGORIES = 6;

export interface SuggestResult {
	kind?: ArticleKind;
	code?: string;
	symptom?: SymptomSlug;
	/** For kind: cause, the category the article is about. */
	category?: CategorySlug;
	categories: CategorySlug[];
	evidence: Suggestion[];
	flags: Flag[];
}

interface Hit {
	count: number;
	first: SourceLine;
	inTitle: boolean;
}

function evidenceOf(l: SourceLine): string {
	const chars = [...l.text];
	return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : l.text;
}

function tally<K extends string>(all: SourceLine[], title: SourceLine, find: (text: string) => K[]): Map<K, Hit> {
	const hits = new Map<K, Hit>();
	for (const l of all) {
		for (const key of new Set(find(l.text))) {
			const hit = hits.get(key);
			if (hit) hit.count++;
			else hits.set(key, { count: 1, first: l, inTitle: l === title });
		}
	}
	return hits;
}

/** Most lines first; the title wins ties because it states what the article is about. */
function best<K extends string>(hits: Map<K, Hit>, onlyTitle: boolean): [K, Hit] | undefined {
	return [...hits.entries()]
		.filter(([, h]) => !onlyTitle || h.inTitle)
		.sort((a, b) => Number(b[1].inTitle) - Number(a[1].inTitle) || b[1].count - a[1].count)[0];
}

export function suggest(title: SourceLine, kept: SourceLine[]): SuggestResult {
	const all = [title, ...kept];
	const codes = tally(all, title, (t) => [...t.matchAll(CODE_RE)].map((m) => m[1]!));
	const symptoms = tally(all, title, (t) => (Object.keys(SYMPTOMS) as SymptomSlug[]).filter((s) => SYMPTOMS[s]!.test(t)));
	const categories = tally(all, title, (t) => (Object.keys(CATEGORIES) as CategorySlug[]).filter((c) => CATEGORIES[c]!.test(t)));

	const result: SuggestResult = { categories: [], evidence: [], flags: [] };
	const note = (field: Suggestion['field'], value: string, l: SourceLine) =>
		result.evidence.push({ field, value, line: l.line, evidence: evidenceOf(l) });

	const titleCode = best(codes, true);
	const titleSymptom = best(symptoms, true);
	const bodyCode = best(codes, false);
	const bodySymptom = best(symptoms, false);
	// Without a title hit, the body must mention it on at least two lines to count.
	const frequent = <K extends string>(h: [K, Hit] | undefined) => (h && h[1].count >= 2 ? h : undefined);
	// A code in the title decides; then a symptom in the title; then whichever the body names more often.
	let code = titleCode;
	let symptom = code ? undefined : titleSymptom;
	if (!code && !symptom) {
		const c = frequent(bodyCode);
		const s = frequent(bodySymptom);
		if (c && (!s || c[1].count >= s[1].count)) code = c;
		else symptom = s;
	}

	if (code) {
		result.kind = 'code';
		result.code = code[0];
		note('kind', 'code', code[1].first);
		note('code', code[0], code[1].first);
		for (const [other, hit] of codes) {
			if (other !== code[0]) {
				result.flags.push({ line: hit.first.line, rule: 'kind', message: `also mentions code ${other} (${hit.count} line(s))`, text: evidenceOf(hit.first) });
			}
		}
	} else if (symptom) {
		result.kind = 'symptom';
		result.symptom = symptom[0];
		note('kind', 'symptom', symptom[1].first);
		note('symptom', symptom[0], symptom[1].first);
	} else {
		const titleCategory = best(categories, true);
		if (titleCategory) {
			result.kind = 'cause';
			result.category = titleCategory[0];
			note('kind', 'cause', titleCategory[1].first);
			note('category', titleCategory[0], titleCategory[1].first);
		} else {
			result.flags.push({ line: title.line, rule: 'kind', message: 'no response code, symptom or cause found; choose the kind by hand', text: title.text });
		}
	}

	const ranked = [...categories.entries()].filter(([, h]) => h.count >= 2).sort((a, b) => b[1].count - a[1].count);
	for (const [slug, hit] of ranked.slice(0, MAX_CATEGORIES)) {
		result.categories.push(slug);
		note('categories', slug, hit.first);
	}
	return result;
}
