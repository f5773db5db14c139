import { GENESIS_HASH, recordHash } from './record-hash.ts';

export type ChainVerdict =
  | { ok: true; records: number; headHash: string; sealed: boolean }
  | { ok: false; seq: number; reason: string };

/**
 * Checks a chain offline: seqs run 1..N with no gap, each prevHash is the previous hash, and each hash
 * re-computes from the record's own fields. Names the first bad seq (the position where the chain
 * breaks, for a removed or inserted record).
 */
export function verifyChain(records: unknown[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < records.length; i++) {
    const expectedSeq = i + 1;
    const r = records[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      return { ok: false, seq: expectedSeq, reason: `record #${expectedSeq} is not an object` };
    }
    const rec = r as Record<string, unknown>;
    if (rec.seq !== expectedSeq) {
      return {
        ok: false,
        seq: expectedSeq,
        reason: `expected seq ${expectedSeq}, found ${JSON.stringify(rec.seq)}`,
      };
    }
    if (rec.prevHash !== prevHash) {
      return { ok: false, seq: expectedSeq, reason: 'prevHash does not match the previous record' };
    }
    let computed: string;
    try {
      computed = recordHash(rec);
    } catch {
      return { ok: false, seq: expectedSeq, reason: 'record cannot be canonicalised (RFC 8785)' };
    }
    if (typeof rec.hash !== 'string' || computed !== rec.hash) {
      return { ok: false, seq: expectedSeq, reason: 'hash does not match the record content' };
    }
    prevHash = rec.hash;
  }
  if (records.length === 0) return { ok: false, seq: 1, reason: 'no records' };
  const last = records[records.length - 1] as Record<string, unknown>;
  return { ok: true, records: records.length, headHash: prevHash, sealed: last.kind === 'seal' };
}
