/**
 * The search query set (issue 5.5): what cashiers and support staff type, and the pages
 * that must appear in the top 3 results. `search.test.ts` types each query into the home
 * page's box in real Chromium and reports hit@1 and hit@3.
 *
 * - `expect`: every listed page must be in the top 3 (hit@3); hit@1 if the first result
 *   is one of them.
 * - `any: true`: for a display text several codes share ("交易失败"), one of them in
 *   the top 3 is a hit.
 * - `enter`: pressing Enter must open this page (code queries).
 *
 * URLs are compared case-insensitively and without `#…`.
 */
export type QueryKind = 'code' | 'unknown-code' | 'display' | 'symptom' | 'cause';

export interface SearchCase {
	q: string;
	kind: QueryKind;
	expect: string[];
	any?: true;
	enter?: string;
}

export const searchCases: SearchCase[] = [
	// Codes, as typed at the counter (every example in the issue).
	{ q: '55', kind: 'code', expect: ['/codes/55/'], enter: '/codes/55/' },
	{ q: '055', kind: 'code', expect: ['/codes/55/'], enter: '/codes/55/' },
	{ q: 'a0', kind: 'code', expect: ['/codes/A0/'], enter: '/codes/A0/' },
	{ q: 'A0', kind: 'code', expect: ['/codes/A0/'], enter: '/codes/A0/' },
	{ q: '错误码55', kind: 'code', expect: ['/codes/55/'], enter: '/codes/55/' },
	{ q: '代码 55', kind: 'code', expect: ['/codes/55/'], enter: '/codes/55/' },
	{ q: 'pos机显示55', kind: 'code', expect: ['/codes/55/'], enter: '/codes/55/' },
	{ q: '51', kind: 'code', expect: ['/codes/51/'], enter: '/codes/51/' },
	{ q: '05', kind: 'code', expect: ['/codes/05/'], enter: '/codes/05/' },
	{ q: 'POS机显示68是什么意思', kind: 'code', expect: ['/codes/68/'], enter: '/codes/68/' },
	{ q: 'a7', kind: 'code', expect: ['/codes/A7/'], enter: '/codes/A7/' },
	{ q: '96', kind: 'code', expect: ['/codes/96/'] },
	// Codes that are not in the registry get an answer, not an empty list: an unassigned
	// number its own page, any other code the non-standard code page (issue 14, item 3).
	{ q: '08', kind: 'unknown-code', expect: ['/codes/unassigned/'], enter: '/codes/unassigned/' },
	{ q: 'B1', kind: 'unknown-code', expect: ['/symptoms/nonstandard-code/'], enter: '/symptoms/nonstandard-code/' },
	{ q: 'A9', kind: 'unknown-code', expect: ['/symptoms/nonstandard-code/'] },
	{ q: 'ER012', kind: 'unknown-code', expect: ['/symptoms/nonstandard-code/'], enter: '/symptoms/nonstandard-code/' },

	// Display texts, as the terminal shows them.
	{ q: '密码错', kind: 'display', expect: ['/codes/55/'] },
	{ q: '余额不足', kind: 'display', expect: ['/codes/51/'] },
	{ q: '请重新签到', kind: 'display', expect: ['/codes/77/'] },
	{ q: 'MAC校验错', kind: 'display', expect: ['/codes/A0/'] },
	{ q: '交易超时', kind: 'display', expect: ['/codes/68/', '/codes/98/'] },
	{ q: '密码错误次数超限', kind: 'display', expect: ['/codes/75/', '/codes/38/'] },
	{ q: '过期卡', kind: 'display', expect: ['/codes/54/'] },
	{ q: '无效卡号', kind: 'display', expect: ['/codes/14/'] },
	{ q: '重复交易', kind: 'display', expect: ['/codes/94/'] },
	{ q: '日切进行中', kind: 'display', expect: ['/codes/90/'] },
	{ q: 'PIN格式错', kind: 'display', expect: ['/codes/99/'] },
	{ q: '请插卡', kind: 'display', expect: ['/codes/45/'] },
	{ q: '不允许此卡交易', kind: 'display', expect: ['/codes/57/'] },
	{ q: '终端未登记', kind: 'display', expect: ['/codes/97/'] },
	{ q: '商户未登记', kind: 'display', expect: ['/codes/03/'] },
	{ q: '交易金额超限', kind: 'display', expect: ['/codes/61/'] },
	{ q: '没有原始交易', kind: 'display', expect: ['/codes/25/'] },
	{ q: '线路不可达', kind: 'display', expect: ['/codes/92/'] },
	{ q: '对账不平', kind: 'display', expect: ['/codes/79/'] },
	{ q: '请联系发卡行', kind: 'display', expect: ['/codes/01/', '/codes/02/', '/codes/05/'], any: true },
	{ q: '交易失败', kind: 'display', expect: ['/symptoms/no-response-code/', '/codes/06/', '/codes/05/', '/codes/20/', '/codes/23/', '/codes/39/', '/codes/42/', '/codes/52/'], any: true },
	{ q: '没收卡，请联系收单行', kind: 'display', expect: ['/codes/04/', '/codes/07/', '/codes/33/', '/codes/41/', '/codes/43/'], any: true },
	{ q: '此卡不能受理', kind: 'display', expect: ['/codes/15/', '/codes/31/'], any: true },
	{ q: '交易成功，请向发卡行确认', kind: 'display', expect: ['/codes/A2/', '/codes/A4/', '/codes/A5/', '/codes/A6/'], any: true },

	// Symptoms, in the words of the screen and of support staff. Where a newer article (issue 14:
	// no-code triage, settlement delay, sign-in task, printing problems) answers better, it is listed first.
	{ q: '结算失败', kind: 'symptom', expect: ['/symptoms/settlement-failure/'] },
	{ q: '钱没到账', kind: 'symptom', expect: ['/symptoms/settlement-delay/', '/symptoms/settlement-failure/'] },
	{ q: '结算款今天没到', kind: 'symptom', expect: ['/symptoms/settlement-failure/'] },
	{ q: '商户被冻结', kind: 'symptom', expect: ['/symptoms/merchant-status-abnormal/'] },
	{ q: '商户状态异常', kind: 'symptom', expect: ['/symptoms/merchant-status-abnormal/'] },
	{ q: '刷卡报警', kind: 'symptom', expect: ['/symptoms/card-swipe-alert/'] },
	{ q: '机器报警', kind: 'symptom', expect: ['/symptoms/card-swipe-alert/'] },
	{ q: 'pos机一刷卡就报警怎么办', kind: 'symptom', expect: ['/symptoms/card-swipe-alert/'] },
	{ q: '交易超时了怎么办', kind: 'symptom', expect: ['/codes/68/'] },
	{ q: '密码输错了', kind: 'symptom', expect: ['/codes/55/'] },
	{ q: '卡里钱不够', kind: 'symptom', expect: ['/codes/51/'] },
	{ q: '密码输错太多次卡被锁了', kind: 'symptom', expect: ['/codes/75/', '/codes/38/'], any: true },
	{ q: '芯片卡不能刷磁条', kind: 'symptom', expect: ['/codes/45/'] },

	// Cause words.
	{ q: '签到', kind: 'cause', expect: ['/tasks/sign-in/', '/causes/keys/'] },
	{ q: '密钥', kind: 'cause', expect: ['/causes/keys/'] },
	{ q: '没信号', kind: 'cause', expect: ['/causes/network/'] },
	{ q: '连不上网', kind: 'cause', expect: ['/causes/network/'] },
	{ q: '打印机没纸', kind: 'cause', expect: ['/symptoms/printing-problem/', '/causes/hardware/'] },
	{ q: '停电', kind: 'cause', expect: ['/causes/environment/'] },
	{ q: '参数下载失败', kind: 'cause', expect: ['/causes/software/'] },
	{ q: '金额输错', kind: 'cause', expect: ['/causes/operator/'] },
	{ q: '风控拦截', kind: 'cause', expect: ['/causes/risk/'] },
	{ q: '结算账户异常', kind: 'cause', expect: ['/causes/merchant-account/'] },
];

/** hit@3 below this fails the test (the target is 0.95). */
export const MIN_HIT_AT_3 = 0.9;
export const TARGET_HIT_AT_3 = 0.95;
