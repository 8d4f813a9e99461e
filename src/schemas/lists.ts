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
	})
	.strict();
export type CommonLists = z.infer<typeof commonListsSchema>;
