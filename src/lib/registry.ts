/**
 * The validated registry and the lookups every page, card and script uses.
 *
 * Parsing happens once at import. An invalid registry throws with the file and line of
 * the offending entry, so the build stops with a message an editor can act on.
 */
import { readFileSync } from 'node:fs';
import { registry as raw } from '../../content/registry.ts';
import { registrySchema, type Registry, type RegistryEntry } from '../schemas/registry.ts';
import type { CategorySlug, Code } from '../schemas/common.ts';

export const REGISTRY_FILE = 'content/registry.ts';

/** 1-based line of `code: 'XX'` in the registry source, for messages. */
export function registryLine(code: string, source = readRegistrySource()): number {
	const lines = source.split('\n');
	const index = lines.findIndex((l) => new RegExp(`^\\s*code:\\s*['"]${code}['"]`).test(l));
	return index + 1;
}

function readRegistrySource(): string {
	try {
		return readFileSync(REGISTRY_FILE, 'utf8');
	} catch {
		return '';
	}
}

/** Validate raw registry data; throws `file:line: problem — fix` for the first problems found. */
export function parseRegistry(data: unknown): Registry {
	const result = registrySchema.safeParse(data);
	if (result.success) return result.data;
	const source = readRegistrySource();
	const messages = result.error.issues.map((issue) => {
		const [top, index] = issue.path;
		let line = 1;
		if (top === 'codes' && typeof index === 'number') {
			const code = (data as { codes?: { code?: string }[] }).codes?.[index]?.code;
			if (code) line = registryLine(code, source);
		}
		return `${REGISTRY_FILE}:${line}: ${issue.path.join('.')}: ${issue.message} — fix this registry entry`;
	});
	throw new Error(`The response-code registry is invalid:\n${messages.join('\n')}`);
}

export const registry: Registry = parseRegistry(raw);

const byCode = new Map(registry.codes.map((e) => [e.code, e]));

/** All codes with a standard meaning, in table order (00…99, then A0…A7). */
export const registryCodes: RegistryEntry[] = registry.codes;

export function getCode(code: string): RegistryEntry | undefined {
	return byCode.get(code.toUpperCase() as Code);
}

export function isKnownCode(code: string): boolean {
	return byCode.has(code.toUpperCase() as Code);
}

/** URL of a code's article. One name per thing: `/codes/<CODE>/`. */
export const codeHref = (code: string) => `/codes/${code.toUpperCase()}/`;
export const symptomHref = (slug: string) => `/symptoms/${slug}/`;
export const causeHref = (slug: string) => `/causes/${slug}/`;
export const cardHref = (id: string) => `/cards/${id}/`;

/** Codes that list a category, derived from the data rather than typed by hand. */
export function codesInCategory(category: CategorySlug): RegistryEntry[] {
	return registry.codes.filter((e) => e.categories.includes(category));
}
