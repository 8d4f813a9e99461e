/**
 * `content/common.yaml`: the editors' choice of what cashiers meet most, in the order the
 * home page and the counter wall chart show it. Editorial data, so it lives in `content/`.
 */
import { z } from 'astro/zod';
import { codeSchema, slugSchema } from './common.ts';

export const commonListsSchema = z
	.object({
		/** The most common codes, most common first; each must have an article. */
		codes: z.array(codeSchema).min(1),
		/** The most common problems without a code (symptom slugs), most common first; each must have an article. */
		symptoms: z.array(slugSchema).default([]),
		/** The wall chart's English phrase strip, for a foreign customer; each with the Chinese label the cashier reads. */
		phrases: z
			.array(
				z
					.object({
						/** What the cashier reads to find the phrase, e.g. 请换一张卡. */
						zh: z.string().min(2),
						/** What the customer reads, e.g. "Could you try another card, please?". */
						en: z.string().min(4).max(80),
					})
					.strict(),
			)
			.default([]),
	})
	.strict();
export type CommonLists = z.infer<typeof commonListsSchema>;
