import * as z from 'zod';

export const recordKinds = [
  'session-opened',
  'disclosure-shown',
  'disclosure-ack',
  'message',
  'reply',
  'commitment',
  'off-script-commitment',
  'seal',
] as const;
export type RecordKind = (typeof recordKinds)[number];

export const actorSchema = z.strictObject({
  role: z.enum(['buyer', 'sales', 'bot', 'system']),
  id: z.string().min(1),
});
export type Actor = z.infer<typeof actorSchema>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One archived signing-session record. Strict: unknown or undefined fields would change the hash or
 * vanish from it. Kind-specific fields are optional and absent (never undefined) when unused.
 */
export const archiveRecordSchema = z.strictObject({
  sessionId: z.string().min(1),
  seq: z.number().int().min(1),
  ts: z.iso.datetime(),
  actor: actorSchema,
  kind: z.enum(recordKinds),
  text: z.string(),
  prevHash: hex64,
  hash: hex64,
  entryId: z.string().nullable().optional(),
  scriptVersion: z.string().optional(),
  disclosureId: z.string().optional(),
  clientMessageId: z.string().optional(),
  /** The seq of the record this one answers or flags. */
  refSeq: z.number().int().min(1).optional(),
  /** Why the bot replied as it did: normalised text, scores, runner-up or decline reason. */
  decision: z.record(z.string(), z.unknown()).optional(),
  /** session-opened: what the session is bound to (project, unit, agent, pack, buyer digest). */
  subject: z.record(z.string(), z.unknown()).optional(),
  /** off-script-commitment: the words that made it sound like a promise. */
  flaggedTerms: z.array(z.string()).optional(),
  /** seal: how many records the sealed chain holds, the seal included. */
  records: z.number().int().min(1).optional(),
});
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;

/** What a caller supplies; the chain fills in sessionId, seq, ts, prevHash and hash. */
export type RecordDraft = Omit<ArchiveRecord, 'sessionId' | 'seq' | 'ts' | 'prevHash' | 'hash'>;
