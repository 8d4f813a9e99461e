/**
 * Card PDFs (issue 16): print every card and the wall chart with `cards:pdf` into the
 * bench's build, and report their total size and the largest one against the 150 KB
 * limit a chat app on a weak network can take. The print check itself fails any PDF over
 * the limit; here the figures go into the table and the JSON, to compare runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printCards } from '../../cards-pdf.ts';
import { CHECKS_FILE, MAX_PDF_BYTES, printChecksSchema } from '../cards/print-check.ts';
import { KB, figure, formatBytes, formatMs, type Figure } from './figures.ts';

export const GROUP = 'Card PDFs (cards:pdf)';

export async function measurePdfs(dist: string): Promise<{ figures: Figure[]; detail: unknown }> {
	const exit = await printCards({ dist, only: undefined, concurrency: 2 });
	const checks = printChecksSchema.parse(JSON.parse(readFileSync(join(dist, 'cards', CHECKS_FILE), 'utf8')));
	const total = checks.results.reduce((a, r) => a + r.bytes, 0);
	const largest = checks.results.reduce((a, r) => (r.bytes > a.bytes ? r : a));
	const failed = checks.results.filter((r) => r.problems.length > 0).length;
	return {
		figures: [
			figure({
				group: GROUP,
				id: 'pdf.total',
				label: `all ${checks.results.length} PDFs (cards and the wall chart)`,
				value: total,
				unit: 'bytes',
				note: `printed in ${formatMs(checks.ms)} · ${failed === 0 && exit === 0 ? 'every print check passed' : `${failed} failed the print checks`}`,
			}),
			figure({
				group: GROUP,
				id: 'pdf.largest',
				label: `largest PDF (${largest.pdf})`,
				value: largest.bytes,
				unit: 'bytes',
				goal: { op: '<=', limit: MAX_PDF_BYTES, text: `≤ ${MAX_PDF_BYTES / KB} KB` },
				note: `mean ${formatBytes(total / checks.results.length)}`,
			}),
		],
		detail: checks.results.map((r) => ({ id: r.id, bytes: r.bytes })),
	};
}
