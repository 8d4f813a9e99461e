/**
 * Run a command and measure it: wall time, CPU time (user + system, children included)
 * and peak memory of the whole process tree (Astro plus the Pagefind binary it spawns).
 *
 * Peak memory is the largest sum of VmRSS over the tree, sampled from /proc every 100 ms
 * (works without extra packages; a spike shorter than that can be missed). CPU time
 * comes from GNU time (`/usr/bin/time`, Debian package `time`) when it is installed, else
 * from the last /proc sample of each process (slightly low). CPU time is the figure to
 * compare between runs on a busy machine: wall time grows with the load, CPU time hardly.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
	exitCode: number;
	wallMs: number;
	/** User + system CPU of the tree, in ms. */
	cpuMs: number;
	cpuSource: 'gnu-time' | 'proc';
	/** Peak resident memory of the whole process tree, in bytes. */
	peakRssBytes: number;
	/** The last lines of stdout + stderr, for error messages. */
	tail: string;
	output: string;
}

const GNU_TIME = '/usr/bin/time';
const TICK = 100;
const CLK_TCK = 100; // USER_HZ on Linux

function readProc(pid: number): { ppid: number; rss: number; cpuTicks: number } | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name, which is in parentheses and may contain spaces.
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(rest[1]);
		const utime = Number(rest[11]);
		const stime = Number(rest[12]);
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return { ppid, rss: rssKb * 1024, cpuTicks: utime + stime };
	} catch {
		return undefined;
	}
}

/** Sum of RSS and per-process CPU ticks over `root` and all its descendants. */
function sampleTree(root: number, cpuByPid: Map<number, number>): number {
	let procs: { pid: number; ppid: number; rss: number; cpuTicks: number }[] = [];
	try {
		procs = readdirSync('/proc')
			.filter((d) => /^\d+$/.test(d))
			.map((d) => ({ pid: Number(d), ...readProc(Number(d)) }))
			.filter((p): p is { pid: number; ppid: number; rss: number; cpuTicks: number } => p.ppid !== undefined);
	} catch {
		return 0;
	}
	const children = new Map<number, number[]>();
	for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
	const byPid = new Map(procs.map((p) => [p.pid, p]));
	let rss = 0;
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		const p = byPid.get(pid);
		if (p) {
			rss += p.rss;
			cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, p.cpuTicks));
		}
		stack.push(...(children.get(pid) ?? []));
	}
	return rss;
}

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Print the child's output live (default false: kept for the error message). */
	echo?: boolean;
	/** Kill after this many ms (default 15 minutes). */
	timeoutMs?: number;
}

export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<Measured> {
	const useTime = existsSync(GNU_TIME);
	const timeFile = join(tmpdir(), `poskb-bench-time-${process.pid}-${Date.now()}.txt`);
	const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, args];
	const start = performance.now();
	const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const onData = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		if (output.length > 400_000) output = output.slice(-200_000);
		if (options.echo) process.stderr.write(text);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);

	let peak = 0;
	const cpuByPid = new Map<number, number>();
	const timer = setInterval(() => {
		if (child.pid) peak = Math.max(peak, sampleTree(child.pid, cpuByPid));
	}, TICK);
	const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15 * 60_000);

	const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
	const wallMs = performance.now() - start;
	clearInterval(timer);
	clearTimeout(killer);

	let cpuMs = ([...cpuByPid.values()].reduce((a, b) => a + b, 0) * 1000) / CLK_TCK;
	let cpuSource: Measured['cpuSource'] = 'proc';
	if (useTime && existsSync(timeFile)) {
		const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
		const [, user, sys] = last.split(' ').map(Number);
		if (Number.isFinite(user) && Number.isFinite(sys)) {
			cpuMs = ((user ?? 0) + (sys ?? 0)) * 1000;
			cpuSource = 'gnu-time';
		}
		rmSync(timeFile, { force: true });
	}
	// The GNU time process itself is tiny; it is part of the sampled tree, which is fine.
	return {
		exitCode,
		wallMs,
		cpuMs,
		cpuSource,
		peakRssBytes: peak,
		tail: output.trim().split('\n').slice(-25).join('\n'),
		output,
	};
}

/** The Astro CLI, run with this Node (24), whatever `node` is first on PATH. */
export function astroCommand(projectRoot: string): [string, string[]] {
	return [process.execPath, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')]];
}
