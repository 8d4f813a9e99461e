/**
 * The table `npm run bench` prints: figure | value | goal | result, one section per group.
 * Plain text that reads the same in a terminal and in a CI log (no colours, no box
 * drawing that breaks in narrow windows); CJK-safe column widths.
 */
import { formatValue, type Figure } from './figures.ts';

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
	let w = 0;
	for (const ch of s) {
		const cp = ch.codePointAt(0) ?? 0;
		w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ? 2 : 1;
	}
	return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

const RESULT: Record<Figure['status'], string> = { pass: 'PASS', fail: 'FAIL', info: '', 'n/a': 'n/a' };

export function renderTable(figures: Figure[]): string {
	const rows = figures.map((f) => ({
		group: f.group,
		cells: [f.label, formatValue(f), f.goal?.text ?? '', RESULT[f.status]],
		note: f.note,
	}));
	const header = ['figure', 'value', 'goal', 'result'];
	const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r.cells[i] ?? ''))));
	const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ').trimEnd();
	const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
	const out: string[] = [line(header), rule];
	let group = '';
	for (const r of rows) {
		if (r.group !== group) {
			group = r.group;
			out.push(`[${group}]`);
		}
		out.push(line(r.cells));
		if (r.note) out.push(`    ↳ ${r.note}`);
	}
	return out.join('\n');
}

export function summary(figures: Figure[]): { pass: number; fail: number; na: number; failed: Figure[] } {
	const failed = figures.filter((f) => f.status === 'fail');
	return {
		pass: figures.filter((f) => f.status === 'pass').length,
		fail: failed.length,
		na: figures.filter((f) => f.status === 'n/a').length,
		failed,
	};
}
