import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoSession } from '#test/support/signing-helpers.ts';
import { createTestContext, type TestContext } from '#test/support/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.dispose();
});

describe('GET /api/projects/{projectId}/script-gaps', () => {
  it('groups questions the script lacks, with counts and examples, and lists policy declines apart', async () => {
    const s = await openDemoSession(ctx);
    const asks = [
      '小区能养大型犬吗',
      '小区可以养大狗吗',
      '能不能养大型犬',
      '屋顶可以装太阳能热水器吗',
      '你给我打个九五折我今天就签',
      '再便宜两万我就定了',
      '物业费多少',
    ];
    for (const [i, text] of asks.entries()) {
      await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
        text,
        clientMessageId: `g${i}`,
      });
    }
    const owner = await ctx.tokenFor('script-owner');
    const res = await ctx.call('GET', '/api/projects/lanwan/script-gaps', owner);
    expect(res.status).toBe(200);
    expect(res.body.projectId).toBe('lanwan');
    expect(res.body.declines).toBe(6);
    const total = res.body.gaps.reduce((n: number, g: { count: number }) => n + g.count, 0);
    expect(total).toBe(4);
    const dogs = res.body.gaps.find((g: { examples: string[] }) => g.examples.includes('小区能养大型犬吗'));
    expect(dogs.count).toBeGreaterThanOrEqual(2);
    expect(res.body.policy).toEqual([
      {
        reason: 'haggling',
        count: 2,
        examples: expect.arrayContaining(['你给我打个九五折我今天就签', '再便宜两万我就定了']),
      },
    ]);
  });

  it('filters by date and is only for script owners', async () => {
    const owner = await ctx.tokenFor('script-owner');
    const none = await ctx.call(
      'GET',
      '/api/projects/lanwan/script-gaps?from=2020-01-01&to=2020-12-31',
      owner,
    );
    expect(none.body).toMatchObject({ declines: 0, gaps: [], policy: [] });
    expect((await ctx.call('GET', '/api/projects/lanwan/script-gaps?from=yesterday', owner)).status).toBe(
      400,
    );
    const agent = await ctx.tokenFor('sales');
    expect((await ctx.call('GET', '/api/projects/lanwan/script-gaps', agent)).status).toBe(403);
  });
});
