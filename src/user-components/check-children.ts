/**
 * Author components check what they were given, as Starlight's `<Steps>` does
 * (`rehype-steps.ts`, `StepsError`): a wrong shape fails the build with a named error that
 * says what to write, instead of rendering something the card or the reader cannot use.
 * The rendered slot is read with htmlparser2, not pattern matching.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode } from 'domhandler';
import { textContent } from 'domutils';

export class AuthorComponentError extends Error {
	constructor(component: string, message: string) {
		super(`<${component}>: ${message}`);
		this.name = `${component}Error`;
	}
}

/** The top-level nodes of rendered HTML, without white space and comments. */
function topLevel(html: string): ChildNode[] {
	return parseDocument(html).children.filter((n) => (isText(n) ? n.data.trim() !== '' : n.type !== 'comment'));
}

/** `<RoleSteps>` must hold exactly one ordered list and nothing else. */
export function checkRoleStepsChildren(html: string, role: string): void {
	const nodes = topLevel(html);
	const lists = nodes.filter((n) => isTag(n) && n.name === 'ol');
	if (lists.length !== 1 || nodes.length !== 1) {
		const found = nodes.map((n) => (isTag(n) ? `<${n.name}>` : 'text')).join(', ') || 'nothing';
		throw new AuthorComponentError('RoleSteps', `role="${role}" must wrap exactly one numbered list (1. … 2. …), found ${found} — put every step of this role in one "1." list`);
	}
}

/** `<Warning>` needs a title or a body; an empty red box tells the cashier nothing. */
export function checkWarningChildren(html: string, title: string | undefined): void {
	const body = textContent(parseDocument(html)).trim();
	if (!body && !title?.trim()) throw new AuthorComponentError('Warning', 'has neither a title nor a body — say what not to do and what to do instead');
}
