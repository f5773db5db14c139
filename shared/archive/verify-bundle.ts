import * as z from 'zod';
import { buyerDigest } from './buyer-digest.ts';
import { canonicalJson, sha256Hex } from './record-hash.ts';
import { verifyChain } from './verify-chain.ts';

const bundleSchema = z.object({
  format: z.literal('koujing-evidence/1'),
  session: z.looseObject({
    sessionId: z.string(),
    buyer: z.object({ name: z.string(), phone: z.string() }).optional(),
  }),
  records: z.array(z.unknown()),
  scriptPack: z.object({ sha256: z.string(), pack: z.unknown() }).nullable().optional(),
});

export type BundleVerdict =
  | { ok: true; sessionId: string; records: number; headHash: string; sealed: boolean }
  | { ok: false; seq: number | null; reason: string };

/** Verifies an evidence bundle offline: format, the hash chain, and that every record belongs to the session. */
export function verifyBundle(input: unknown): BundleVerdict {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      seq: null,
      reason: `not a koujing-evidence/1 bundle: ${parsed.error.issues[0]?.message}`,
    };
  const { session, records } = parsed.data;
  const chain = verifyChain(records);
  if (!chain.ok) return chain;
  for (const r of records as Record<string, unknown>[]) {
    if (r.sessionId !== session.sessionId) {
      return { ok: false, seq: Number(r.seq), reason: 'record belongs to another session' };
    }
  }
  const opened = records[0] as Record<string, unknown>;
  const subject = opened.subject as Record<string, unknown> | undefined;
  if (opened.kind !== 'session-opened')
    return { ok: false, seq: 1, reason: 'chain does not start with session-opened' };
  if (session.buyer && subject?.buyerDigest !== buyerDigest(session.buyer)) {
    return {
      ok: false,
      seq: 1,
      reason: 'session.buyer does not match the buyer digest sealed into the chain',
    };
  }
  if (parsed.data.scriptPack) {
    const { sha256, pack } = parsed.data.scriptPack;
    if (sha256Hex(canonicalJson(pack)) !== sha256 || subject?.packSha256 !== sha256) {
      return {
        ok: false,
        seq: 1,
        reason: 'the included script pack is not the one the session was opened with',
      };
    }
  }
  return {
    ok: true,
    sessionId: session.sessionId,
    records: chain.records,
    headHash: chain.headHash,
    sealed: chain.sealed,
  };
}
