/**
 * The response-code registry: one entry per code, the single source of truth for its
 * facts. Modelled on Rust's `rustc_error_codes`: every code is listed exactly once, and
 * a code that leaves the table is marked `retired`, never deleted.
 *
 * The data lives in `content/registry.ts`; this file only says what an entry may hold.
 */
import { z } from 'astro/zod';
import {
	categorySlugSchema,
	codeSchema,
	customerLineSchema,
	firstActionSchema,
	handlingClassSchema,
	roleSchema,
} from './common.ts';

/**
 * Codes the table groups together share explanatory text through a family component
 * (`src/user-components/Family.astro`) instead of copy-paste.
 */
export const familySchema = z.enum([
	/** 没收卡 family: 04, 07, 33–37, 41, 43, 67. Never retry; keep or return the card per acquirer rules. */
	'pick-up',
	/** 无此账户 family: 39, 42, 44, 52, 53. The card has no account of the type asked for. */
	'no-account',
	/** PIN tries exhausted: 38, 75. */
	'pin-limit',
	/** Sign in again to download fresh working keys: 77, 99, A0 (and often 22). */
	'sign-in',
	/** The first attempt may have gone through: 68, 94, 98. Check before retrying. */
	'uncertain-outcome',
	/** Security department / violation: 60, 63, 66. */
	'security',
	/** Wait and retry later: 90, 91, 92, 96. */
	'switch-unavailable',
	/** 有缺陷的成功: A2, A4, A5, A6. */
	'defective-success',
]);
export type Family = z.infer<typeof familySchema>;

export const registryEntrySchema = z
	.object({
		/** The code as the terminal shows it, e.g. "55" or "A0". */
		code: codeSchema,
		/** `active` codes are on the current table; `retired` codes keep a page that says so. Default `active`. */
		status: z.enum(['active', 'retired']).default('active'),
		/** The standard China UnionPay wording (CUP 标准释义), e.g. "不正确的PIN". */
		meaning: z.string().min(2),
		/** A different wording used by newer tables, if any, e.g. 05 "身份认证失败". */
		newerMeaning: z.string().optional(),
		/** What terminals typically show for this code; the first one is the most common. */
		display: z.array(z.string().min(2)).min(1),
		/** Handling class A–E from the UnionPay terminal specification. */
		class: handlingClassSchema,
		/** Who must act, most important first. */
		whoActs: z.array(roleSchema).min(1),
		/** The first thing to do, in one line. Shown at the top of the article and on the card. */
		firstAction: firstActionSchema,
		/** What the cashier says to the customer, as written. */
		customerLine: customerLineSchema,
		/**
		 * True for codes whose real reason must not be told to the customer (suspected fraud,
		 * captured or restricted cards, risk control). The validator then checks the customer
		 * line against the forbidden words in `content/rules/discretion.json`.
		 */
		discreet: z.boolean().default(false),
		/** Cause categories this code belongs to; each links to `/causes/<slug>/`. */
		categories: z.array(categorySlugSchema).min(1),
		/** Codes a cashier may meet next or confuse with this one. */
		related: z.array(codeSchema).default([]),
		/** The family whose shared explanation this code uses, if any. */
		family: familySchema.optional(),
		/** True where a wrong move costs money (double charge, lost card, paying out twice). */
		moneyAtRisk: z.boolean().default(false),
		/** One line where the same number means something else on Visa/Mastercard. */
		otherNetworks: z.string().optional(),
		/** For `retired` codes: when and why the code left the table. */
		retiredNote: z.string().optional(),
	})
	.strict()
	.refine((e) => e.status !== 'retired' || e.retiredNote, {
		message: 'a retired code needs a retiredNote saying when and why it left the table',
		path: ['retiredNote'],
	});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

export const registrySchema = z
	.object({
		/** Every code with a standard meaning, each exactly once. */
		codes: z.array(registryEntrySchema).min(1),
		/**
		 * Numbers no terminal table assigns. They get no article of their own; one page,
		 * `/codes/unassigned/`, explains that terminals show "交易失败" for them.
		 */
		unassigned: z.array(codeSchema),
		/**
		 * The recorded decision on acquirer-specific letter codes (B0, C1, T1 …).
		 * `excluded` means no article is written, and search answers with this note.
		 */
		acquirerSpecific: z
			.object({
				/** `excluded` or `included`. */
				decision: z.enum(['excluded', 'included']),
				/** The codes the decision covers. */
				codes: z.array(z.string().regex(/^[A-Z][0-9A-Z]$/)),
				/** Why, in one or two sentences (Chinese, shown on the site). */
				why: z.string().min(10),
			})
			.strict(),
	})
	.strict();
export type Registry = z.infer<typeof registrySchema>;
