import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '#shared/archive/verify-chain.ts';
import { ackAll, openDemoSession } from '#test/support/signing-helpers.ts';
import { createTestContext, type TestContext } from '#test/support/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.dispose();
});

const evidence = async (sessionId: string) =>
  (await ctx.call('GET', `/api/signing-sessions/${sessionId}/evidence`, await ctx.tokenFor('legal'))).body;

describe('appending to the archive', () => {
  it('ends 50 concurrent messages to one session with seq 1..N, no gap, no duplicate, and a chain that verifies', async () => {
    const s = await openDemoSession(ctx);
    const before = (await evidence(s.sessionId)).records.length;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ctx.call(
          'POST',
          `/api/signing-sessions/${s.sessionId}/messages`,
          i % 5 === 0 ? s.agent : s.buyerToken,
          {
            text: i % 2 ? '物业费多少' : '车位多少钱',
            clientMessageId: `c-${i}`,
          },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const bundle = await evidence(s.sessionId);
    const seqs = bundle.records.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const messages = bundle.records.filter((r: { kind: string }) => r.kind === 'message');
    expect(messages).toHaveLength(50);
    expect(new Set(messages.map((m: { clientMessageId: string }) => m.clientMessageId)).size).toBe(50);
    // Every buyer message is directly followed by its reply: a turn is never split by another append.
    for (const r of bundle.records.filter((x: { kind: string }) => x.kind === 'reply')) {
      expect(bundle.records[r.seq - 2]).toMatchObject({ kind: 'message', actor: { role: 'buyer' } });
      expect(r.refSeq).toBe(r.seq - 1);
    }
    expect(bundle.records.length).toBe(before + 50 + 40);
    expect(verifyChain(bundle.records)).toMatchObject({ ok: true });
  });

  it('returns the same result for a repeated clientMessageId and archives nothing new', async () => {
    const s = await openDemoSession(ctx);
    const body = { text: '公摊多少', clientMessageId: 'same-id' };
    const first = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, body);
    const count = (await evidence(s.sessionId)).records.length;
    const second = await ctx.call(
      'POST',
      `/api/signing-sessions/${s.sessionId}/messages`,
      s.buyerToken,
      body,
    );
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect((await evidence(s.sessionId)).records.length).toBe(count);
  });

  it('archives a retried message once even when the retries race each other', async () => {
    const s = await openDemoSession(ctx);
    const body = { text: '首付要几成', clientMessageId: 'racing' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, body),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const messages = (await evidence(s.sessionId)).records.filter(
      (r: { kind: string }) => r.kind === 'message',
    );
    expect(messages).toHaveLength(1);
  });

  it('refuses a reused clientMessageId with different text', async () => {
    const s = await openDemoSession(ctx);
    await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '公摊多少',
      clientMessageId: 'x',
    });
    const res = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '物业费多少',
      clientMessageId: 'x',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('client_message_id_reused');
  });

  it('lets a seal race concurrent messages without archiving anything after the seal', async () => {
    const s = await openDemoSession(ctx);
    await ackAll(ctx, s);
    const sends = Array.from({ length: 10 }, (_, i) =>
      ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
        text: '层高多少',
        clientMessageId: `r-${i}`,
      }),
    );
    const [seal, ...rest] = await Promise.all([
      ctx.call('POST', `/api/signing-sessions/${s.sessionId}/seal`, s.agent),
      ...sends,
    ]);
    expect(seal.status).toBe(200);
    for (const r of rest) expect([200, 409]).toContain(r.status);
    const records = (await evidence(s.sessionId)).records;
    expect(records.at(-1).kind).toBe('seal');
    expect(records.at(-1).records).toBe(records.length);
    expect(verifyChain(records)).toMatchObject({ ok: true, sealed: true });
  });

  it('never stamps a record earlier than the one before it, even when a clock steps back', async () => {
    const s = await openDemoSession(ctx);
    const at = ctx.clock().toISOString();
    await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '层高多少',
      clientMessageId: 't1',
    });
    ctx.clock.advance(-3_600_000);
    await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '公摊多少',
      clientMessageId: 't2',
    });
    ctx.clock.advance(3_600_000);
    const records = (await evidence(s.sessionId)).records;
    const stamps = records.map((r: { ts: string }) => r.ts);
    expect(stamps).toEqual([...stamps].sort());
    expect(stamps.at(-1)).toBe(at);
  });

  it('gives the buyer and the agent separate clientMessageId spaces', async () => {
    const s = await openDemoSession(ctx);
    const body = { text: '均价多少', clientMessageId: 'shared-id' };
    const buyer = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, body);
    const agent = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.agent, body);
    expect(buyer.body.reply).not.toBeNull();
    expect(agent.body.reply).toBeNull();
    expect(agent.body.message.seq).toBeGreaterThan(buyer.body.reply.seq);
  });

  it('never updates or deletes an archived record: the code has no such path', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
      );
    const offenders = files('shared').filter((f) =>
      /\b(UpdateCommand|DeleteCommand|UpdateItemCommand|DeleteItemCommand|BatchWriteCommand)\b/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('had no unexpected errors', () => {
    expect(ctx.errors).toEqual([]);
  });
});
