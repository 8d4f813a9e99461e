/**
 * What the site, the cards and the validator need from an MDX article, read from the tree
 * that the site's own compiler builds (`satteri`'s `mdxToMdast`, the parser behind Astro 7's
 * Markdown processor), with the file line of everything.
 *
 * Each file is parsed once; the validator's checks and the print cards read the same
 * outline, so they can never disagree with each other or with the page about what a body
 * holds. Nothing here judges the content.
 */
import { parse as parseJs } from 'acorn';
import GithubSlugger from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { FlowchartError, splitFlowchartSource } from '../flowchart/render.ts';

/** An mdast node as satteri returns it (the fields used here). */
export interface MdNode {
	type: string;
	name?: string | null;
	lang?: string | null;
	url?: string;
	value?: unknown;
	depth?: number;
	ordered?: boolean | null;
	attributes?: MdAttribute[];
	children?: MdNode[];
	position?: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
}

export interface MdAttribute {
	type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
	name?: string;
	value?: string | { type: string; value: string } | null;
}

export interface Link {
	href: string;
	line: number;
	/** Where the link was written: Markdown/HTML in the text, or a flowchart `click` line. */
	from: 'text' | 'flowchart';
}

export interface MermaidBlock {
	source: string;
	/** File line of the diagram's first line (the line after the ```mermaid fence). */
	startLine: number;
	/** `click NODE href "/path/"` links with their file line; empty when the click lines are malformed. */
	links: Link[];
}

/** A JSX element as written (`<RoleSteps role="merchant">`, `<script>`, `<div onclick>`). */
export interface JsxElement {
	name: string;
	line: number;
	column: number;
	/** Attributes with a literal value (`role="merchant"`) or an expression (`{…}` → `expression`). */
	attributes: { name: string; value: string | undefined; expression: boolean; line: number }[];
	/** Spread attributes `{...props}`. */
	spread: boolean;
	node: MdNode;
}

export type EsmStatement =
	| { type: 'import'; source: string; names: { imported: string; local: string }[]; line: number; whole: 'default' | 'namespace' | undefined }
	| { type: 'other'; what: string; line: number }
	| { type: 'error'; message: string; line: number };

export interface RoleStepsBlock {
	role: string | undefined;
	line: number;
	/** The ordered list items, each as plain text with its line. */
	steps: { text: string; line: number }[];
	/** What the block holds besides one ordered list (a paragraph, a second list …), for the author check. */
	stray: { type: string; line: number }[];
}

export interface WarningBlock {
	title: string | undefined;
	text: string;
	line: number;
}

/** A run of visible text (a paragraph, heading, list item, table cell, or a flowchart label line) with its line. */
export interface TextRun {
	text: string;
	line: number;
	where: 'body' | 'flowchart';
	/** The author component it sits in (`RoleSteps`, `Warning`, `Inference` …), if any. */
	inside: string | undefined;
}

export interface Outline {
	/** Why the compiler refused the file (`line:column: message`); everything else is then empty. */
	error: { line: number; column: number; message: string } | undefined;
	/** The ESM blocks (`import …`, `export …`) as written, with their line. */
	esm: { value: string; line: number }[];
	/** Every ESM statement, parsed with acorn: imports with their names, anything else as `other`. */
	statements: EsmStatement[];
	/** Local names bound by the imports (`RoleSteps`, or `R` for `RoleSteps as R`). */
	imports: Set<string>;
	/** `{…}` expressions in the text or as blocks, with their line. */
	expressions: { value: string; line: number }[];
	/** Every JSX element, in document order. */
	elements: JsxElement[];
	/** Components used as JSX tags (capitalised names), with the first line each is used on. */
	components: Map<string, number>;
	mermaid: MermaidBlock[];
	links: Link[];
	/** Heading ids in page order, as Astro's Markdown processor assigns them (github-slugger). */
	headingIds: string[];
	/** Roles of the `<RoleSteps role="…">` blocks, in order; each renders an `id="steps-<role>"` heading. */
	roles: string[];
	roleSteps: RoleStepsBlock[];
	warnings: WarningBlock[];
	text: TextRun[];
	/** Raw HTML nodes (Markdown `html`), which MDX should never produce; kept to report them. */
	html: { value: string; line: number }[];
}

const empty = (): Outline => ({
	error: undefined,
	esm: [],
	statements: [],
	imports: new Set(),
	expressions: [],
	elements: [],
	components: new Map(),
	mermaid: [],
	links: [],
	headingIds: [],
	roles: [],
	roleSteps: [],
	warnings: [],
	text: [],
	html: [],
});

/** A Chinese character or full-width punctuation mark. */
const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’]';
const FULL_WIDTH_PUNCT = '[\\u3001-\\u3003\\u3008-\\u3011\\uff01\\uff08\\uff09\\uff0c\\uff1a\\uff1b\\uff1f]';

/**
 * White space as a reader sees it in Chinese text: a line break between two Chinese
 * characters joins them directly, runs of space become one, and there is no space
 * next to full-width punctuation.
 */
export function tidyText(text: string): string {
	return text
		// Two blocks run on as one line: after a sentence end nothing is needed, else a space.
		.replace(new RegExp(`(?<=[。！？；：])\\s*${BLOCK_BREAK}\\s*`, 'g'), '')
		.replace(new RegExp(`\\s*${BLOCK_BREAK}\\s*`, 'g'), ' ')
		.replace(new RegExp(`(?<=${CJK})[ \\t]*\\n\\s*(?=${CJK})`, 'g'), '')
		.replace(/\s+/g, ' ')
		.replace(new RegExp(`(?<=${FULL_WIDTH_PUNCT}) | (?=${FULL_WIDTH_PUNCT})`, 'g'), '')
		.trim();
}

/** A string-literal expression such as `{' '}` or `{"…"}`, as its text; other expressions give ''. */
function literalExpression(value: string): string {
	const m = /^\s*(['"])(.*)\1\s*$/s.exec(value);
	return m ? m[2]! : '';
}

/** The visible text of a node: text, inline code and literal expressions, Markdown syntax gone. */
export function plainText(node: MdNode): string {
	if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
	if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return literalExpression(String(node.value ?? ''));
	if (node.type === 'break') return '\n';
	if (node.type === 'image' || node.type === 'mdxjsEsm' || node.type === 'yaml' || node.type === 'html') return '';
	const parts = (node.children ?? []).map(plainText);
	// Block children (paragraphs, list items) are separate lines of text.
	const block = (node.children ?? []).some((c) => c.type === 'paragraph' || c.type === 'list' || c.type === 'listItem');
	return parts.join(block ? BLOCK_BREAK : '');
}

/** Marks a break between blocks (paragraphs, list items) inside one text, for `tidyText`. */
const BLOCK_BREAK = '\u2029';

const line = (n: MdNode) => n.position?.start.line ?? 0;

function attributesOf(node: MdNode): JsxElement['attributes'] {
	return (node.attributes ?? [])
		.filter((a) => a.type === 'mdxJsxAttribute' && a.name)
		.map((a) => ({
			name: a.name!,
			value: typeof a.value === 'string' ? a.value : a.value && typeof a.value === 'object' ? literalExpression(a.value.value) || undefined : undefined,
			expression: typeof a.value === 'object' && a.value !== null,
			line: line(node),
		}));
}

const attr = (el: { attributes: JsxElement['attributes'] }, name: string) => el.attributes.find((a) => a.name === name)?.value;

/**
 * Parse an MDX file (or a body without frontmatter) with the site's compiler.
 * @param text the whole file, or the body
 * @param firstLine the file line of `text`'s first line (1 for a whole file)
 */
export function outline(text: string, firstLine = 1): Outline {
	const out = empty();
	const shift = firstLine - 1;
	let tree: MdNode;
	try {
		tree = mdxToMdast(text) as unknown as MdNode;
	} catch (e) {
		const message = (e as Error).message ?? String(e);
		const m = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)$/s.exec(message);
		out.error = m
			? { line: Number(m[1]) + shift, column: Number(m[2]), message: m[3]!.split('\n')[0]!.replace(/\s*\(\d+:\d+\)\s*/, ' ').trim() }
			: { line: firstLine, column: 1, message: message.split('\n')[0]! };
		return out;
	}
	const slugger = new GithubSlugger();
	const L = (n: MdNode) => line(n) + shift;

	const visit = (node: MdNode, inside: string | undefined): void => {
		switch (node.type) {
			case 'yaml':
				return;
			case 'mdxjsEsm':
				out.esm.push({ value: String(node.value ?? ''), line: L(node) });
				for (const st of esmStatements(String(node.value ?? ''), L(node))) {
					out.statements.push(st);
					if (st.type === 'import') for (const n of st.names) out.imports.add(n.local);
				}
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				// A string literal (`{' '}`) or a comment is inert; anything else would run at build time.
				const value = String(node.value ?? '');
				if (!/^\s*(?:\/\*[\s\S]*\*\/|(['"])[^'"]*\1)\s*$/.test(value)) out.expressions.push({ value, line: L(node) });
				return;
			}
			case 'html':
				out.html.push({ value: String(node.value ?? ''), line: L(node) });
				return;
			case 'code': {
				if (node.lang === 'mermaid') {
					const source = String(node.value ?? '');
					const startLine = L(node) + 1;
					let links: Link[] = [];
					try {
						links = splitFlowchartSource(source).links.map((l) => ({ href: l.href, line: startLine + l.line - 1, from: 'flowchart' as const }));
					} catch (e) {
						// A malformed click line is the flowcharts check's to report; it yields no links here.
						if (!(e instanceof FlowchartError)) throw e;
					}
					out.mermaid.push({ source, startLine, links });
					source.split('\n').forEach((t, i) => {
						if (!/^\s*(?:click|flowchart|graph)\b/.test(t) && t.trim()) out.text.push({ text: t, line: startLine + i, where: 'flowchart', inside });
					});
				}
				return;
			}
			case 'link':
			case 'definition':
				if (node.url !== undefined) out.links.push({ href: node.url, line: L(node), from: 'text' });
				break;
			case 'heading': {
				out.headingIds.push(slugger.slug(plainText(node).trim()));
				out.text.push({ text: tidyText(plainText(node)), line: L(node), where: 'body', inside });
				return;
			}
			case 'paragraph':
			case 'tableCell':
				out.text.push({ text: tidyText(plainText(node)), line: L(node), where: 'body', inside });
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const name = node.name ?? '';
				const el: JsxElement = {
					name,
					line: L(node),
					column: node.position?.start.column ?? 1,
					attributes: attributesOf(node),
					spread: (node.attributes ?? []).some((a) => a.type === 'mdxJsxExpressionAttribute'),
					node,
				};
				out.elements.push(el);
				if (/^[A-Z]/.test(name) && !out.components.has(name)) out.components.set(name, el.line);
				for (const a of el.attributes) if (a.name === 'href' && a.value !== undefined) out.links.push({ href: a.value, line: el.line, from: 'text' });
				if (/^h[1-6]$/.test(name)) {
					const id = attr(el, 'id');
					if (id) out.headingIds.push(id);
				}
				if (name === 'RoleSteps') {
					const role = attr(el, 'role');
					if (role) out.roles.push(role);
					out.roleSteps.push(roleSteps(node, role, L));
				}
				if (name === 'Warning') {
					out.warnings.push({ title: attr(el, 'title'), text: tidyText(plainText(node)), line: el.line });
				}
				for (const c of node.children ?? []) visit(c, /^[A-Z]/.test(name) ? name : inside);
				return;
			}
		}
		for (const c of node.children ?? []) visit(c, inside);
	};
	visit(tree, undefined);
	return out;
}

function roleSteps(node: MdNode, role: string | undefined, L: (n: MdNode) => number): RoleStepsBlock {
	const children = node.children ?? [];
	const lists = children.filter((c) => c.type === 'list' && c.ordered);
	const stray = children.filter((c) => !(c.type === 'list' && c.ordered)).map((c) => ({ type: c.type, line: L(c) }));
	if (lists.length > 1) stray.push(...lists.slice(1).map((c) => ({ type: 'second ordered list', line: L(c) })));
	const steps = (lists[0]?.children ?? []).map((item) => ({ text: tidyText(plainText(item)), line: L(item) })).filter((s) => s.text.length > 0);
	return { role, line: L(node), steps, stray };
}

interface JsNode {
	type: string;
	loc?: { start: { line: number } };
	source?: { value?: unknown };
	specifiers?: { type: string; imported?: { name?: string; value?: string }; local: { name: string } }[];
}

/** The statements of an ESM block, parsed (never run) with acorn. */
function esmStatements(code: string, line: number): EsmStatement[] {
	let program: { body: JsNode[] };
	try {
		program = parseJs(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as { body: JsNode[] };
	} catch (e) {
		const loc = (e as { loc?: { line: number } }).loc;
		return [{ type: 'error', message: (e as Error).message, line: line + (loc ? loc.line - 1 : 0) }];
	}
	return program.body.map((n): EsmStatement => {
		const at = line + (n.loc ? n.loc.start.line - 1 : 0);
		if (n.type !== 'ImportDeclaration') return { type: 'other', what: n.type, line: at };
		const specs = n.specifiers ?? [];
		const whole = specs.some((s) => s.type === 'ImportDefaultSpecifier') ? 'default' : specs.some((s) => s.type === 'ImportNamespaceSpecifier') ? 'namespace' : undefined;
		return {
			type: 'import',
			source: String(n.source?.value ?? ''),
			names: specs.map((s) => ({ imported: s.imported?.name ?? s.imported?.value ?? (s.type === 'ImportDefaultSpecifier' ? 'default' : '*'), local: s.local.name })),
			line: at,
			whole,
		};
	});
}
