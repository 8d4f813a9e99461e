/**
 * One measured figure: what the table prints and the JSON keeps.
 *
 * A figure without a goal is information (`info`). A figure that could not be measured
 * (a page not built yet, a tool missing) is `n/a` with a note, never a silent pass.
 */
export type Unit = 'bytes' | 'ms' | 'x' | 'score' | 'count' | 'text';
export type Status = 'pass' | 'fail' | 'info' | 'n/a';

export interface Goal {
	op: '<' | '<=' | '=' | '>=';
	limit: number;
	/** How the goal reads in the table, e.g. "< 40 KB". */
	text: string;
}

export interface Figure {
	/** Section of the table: "Page weight", "Peer comparison" … */
	group: string;
	/** Stable id for comparing runs, e.g. "weight./codes/55/.total". */
	id: string;
	/** What the row says. */
	label: string;
	value: number | null;
	unit: Unit;
	/** Formatted value, when the default formatting is not right (e.g. "12.3 KB / 45.1 KB raw"). */
	display?: string;
	goal?: Goal;
	status: Status;
	note?: string;
}

export function meets(value: number, goal: Goal): boolean {
	switch (goal.op) {
		case '<':
			return value < goal.limit;
		case '<=':
			return value <= goal.limit;
		case '=':
			return value === goal.limit;
		case '>=':
			return value >= goal.limit;
	}
}

/** Build a figure; the status follows from the value and the goal. */
export function figure(
	f: Omit<Figure, 'status'> & { status?: Status },
): Figure {
	if (f.status) return f as Figure;
	if (f.value === null) return { ...f, status: 'n/a' };
	if (!f.goal) return { ...f, status: 'info' };
	return { ...f, status: meets(f.value, f.goal) ? 'pass' : 'fail' };
}

export function notMeasured(group: string, id: string, label: string, note: string, goal?: Goal): Figure {
	return { group, id, label, value: null, unit: 'text', display: '—', status: 'n/a', note, ...(goal ? { goal } : {}) };
}

export const KB = 1024;

export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
	if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
	return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function formatMs(ms: number): string {
	if (ms < 10) return `${ms.toFixed(1)} ms`;
	if (ms < 1000) return `${Math.round(ms)} ms`;
	return `${(ms / 1000).toFixed(1)} s`;
}

export function formatValue(f: Figure): string {
	if (f.display !== undefined) return f.display;
	if (f.value === null) return '—';
	switch (f.unit) {
		case 'bytes':
			return formatBytes(f.value);
		case 'ms':
			return formatMs(f.value);
		case 'x':
			return `${f.value.toFixed(2)}×`;
		case 'score':
			return String(Math.round(f.value));
		case 'count':
			return String(f.value);
		case 'text':
			return String(f.value);
	}
}

export const median = (xs: number[]): number => {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
