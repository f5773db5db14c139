import * as z from 'zod';
import { buyerDigest } from './buyer-digest.ts';
import { canonicalJson, sha256Hex } from './record-hash.ts';
import { verifyChain } from './verify-chain.ts';

const bundleSchema = z.object({
  format: z.literal('koujing-evidence/1'),
  session: z.looseObject({
    sessionId: z.string(),
    buyer: z.object({ name: z.string(), phone: z.string() }).optional(),
    buyerSalt: z.string().optional(),
    records: z.number().optional(),
    headHash: z.string().nullable().optional(),
    sealed: z.boolean().optional(),
  }),
  records: z.array(z.unknown()),
  scriptPack: z
    .object({
      sha256: z.string(),
      pack: z.looseObject({
        entries: z.array(z.looseObject({ id: z.string(), answer: z.string() })),
        disclosures: z.array(z.looseObject({ id: z.string(), title: z.string(), text: z.string() })),
      }),
    })
    .nullable()
    .optional(),
});

export type BundleVerdict =
  | { ok: true; sessionId: string; records: number; headHash: string; sealed: boolean }
  | { ok: false; seq: number | null; reason: string };

type Rec = Record<string, unknown>;
const fail = (seq: number | null, reason: string): BundleVerdict => ({ ok: false, seq, reason });

/** Session fields that the first record binds into the chain. */
const BOUND_FIELDS = ['projectId', 'unitId', 'agentId', 'ownerId', 'packSha256'] as const;

/**
 * Verifies an evidence bundle offline: the hash chain; that every record belongs to the session and
 * time never runs backwards; that the seal, if any, is the one last record; that the header (session,
 * counts, head hash, buyer) agrees with what the chain binds; and that every approved text the chain
 * quotes is the one in the included script pack. `expectHead` (the head hash the seal returned, kept
 * outside the bundle) also catches a chain cut short together with its header.
 */
export function verifyBundle(input: unknown, opts: { expectHead?: string } = {}): BundleVerdict {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    return fail(null, `not a koujing-evidence/1 bundle: ${parsed.error.issues[0]?.message}`);
  }
  const { session, records, scriptPack } = parsed.data;
  const chain = verifyChain(records);
  if (!chain.ok) return chain;
  const recs = records as Rec[];

  let prevTs = '';
  for (const r of recs) {
    const seq = Number(r.seq);
    if (r.sessionId !== session.sessionId) return fail(seq, 'record belongs to another session');
    if (typeof r.ts !== 'string' || r.ts < prevTs) return fail(seq, 'timestamp runs backwards');
    prevTs = r.ts;
    if (r.kind === 'seal' && (seq !== recs.length || r.records !== seq)) {
      return fail(seq, 'a seal that is not the last record, or that counts the records wrongly');
    }
  }

  const opened = recs[0]!;
  const subject = (opened.subject ?? {}) as Rec;
  if (opened.kind !== 'session-opened') return fail(1, 'chain does not start with session-opened');
  for (const field of BOUND_FIELDS) {
    if (field in session && session[field] !== subject[field]) {
      return fail(1, `session.${field} does not match what the chain binds`);
    }
  }
  if ('scriptVersion' in session && session.scriptVersion !== opened.scriptVersion) {
    return fail(1, 'session.scriptVersion does not match what the chain binds');
  }
  if (session.buyer) {
    if (!session.buyerSalt || subject.buyerDigest !== buyerDigest(session.buyer, session.buyerSalt)) {
      return fail(1, 'session.buyer does not match the buyer digest sealed into the chain');
    }
  }
  if (session.records !== undefined && session.records !== recs.length) {
    return fail(null, `the bundle says ${session.records} records but holds ${recs.length}`);
  }
  if (session.headHash !== undefined && session.headHash !== chain.headHash) {
    return fail(null, 'session.headHash is not the hash of the last record');
  }
  if (session.sealed !== undefined && session.sealed !== chain.sealed) {
    return fail(null, 'session.sealed does not match the chain');
  }

  if (subject.packSha256 !== undefined) {
    if (!scriptPack) return fail(null, 'the script pack the session was opened with is missing');
    let packHash: string;
    try {
      packHash = sha256Hex(canonicalJson(scriptPack.pack));
    } catch {
      return fail(null, 'the included script pack cannot be canonicalised');
    }
    if (packHash !== scriptPack.sha256 || subject.packSha256 !== scriptPack.sha256) {
      return fail(null, 'the included script pack is not the one the session was opened with');
    }
    const answers = new Map(scriptPack.pack.entries.map((e) => [e.id, e.answer]));
    const disclosures = new Map(scriptPack.pack.disclosures.map((d) => [d.id, `${d.title}\n${d.text}`]));
    for (const r of recs) {
      const quotesAnswer = (r.kind === 'reply' || r.kind === 'commitment') && typeof r.entryId === 'string';
      if (quotesAnswer && answers.get(r.entryId as string) !== r.text) {
        return fail(Number(r.seq), 'the reply is not the approved answer of its script entry');
      }
      if (r.kind === 'disclosure-shown' && disclosures.get(String(r.disclosureId)) !== r.text) {
        return fail(Number(r.seq), 'the disclosure shown is not the approved disclosure text');
      }
    }
  }

  if (opts.expectHead && opts.expectHead !== chain.headHash) {
    return fail(null, `the chain ends at ${chain.headHash}, not at the expected head ${opts.expectHead}`);
  }
  return {
    ok: true,
    sessionId: session.sessionId,
    records: chain.records,
    headHash: chain.headHash,
    sealed: chain.sealed,
  };
}
