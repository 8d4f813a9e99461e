/**
 * Limit ratio: how far the article page is above the physical minimum.
 *
 * The minimum a reader must download is the article's own content: the visible text of
 * `<main>` (title, facts panel, steps, footer links, as rendered on the phone viewport;
 * closed `<details>` and hidden elements are not visible) plus the flowchart's inline
 * SVG markup, compressed with the same gzip level as the transfer. The ratio is the
 * page's total transferred bytes divided by that. 1× is impossible (markup, CSS); the
 * goal is at most 3×. The brotli ratio (both sides brotli) is given beside it.
 */
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import type { PageLoad } from './browser.ts';
import { figure, formatBytes, type Figure } from './figures.ts';
import type { PageWeight } from './weight.ts';

export const GROUP = 'Limit ratio (transferred ÷ compressed own text + inline SVG)';

export interface LimitRatio {
	path: string;
	textChars: number;
	svgChars: number;
	minimumGzip: number;
	minimumBrotli: number;
	transferred: number;
	ratio: number;
	ratioBrotli: number;
}

export async function measureLimitRatio(load: PageLoad, weight: PageWeight): Promise<{ figures: Figure[]; detail: LimitRatio }> {
	const { text, svg } = await load.page.evaluate(() => {
		const main = document.querySelector('main');
		const svgs = [...(main?.querySelectorAll('svg[data-flowchart-svg]') ?? [])].map((s) => s.outerHTML);
		return { text: main?.innerText ?? '', svg: svgs.join('\n') };
	});
	const minimum = Buffer.from(`${text}\n${svg}`);
	const minimumGzip = gzipSync(minimum, { level: 6 }).length;
	const minimumBrotli = brotliCompressSync(minimum, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length;
	const detail: LimitRatio = {
		path: load.path,
		textChars: text.length,
		svgChars: svg.length,
		minimumGzip,
		minimumBrotli,
		transferred: weight.total,
		ratio: weight.total / minimumGzip,
		ratioBrotli: weight.totalBrotli / minimumBrotli,
	};
	const figures = [
		figure({
			group: GROUP,
			id: `limit.${load.path}`,
			label: `${load.path}: limit ratio`,
			value: detail.ratio,
			unit: 'x',
			goal: { op: '<=', limit: 3, text: '≤ 3×' },
			note: `${formatBytes(weight.total)} ÷ ${formatBytes(minimumGzip)} (${text.length} chars of text + ${formatBytes(svg.length)} SVG, gzip) · brotli ${detail.ratioBrotli.toFixed(2)}× (${formatBytes(weight.totalBrotli)} ÷ ${formatBytes(minimumBrotli)})`,
		}),
	];
	return { figures, detail };
}
