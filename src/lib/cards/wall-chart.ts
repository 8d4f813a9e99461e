/**
 * The counter wall chart (`/cards/`): one A4 page with the codes and messages cashiers
 * meet most, one action each, who acts, and what to say; the "never" rules; and blanks
 * for the merchant's own hotline, merchant number and terminal number. Pure: the page
 * passes in the registry entries and symptom facts.
 */
import { roleLabels } from '../labels.ts';
import type { Role } from '../../schemas/common.ts';
import { sentences } from './extract.ts';

/**
 * How many of the common codes (content/common.yaml) the chart lists; with the four symptoms
 * that is 14 rows, what one A4 page holds beside the English phrase strip and the
 * card-retention line (measured with `npm run cards:pdf`: 11 codes ran about 30 px past the
 * printable area even with the tightened styles). 77 (请重新签到) gave its row to the 签到失败
 * symptom, which covers it; 01 (请持卡人与发卡行联系) is on its card and one scan away.
 */
export const WALL_CHART_CODES = 10;

export interface WallChartSource {
	kind: 'code' | 'symptom';
	/** Code, or symptom slug. */
	id: string;
	/** What the cashier sees: the code's usual display text, or the symptom's name. */
	display: string;
	firstAction: string;
	whoActs: Role[];
	customerLine: string;
	discreet: boolean;
	href: string;
}

export interface WallChartRow extends WallChartSource {
	/** The code, or `—` for a message without a code. */
	label: string;
	action: string;
	who: string;
	say: string;
	cardHref: string;
}

/** Words that make a clause a "never" rule; on a wall chart those must not be cut. */
const PROHIBITION = /不要|切勿|勿|绝不|不能|别/;

/**
 * One action: the first action's first sentence, and of that the part before the first
 * `；` when there is one ("A；B。" → "A。"). The chart has room for one line or two.
 * A later clause that forbids something (不要删流水、不要重刷) is what protects the money,
 * so the first later clause that forbids something is always kept as well.
 */
export function oneAction(firstAction: string): string {
	const first = sentences(firstAction)[0] ?? firstAction;
	const clauses = first.split('；').map((c) => c.trim().replace(/[，：、。]$/, ''));
	if (clauses.length === 1) return first;
	const never = clauses.slice(1).find((c) => PROHIBITION.test(c));
	return (never ? `${clauses[0]}；${never}` : clauses[0]) + '。';
}

/** The customer line's first sentence, for the chart's narrow column. */
export function shortCustomerLine(line: string): string {
	return sentences(line)[0] ?? line;
}

/** Who acts, in the fewest characters: role names without their parenthesis. */
export function whoShort(roles: Role[]): string {
	return roles.map((r) => roleLabels[r].name.replace(/（.*?）/g, '').replace('收银员/商户', '收银员')).join('、');
}

export function wallChartRow(source: WallChartSource): WallChartRow {
	return {
		...source,
		label: source.kind === 'code' ? source.id : '无码',
		action: oneAction(source.firstAction),
		who: whoShort(source.whoActs),
		say: shortCustomerLine(source.customerLine),
		cardHref: `/cards/${source.id}/`,
	};
}

export interface NeverRule {
	title: string;
	detail: string;
}

/**
 * The "never" rules of Chinese cashier manuals, in the order. The pick-up codes
 * come from the registry (family `pick-up`), so the list never goes stale.
 */
export function neverRules(pickUpCodes: string[]): NeverRule[] {
	return [
		{
			title: '超时或没打出签购单，绝不直接重刷',
			detail: '先查清这笔有没有扣款：看签购单、查询或重打印上一笔、请顾客看扣款短信。确认没扣款，才重新收款。',
		},
		{
			title: '没收卡一类的返回码，绝不重试',
			detail: `${pickUpCodes.join('、')}：不重刷、不换终端、不手输卡号；按收单机构的规定处理卡片，只说“对顾客说”那句话。`,
		},
		{
			title: '绝不把密码写在卡上或这张图上',
			detail: '主管密码、操作员密码不写在任何纸上；不替顾客输密码，也不让顾客说出或写下密码。',
		},
	];
}

/** Compress a sorted code list into ranges where codes are consecutive numbers: 33、34、35 → 33–35. */
export function codeRanges(codes: string[]): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < codes.length) {
		let j = i;
		while (j + 1 < codes.length && /^\d+$/.test(codes[j]!) && /^\d+$/.test(codes[j + 1]!) && Number(codes[j + 1]) === Number(codes[j]) + 1) j++;
		out.push(j - i >= 2 ? `${codes[i]}–${codes[j]}` : codes.slice(i, j + 1).join('、'));
		i = j + 1;
	}
	return out;
}
