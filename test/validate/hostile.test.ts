/**
 * Hostile and broken input for the validator (the V-rows of the hostile-input probe that a
 * text patch cannot express: bytes, links, whole-file replacements). Each case asserts the
 * problem and its line, that the run did not crash, and that nothing under the content
 * root was changed: the validator only reads.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../scripts/lib/validate/run.ts';
import { SetupError } from '../../scripts/lib/validate/types.ts';
import { materialize, type Materialized } from './patch.ts';

let fixture: Materialized | undefined;
afterEach(() => fixture?.remove());

/** A digest of every regular file below `dir` (links are listed by name, not followed). */
function snapshot(dir: string, prefix = ''): Record<string, string> {
	const out: Record<string, string> = {};
	for (const name of readdirSync(dir).sort()) {
		const abs = join(dir, name);
		const st = lstatSync(abs);
		if (st.isSymbolicLink()) out[prefix + name] = 'link';
		else if (st.isDirectory()) Object.assign(out, snapshot(abs, `${prefix}${name}/`));
		else out[prefix + name] = createHash('sha256').update(readFileSync(abs)).digest('hex');
	}
	return out;
}

/** Validate a base copy after `damage`, and check nothing changed on disk. */
async function run(damage: (root: string) => void) {
	// A no-op note in a data file: the damage itself is done on disk below.
	fixture = materialize({ 'common.yaml': { replace: [['# Fixture lists', '# Fixture lists (hostile input)']] } });
	damage(fixture.root);
	const before = snapshot(fixture.root);
	const result = await validate({ root: fixture.root, only: ['schema', 'mdx', 'markup', 'size', 'coverage', 'links', 'orphans', 'flowcharts'] });
	expect(snapshot(fixture.root)).toEqual(before);
	return result.problems.map((p) => ({ check: p.check, file: p.file.split('/').slice(-2).join('/'), line: p.line, message: p.message }));
}

describe('the validator holds against hostile content', () => {
	it('V27: invalid UTF-8 bytes are reported at their line, not decoded to U+FFFD', async () => {
		const problems = await run((root) => appendFileSync(join(root, 'causes/keys.mdx'), Buffer.from([0x0a, 0xff, 0xfe, 0x41])));
		expect(problems).toContainEqual(expect.objectContaining({ check: 'schema', file: 'causes/keys.mdx', message: expect.stringContaining('not UTF-8') }));
	});

	it('V28: an article saved as GB18030 is refused, with the line of the first Chinese text', async () => {
		const problems = await run((root) => {
			const file = join(root, 'codes/55.mdx');
			const text = readFileSync(file, 'utf8');
			writeFileSync(file, Buffer.from(new TextDecoder().decode(new TextEncoder().encode(text)).replace(/[^\x00-\x7f]/g, '\xd6\xd0'), 'latin1'));
		});
		expect(problems).toContainEqual(expect.objectContaining({ check: 'schema', file: 'codes/55.mdx', line: 4, message: expect.stringContaining('not UTF-8') }));
	});

	it('V29: a NUL byte is reported at its line', async () => {
		const problems = await run((root) => appendFileSync(join(root, 'codes/75.mdx'), '\n\0\n'));
		expect(problems).toContainEqual(expect.objectContaining({ check: 'schema', file: 'codes/75.mdx', message: 'the file contains a NUL byte' }));
	});

	it('V32, V33: links (loops, out of the tree, dangling) are reported and never followed', async () => {
		const problems = await run((root) => {
			symlinkSync('loop', join(root, 'loop'));
			symlinkSync('/etc', join(root, 'etc'));
			symlinkSync('..', join(root, 'codes/up'));
			symlinkSync('nowhere.mdx', join(root, 'codes/56.mdx'));
		});
		const links = problems.filter((p) => p.message.includes('symbolic link'));
		expect(links.map((p) => p.file.split('/').pop()).sort()).toEqual(['56.mdx', 'etc', 'loop', 'up']);
		// Nothing from /etc was read as content.
		expect(problems.some((p) => p.file.includes('passwd'))).toBe(false);
	});

	it('V20, V21: a 1 MB article and a 300-node flowchart are refused as too big, quickly', async () => {
		const problems = await run((root) => {
			const file = join(root, 'codes/55.mdx');
			const chain = Array.from({ length: 300 }, (_, i) => `  N${i}[步骤 ${i}] --> N${i + 1}[步骤 ${i + 1}]`).join('\n');
			writeFileSync(file, readFileSync(file, 'utf8').replace('flowchart TD\n', `flowchart TD\n${chain}\n`));
			appendFileSync(join(root, 'codes/75.mdx'), `\n${'很长的一段话。'.repeat(50_000)}\n`);
		});
		expect(problems).toContainEqual(expect.objectContaining({ check: 'size', file: 'codes/55.mdx', message: expect.stringContaining('the flowchart has 305 nodes') }));
		expect(problems).toContainEqual(expect.objectContaining({ check: 'size', file: 'codes/75.mdx', message: expect.stringContaining('KB (at most 32 KB)') }));
		// V22: no parser message about mermaid.initialize for a chart past mermaid's edge limit.
		expect(problems.filter((p) => p.check === 'flowcharts' && p.file === 'codes/55.mdx')).toEqual([]);
	});

	it('V34: a content root that is a file is a one-line setup error', async () => {
		await expect(validate({ root: 'package.json' })).rejects.toThrow(SetupError);
		await expect(validate({ root: 'package.json' })).rejects.toThrow(/does not exist or is not a folder/);
	});
});
