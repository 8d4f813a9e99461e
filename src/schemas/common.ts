/**
 * Vocabulary shared by the registry, the article frontmatter and the cards.
 *
 * Each enum here is the one name for its concept, from the registry through the URL
 * to the file name. Chinese labels for these values live in `src/lib/labels.ts`, so
 * the data stays in English identifiers and the UI stays in Simplified Chinese.
 */
import { z } from 'astro/zod';

/**
 * A response code as the terminal shows it: two digits, or A0–A7.
 * Always a string, so "05" never turns into the number 5 in YAML or JSON.
 */
export const codeSchema = z
	.string()
	.regex(/^(?:\d{2}|A[0-7])$/, 'a code is two digits or A0–A7, written as a quoted string such as "05"');
export type Code = z.infer<typeof codeSchema>;

/**
 * The UnionPay terminal specification's five handling classes.
 * A success · B failed, may retry · C failed, do not retry · D operator must act · E system fault.
 */
export const handlingClassSchema = z.enum(['A', 'B', 'C', 'D', 'E']);
export type HandlingClass = z.infer<typeof handlingClassSchema>;

/**
 * Who has to act. The reference table's 持 / 商 / 收 / 发 / 技.
 * `nobody` is only for success codes.
 */
export const roleSchema = z.enum(['cardholder', 'merchant', 'acquirer', 'issuer', 'technician', 'nobody']);
export type Role = z.infer<typeof roleSchema>;

/** Cause categories; each has one article at `/causes/<slug>/`. */
export const categorySlugSchema = z.enum([
	'hardware',
	'software',
	'network',
	'keys',
	'card',
	'merchant-account',
	'channel',
	'transaction-data',
	'operator',
	'risk',
	'environment',
]);
export type CategorySlug = z.infer<typeof categorySlugSchema>;

/** Messages a terminal shows without a code; each has one article at `/symptoms/<slug>/`. */
export const symptomSlugSchema = z.enum(['settlement-failure', 'merchant-status-abnormal', 'card-swipe-alert']);
export type SymptomSlug = z.infer<typeof symptomSlugSchema>;

/** The three article kinds, each with its own URL prefix (`/codes/`, `/symptoms/`, `/causes/`). */
export const articleKindSchema = z.enum(['code', 'symptom', 'cause']);
export type ArticleKind = z.infer<typeof articleKindSchema>;

/**
 * What the cashier may say to the customer, as written: one or two short, polite
 * sentences in Simplified Chinese that point to the customer's next step.
 */
export const customerLineSchema = z
	.string()
	.min(8, 'the customer line is one or two full sentences')
	.max(90, 'the customer line must be short enough to say at the counter (90 characters at most)');

/** The single line at the top of a page: what to do first. */
export const firstActionSchema = z.string().min(6).max(120, 'the first action is one line (120 characters at most)');
