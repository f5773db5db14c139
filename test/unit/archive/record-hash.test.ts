import { describe, expect, it } from 'vitest';
import { linkRecords } from '#shared/archive/chain-append.ts';
import { canonicalJson, GENESIS_HASH, recordHash, sha256Hex } from '#shared/archive/record-hash.ts';
import { verifyChain } from '#shared/archive/verify-chain.ts';

const drafts = [
  { kind: 'message', text: '均价多少？', actor: { role: 'buyer', id: 'own_1' } },
  {
    kind: 'reply',
    text: '均价约每平方米 32,000 元',
    entryId: 'price-avg',
    actor: { role: 'bot', id: 'koujing-bot' },
  },
  { kind: 'seal', text: '恭喜', actor: { role: 'sales', id: 'agent-1' } },
];
const chain = () =>
  linkRecords(null, drafts, (d) => ({ ...d, sessionId: 'ses_x', ts: '2026-11-20T02:00:00.000Z' }));

describe('record hashing', () => {
  it('canonicalises keys in RFC 8785 order regardless of insertion order', () => {
    expect(canonicalJson({ b: 1, a: '中', c: [true, null] })).toBe('{"a":"中","b":1,"c":[true,null]}');
  });

  it('hashes the JCS of every field except hash, as lowercase hex SHA-256', () => {
    const rec = { seq: 1, text: 'x', prevHash: GENESIS_HASH };
    const expected = sha256Hex(`{"prevHash":"${GENESIS_HASH}","seq":1,"text":"x"}`);
    expect(recordHash(rec)).toBe(expected);
    expect(recordHash({ ...rec, hash: 'ignored' })).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links seq 1..N from the genesis hash, each prevHash the previous hash', () => {
    const linked = chain();
    expect(linked.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(linked[0]!.prevHash).toBe(GENESIS_HASH);
    expect(linked[1]!.prevHash).toBe(linked[0]!.hash);
    expect(linked[2]!.prevHash).toBe(linked[1]!.hash);
  });

  it('continues a chain from its head', () => {
    const linked = linkRecords(
      { seq: 7, hash: 'a'.repeat(64), kind: 'reply', ts: '2026-11-20T02:00:00.000Z' },
      [drafts[0]!],
      (d) => d,
    );
    expect(linked[0]!.seq).toBe(8);
    expect(linked[0]!.prevHash).toBe('a'.repeat(64));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head and seal', () => {
    const linked = chain();
    expect(verifyChain(linked)).toEqual({ ok: true, records: 3, headHash: linked[2]!.hash, sealed: true });
  });

  it('names the edited record', () => {
    const linked = chain();
    linked[1] = { ...linked[1]!, text: '均价约每平方米 28,000 元' };
    expect(verifyChain(linked)).toMatchObject({ ok: false, seq: 2 });
  });

  it('names the position of a removed record', () => {
    const linked = chain();
    linked.splice(1, 1);
    expect(verifyChain(linked)).toMatchObject({ ok: false, seq: 2 });
  });

  it('names the position of reordered records', () => {
    const linked = chain();
    [linked[1], linked[2]] = [linked[2]!, linked[1]!];
    expect(verifyChain(linked)).toMatchObject({ ok: false, seq: 2 });
  });

  it('rejects an inserted record even when its own hash is recomputed', () => {
    const linked = chain();
    const forged = { ...linked[1]!, text: '送车位' };
    forged.hash = recordHash(forged);
    linked.splice(2, 0, forged);
    expect(verifyChain(linked)).toMatchObject({ ok: false, seq: 3 });
  });

  it('rejects an empty chain', () => {
    expect(verifyChain([])).toMatchObject({ ok: false, seq: 1 });
  });
});
