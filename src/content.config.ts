/**
 * One `docs` collection for all articles, loaded from the top-level `content/`
 * (not Starlight's default `src/content/docs/`), so editors work in one obvious folder.
 * Drafts (`content/drafts/`) and the rule files are outside the glob and never built.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import type { z } from 'astro/zod';
import { articleSchema } from './schemas/article.ts';

export const collections = {
	docs: defineCollection({
		loader: glob({
			pattern: '{codes,symptoms,tasks,causes}/*.mdx',
			base: './content',
			// Keep the file name's case: the default slugger lowercases, which would publish
			// A0 at /codes/a0/ while every link (and the URL scheme) says /codes/A0/.
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: (context) => articleSchema(docsSchema()(context) as unknown as z.ZodObject),
	}),
};
