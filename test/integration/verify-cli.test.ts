import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHash } from '#shared/archive/record-hash.ts';
import { ackAll, openDemoSession } from '#test/support/signing-helpers.ts';
import { createTestContext, type TestContext } from '#test/support/test-context.ts';

const run = promisify(execFile);
let ctx: TestContext;
// biome-ignore lint/suspicious/noExplicitAny: a bundle as exported, edited freely by the tests
let bundle: any;
const dir = mkdtempSync(join(tmpdir(), 'koujing-verify-'));

beforeAll(async () => {
  ctx = await createTestContext();
  const s = await openDemoSession(ctx);
  await ackAll(ctx, s);
  for (const [i, text] of ['均价多少', '什么时候交房'].entries()) {
    await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/messages`, s.buyerToken, {
      text,
      clientMessageId: `m${i}`,
    });
  }
  await ctx.call('POST', `/api/signing-sessions/${s.sessionId}/seal`, s.agent);
  bundle = (
    await ctx.call('GET', `/api/signing-sessions/${s.sessionId}/evidence`, await ctx.tokenFor('legal'))
  ).body;
});
afterAll(async () => {
  await ctx.dispose();
});

/** Runs the real CLI the way a court expert would: `npm run --silent verify -- <file>`. */
async function verify(content: unknown, ...extra: string[]) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  try {
    const { stdout } = await run('node_modules/.bin/tsx', ['functions/local/verify-cli.ts', file, ...extra]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const clone = () => structuredClone(bundle);

describe('npm run verify', () => {
  it('exits 0 and says so when the chain holds', async () => {
    const r = await verify(bundle);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK: chain holds');
    expect(r.out).toContain(`${bundle.records.length} records`);
  });

  it('names the first bad seq of an edited record', async () => {
    const b = clone();
    b.records[12].text = '我们保证送您车位';
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain('at seq 13');
  });

  it('names the first bad seq of a removed, reordered or inserted record', async () => {
    const removed = clone();
    removed.records.splice(4, 1);
    expect((await verify(removed)).out).toContain('at seq 5');

    const reordered = clone();
    [reordered.records[6], reordered.records[7]] = [reordered.records[7], reordered.records[6]];
    expect((await verify(reordered)).out).toContain('at seq 7');

    const inserted = clone();
    const forged = { ...inserted.records[9], text: '额外赠送装修' };
    forged.hash = recordHash(forged);
    inserted.records.splice(10, 0, forged);
    const r = await verify(inserted);
    expect(r.code).toBe(1);
    expect(r.out).toContain('at seq 11');
  });

  it('detects a script pack swapped for another text', async () => {
    const b = clone();
    b.scriptPack.pack.entries[0].answer = '均价每平方米一万元';
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain('script pack');
  });

  it('catches a seal or tail cut off, a record added after the seal, and header edits', async () => {
    const cut = clone();
    cut.records.pop();
    const r = await verify(cut);
    expect(r.code).toBe(1);
    expect(r.out).toContain('records but holds');

    const cutWithHeader = clone();
    cutWithHeader.records.splice(-3);
    cutWithHeader.session = {
      ...cutWithHeader.session,
      records: cutWithHeader.records.length,
      sealed: false,
    };
    cutWithHeader.session.headHash = cutWithHeader.records.at(-1).hash;
    expect((await verify(cutWithHeader)).code).toBe(0);
    const anchored = await verify(cutWithHeader, '--expect-head', bundle.session.headHash);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain('expected head');

    const afterSeal = clone();
    const last = afterSeal.records.at(-1);
    const forged = { ...last, seq: last.seq + 1, kind: 'message', text: '赠送车位', prevHash: last.hash };
    delete forged.records;
    forged.hash = recordHash(forged);
    afterSeal.records.push(forged);
    afterSeal.session = { ...afterSeal.session, records: afterSeal.records.length, headHash: forged.hash };
    const after = await verify(afterSeal);
    expect(after.code).toBe(1);
    expect(after.out).toContain(`at seq ${last.seq}`);

    const header = clone();
    header.session.unitId = '9-9-999';
    expect((await verify(header)).out).toContain('session.unitId');
  });

  it('catches a reply whose text is not the approved answer, even with every hash recomputed', async () => {
    const b = clone();
    const i = b.records.findIndex((r: { kind: string; entryId?: string }) => r.kind === 'reply' && r.entryId);
    b.records[i].text = '均价每平方米一万元，另送车位';
    for (let k = i; k < b.records.length; k++) {
      if (k > i) b.records[k].prevHash = b.records[k - 1].hash;
      b.records[k].hash = recordHash(b.records[k]);
    }
    b.session.headHash = b.records.at(-1).hash;
    const r = await verify(b);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`at seq ${i + 1}`);
    expect(r.out).toContain('approved answer');
  });

  it('fails on a file that is not an evidence bundle', async () => {
    expect((await verify('{"hello": 1}')).code).toBe(1);
    expect((await verify('not json')).code).toBe(2);
  });
});
