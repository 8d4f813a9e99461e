/**
 * Chinese labels for the English identifiers in `src/schemas/common.ts`.
 * The data speaks English; the reader reads Chinese. One table per enum. Names of open
 * sets (categories, symptoms, tasks) are the articles' own titles, never a table here.
 */
import type { ArticleKind, HandlingClass, Role } from '../schemas/common.ts';

/**
 * Handling class: a short name, and what it means at the counter. `plain` states the class
 * as the public SDK tables define it (Topwise-style `ResultsQuery.java`), then the site's
 * own advice, marked as advice.
 */
export const classLabels: Record<HandlingClass, { name: string; plain: string }> = {
	A: { name: 'A 类 · 交易成功', plain: '码表定义：交易成功。按成功处理。' },
	B: { name: 'B 类 · 可重试', plain: '码表定义：交易失败，可重试。本站建议：处理好原因后再试。' },
	C: { name: 'C 类 · 不需要重试', plain: '码表定义：交易失败，不需要重试。本站建议：不要原样再刷，先按“先做这一步”处理，再决定换卡、换方式或等一会儿。' },
	D: { name: 'D 类 · 终端操作员处理', plain: '码表定义：交易失败，终端操作员处理。本站建议：收银员先做一件事（如按规定处理卡片、重新签到），再谈下一笔。' },
	E: { name: 'E 类 · 系统故障', plain: '码表定义：交易失败，系统故障，不需要重试。本站建议：结果可能不确定，先核实是否扣款，再决定要不要重新发起。' },
};

/** Who acts, with the reference table's one-character tag. */
export const roleLabels: Record<Role, { name: string; short: string }> = {
	cardholder: { name: '持卡人', short: '持' },
	merchant: { name: '收银员/商户', short: '商' },
	acquirer: { name: '收单机构', short: '收' },
	issuer: { name: '发卡行', short: '发' },
	technician: { name: '技术处理（签到、密钥、参数）', short: '技' },
	nobody: { name: '无需处理', short: '—' },
};

export const kindLabels: Record<ArticleKind, string> = {
	code: '返回码',
	symptom: '提示信息',
	task: '日常操作',
	cause: '原因分类',
};
