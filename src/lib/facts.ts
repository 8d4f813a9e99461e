/**
 * The facts view: what the top of an article, its printed card and its wall-chart row show,
 * mapped once from any article that carries facts (code, symptom or task). Codes, symptoms
 * and tasks share field names (`src/schemas/article.ts`), so there is one mapping, not one
 * per kind and per page.
 */
import type { FactsArticleFields } from '../schemas/article.ts';
import type { HandlingClass, Role } from '../schemas/common.ts';
import { KIND_FOLDERS } from '../schemas/common.ts';

export interface FactsView {
	kind: FactsArticleFields['kind'];
	/** The card's id and URL segment: the code (`55`, `A0`) or the slug (`settlement-failure`). */
	id: string;
	/** The large name on cards and lists: the code itself, or the article title (`结算失败`). */
	name: string;
	/** The badge beside the meaning: the code, 无码 for a symptom, 操作 for a task. */
	badge: string;
	meaning: string;
	newerMeaning: string | undefined;
	/** Display texts (codes only; empty otherwise). */
	display: string[];
	handlingClass: HandlingClass | undefined;
	whoActs: Role[];
	firstAction: string;
	customerLine: string;
	customerLineEn: string | undefined;
	discreet: boolean;
	moneyAtRisk: boolean;
	otherNetworks: string | undefined;
	retiredNote: string | undefined;
	/** The article's `reviewed` date. */
	reviewed: Date;
	/** The article's path, e.g. `/codes/55/`. */
	articleHref: string;
}

/** The id an article is known by: its code or its slug (= its file name). */
export function articleId(data: FactsArticleFields): string {
	return data.kind === 'code' ? data.code : data.kind === 'symptom' ? data.symptom : data.task;
}

export function factsView(data: FactsArticleFields): FactsView {
	const id = articleId(data);
	const code = data.kind === 'code' ? data : undefined;
	return {
		kind: data.kind,
		id,
		name: code ? code.code : data.title,
		badge: code ? code.code : data.kind === 'symptom' ? '无码' : '操作',
		meaning: data.meaning,
		newerMeaning: code?.newerMeaning,
		display: code?.display ?? [],
		handlingClass: code?.handlingClass,
		whoActs: data.whoActs,
		firstAction: data.firstAction,
		customerLine: data.customerLine,
		customerLineEn: data.customerLineEn,
		discreet: data.discreet,
		moneyAtRisk: data.moneyAtRisk,
		otherNetworks: code?.otherNetworks,
		retiredNote: code?.status === 'retired' ? code.retiredNote : undefined,
		reviewed: data.reviewed,
		articleHref: `/${KIND_FOLDERS[data.kind]}/${id}/`,
	};
}
