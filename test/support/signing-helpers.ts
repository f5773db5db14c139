import type { TestContext } from './test-context.ts';

export const BUYER = { name: '张晓梅', phone: '13800138000' };

/** Publishes the demo pack and opens a session as agent-1; returns the ids and tokens a test needs. */
export async function openDemoSession(ctx: TestContext, agentSub = 'agent-1', unitId = '3-1-1202') {
  await ctx.publishDemoPack();
  const agent = await ctx.tokenFor('sales', agentSub);
  const res = await ctx.call('POST', '/api/signing-sessions', agent, {
    projectId: 'lanwan',
    unitId,
    buyer: BUYER,
  });
  if (res.status !== 201) throw new Error(`open failed: ${JSON.stringify(res.body)}`);
  return {
    agent,
    sessionId: res.body.sessionId as string,
    buyerToken: res.body.buyerToken as string,
    disclosures: res.body.disclosures as { id: string; requiresAck: boolean }[],
    opened: res.body,
  };
}

export async function ackAll(ctx: TestContext, s: Awaited<ReturnType<typeof openDemoSession>>) {
  for (const d of s.disclosures) {
    const r = await ctx.call(
      'POST',
      `/api/signing-sessions/${s.sessionId}/disclosures/${d.id}/ack`,
      s.buyerToken,
    );
    if (r.status !== 200) throw new Error(`ack failed: ${JSON.stringify(r.body)}`);
  }
}
