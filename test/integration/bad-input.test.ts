import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoSession } from '#test/support/signing-helpers.ts';
import { createTestContext, demoPack, type TestContext } from '#test/support/test-context.ts';

let ctx: TestContext;
let s: Awaited<ReturnType<typeof openDemoSession>>;
let legal: string;
beforeAll(async () => {
  ctx = await createTestContext();
  s = await openDemoSession(ctx);
  legal = await ctx.tokenFor('legal');
});
afterAll(async () => {
  await ctx.dispose();
});

const recordCount = async () =>
  (await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, legal)).body.records.length;

const msgPath = () => `/api/signing-sessions/${s.sessionId}/messages`;

describe('bad input gets a clear 4xx and archives nothing', () => {
  const cases: [string, () => [string, string, string | undefined, unknown], number, string][] = [
    ['malformed JSON', () => ['POST', msgPath(), s.buyerToken, '{"text": "hi",'], 400, 'invalid_json'],
    ['a missing field', () => ['POST', msgPath(), s.buyerToken, { text: '你好' }], 400, 'invalid_request'],
    [
      'a wrong-typed field',
      () => ['POST', msgPath(), s.buyerToken, { text: 42, clientMessageId: 'a' }],
      400,
      'invalid_request',
    ],
    [
      'an empty text',
      () => ['POST', msgPath(), s.buyerToken, { text: '   ', clientMessageId: 'a' }],
      400,
      'invalid_request',
    ],
    [
      'text over 2,000 characters',
      () => ['POST', msgPath(), s.buyerToken, { text: '房'.repeat(2001), clientMessageId: 'a' }],
      400,
      'invalid_request',
    ],
    [
      'control characters',
      () => ['POST', msgPath(), s.buyerToken, { text: '你好\u0007', clientMessageId: 'a' }],
      400,
      'invalid_request',
    ],
    [
      'a lone surrogate',
      () => ['POST', msgPath(), s.buyerToken, { text: '你好\ud800', clientMessageId: 'a' }],
      400,
      'invalid_request',
    ],
    [
      'an unknown extra field',
      () => ['POST', msgPath(), s.buyerToken, { text: '你好', clientMessageId: 'a', admin: true }],
      400,
      'invalid_request',
    ],
    ['an array body', () => ['POST', msgPath(), s.buyerToken, []], 400, 'invalid_request'],
    [
      'no token',
      () => ['POST', msgPath(), undefined, { text: '你好', clientMessageId: 'a' }],
      401,
      'unauthorized',
    ],
    [
      'a garbage token',
      () => ['POST', msgPath(), 'not.a.jwt', { text: '你好', clientMessageId: 'a' }],
      401,
      'unauthorized',
    ],
    [
      'an unknown session',
      () => [
        'POST',
        `/api/signing-sessions/ses_${'0'.repeat(32)}/messages`,
        s.agent,
        { text: '你好', clientMessageId: 'a' },
      ],
      404,
      'session_not_found',
    ],
    [
      'a malformed session id',
      () => ['POST', '/api/signing-sessions/abc/messages', s.agent, { text: '你好', clientMessageId: 'a' }],
      400,
      'invalid_request',
    ],
    [
      'an unknown disclosure',
      () => [
        'POST',
        `/api/signing-sessions/${s.sessionId}/disclosures/disc-nope/ack`,
        s.buyerToken,
        undefined,
      ],
      404,
      'disclosure_not_found',
    ],
    ['an unknown route', () => ['GET', '/api/nothing-here', s.agent, undefined], 404, 'not_found'],
  ];

  for (const [name, make, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await recordCount();
      const [method, path, token, body] = make();
      const res = await ctx.call(method, path, token, body);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
      expect(res.body.error.message.length).toBeGreaterThan(2);
      expect(await recordCount()).toBe(before);
    });
  }

  it('rejects an expired token', async () => {
    const token = await ctx.tokens.issue({ role: 'sales', sub: 'agent-1' }, 60);
    ctx.clock.advance(120_000);
    const res = await ctx.call('POST', msgPath(), token, { text: '你好', clientMessageId: 'a' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('过期');
  });

  it('rejects a body that is not JSON', async () => {
    const res = await ctx.app.request(msgPath(), {
      method: 'POST',
      headers: { authorization: `Bearer ${s.buyerToken}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('who may do what', () => {
  it('keeps a buyer token to its own session', async () => {
    const other = await openDemoSession(ctx, 'agent-1', '5-5-505');
    for (const [method, path] of [
      ['GET', `/api/signing-sessions/${other.sessionId}`],
      ['POST', `/api/signing-sessions/${other.sessionId}/disclosures/${other.disclosures[0]!.id}/ack`],
      ['GET', `/api/signing-sessions/${other.sessionId}/evidence`],
    ] as const) {
      expect((await ctx.call(method, path, s.buyerToken)).status).toBe(403);
    }
    const res = await ctx.call('POST', `/api/signing-sessions/${other.sessionId}/messages`, s.buyerToken, {
      text: '你好',
      clientMessageId: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('lets no sales agent read evidence, nor touch another agent’s session', async () => {
    expect((await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, s.agent)).status).toBe(
      403,
    );
    const otherAgent = await ctx.tokenFor('sales', 'agent-9');
    expect((await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/seal`, otherAgent)).status).toBe(
      403,
    );
    const res = await ctx.call('POST', msgPath(), otherAgent, { text: '你好', clientMessageId: 'z' });
    expect(res.status).toBe(403);
  });

  it('lets only sales open sessions and only script owners publish packs', async () => {
    const body = { projectId: 'lanwan', unitId: '1', buyer: { name: '王', phone: '13900000000' } };
    expect((await ctx.call('POST', '/api/signing-sessions', legal, body)).status).toBe(403);
    expect((await ctx.call('POST', '/api/signing-sessions', s.buyerToken, body)).status).toBe(403);
    expect((await ctx.call('POST', '/api/projects/lanwan/script-packs', s.agent, {})).status).toBe(403);
  });

  it('had no unexpected errors', () => {
    expect(ctx.errors).toEqual([]);
  });
});

describe('odd but well-formed input still gets a 4xx, never a 5xx', () => {
  it('refuses a date range that runs backwards', async () => {
    const owner = await ctx.tokenFor('script-owner');
    const manager = await ctx.tokenFor('manager');
    const q = '?from=2026-12-01&to=2026-01-01';
    expect((await ctx.call('GET', `/api/projects/lanwan/script-gaps${q}`, owner)).status).toBe(400);
    expect((await ctx.call('GET', `/api/projects/lanwan/off-script-commitments${q}`, manager)).status).toBe(
      400,
    );
    expect(
      (await ctx.call('GET', '/api/projects/lanwan/off-script-commitments?cursor=abc', manager)).status,
    ).toBe(400);
  });

  it('refuses packs whose extra fields cannot be canonicalised, and prototype keys', async () => {
    const owner = await ctx.tokenFor('script-owner');
    const pack = demoPack();
    const post = (body: string) =>
      ctx.app.request('/api/projects/lanwan/script-packs', {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
        body,
      });
    const withExtra = (version: string, extra: string) =>
      `${JSON.stringify({ ...pack, version }).slice(0, -1)},"extra":${extra}}`;
    const proto = `${JSON.stringify({ ...pack, version: 'x4' }).slice(0, -1)},"synonyms":{"__proto__":["x"]}}`;
    const statuses = [
      (await post(withExtra('x1', '"\\ud800"'))).status,
      (await post(withExtra('x2', '1e999'))).status,
      (await post(withExtra('x3', `${'['.repeat(100_000)}${']'.repeat(100_000)}`))).status,
      (await post(proto)).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 400]);
  });

  it('counts the 2,000-character limit in characters, not UTF-16 units', async () => {
    const ok = await ctx.call('POST', msgPath(), s.buyerToken, {
      text: '😀'.repeat(1500),
      clientMessageId: 'emoji-ok',
    });
    expect(ok.status).toBe(200);
    const tooLong = await ctx.call('POST', msgPath(), s.buyerToken, {
      text: '😀'.repeat(2001),
      clientMessageId: 'emoji',
    });
    expect(tooLong.status).toBe(400);
  });

  it('had no unexpected errors', () => {
    expect(ctx.errors).toEqual([]);
  });
});
