/**
 * MDX: every article and family text compiles with the site's own MDX compiler (satteri,
 * the parser behind Astro 7's Markdown processor), and is data, not code.
 * - A syntax error is reported at the compiler's `line:column`, before a build fails on it.
 * - The only ESM allowed is `import { … } from '~/components.ts'` with names that module
 *   exports (`src/components.ts`, read with acorn). Any other import or any export could
 *   run code or read files on the build machine and publish them (`node:fs`).
 * - `{…}` expressions may only be string literals or comments: anything else runs at build
 *   time (`{process.exit(0)}`), so it is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJs } from 'acorn';
import type { Outline } from '../../../src/lib/content/outline.ts';
import { stamp, type Check, type Finding } from './types.ts';

/** The module authors import from, as they write it. */
export const AUTHOR_MODULE = '~/components.ts';

export const mdxCheck: Check = {
	id: 'mdx',
	description: "every article compiles with the site's MDX compiler; imports only author components; no code",
	needs: 'content',
	run(index) {
		const known = authorComponents(index.repo);
		const findings: Finding[] = [];
		for (const a of index.articles) findings.push(...checkOutline(a.file, a.body, known));
		for (const f of index.families) findings.push(...checkOutline(f.file, f.body, known));
		return stamp('mdx', findings);
	},
};

/** The names `src/components.ts` exports, read with a JavaScript parser (never imported: it loads .astro files). */
export function authorComponents(repo: string): Set<string> {
	const program = parseJs(readFileSync(join(repo, 'src/components.ts'), 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as {
		body: { type: string; specifiers?: { exported: { name?: string; value?: string } }[] }[];
	};
	const names = program.body.flatMap((n) => (n.type === 'ExportNamedDeclaration' ? (n.specifiers ?? []).map((s) => s.exported.name ?? s.exported.value ?? '') : []));
	return new Set(names.filter(Boolean));
}

function checkOutline(file: string, body: Outline, known: Set<string>): Finding[] {
	if (body.error) {
		return [
			{
				file,
				line: body.error.line,
				column: body.error.column,
				message: `the MDX compiler cannot read this: ${body.error.message}`,
				fix: 'close every <Component> and {…}, and write a literal < as &lt; or { as \\{ in text',
			},
		];
	}
	const findings: Finding[] = [];
	const list = [...known].join(', ');
	for (const st of body.statements) {
		if (st.type === 'error') {
			findings.push({ file, line: st.line, message: `the import line cannot be parsed: ${st.message}`, fix: `write it as: import { RoleSteps, Warning } from '${AUTHOR_MODULE}';` });
		} else if (st.type === 'other') {
			findings.push({ file, line: st.line, message: `\`${st.what}\` is code, and articles are data: only the author components may be imported`, fix: `remove it; import only from '${AUTHOR_MODULE}' (${list})` });
		} else if (st.source !== AUTHOR_MODULE) {
			findings.push({ file, line: st.line, message: `imports from '${st.source}': articles may import only from '${AUTHOR_MODULE}'`, fix: `remove this import; the author components are ${list}` });
		} else if (st.whole) {
			findings.push({ file, line: st.line, message: `a ${st.whole} import of '${AUTHOR_MODULE}'`, fix: `import the components by name: import { RoleSteps, Warning } from '${AUTHOR_MODULE}';` });
		} else {
			for (const n of st.names) {
				if (!known.has(n.imported)) findings.push({ file, line: st.line, message: `'${AUTHOR_MODULE}' has no component ${n.imported}`, fix: `use one of ${list}, or remove ${n.imported}` });
			}
		}
	}
	for (const e of body.expressions) {
		findings.push({
			file,
			line: e.line,
			message: `the expression {${e.value.trim().slice(0, 40)}} would run as code when the site is built`,
			fix: 'write it as text; a literal { or } in text is written \\{ or \\}',
		});
	}
	return findings;
}
