/**
 * What the checks need from an MDX body, read line by line so every finding keeps its
 * line: links, heading ids, components used and imported, and the mermaid blocks.
 *
 * This is deliberately not a full MDX parser. Articles are Markdown with a handful of
 * author components (`src/components.ts`); code fences other than mermaid are masked so
 * a link or heading shown as code is not taken for a real one.
 */
import GithubSlugger from 'github-slugger';
import { mermaidBlocks } from '../../../src/lib/flowchart/validate.ts';
import { FlowchartError, splitFlowchartSource } from '../../../src/lib/flowchart/render.ts';

interface BodyLine {
	/** 1-based line in the file. */
	line: number;
	/** The text with inline code and non-mermaid code fences blanked out. */
	text: string;
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

export interface Body {
	mermaid: MermaidBlock[];
	links: Link[];
	/** Heading ids in page order, as Astro's Markdown processor assigns them (github-slugger). */
	headingIds: string[];
	/** Components used as JSX tags (`<Warning …>`), with the first line each is used on. */
	components: Map<string, number>;
	/** Names imported by the MDX `import` lines. */
	imports: Set<string>;
	/** Roles of the `<RoleSteps role="…">` blocks; each renders an `id="steps-<role>"` heading. */
	roles: string[];
}

/**
 * @param text the whole file
 * @param firstLine 1-based line where the body starts (after the frontmatter)
 */
export function parseBody(text: string, firstLine: number): Body {
	const all = text.split('\n');
	const lines: BodyLine[] = [];
	let fence: { marker: string; mermaid: boolean } | undefined;
	for (let i = firstLine - 1; i < all.length; i++) {
		const raw = all[i]!;
		const marker = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(raw);
		if (fence) {
			const closes = marker !== null && marker[2] === '' && marker[1]!.startsWith(fence.marker);
			// Mermaid blocks are kept: their labels are content (normalization) and their
			// click lines are links; everything else in a fence is code, not prose.
			lines.push({ line: i + 1, text: fence.mermaid && !closes ? raw : '' });
			if (closes) fence = undefined;
			continue;
		}
		if (marker) {
			fence = { marker: marker[1]!, mermaid: marker[2] === 'mermaid' };
			lines.push({ line: i + 1, text: '' });
			continue;
		}
		lines.push({ line: i + 1, text: raw.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length)) });
	}

	const mermaid = mermaidBlocks(all.slice(firstLine - 1).join('\n')).map((b) => {
		const startLine = b.startLine + firstLine - 1;
		let links: Link[] = [];
		try {
			links = splitFlowchartSource(b.source).links.map((l) => ({ href: l.href, line: startLine + l.line - 1, from: 'flowchart' as const }));
		} catch (e) {
			// A malformed click line is the flowcharts check's to report; it yields no links here.
			if (!(e instanceof FlowchartError)) throw e;
		}
		return { source: b.source, startLine, links };
	});
	const inMermaid = (line: number) => mermaid.some((b) => line >= b.startLine && line < b.startLine + b.source.split('\n').length);

	const links: Link[] = [];
	const components = new Map<string, number>();
	const imports = new Set<string>();
	const roles: string[] = [];
	const slugger = new GithubSlugger();
	const headingIds: string[] = [];
	for (const { line, text: t } of lines) {
		if (inMermaid(line)) continue;
		const imp = /^\s*import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s/.exec(t);
		if (imp) {
			if (imp[1]) imports.add(imp[1]);
			for (const name of imp[2]?.split(',') ?? []) {
				const local = name.trim().split(/\s+as\s+/).at(-1)?.trim();
				if (local) imports.add(local);
			}
			continue;
		}
		for (const m of t.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g)) links.push({ href: m[1]!, line, from: 'text' });
		for (const m of t.matchAll(/\bhref\s*=\s*(?:\{\s*)?["']([^"']+)["']/g)) links.push({ href: m[1]!, line, from: 'text' });
		const def = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+["'].*["'])?\s*$/.exec(t);
		if (def) links.push({ href: def[1]!, line, from: 'text' });
		for (const m of t.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)) if (!components.has(m[1]!)) components.set(m[1]!, line);
		for (const m of t.matchAll(/<RoleSteps\b[^>]*\brole\s*=\s*["']([^"']+)["']/g)) roles.push(m[1]!);
		const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(t);
		if (heading) headingIds.push(slugger.slug(headingText(heading[2]!)));
		for (const m of t.matchAll(/<h[1-6]\b[^>]*\bid\s*=\s*["']([^"']+)["']/g)) headingIds.push(m[1]!);
	}
	return { mermaid, links, headingIds, components, imports, roles };
}

/** The text content of a Markdown heading, which is what github-slugger slugs. */
export function headingText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/(\*\*|__|\*|_|~~|`)/g, '')
		.trim();
}
