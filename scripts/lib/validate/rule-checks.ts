/**
 * The two checks that read the published prose against rules kept as data:
 * - `advice` (`content/rules/advice.yaml`): advice that would cost a merchant money or
 *   break the acquirer's rules (split sales, a second sale for a difference, the cashier
 *   loading keys, anyone but the cardholder touching the PIN, retrying a pick-up code,
 *   retrying an uncertain outcome without checking the earlier attempts);
 * - `glossary` (`content/rules/glossary.yaml`): one term per concept.
 * A fixture root may carry its own rule files; otherwise the real ones are used.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkAdvice, loadAdviceRules } from './advice.ts';
import { checkGlossary, loadGlossaryRules } from './glossary.ts';
import { textSegments } from './segments.ts';
import { stamp, type Check, type ContentIndex } from './types.ts';

function ruleFile(index: ContentIndex, name: string): string {
	const own = join(index.repo, index.root, 'rules', name);
	return existsSync(own) ? own : join(index.repo, 'content', 'rules', name);
}

export const adviceCheck: Check = {
	id: 'advice',
	description: 'no advice that costs money or breaks acquirer rules (content/rules/advice.yaml)',
	needs: 'content',
	run(index) {
		return stamp('advice', checkAdvice(textSegments(index), loadAdviceRules(ruleFile(index, 'advice.yaml'))));
	},
};

export const glossaryCheck: Check = {
	id: 'glossary',
	description: 'one term per concept (content/rules/glossary.yaml)',
	needs: 'content',
	run(index) {
		return stamp('glossary', checkGlossary(textSegments(index), loadGlossaryRules(ruleFile(index, 'glossary.yaml'))));
	},
};
