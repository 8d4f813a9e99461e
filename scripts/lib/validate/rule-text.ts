/**
 * What the advice check (`advice.ts`) and the glossary check (`glossary.ts`) share: the
 * text segment they read, the finding they return, loading a YAML rule file with line
 * numbers, and the clause and quotation helpers both use to judge a match in context.
 *
 * Both checks are pure: they get segments (the lead's runner cuts them out of the MDX
 * tree and the registry) and return findings; nothing here reads content files.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { SetupError } from './types.ts';

/** One piece of published text, with where it came from. */
export interface TextSegment {
	/** Path of the file the text is in, relative to the repository root. */
	file: string;
	/** 1-based line of the text in `file`. */
	line: number;
	/** The text itself (one line, one paragraph or one field value). */
	text: string;
	/** `facts`: a registry or frontmatter field; `body`: article prose; `flowchart`: a mermaid node or edge. */
	where: 'facts' | 'body' | 'flowchart';
	/** For `facts`: the field name (`firstAction`, `customerLine`, `display`, `meaning`, `description`, `sources` …). */
	field?: string;
	/** The kind of article (or registry entry) the text belongs to. */
	kind: 'code' | 'symptom' | 'cause' | 'task' | 'family';
	/** The code (`61`), slug (`operator`) or family slug (`pick-up`) of that article. */
	id: string;
	/** For codes: the registry family, if any (`pick-up`, `uncertain-outcome` …). */
	family?: string;
}

/** One problem found in a segment, printed by the runner as `file:line: message — fix`. */
export interface RuleFinding {
	file: string;
	line: number;
	/** Names the rule and quotes the offending words. */
	message: string;
	/** What to write instead. */
	fix: string;
}

/**
 * Reads a YAML rule file and validates it with `schema`. Any problem (missing file, YAML
 * syntax, a field the schema refuses, a regex that does not compile) is a SetupError that
 * names `file:line`, because a broken rule file must stop the validator, not silently
 * let everything pass.
 */
export function loadYamlRules<T>(path: string, schema: z.ZodType<T>): { rules: T; lineOf: (keyPath: (string | number)[]) => number } {
	let source: string;
	try {
		source = readFileSync(path, 'utf8');
	} catch {
		throw new SetupError(`${path}:1: cannot read the rule file`);
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
	if (doc.errors.length > 0) {
		const e = doc.errors[0]!;
		throw new SetupError(`${path}:${lineAt(e.pos[0])}: YAML error: ${e.message.split('\n')[0]}`);
	}
	const lineOf = (keyPath: (string | number)[]): number => {
		// The deepest node that exists on the path: a missing field is reported where its parent is.
		let node: unknown = doc.contents;
		let line = lineAt((doc.contents as YamlNode | null)?.range?.[0]);
		for (const key of keyPath) {
			const next = isMap(node) || isSeq(node) ? (node.get(key, true) as YamlNode | undefined) : undefined;
			if (!next) break;
			node = next;
			line = lineAt(next.range?.[0]);
		}
		return line;
	};
	const parsed = schema.safeParse(doc.toJS());
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where = issue.path.map(String).join('.') || '(top level)';
		throw new SetupError(`${path}:${lineOf(issue.path as (string | number)[])}: ${where}: ${issue.message}`);
	}
	return { rules: parsed.data, lineOf };
}

/** Compiles a rule's regex source, or throws a SetupError naming the rule's line. */
export function compileRegex(source: string, where: string): RegExp {
	try {
		return new RegExp(source, 'gu');
	} catch (e) {
		throw new SetupError(`${where}: pattern does not compile: ${(e as Error).message}`);
	}
}

/** Escapes a literal phrase for use inside a regex. */
export function escapeRegex(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clause ends: a negation or an exemption never reaches across these. A colon does not end a clause: “比如分几笔刷：一律拒绝”. */
const CLAUSE_END = /[，。；！？,;!?\n]/u;
/** Sentence ends. */
const SENTENCE_END = /[。！？!?\n]/u;

/** Start and end offsets of the clause (or sentence) around `[start, end)`. */
export function spanAround(text: string, start: number, end: number, scope: 'clause' | 'sentence' | 'segment'): [number, number] {
	if (scope === 'segment') return [0, text.length];
	const stop = scope === 'clause' ? CLAUSE_END : SENTENCE_END;
	let a = start;
	while (a > 0 && !stop.test(text[a - 1]!)) a--;
	let b = end;
	while (b < text.length && !stop.test(text[b]!)) b++;
	return [a, b];
}

/**
 * The text with every quotation (“…”, 「…」, 『…』) blanked out, offsets kept. Quoted
 * words are a terminal's display or a standard table's wording, which the site quotes as
 * written even where the glossary prefers another word.
 */
export function blankQuotes(text: string): string {
	return text.replace(/“[^”]*”|「[^」]*」|『[^』]*』/gu, (m) => ' '.repeat(m.length));
}
