/**
 * Search settings shared by the client and the tests, in one place.
 *
 * Indexing: Starlight runs Pagefind (Node API) after `astro build` over every page whose
 * `<main>` carries `data-pagefind-body`. The facts panel and the article footer add
 * `data-pagefind-meta`, `-filter` and `-weight` attributes (see `ArticleFacts.astro`,
 * `ArticleFooter.astro`); the footer's link lists and sources are `data-pagefind-ignore`.
 */

/** Pagefind filters set on every article. Values are the identifiers of `src/schemas/common.ts`. */
export const FILTERS = {
	/** `code` | `symptom` | `task` | `cause`, on every article (footer). */
	kind: 'kind',
	/** Handling class `A`–`E`, code articles only. */
	klass: 'class',
	/** Who acts: `cardholder`, `merchant` …, code and symptom articles. */
	who: 'who',
	/** The code itself ("55"), code articles only; used to fetch a code's page directly. */
	code: 'code',
	/** Each display text of a code article, verbatim (see `PHRASE_FILTERS`). */
	display: 'display',
	/** Each 常见说法 item of a code or symptom article, verbatim. */
	also: 'also',
} as const;

/** Only articles are results; other indexed pages (code table, cards) are navigation. */
export const RESULT_KINDS = ['code', 'symptom', 'task', 'cause'] as const;

/**
 * Pagefind ranking (search time). Metadata matches are boosted: the code, the title and
 * the texts the terminal shows weigh most, then the 常见说法 line, then the meaning; the
 * body counts at its own weight (headings and `data-pagefind-weight` included).
 */
export const RANKING = {
	termFrequency: 0.6,
	pageLength: 0.4,
	termSaturation: 1.4,
	termSimilarity: 2,
	metaWeights: {
		code: 10,
		title: 6,
		display: 6,
		also: 5,
		meaning: 3,
	},
} as const;

/** Results shown under the box. */
export const MAX_RESULTS = 8;
/** Results fetched from Pagefind and re-ranked by phrase (see `rerank.ts`) before the top `MAX_RESULTS` are shown. Each costs one fragment request (about 3 KB) on a first search (issue 17: 12 → 8). */
export const RERANK_CANDIDATES = 8;
/**
 * Extra candidates, at most this many, whose display text or 常见说法 item stands whole inside
 * the query ("结算" in "每天要结算", "服务费" in "扣了99元服务费"), found through the phrase
 * filters wherever Pagefind ranks them. With only `RERANK_CANDIDATES` fetched (issue 17), a
 * short task page that names the query's subject can rank ninth or lower under long pages
 * that repeat its words; the phrase re-ranking can only lift a page it sees. Each costs one
 * fragment request, like any candidate, and only pages not already among them are added.
 */
export const NAMED_CANDIDATES = 4;
/** Below this many strict matches, relaxed queries are added (see `relax.ts`). */
export const MIN_STRICT_RESULTS = 3;
/**
 * From this many words on, relaxed queries always run and are ranked together with strict
 * ones. Two: "每天要结算" finds three pages with both words, none of them the task that
 * only says "结算"; the phrase re-ranking (`rerank.ts`) then picks from a wider set.
 */
export const RELAX_FROM_TERMS = 2;
/**
 * Filters whose values are a page's visible display texts and 常见说法 items (set in
 * ArticleFacts.astro). A query equal to one of them finds that page whatever its rank.
 */
export const PHRASE_FILTERS = ['display', 'also'] as const;
/** Characters of excerpt Pagefind returns per result (Chinese counts a character as a word). */
export const EXCERPT_LENGTH = 36;
/** Delay after the last keystroke before searching, in ms. */
export const DEBOUNCE_MS = 60;
