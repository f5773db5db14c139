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

  it('imports a pack from CSV, one row per entry, pack fields in the query string', async () => {
    const csv = [
      'type,id,topic,questions,answer,commitment,title,text,requiresAck',
      'entry,pets,宠物,小区能养狗吗|可以养宠物吗,小区允许饲养登记在册的小型宠物，具体以管理规约为准。,false,,,',
      'entry,delivery,交房,什么时候交房,合同约定于2028年6月30日前交付。,true,,,',
      'disclosure,disc-tower,,,,,通信基站,项目北侧约80米有一座通信基站。,true',
    ].join('\n');
    const res = await ctx.app.request(
      '/api/projects/hillside/script-packs?projectName=%E5%B1%B1%E8%BE%B9&version=v1&effectiveFrom=2026-12-01',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'text/csv' },
        body: csv,
      },
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      projectId: 'hillside',
      version: 'v1',
      entries: 2,
      disclosures: 1,
    });

    const agent = await ctx.tokenFor('sales', 'a');
    const opened = await ctx.call('POST', '/api/signing-sessions', agent, {
      projectId: 'hillside',
      unitId: '1',
      buyer: { name: '王', phone: '13900000000' },
    });
    expect(opened.body.disclosures).toEqual([
      { id: 'disc-tower', title: '通信基站', text: '项目北侧约80米有一座通信基站。', requiresAck: true },
    ]);
  });

  it('rejects CSV without pack fields or with a bad row, and other content types', async () => {
    const post = (query: string, body: string, type = 'text/csv') =>
      ctx.app.request(`/api/projects/hillside/script-packs${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': type },
        body,
      });
    expect((await post('', 'type,id\nentry,x')).status).toBe(400);
    const badRow = await post('?projectName=x&version=v2&effectiveFrom=2026-12-01', 'type,id\nfaq,x');
    expect(badRow.status).toBe(400);
    expect((await badRow.json()).error.message).toContain('第 2 行');
    expect((await post('', 'hello', 'text/plain')).status).toBe(415);
  });

  it('had no unexpected errors', () => {
    expect(ctx.errors).toEqual([]);
  });
});
