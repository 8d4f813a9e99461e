/**
 * The search UI, loaded by `boot.ts` on first use, shared by the header dialog and the
 * home page box. A small results list instead of Pagefind's default UI: the exact code page
 * comes first, each result shows code, meaning and (from the full text) an excerpt, Enter
 * opens the first result, and a code that is not in the registry gets a clear answer
 * instead of "no results".
 *
 * Two sources, cheapest first (issue 17):
 * 1. the names list (`names.ts`, one small JSON file `boot.ts` fetches beside this module):
 *    a code, or a query that is exactly an article's title, display text or 常见说法 item,
 *    is answered from it alone, and Pagefind is not loaded at all; a button under the
 *    results searches the full text on request;
 * 2. Pagefind, for everything else (a sentence, part of a word): the names list's matches
 *    are shown at once while Pagefind loads, then replaced by the full-text results (or
 *    kept, with a word in the status, when Pagefind cannot be loaded or fails).
 *
 * DOM contract of a search box (`[data-search-root]`): one `input[data-search-input]`
 * inside a `form`, one `[data-search-status]` (aria-live), one `ul[data-search-results]`.
 * The registry slice for code detection is part of this module (`virtual:poskb/code-data`).
 */
import { analyzeQuery, type CodeAnswer, type CodeData, type QueryAnalysis } from '../../lib/search/code-query.ts';
import CODE_DATA from 'virtual:poskb/code-data';
import { NONSTANDARD_ANSWER_TEXT, withNonstandardCodes } from '../../lib/search/nonstandard.ts';
import { mergeRanked, relaxations, segmentTerms, type Scored } from '../../lib/search/relax.ts';
import { compact, rerank } from '../../lib/search/rerank.ts';
import { KIND_BADGE, matchNames, namesAnswer, parseNames, type NameEntry } from '../../lib/search/names.ts';
import {
	DEBOUNCE_MS,
	EXCERPT_LENGTH,
	FILTERS,
	MAX_RESULTS,
	MIN_STRICT_RESULTS,
	NAMED_CANDIDATES,
	PHRASE_FILTERS,
	RELAX_FROM_TERMS,
	RERANK_CANDIDATES,
	RANKING,
	RESULT_KINDS,
} from '../../lib/search/config.ts';

interface PagefindResult {
	id: string;
	score: number;
	data: () => Promise<PagefindData>;
}
interface PagefindData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
}
interface Pagefind {
	options: (o: object) => Promise<void>;
	init: () => Promise<void>;
	search: (term: string | null, o?: object) => Promise<{ results: PagefindResult[] } | null>;
	filters: () => Promise<Record<string, Record<string, number> | undefined>>;
}

/** One line in the results list. */
export interface ResultItem {
	href: string;
	kind: NameEntry['kind'] | 'answer';
	badge: string;
	title: string;
	meaning: string;
	excerpt: string;
	/** Facts-panel texts, for phrase re-ranking. */
	display?: string | undefined;
	also?: string | undefined;
}

/** What a search box reports once results are on screen (also the `poskb:search` event detail). */
export interface SearchDetail {
	query: string;
	count: number;
	hrefs: string[];
	answer: CodeAnswer['status'] | null;
	/** Time from the search request to results on screen, in ms (includes loading Pagefind the first time). */
	ms: number;
}

let pagefind: Promise<Pagefind | null> | undefined;
/** True once Pagefind has loaded (or failed to). */
let pagefindSettled = false;

/**
 * Pagefind's two big files whose names do not depend on the index: its script and its
 * WebAssembly (`wasm.unknown.pagefind`: Pagefind has no stemmer for Chinese, so the
 * language-neutral build). Without the hint the wasm waits for pagefind.js and then for
 * Pagefind's entry file, one round trip after another. The requests match Pagefind's own
 * (`fetch` in cors mode), so the browser hands the response over instead of fetching twice;
 * the search browser test checks that.
 */
function preloadPagefindWasm(dir: string): void {
	const link = document.createElement('link');
	link.rel = 'preload';
	link.as = 'fetch';
	link.crossOrigin = 'anonymous';
	link.href = `${dir}wasm.unknown.pagefind`;
	document.head.append(link);
}

/** Load Pagefind, once, when a query needs the full text (never for a query the names list answers). */
function loadPagefind(): Promise<Pagefind | null> {
	pagefind ??= (async () => {
		try {
			const dir = `${import.meta.env.BASE_URL.replace(/\/$/u, '')}/pagefind/`;
			preloadPagefindWasm(dir);
			// A plain variable, not a template literal: Vite wraps a template-literal import in its
			// preload helper, which would then become a shared chunk every page loads.
			const url = `${dir}pagefind.js`;
			const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
			// noWorker: the worker is one more 13 KB script fetched after pagefind.js, in series,
			// before the first result (issue 17); the index is small enough for the main thread.
			await pf.options({ ranking: RANKING, excerptLength: EXCERPT_LENGTH, noWorker: true });
			await pf.init();
			return pf;
		} catch {
			return null; // `astro dev` has no index; code detection still works.
		} finally {
			pagefindSettled = true;
		}
	})();
	return pagefind;
}

/** The names list's response, started by `boot.ts` beside this module (see `attachAll`). */
let namesResponse: Promise<Response> | undefined;
let names: Promise<NameEntry[] | null> | undefined;

/** The names list, from the response `boot.ts` started; null when it could not be had (then Pagefind answers everything). */
function loadNames(): Promise<NameEntry[] | null> {
	names ??= (namesResponse ?? Promise.reject(new Error('no names list')))
		.then(async (r) => {
			if (!r.ok) throw new Error(`names list: HTTP ${r.status}`);
			return parseNames(await r.json());
		})
		.catch(() => null);
	return names;
}

/** Built into this module from the registry (scripts/lib/build/code-data-module.ts). */
function getCodeData(): CodeData {
	return CODE_DATA;
}

async function searchScored(pf: Pagefind, text: string): Promise<Scored<PagefindResult>[]> {
	const r = await pf.search(text, { filters: { [FILTERS.kind]: { any: [...RESULT_KINDS] } } });
	return (r?.results ?? []).map((x) => ({ id: x.id, score: x.score, item: x }));
}

/**
 * Strict search (every word on the page), plus relaxed searches (a word or two left out,
 * see `relax.ts`) when the strict one finds too little or the query is long.
 */
async function rankedResults(pf: Pagefind, text: string): Promise<PagefindResult[]> {
	if (!text) return [];
	const strict = await searchScored(pf, text);
	const terms = segmentTerms(text);
	const long = terms.length >= RELAX_FROM_TERMS;
	if (strict.length >= MIN_STRICT_RESULTS && !long) return strict.map((s) => s.item);
	const relaxed = await Promise.all(
		relaxations(terms).map(async (r) => ({ coverage: r.coverage, results: await searchScored(pf, r.terms.join(' ')) })),
	);
	return mergeRanked(strict, relaxed, { strictFirst: !long }).map((s) => s.item);
}

let phrases: Promise<Map<string, [field: string, value: string][]>> | undefined;

/** Every display text and 常见说法 on the site (Pagefind filter values), by compact form. */
function phraseIndex(pf: Pagefind): Promise<Map<string, [string, string][]>> {
	phrases ??= pf.filters().then((all) => {
		const map = new Map<string, [string, string][]>();
		for (const field of PHRASE_FILTERS) {
			for (const value of Object.keys(all[field] ?? {})) {
				const key = compact(value);
				map.set(key, [...(map.get(key) ?? []), [field, value]]);
			}
		}
		return map;
	});
	// Without the filter index, search still works by words; try again next time.
	return phrases.catch(() => {
		phrases = undefined;
		return new Map<string, [string, string][]>();
	});
}

/** Pages whose display text or 常见说法 is exactly the query (wherever Pagefind ranks them). */
async function exactPhrasePages(pf: Pagefind, text: string): Promise<PagefindResult[]> {
	const hits = (await phraseIndex(pf)).get(compact(text)) ?? [];
	const lists = await Promise.all(
		hits.map(([field, value]) => pf.search(null, { filters: { [field]: value, [FILTERS.kind]: { any: [...RESULT_KINDS] } } })),
	);
	return lists.flatMap((l) => l?.results ?? []);
}

/**
 * Pages with a display text or 常见说法 item inside the query ("交易明细" in "查看今天的交易明细"),
 * the longest names first (the most specific), then in Pagefind's order. The query itself is
 * left to `exactPhrasePages`.
 */
async function namedInQueryPages(pf: Pagefind, text: string): Promise<PagefindResult[]> {
	const q = compact(text);
	const index = await phraseIndex(pf);
	const names = [...index.keys()].filter((k) => [...k].length >= 2 && k !== q && q.includes(k)).sort((a, b) => b.length - a.length);
	const lists = await Promise.all(
		names.map((name) =>
			Promise.all(
				(index.get(name) ?? []).map(([field, value]) =>
					pf.search(null, { filters: { [field]: value, [FILTERS.kind]: { any: [...RESULT_KINDS] } } }),
				),
			),
		),
	);
	return lists.flatMap((perName) => perName.flatMap((l) => l?.results ?? []));
}

function titleWithoutCode(title: string, code: string | undefined): string {
	return code && title.startsWith(code) ? title.slice(code.length).trim() : title;
}

function toItem(d: PagefindData): ResultItem {
	const kind = (d.filters[FILTERS.kind]?.[0] ?? 'code') as ResultItem['kind'];
	const code = d.meta['code'];
	const title = d.meta['title'] ?? d.url;
	return {
		href: d.url,
		kind,
		badge: code ?? (kind === 'answer' ? '' : KIND_BADGE[kind]),
		title: titleWithoutCode(title, code),
		meaning: d.meta['meaning'] ?? '',
		excerpt: d.excerpt,
		display: d.meta['display'],
		also: d.meta['also'],
	};
}

/** A names-list entry as a results line (no excerpt: that comes from the full text). */
function nameItem(e: NameEntry): ResultItem {
	return { href: e.href, kind: e.kind, badge: e.badge, title: e.title, meaning: e.meaning, excerpt: '', display: e.display, also: e.also };
}

/** The pinned first line for a code query: from Pagefind when it is loaded (with an excerpt), else from the names list. */
async function answerItem(pf: Pagefind | null, answer: CodeAnswer, list: readonly NameEntry[] | null = null): Promise<ResultItem> {
	const { code, href } = answer;
	if (answer.status === 'known') {
		const r = pf ? await pf.search(null, { filters: { [FILTERS.code]: code } }) : null;
		const first = r?.results[0];
		if (first) return toItem(await first.data());
		const named = list?.find((e) => e.kind === 'code' && e.badge === code);
		if (named) return nameItem(named);
		return { href, kind: 'code', badge: code, title: `返回码 ${code}`, meaning: '', excerpt: '' };
	}
	if (answer.status === 'unassigned') {
		return {
			href,
			kind: 'answer',
			badge: code,
			title: '不是标准返回码',
			meaning: '银联终端应答码表没有定义这个数字，终端一般只显示“交易失败”。点这里看该怎么办。',
			excerpt: '',
		};
	}
	if (answer.status === 'acquirer') {
		return { href, kind: 'answer', badge: code, title: '收单机构自定义的码，本站未收录', meaning: answer.why, excerpt: '' };
	}
	return { href, kind: 'answer', badge: code, title: NONSTANDARD_ANSWER_TEXT.title, meaning: NONSTANDARD_ANSWER_TEXT.meaning, excerpt: '' };
}

/** "是不是 05？" for a code-shaped query that is not a code but looks like one ("O5"). */
function suggestionItem(analysis: QueryAnalysis): ResultItem | null {
	const code = analysis.didYouMean;
	if (!code) return null;
	const { href } = answerForKnown(code);
	return { href, kind: 'answer', badge: code, title: `是不是 ${code}？`, meaning: '屏幕上的字母 O 多半是数字 0，字母 I、L 多半是数字 1。', excerpt: '' };
}

/**
 * The first lines for a query: the near-miss suggestion, then the pinned code. When the code
 * was read from a letter O ("O5" answers 05), both name the same page: one line asks
 * "是不是 05？" and carries the code's own title and meaning.
 */
function leadItems(suggestion: ResultItem | null, pinned: ResultItem | null, analysis: QueryAnalysis): ResultItem[] {
	if (suggestion && pinned && analysis.code?.status === 'known' && analysis.code.code === analysis.didYouMean) {
		const own = [pinned.title, pinned.meaning].filter(Boolean).join('：');
		return [{ ...pinned, title: suggestion.title, meaning: own ? `${own}（${suggestion.meaning}）` : suggestion.meaning }];
	}
	// A letter-and-digit code such as L1 is a real terminal code (the non-standard code page
	// names it): that answer comes first, the look-alike ("是不是 11？") second.
	if (analysis.code?.status === 'unknown') return [pinned, suggestion].filter((i): i is ResultItem => i !== null);
	return [suggestion, pinned].filter((i): i is ResultItem => i !== null);
}

function answerForKnown(code: string): { href: string } {
	const data = getCodeData();
	return { href: data.hrefs?.[code] ?? `/codes/${code}/` };
}

/** The code answer a query pins, if any: a bare code always, a known code inside longer text. */
function pinnedAnswer(analysis: QueryAnalysis): CodeAnswer | null {
	const answer = analysis.code;
	return answer && (analysis.pure || answer.status === 'known') ? answer : null;
}

/**
 * The query's code answer, if any: the UnionPay table first (code-query.ts), then any other
 * code-like token (L1, ER012, 255 …), which goes to the page on non-standard codes.
 */
function analyze(query: string): QueryAnalysis {
	const data = getCodeData();
	return withNonstandardCodes(analyzeQuery(query, data), query, data);
}

/**
 * What the code list alone answers, at once, without waiting for any file (issue 17): the
 * code's own line and a near-miss suggestion. Used by Enter and the /search/ page.
 */
export async function quickAnswer(query: string): Promise<{ items: ResultItem[]; answer: CodeAnswer | null; analysis: QueryAnalysis }> {
	const analysis = analyze(query);
	const pin = pinnedAnswer(analysis);
	const suggestion = suggestionItem(analysis);
	const items = leadItems(suggestion, pin ? await answerItem(null, pin) : null, analysis);
	return { items, answer: pin, analysis };
}

/**
 * What the code list and the names list answer, without Pagefind: the code's own line, a
 * near-miss suggestion, then the articles whose names match (see `matchNames`). `complete`
 * is true when that is the whole answer: a bare code (or a code-shaped query), or a query
 * that is exactly an article's name; then Pagefind is not loaded.
 */
export async function namesSearch(query: string): Promise<{ items: ResultItem[]; answer: CodeAnswer | null; analysis: QueryAnalysis; complete: boolean }> {
	const analysis = analyze(query);
	const list = await loadNames();
	const pin = pinnedAnswer(analysis);
	const suggestion = suggestionItem(analysis);
	const lead = leadItems(suggestion, pin ? await answerItem(null, pin, list) : null, analysis);
	const text = analysis.pure ? '' : analysis.text;
	const matches = list && text ? matchNames(text, list) : [];
	const leadHrefs = new Set(lead.map((i) => i.href.toLowerCase()));
	const named = matches.map((m) => nameItem(m.entry)).filter((i) => !leadHrefs.has(i.href.toLowerCase()));
	const complete = list !== null && (analysis.pure || namesAnswer(matches));
	return { items: [...lead, ...named].slice(0, MAX_RESULTS), answer: pin, analysis, complete };
}

/** Run one query to a list of items, pinned code answer first. */
export async function search(query: string): Promise<{ items: ResultItem[]; answer: CodeAnswer | null; available: boolean }> {
	const analysis = analyze(query);
	const pf = await loadPagefind();
	// Inside a longer query, only a known code is pinned; otherwise the words decide.
	const pin = pinnedAnswer(analysis);
	const suggestion = suggestionItem(analysis);
	// A bare code is also searched as text, so pages that mention it follow its own page.
	const text = analysis.pure ? (pin?.status === 'known' ? pin.code.toLowerCase() : '') : analysis.text;
	const [pinned, ranked, exact, named] = await Promise.all([
		pin ? answerItem(pf, pin) : null,
		pf ? rankedResults(pf, text) : [],
		pf ? exactPhrasePages(pf, text) : [],
		pf && text ? namedInQueryPages(pf, text) : [],
	]);
	// Candidates: Pagefind's best, plus every page that shows exactly this text (ordered by
	// Pagefind's rank where it has one), plus a few pages with a name inside the query
	// (see `NAMED_CANDIDATES`), then re-ranked by phrase (see `rerank.ts`).
	const rank = new Map(ranked.map((r, i) => [r.id, i]));
	const exactFirst = [...new Map(exact.map((r) => [r.id, r])).values()]
		.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity))
		.slice(0, MAX_RESULTS);
	const base = new Map([...ranked.slice(0, RERANK_CANDIDATES), ...exactFirst].map((r) => [r.id, r]));
	const namedExtra = [...new Map(named.filter((r) => !base.has(r.id)).map((r) => [r.id, r])).values()].slice(0, NAMED_CANDIDATES);
	const candidates = [...base.values(), ...namedExtra];
	const data = await Promise.all(candidates.map((r) => r.data()));
	const same = (a: string, b: string | undefined) => a.toLowerCase() === b?.toLowerCase();
	const found = data.map(toItem).filter((i) => !same(i.href, pinned?.href));
	const items = rerank(text, found, (i) => ({ title: i.title, display: i.display, also: i.also }));
	return {
		items: [...leadItems(suggestion, pinned, analysis), ...items].slice(0, MAX_RESULTS),
		answer: pin,
		available: pf !== null,
	};
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	e.className = className;
	if (text) e.textContent = text;
	return e;
}

function renderItem(item: ResultItem): HTMLLIElement {
	const li = el('li', 'pk-result');
	li.dataset['kind'] = item.kind;
	const a = el('a', 'pk-link');
	a.href = item.href;
	a.append(el('span', 'pk-badge', item.badge));
	const body = el('span', 'pk-body');
	body.append(el('span', 'pk-title', item.title));
	if (item.meaning) body.append(el('span', 'pk-meaning', item.meaning));
	if (item.excerpt) {
		const ex = el('span', 'pk-excerpt');
		ex.innerHTML = item.excerpt; // Pagefind escapes page text; only <mark> is markup.
		body.append(ex);
	}
	a.append(body);
	li.append(a);
	return li;
}

class SearchBox {
	readonly root: HTMLElement;
	readonly input: HTMLInputElement;
	readonly status: HTMLElement;
	readonly list: HTMLUListElement;
	private seq = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private pending: Promise<SearchDetail> | undefined;
	private shownQuery = '';

	constructor(root: HTMLElement) {
		this.root = root;
		this.input = root.querySelector('[data-search-input]') as HTMLInputElement;
		this.status = root.querySelector('[data-search-status]') as HTMLElement;
		this.list = root.querySelector('[data-search-results]') as HTMLUListElement;
		this.input.addEventListener('input', (e) => {
			if ((e as InputEvent).isComposing) return; // wait for the IME to finish a word
			this.schedule();
		});
		this.input.addEventListener('compositionend', () => this.schedule());
		root.addEventListener('keydown', (e) => this.onKey(e));
		root.dataset['searchState'] = 'ready';
		if (this.input.value.trim()) this.schedule(0);
	}

	private schedule(delay = DEBOUNCE_MS): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.run(), delay);
	}

	/**
	 * Search for the box's current text and show the results: the names list's answer at
	 * once, then, unless that is the whole answer (or `fullText`), Pagefind's. `from`: the
	 * button under the names list's results that asked for the full text; it stays in the
	 * list until the full-text results replace it, so keyboard focus and a screen reader's
	 * place stay on it instead of falling to the page's start.
	 */
	run(fullText = false, from?: HTMLButtonElement): Promise<SearchDetail> {
		clearTimeout(this.timer);
		const query = this.input.value;
		const id = ++this.seq;
		const start = performance.now();
		const stale = async () => (await this.pending) ?? this.done(query, [], null, start);
		const keepList = () => from !== undefined && this.list.contains(from);
		this.root.dataset['searchState'] = 'searching';
		const p = (async (): Promise<SearchDetail> => {
			if (!query.trim()) {
				this.list.replaceChildren();
				this.status.textContent = '';
				return this.done(query, [], null, start);
			}
			// A bare code is answered from the code list on the page at once, before the names
			// list has arrived on a slow link (its title and meaning follow with the list; once
			// the list is here, both happen in the same task and only the second is painted).
			const code = await quickAnswer(query);
			if (id !== this.seq) return stale();
			if (code.analysis.pure && code.items.length && !keepList()) {
				this.list.replaceChildren(...code.items.map(renderItem));
				this.status.textContent = this.statusText(query, code.items, code.answer, code.analysis);
				this.root.dataset['searchInstant'] = query;
			}
			let quick: Awaited<ReturnType<typeof namesSearch>>;
			try {
				quick = await namesSearch(query);
			} catch {
				// A names list that passed `parseNames` but still breaks matching must not leave the
				// box "searching" for good: the code's own line now, and Pagefind for the rest.
				quick = { ...code, complete: false };
			}
			if (id !== this.seq) return stale();
			this.root.dataset['searchInstant'] = query;
			if (quick.complete && !fullText) {
				this.show(quick.items, query);
				this.status.textContent = this.statusText(query, quick.items, quick.answer, quick.analysis);
				return this.done(query, quick.items.map((i) => i.href), quick.answer, start);
			}
			// Until the full text answers: what the names know now (not the previous query's
			// list), and say so; after the button, its list and the button itself stay.
			if (keepList()) {
				this.status.textContent = '正在搜索全文…';
			} else {
				this.list.replaceChildren(...quick.items.map(renderItem));
				const known = quick.items.length ? this.statusText(query, quick.items, quick.answer, quick.analysis) : '';
				this.status.textContent = `${known}${pagefindSettled ? '正在搜索全文…' : '正在加载全文搜索…'}`;
			}
			let result: Awaited<ReturnType<typeof search>> | null;
			try {
				result = await search(query);
			} catch {
				result = null; // a chunk of the index failed to load (offline before it was fetched)
			}
			if (id !== this.seq) return stale();
			if (result === null || !result.available) {
				// No full text: keep what the names found, and say that is all there is for now.
				this.list.replaceChildren(...quick.items.map(renderItem));
				const found = this.statusText(query, quick.items, quick.answer, quick.analysis);
				this.status.textContent = `全文搜索暂时无法使用（${result ? '索引没有加载' : '可能是网络断开'}），只按标题和常见说法查找。${found}`;
				return this.done(query, quick.items.map((i) => i.href), quick.answer, start);
			}
			const { items, answer } = result;
			this.list.replaceChildren(...items.map(renderItem));
			this.status.textContent = this.statusText(query, items, answer, analyze(query));
			return this.done(query, items.map((i) => i.href), answer, start);
		})();
		this.pending = p;
		return p;
	}

	/** The names list's results, and a button to search the full text for more. */
	private show(items: ResultItem[], query: string): void {
		const more = el('li', 'pk-more-item');
		const button = el('button', 'pk-more', `在全部文章正文里搜“${query.trim()}”`);
		button.type = 'button';
		button.addEventListener('click', () => {
			// aria-disabled, not disabled: a disabled button loses focus.
			if (button.getAttribute('aria-disabled') === 'true') return;
			button.setAttribute('aria-disabled', 'true');
			button.textContent = '正在搜索全文…';
			const done = this.run(true, button);
			const id = this.seq;
			void done.then(() => {
				// Only for this search, and only if the reader has not moved on: a newer query
				// owns the list, and focus elsewhere (the box, a link) is where they went.
				const at = document.activeElement;
				if (id !== this.seq || (at !== null && at !== button && at !== document.body)) return;
				this.list.querySelector('a')?.focus();
			});
		});
		more.append(button);
		this.list.replaceChildren(...items.map(renderItem), more);
	}

	private statusText(query: string, items: ResultItem[], answer: CodeAnswer | null, analysis: QueryAnalysis): string {
		const guess = analysis.didYouMean;
		// "O5" answers 05 at once; the reader still sees which code a letter O was read as.
		if (guess && answer?.status === 'known' && answer.code === guess) return `字母 O 按数字 0 读：是不是 ${guess}？按回车键打开 ${guess}。`;
		if (guess && answer?.status === 'unknown')
			return `${answer.code} 不是银联的返回码，是终端或收单机构自己定的码。按回车键看要记下什么、去哪里查。如果屏幕上其实是 ${guess}，点第二条。`;
		if (guess && answer?.status !== 'known') return `${answer?.code ?? query.trim()} 不是已知的返回码。是不是 ${guess}？按回车键打开 ${guess}。`;
		if (answer?.status === 'known') return `返回码 ${answer.code}，按回车键打开。共 ${items.length} 条结果。`;
		if (answer?.status === 'unassigned') return `${answer.code} 不是标准返回码，终端一般显示“交易失败”。按回车键看该怎么办。`;
		if (answer?.status === 'acquirer') return `${answer.code} 是收单机构自定义的码，本站未收录。按回车键看要记下什么、问谁。`;
		if (answer) return `${answer.code} 不是银联的返回码，是终端或收单机构自己定的码。按回车键看要记下什么、去哪里查。`;
		if (items.length === 0) return `没有找到“${query.trim()}”。试试只输入屏幕上的返回码或提示文字，或查看全部返回码一览。`;
		return `找到 ${items.length} 条结果，按回车键打开第一条。`;
	}

	private done(query: string, hrefs: string[], answer: CodeAnswer | null, start: number): SearchDetail {
		const detail: SearchDetail = { query, count: hrefs.length, hrefs, answer: answer?.status ?? null, ms: Math.round(performance.now() - start) };
		this.shownQuery = query;
		this.root.dataset['searchQuery'] = query;
		this.root.dataset['searchState'] = 'done';
		this.root.dispatchEvent(new CustomEvent('poskb:search', { detail, bubbles: true }));
		return detail;
	}

	/** Enter: open the first result of exactly this query (searching first if it is not shown yet). */
	async openFirst(): Promise<void> {
		const query = this.input.value;
		if (!query.trim()) return;
		// A bare code (or a near miss of one) opens at once from the code list: no wait for Pagefind.
		const quick = await quickAnswer(query);
		const first = quick.analysis.pure || quick.analysis.didYouMean ? quick.items[0] : undefined;
		if (first) {
			location.assign(first.href);
			return;
		}
		const shown = this.shownQuery === query && this.root.dataset['searchState'] === 'done';
		const href = shown ? this.list.querySelector('a')?.getAttribute('href') : (await this.run()).hrefs[0];
		if (href) location.assign(href);
	}

	/** Arrow keys move between the box and the result links. */
	private onKey(e: KeyboardEvent): void {
		if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
		const links = [...this.list.querySelectorAll<HTMLElement>('a, button')];
		if (links.length === 0) return;
		const at = links.indexOf(document.activeElement as HTMLElement);
		const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
		e.preventDefault();
		if (next < 0) this.input.focus();
		else links[Math.min(next, links.length - 1)]?.focus();
	}
}

const boxes = new Map<string, SearchBox>();

/**
 * Attach every search box on the page. `names` is the names list's response, which
 * `boot.ts` requests beside this module so that both arrive together. Pagefind is not
 * loaded here: only a query the names do not answer loads it.
 */
export function attachAll(names?: Promise<Response>): void {
	namesResponse ??= names;
	for (const root of document.querySelectorAll<HTMLElement>('[data-search-root]')) {
		const name = root.dataset['searchRoot'] ?? 'home';
		if (!boxes.has(name)) boxes.set(name, new SearchBox(root));
	}
}

/** Enter or the 查找 button in a box (the form's submit is intercepted by boot.ts). */
export function submit(where: string): Promise<void> {
	attachAll();
	return boxes.get(where)?.openFirst() ?? Promise.resolve();
}

/**
 * Type `query` into a box (the home box if there is one, else the header's) and wait for
 * results on screen. `fullText`: search Pagefind even when the names list answers (what the
 * button under such results does; the bench uses it to time Pagefind itself).
 */
export function run(query: string, where?: 'home' | 'header', options: { fullText?: boolean } = {}): Promise<SearchDetail> {
	attachAll();
	const box = boxes.get(where ?? (boxes.has('home') ? 'home' : 'header'));
	if (!box) return Promise.reject(new Error(`no search box "${where}" on this page`));
	box.input.value = query;
	return box.run(options.fullText ?? false);
}
