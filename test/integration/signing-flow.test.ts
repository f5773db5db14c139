import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '#shared/archive/verify-bundle.ts';
import { declineTexts } from '#shared/signing/bot-texts.ts';
import { ackAll, BUYER, openDemoSession } from '#test/support/signing-helpers.ts';
import { createTestContext, demoPack, type TestContext } from '#test/support/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.dispose();
});

const entry = (id: string) => demoPack().entries.find((e) => e.id === id)!;

describe('a signing session from open to seal', () => {
  it('opens with the current script version, a buyer token and every disclosure', async () => {
    const s = await openDemoSession(ctx);
    expect(s.opened).toMatchObject({ sessionId: expect.stringMatching(/^ses_/), scriptVersion: '2026.11' });
    expect(s.disclosures.map((d) => d.id)).toEqual(demoPack().disclosures.map((d) => d.id));
    expect(s.disclosures[0]).toEqual({
      id: demoPack().disclosures[0]!.id,
      title: demoPack().disclosures[0]!.title,
      text: demoPack().disclosures[0]!.text,
      requiresAck: true,
    });
  });

  it('answers a buyer with the approved answer word for word and archives the commitment', async () => {
    const s = await openDemoSession(ctx);
    const res = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '什么时候交房？',
      clientMessageId: 'm-1',
    });
    expect(res.status).toBe(200);
    expect(res.body.reply).toMatchObject({
      text: entry('delivery-date').answer,
      entryId: 'delivery-date',
      commitment: true,
    });
    expect(res.body.reply.seq).toBe(res.body.message.seq + 1);
    expect(res.body.message.hash).toMatch(/^[0-9a-f]{64}$/);

    const legal = await ctx.tokenFor('legal');
    const bundle = (await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal)).body;
    const kinds = bundle.records.map((r: { kind: string }) => r.kind);
    expect(kinds.slice(-3)).toEqual(['message', 'reply', 'commitment']);
    const commitment = bundle.records.at(-1);
    expect(commitment).toMatchObject({
      entryId: 'delivery-date',
      scriptVersion: '2026.11',
      refSeq: res.body.reply.seq,
    });
    const reply = bundle.records.at(-2);
    expect(reply.decision).toMatchObject({
      declineReason: null,
      normalized: expect.any(String),
      rerank: { swapLikelihood: expect.any(Number), swapped: false },
      review: { declineLikelihood: expect.any(Number), outcome: 'kept' },
    });
  });

  it('reads a vague opening and its point as one question, and archives the judgement', async () => {
    const s = await openDemoSession(ctx);
    const res = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '交房的时候房子是什么状态，能先验房吗',
      clientMessageId: 'm-1',
    });
    expect(res.body.reply).toMatchObject({
      entryId: 'delivery-inspection',
      text: entry('delivery-inspection').answer,
    });
    const legal = await ctx.tokenFor('legal');
    const bundle = (await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal)).body;
    const reply = bundle.records.findLast((r: { kind: string }) => r.kind === 'reply');
    expect(reply.decision).toMatchObject({
      secondary: null,
      split: { oneQuestionLikelihood: expect.any(Number), joined: true },
    });
  });

  it('declines what the bot must not decide, says a person will follow up, and archives the reason', async () => {
    const s = await openDemoSession(ctx);
    const res = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '你给我打个九五折我今天就签',
      clientMessageId: 'm-1',
    });
    expect(res.body.reply).toMatchObject({ entryId: null, commitment: false, declineReason: 'haggling' });
    expect(res.body.reply.text).toBe(declineTexts.haggling);
  });

  it('archives an agent message without a bot reply, and flags one that sounds like a promise', async () => {
    const s = await openDemoSession(ctx);
    const plain = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.agent, {
      text: '请您看一下合同第三页',
      clientMessageId: 'a-1',
    });
    expect(plain.status).toBe(200);
    expect(plain.body.reply).toBeNull();
    const promise = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.agent, {
      text: '放心，签了我保证送您一个车位',
      clientMessageId: 'a-2',
    });
    expect(promise.body.reply).toBeNull();
    const legal = await ctx.tokenFor('legal');
    const bundle = (await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal)).body;
    const flagged = bundle.records.at(-1);
    expect(flagged).toMatchObject({
      kind: 'off-script-commitment',
      actor: { role: 'sales', id: 'agent-1' },
      text: '放心，签了我保证送您一个车位',
      refSeq: promise.body.message.seq,
    });
    expect(flagged.flaggedTerms).toContain('保证');
  });

  it('refuses to seal while a disclosure is unacknowledged, then seals and tells the buyer the service channels', async () => {
    const s = await openDemoSession(ctx);
    const early = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/seal`, s.agent);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('disclosures_pending');
    expect(early.body.error.details.pending).toHaveLength(s.disclosures.length);

    await ackAll(ctx, s);
    ctx.clock.advance(60_000);
    const sealed = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/seal`, s.agent);
    expect(sealed.status).toBe(200);
    expect(sealed.body).toEqual({
      sealedAt: ctx.clock().toISOString(),
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      records: 1 + 2 * s.disclosures.length + 1,
      ownerId: expect.stringMatching(/^own_[0-9a-f]{24}$/),
    });

    const view = await ctx.call('GET', `/api/signing-sessions/${s.sessionId}`, s.buyerToken);
    expect(view.body).toMatchObject({ sealed: true, closingText: expect.stringContaining('恭喜') });
    expect(view.body.closingText).toContain('服务渠道');

    const after = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '还有个问题',
      clientMessageId: 'late',
    });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('session_sealed');
    // A retried seal (a lost response) gets the same answer and archives nothing new.
    const again = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/seal`, s.agent);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(sealed.body);
    const ackAfterSeal = await ctx.call(
      'POST',
      `/api/signing-sessions/${s.sessionId}/disclosures/${s.disclosures[0]!.id}/ack`,
      s.buyerToken,
    );
    expect(ackAfterSeal.status).toBe(200);

    const legal = await ctx.tokenFor('legal');
    const bundle = (await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal)).body;
    expect(bundle.records).toHaveLength(sealed.body.records);
    expect(bundle.records.at(-1)).toMatchObject({ kind: 'seal', hash: sealed.body.headHash });
    expect(verifyBundle(bundle)).toMatchObject({ ok: true, sealed: true, records: sealed.body.records });
  });

  it('gives the same buyer the same owner id across sessions, and binds the buyer into the chain', async () => {
    const a = await openDemoSession(ctx, 'agent-1', '1-1-101');
    const b = await openDemoSession(ctx, 'agent-2', '2-1-101');
    for (const s of [a, b]) await ackAll(ctx, s);
    const sa = await ctx.call('POST', `/api/signing-sessions/${a.sessionId}/seal`, a.agent);
    const sb = await ctx.call('POST', `/api/signing-sessions/${b.sessionId}/seal`, b.agent);
    expect(sa.body.ownerId).toBe(sb.body.ownerId);

    const legal = await ctx.tokenFor('legal');
    const bundle = (await ctx.call('GET', `/api/signing-sessions/${a.sessionId}/evidence`, legal)).body;
    expect(bundle.session).toMatchObject({
      buyer: BUYER,
      unitId: '1-1-101',
      agentId: 'agent-1',
      sealed: true,
    });
    expect(
      verifyBundle({ ...bundle, session: { ...bundle.session, buyer: { ...BUYER, name: '李四' } } }),
    ).toMatchObject({
      ok: false,
      seq: 1,
    });
  });

  it('acknowledging the same disclosure twice archives it once', async () => {
    const s = await openDemoSession(ctx);
    const path = `/api/signing-sessions/${s.sessionId}/disclosures/${s.disclosures[0]!.id}/ack`;
    expect((await ctx.call('POST', path, s.buyerToken)).status).toBe(200);
    expect((await ctx.call('POST', path, s.buyerToken)).status).toBe(200);
    const legal = await ctx.tokenFor('legal');
    const bundle = (await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal)).body;
    expect(bundle.records.filter((r: { kind: string }) => r.kind === 'disclosure-ack')).toHaveLength(1);
    const view = await ctx.call('GET', `/api/signing-sessions/${s.sessionId}`, s.buyerToken);
    expect(view.body.disclosures[0].acknowledged).toBe(true);
    expect(view.body.disclosures[1].acknowledged).toBe(false);
  });

  it('keeps a session on the script version it started with when a new version is published', async () => {
    const s = await openDemoSession(ctx);
    const v2 = demoPack();
    v2.version = '2026.12';
    v2.entries = v2.entries.map((e) =>
      e.id === 'property-fee' ? { ...e, answer: '物业费调整为每月每平方米 3.2 元。' } : e,
    );
    const owner = await ctx.tokenFor('script-owner');
    expect((await ctx.call('POST', '/api/projects/lanwan/script-packs', owner, v2)).status).toBe(201);

    const old = await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text: '物业费多少',
      clientMessageId: 'q',
    });
    expect(old.body.reply.text).toBe(entry('property-fee').answer);

    const agent = await ctx.tokenFor('sales', 'agent-1');
    const fresh = await ctx.call('POST', '/api/signing-sessions', agent, {
      projectId: 'lanwan',
      unitId: '9-9',
      buyer: BUYER,
    });
    expect(fresh.body.scriptVersion).toBe('2026.12');
    const now = await ctx.call(
      'POST',
      `/api/signing-sessions/${fresh.body.sessionId}/messages`,
      fresh.body.buyerToken,
      {
        text: '物业费多少',
        clientMessageId: 'q',
      },
    );
    expect(now.body.reply.text).toBe('物业费调整为每月每平方米 3.2 元。');
  });

  it('had no unexpected errors', () => {
    expect(ctx.errors).toEqual([]);
  });
});

describe('evidence access', () => {
  it('audits every export in a hash chain before handing the bundle out', async () => {
    const { readChain } = await import('#shared/archive/chain-append.ts');
    const { auditPk } = await import('#shared/store/keys.ts');
    const s = await openDemoSession(ctx);
    const legal = await ctx.tokenFor('legal', 'lawyer-3');
    const day = ctx.clock().toISOString().slice(0, 10);
    const before = (await readChain(ctx.table, auditPk(day))).length;
    await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal);
    const audit = await readChain(ctx.table, auditPk(day));
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({
      kind: 'evidence-export',
      actor: { role: 'legal', id: 'lawyer-3' },
      sessionId: s.sessionId,
    });
  });
});

describe('off-script commitments review', () => {
  it('lists what agents promised outside the script, newest first, for legal and managers only, audited', async () => {
    const { readChain } = await import('#shared/archive/chain-append.ts');
    const { auditPk } = await import('#shared/store/keys.ts');
    const s = await openDemoSession(ctx, 'agent-5', '8-8-808');
    await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.agent, {
      text: '请看合同',
      clientMessageId: 'p0',
    });
    ctx.clock.advance(1000);
    await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.agent, {
      text: '这里以后肯定升值',
      clientMessageId: 'p1',
    });
    const manager = await ctx.tokenFor('manager', 'mgr-1');
    const res = await ctx.call('GET', '/api/projects/lanwan/off-script-commitments', manager);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      sessionId: s.sessionId,
      agentId: 'agent-5',
      text: '这里以后肯定升值',
      flaggedTerms: ['肯定', '升值'],
    });
    expect(res.body.items.some((i: { text: string }) => i.text === '请看合同')).toBe(false);
    const audit = await readChain(ctx.table, auditPk(ctx.clock().toISOString().slice(0, 10)));
    expect(audit.at(-1)).toMatchObject({
      kind: 'off-script-review',
      actor: { id: 'mgr-1' },
      projectId: 'lanwan',
    });
    expect((await ctx.call('GET', '/api/projects/lanwan/off-script-commitments', s.agent)).status).toBe(403);

    const first = await ctx.call('GET', '/api/projects/lanwan/off-script-commitments?limit=1', manager);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await ctx.call(
      'GET',
      `/api/projects/lanwan/off-script-commitments?limit=1&cursor=${first.body.nextCursor}`,
      manager,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].hash).not.toBe(first.body.items[0].hash);
    const elsewhere = await ctx.call(
      'GET',
      `/api/projects/other/off-script-commitments?cursor=${first.body.nextCursor}`,
      manager,
    );
    expect(elsewhere.status).toBe(400);
  });
});
