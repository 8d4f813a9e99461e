/**
 * Vocabulary shared by every article kind, the code index and the cards.
 *
 * Closed sets that the site's logic depends on (handling classes, roles, article kinds)
 * are enums here. Open sets that editors extend by adding a file (categories = the files in
 * `content/causes/`, symptoms, tasks, families) are slugs: the validator checks that each
 * slug names an existing file, so adding one is one new file under `content/` and no code.
 * Chinese labels for the enums live in `src/lib/labels.ts`; the data stays in English
 * identifiers and the UI in Simplified Chinese.
 */
import { z } from 'astro/zod';

/**
 * The UnionPay code space, defined once: two digits, or A0–A7. Everything that needs to
 * recognise a code (schemas, flowchart labels, the importer, search, the bench) uses these.
 */
export const CODE_PATTERN = '(?:\\d{2}|A[0-7])';
/** Anchored form of {@link CODE_PATTERN}. */
export const CODE_RE = new RegExp(`^${CODE_PATTERN}$`);
/** Every code the space can hold, in table order (00…99, A0…A7): 108 codes. */
export const CODE_SPACE: readonly string[] = [
	...Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')),
	...Array.from({ length: 8 }, (_, i) => `A${i}`),
];

/**
 * A response code as the terminal shows it: two digits, or A0–A7.
 * Always a string, so "05" never turns into the number 5 in YAML.
 */
export const codeSchema = z.string().regex(CODE_RE, 'a code is two digits or A0–A7, written as a quoted string such as "05"');
export type Code = z.infer<typeof codeSchema>;

/**
 * The five handling classes, as the public SDK tables define them (Topwise-style
 * `ResultsQuery`): A 交易成功 · B 交易失败，可重试 · C 交易失败，不需要重试 ·
 * D 交易失败，终端操作员处理 · E 交易失败，系统故障，不需要重试.
 */
export const handlingClassSchema = z.enum(['A', 'B', 'C', 'D', 'E']);
export type HandlingClass = z.infer<typeof handlingClassSchema>;

/**
 * Who has to act. The reference table's 持 / 商 / 收 / 发 / 技.
 * `nobody` is only for success codes.
 */
export const roleSchema = z.enum(['cardholder', 'merchant', 'acquirer', 'issuer', 'technician', 'nobody']);
export type Role = z.infer<typeof roleSchema>;

/** A file-name slug: lower-case letters, digits and single hyphens (`settlement-failure`). */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case letters, digits and hyphens, like the file name');

/** A cause category: the name of a file in `content/causes/` (page `/causes/<slug>/`). */
export const categorySlugSchema = slugSchema;
export type CategorySlug = z.infer<typeof categorySlugSchema>;

/** A symptom: the name of a file in `content/symptoms/` (page `/symptoms/<slug>/`). */
export const symptomSlugSchema = slugSchema;
export type SymptomSlug = z.infer<typeof symptomSlugSchema>;

/** A task: the name of a file in `content/tasks/` (page `/tasks/<slug>/`). */
export const taskSlugSchema = slugSchema;
export type TaskSlug = z.infer<typeof taskSlugSchema>;

/** A code family: the name of a file in `content/families/`, whose text `<Family />` shows. */
export const familySchema = slugSchema;
export type Family = z.infer<typeof familySchema>;

/** The article kinds, each with its own folder and URL prefix (`/codes/`, `/symptoms/`, `/tasks/`, `/causes/`). */
export const articleKindSchema = z.enum(['code', 'symptom', 'task', 'cause']);
export type ArticleKind = z.infer<typeof articleKindSchema>;

/** The folder (and URL prefix) of each kind. */
export const KIND_FOLDERS = { code: 'codes', symptom: 'symptoms', task: 'tasks', cause: 'causes' } as const satisfies Record<ArticleKind, string>;
export type ArticleFolder = (typeof KIND_FOLDERS)[ArticleKind];

/**
 * What the cashier may say to the customer, as written: one or two short, polite
 * sentences in Simplified Chinese that point to the customer's next step.
 */
export const customerLineSchema = z
	.string()
	.min(8, 'the customer line is one or two full sentences')
	.max(90, 'the customer line must be short enough to say at the counter (90 characters at most)');

/** The English line shown to a foreign cardholder: short, polite, and it says what to do next. */
export const customerLineEnSchema = z
	.string()
	.min(12, 'the English customer line is one or two full sentences')
	.max(160, 'the English customer line must be short enough to read across the counter (160 characters at most)');

/** The single line at the top of a page: what to do first. */
export const firstActionSchema = z.string().min(6).max(120, 'the first action is one line (120 characters at most)');
