/**
 * End-to-end turn latency over HTTP on the local server: buyer message → matcher → hash-chained
 * archive write in DynamoDB Local → response. Sequential turns on one session, then 8 sessions at once.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { startLocalProduct } from '#functions/local/local-app.ts';
import { summarize } from './stats.ts';

export async function runTurnBench(): Promise<void> {
  const product = await startLocalProduct({
    dataDir: mkdtempSync(join(tmpdir(), 'koujing-bench-')),
    inMemory: true,
    quiet: true,
  });
  const server = serve({ fetch: product.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const agent = await product.tokens.issue({ role: 'sales', sub: 'bench-agent' }, 3600);
  const pack = JSON.parse(
    readFileSync(new URL('../../shared/script/demo-pack.json', import.meta.url), 'utf8'),
  );
  const questions: string[] = pack.entries.flatMap((e: { questions: string[] }) => e.questions);

  const post = async (path: string, token: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const open = (i: number) =>
    post('/api/signing-sessions', agent, {
      projectId: 'lanwan',
      unitId: `B-${i}`,
      buyer: { name: '测试', phone: `1380000${String(i).padStart(4, '0')}` },
    });

  const turns = async (sessionId: string, buyerToken: string, n: number, tag: string) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await post(`/api/signing-sessions/${sessionId}/messages`, buyerToken, {
        text: questions[i % questions.length],
        clientMessageId: `${tag}-${i}`,
      });
      samples.push(performance.now() - t0);
    }
    return samples;
  };

  try {
    const warm = await open(0);
    await turns(warm.sessionId, warm.buyerToken, 30, 'warm');
    // A session holds at most MAX_SESSION_RECORDS records: 300 turns run as 3 sessions of 100.
    const sequential: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const s = await open(i);
      sequential.push(...(await turns(s.sessionId, s.buyerToken, 100, `seq${i}`)));
    }
    const sessions = await Promise.all(Array.from({ length: 8 }, (_, i) => open(10 + i)));
    const t0 = performance.now();
    const parallel = (
      await Promise.all(sessions.map((s, i) => turns(s.sessionId, s.buyerToken, 40, `par${i}`)))
    ).flat();
    const seconds = (performance.now() - t0) / 1000;
    console.log('\nEnd-to-end turn over HTTP (local server + DynamoDB Local, archive write included)');
    console.table({
      'sequential (3 × 100 turns)': summarize(sequential),
      '8 sessions in parallel': { ...summarize(parallel), 'turns/s': Math.round(parallel.length / seconds) },
    });
  } finally {
    server.close();
    await product.stop();
  }
}
