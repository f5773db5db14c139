import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChain } from '#shared/archive/chain-append.ts';
import { canonicalJson, sha256Hex } from '#shared/archive/record-hash.ts';
import { verifyChain } from '#shared/archive/verify-chain.ts';
import { packLogPk } from '#shared/store/keys.ts';
import { createTestContext, demoPack, type TestContext } from '#test/support/test-context.ts';

let ctx: TestContext;
let owner: string;
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await ctx.tokenFor('script-owner', 'owner-7');
});
afterAll(async () => {
  await ctx.dispose();
});

const publish = (pack: unknown, projectId = 'lanwan') =>
  ctx.call('POST', `/api/projects/${projectId}/script-packs`, owner, pack);

describe('publishing script packs', () => {
  it('stores a pack and answers with its counts', async () => {
    const pack = demoPack();
    const res = await publish(pack);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      projectId: 'lanwan',
      version: '2026.11',
      entries: pack.entries.length,
      disclosures: pack.disclosures.length,
    });
  });

  it('treats the same version with identical content as a no-op 200', async () => {
    const res = await publish(demoPack());
    expect(res.status).toBe(200);
  });

  it('refuses to change a published version', async () => {
    const pack = demoPack();
    pack.entries[0]!.answer = '均价已下调。';
    const res = await publish(pack);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
  });

  it('records who published which version, when, and the SHA-256 of its canonical JSON', async () => {
    const log = await readChain(ctx.table, packLogPk('lanwan'));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      kind: 'pack-published',
      actor: { role: 'script-owner', id: 'owner-7' },
      version: '2026.11',
      effectiveFrom: '2026-11-01',
      sha256: sha256Hex(canonicalJson(demoPack())),
      ts: ctx.clock().toISOString(),
    });
    expect(verifyChain(log)).toMatchObject({ ok: true });
  });

  it('rejects a pack whose projectId differs from the path', async () => {
    const res = await publish({ ...demoPack(), version: 'x1' }, 'other');
    expect(res.status).toBe(400);
  });

  it('rejects malformed packs with the path of the problem', async () => {
    const noAnswer = demoPack();
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed
    delete (noAnswer.entries[0] as any).answer;
    const bad = await publish({ ...noAnswer, version: 'bad-1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('entries.0.answer');

    const dupes = demoPack();
    dupes.version = 'bad-2';
    dupes.entries.push({ ...dupes.entries[0]! });
    const dup = await publish(dupes);
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toContain('重复');

    expect((await publish({ ...demoPack(), version: 'bad-3', effectiveFrom: 'soon' })).status).toBe(400);
  });

  it('answers 404 when opening a session for a project without a pack', async () => {
    const agent = await ctx.tokenFor('sales', 'a');
    const res = await ctx.call('POST', '/api/signing-sessions', agent, {
      projectId: 'no-such-project',
      unitId: '1',
      buyer: { name: '王', phone: '13900000000' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('project_not_found');
  });

  it('had no unexpected errors', () => {
    expect(ctx.errors).toEqual([]);
  });
});
