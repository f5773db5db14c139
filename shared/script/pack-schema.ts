import * as z from 'zod';
import { plainText } from '#shared/validation/plain-text.ts';

/** Ids are kebab/snake-ish ASCII so they are safe in keys, URLs and logs. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '只能包含字母、数字、点、下划线和连字符');

const nonEmptyText = (max: number) => plainText({ max, multiline: true });

export const scriptEntrySchema = z.looseObject({
  id: idSchema,
  topic: nonEmptyText(40),
  questions: z.array(nonEmptyText(200)).min(1).max(50),
  answer: nonEmptyText(2000),
  commitment: z.boolean(),
  /** Optional extra cue words for the matcher, e.g. ["车位", "停车"]. */
  keywords: z.array(nonEmptyText(40)).max(50).optional(),
});

export const disclosureSchema = z.looseObject({
  id: idSchema,
  title: nonEmptyText(100),
  text: nonEmptyText(4000),
  requiresAck: z.boolean(),
});

/**
 * A sales-script pack (销售口径) as a script owner publishes it. Unknown fields are kept (and hashed)
 * so that what legal later proves is exactly what was published.
 */
export const scriptPackSchema = z
  .looseObject({
    projectId: idSchema,
    projectName: nonEmptyText(100),
    version: idSchema,
    effectiveFrom: z.iso.date(),
    entries: z.array(scriptEntrySchema).min(1).max(500),
    disclosures: z.array(disclosureSchema).max(60),
    /** Pack-specific vocabulary: canonical script term → words buyers use for it. */
    synonyms: z.record(nonEmptyText(40), z.array(nonEmptyText(40)).max(50)).optional(),
  })
  .superRefine((pack, ctx) => {
    const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of dupes(pack.entries.map((e) => e.id))) {
      ctx.addIssue({ code: 'custom', path: ['entries'], message: `条目 id 重复：${id}` });
    }
    for (const id of dupes(pack.disclosures.map((d) => d.id))) {
      ctx.addIssue({ code: 'custom', path: ['disclosures'], message: `披露事项 id 重复：${id}` });
    }
  });

export type ScriptEntry = z.infer<typeof scriptEntrySchema>;
export type Disclosure = z.infer<typeof disclosureSchema>;
export type ScriptPack = z.infer<typeof scriptPackSchema>;
