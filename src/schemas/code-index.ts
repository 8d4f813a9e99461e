/**
 * `content/codes.yaml`: the codes that have no article, and why. Every code with a meaning
 * is its own file, `content/codes/<CODE>.mdx`; this small index is the only code list kept
 * apart from the articles (as Rust keeps `lib.rs` beside `error_codes/E0001.md`). The
 * validator checks the two both ways: every number in the code space is either an article
 * or unassigned here, never both.
 */
import { z } from 'astro/zod';
import { codeSchema } from './common.ts';

/** One group of acquirer- or vendor-specific codes and the decision recorded for it. */
export const excludedGroupSchema = z
	.object({
		/** The codes the decision covers, as terminals show them (letters and digits, upper case). */
		codes: z.array(z.string().regex(/^[A-Z0-9]{2,6}$/, 'an excluded code is 2–6 upper-case letters or digits')).min(1),
		/** Why no article is written, in one or two sentences (Chinese, shown by search). */
		why: z.string().min(10),
	})
	.strict();

export const codeIndexSchema = z
	.object({
		/**
		 * Numbers no terminal table assigns. They get no article of their own; one page,
		 * `/codes/unassigned/`, explains that terminals show "交易失败" for them.
		 */
		unassigned: z.array(codeSchema),
		/** Acquirer-specific codes (B0, C1, T1 …) that get no article; search answers with `why`. */
		excluded: z.array(excludedGroupSchema),
	})
	.strict();
export type CodeIndex = z.infer<typeof codeIndexSchema>;
