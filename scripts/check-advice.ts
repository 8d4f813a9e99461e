/**
 * Temporary runner for the advice and glossary checks (issue 13), until the lead wires
 * them into `npm run validate` with segments from the real MDX tree. It cuts segments
 * naively: one per line of every `content/**\/*.mdx` (frontmatter lines are `facts`, lines
 * inside a ```mermaid fence are `flowchart`, the rest `body`), plus one per string field
 * line of `content/registry.ts`.
 *
 *   node scripts/check-advice.ts [--root DIR] [--only advice|glossary] [--files PREFIX]
 *
 * Exit codes: 0 nothing found, 1 findings (printed as `file:line: message — fix`),
 * 2 setup error (bad rule file, no content directory), printed as one line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAdvice, loadAdviceRules } from './lib/validate/advice.ts';
import { checkGlossary, loadGlossaryRules } from './lib/validate/glossary.ts';
import type { RuleFinding, TextSegment } from './lib/validate/rule-text.ts';
import { SetupError } from './lib/validate/types.ts';

const KIND_BY_DIR: Record<string, TextSegment['kind']> = { codes: 'code', symptoms: 'symptom', causes: 'cause', families: 'family', tasks: 'task' };

/** `code → family` from the registry source, read as text so the runner needs no TS module of content. */
function registryFamilies(registrySource: string): Map<string, string> {
	const families = new Map<string, string>();
	let code: string | undefined;
	for (const line of registrySource.split('\n')) {
		const c = /^\s*code: '([0-9A-Z]{2})'/.exec(line);
		if (c) code = c[1];
		const f = /^\s*family: '([a-z-]+)'/.exec(line);
		if (f && code) families.set(code, f[1]!);
	}
	return families;
}

function registrySegments(file: string, source: string): TextSegment[] {
	const segments: TextSegment[] = [];
	let code = '';
	let family: string | undefined;
	const lines = source.split('\n');
	// Families come after the fields they govern, so read them first.
	const families = registryFamilies(source);
	lines.forEach((line, i) => {
		const c = /^\s*code: '([0-9A-Z]{2})'/.exec(line);
		if (c) {
			code = c[1]!;
			family = families.get(code);
			return;
		}
		const m = /^\s*([a-zA-Z]+): (['[].*)$/.exec(line);
		if (!m || !code) return;
		segments.push({ file, line: i + 1, text: m[2]!, where: 'facts', field: m[1]!, kind: 'code', id: code, ...(family ? { family } : {}) });
	});
	return segments;
}

function mdxSegments(file: string, source: string, kind: TextSegment['kind'], id: string, family: string | undefined): TextSegment[] {
	const segments: TextSegment[] = [];
	const lines = source.split('\n');
	let inFrontmatter = lines[0] === '---';
	let field = '';
	let inFlowchart = false;
	const base = { file, kind, id, ...(family ? { family } : {}) };
	lines.forEach((text, i) => {
		const line = i + 1;
		if (i === 0 && inFrontmatter) return;
		if (inFrontmatter) {
			if (text === '---') {
				inFrontmatter = false;
				return;
			}
			const key = /^([a-zA-Z]+):/.exec(text);
			if (key) field = key[1]!;
			segments.push({ ...base, line, text, where: 'facts', field });
			return;
		}
		if (/^```mermaid/.test(text)) {
			inFlowchart = true;
			return;
		}
		if (inFlowchart && /^```/.test(text)) {
			inFlowchart = false;
			return;
		}
		if (/^\s*import\s.*\sfrom\s/.test(text)) return;
		segments.push({ ...base, line, text, where: inFlowchart ? 'flowchart' : 'body' });
	});
	return segments;
}

export function collectSegments(root: string): TextSegment[] {
	const content = join(root, 'content');
	if (!existsSync(content)) throw new SetupError(`${content}: no content directory`);
	const registryFile = join(content, 'registry.ts');
	const registrySource = existsSync(registryFile) ? readFileSync(registryFile, 'utf8') : '';
	const families = registryFamilies(registrySource);
	const segments: TextSegment[] = registrySource ? registrySegments(relative(root, registryFile), registrySource) : [];
	for (const dir of readdirSync(content).sort()) {
		const kind = KIND_BY_DIR[dir];
		if (!kind) continue;
		for (const name of readdirSync(join(content, dir)).sort()) {
			if (!name.endsWith('.mdx')) continue;
			const id = name.slice(0, -'.mdx'.length);
			const path = join(content, dir, name);
			segments.push(...mdxSegments(relative(root, path), readFileSync(path, 'utf8'), kind, id, kind === 'code' ? families.get(id) : undefined));
		}
	}
	return segments;
}

function main(): number {
	const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, only: { type: 'string' }, files: { type: 'string' } } });
	const root = values.root!;
	const segments = collectSegments(root).filter((s) => !values.files || s.file.startsWith(values.files));
	const findings: RuleFinding[] = [];
	if (values.only !== 'glossary') findings.push(...checkAdvice(segments, loadAdviceRules(join(root, 'content/rules/advice.yaml'))));
	if (values.only !== 'advice') findings.push(...checkGlossary(segments, loadGlossaryRules(join(root, 'content/rules/glossary.yaml'))));
	findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	for (const f of findings) console.log(`${f.file}:${f.line}: ${f.message} — ${f.fix}`);
	console.log(`${findings.length} finding(s) in ${segments.length} segments`);
	return findings.length > 0 ? 1 : 0;
}

try {
	process.exitCode = main();
} catch (e) {
	if (e instanceof SetupError) {
		console.error(`check-advice: ${e.message}`);
		process.exitCode = 2;
	} else throw e;
}
