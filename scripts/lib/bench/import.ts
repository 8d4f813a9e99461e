/**
 * `npm run import` on the adversarial 5 MB inputs (`adversarial.ts`): CPU and wall time
 * of the real command, one run each. Goal: at most 10 s each (issue 15: the importer runs
 * in linear time; before the fix the table-of-contents input took hours). The value is
 * CPU time (user + system), as for the other timings here: on a shared 2-core machine the
 * wall time mostly measures the other jobs; it is in the note.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adversarialInputs } from './adversarial.ts';
import { figure, formatMs, notMeasured, type Figure } from './figures.ts';
import { runMeasured } from './run.ts';

const GOAL_MS = 10_000;

export async function measureImport(root: string, work: string, log: (msg: string) => void): Promise<{ figures: Figure[]; detail: unknown }> {
	const dir = join(work, 'import');
	mkdirSync(dir, { recursive: true });
	const figures: Figure[] = [];
	const detail: Record<string, unknown> = {};
	const goal = { op: '<=' as const, limit: GOAL_MS, text: '≤ 10 s' };
	for (const input of adversarialInputs()) {
		const file = join(dir, input.fileName);
		writeFileSync(file, input.bytes);
		log(`import: ${input.fileName} (${(input.bytes.length / 1024 / 1024).toFixed(2)} MB) …`);
		const m = await runMeasured(process.execPath, [join(root, 'scripts', 'import.ts'), file, '--out', join(dir, 'out'), '--force'], {
			cwd: root,
			env: { ...process.env, INIT_CWD: '' },
			timeoutMs: 10 * 60_000,
		});
		const id = `import.adversarial.${input.id}`;
		const label = `import 5 MB, CPU time: ${input.label}`;
		if (m.exitCode !== 0) {
			figures.push(notMeasured('Importer (linear time)', id, label, `exit ${m.exitCode}: ${m.tail.split('\n').pop() ?? ''}`, goal));
			continue;
		}
		figures.push(
			figure({
				group: 'Importer (linear time)',
				id,
				label,
				value: Math.round(m.cpuMs),
				unit: 'ms',
				goal,
				note: `wall ${formatMs(m.wallMs)}, peak RSS ${(m.peakRssBytes / 1024 / 1024).toFixed(0)} MB, ${input.bytes.length} bytes`,
			}),
		);
		detail[input.id] = { bytes: input.bytes.length, wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssBytes: m.peakRssBytes };
	}
	rmSync(dir, { recursive: true, force: true });
	return { figures, detail };
}
