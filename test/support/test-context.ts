import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, localClientConfig } from '#functions/local/dynamo-local.ts';
import type { Role } from '#shared/auth/roles.ts';
import { createTokenService } from '#shared/auth/token-service.ts';
import { manualClock } from '#shared/clock.ts';
import type { KeyRing } from '#shared/config/key-ring.ts';
import { createApp } from '#shared/http/create-app.ts';
import { type ScriptPack, scriptPackSchema } from '#shared/script/pack-schema.ts';
import { createDocumentClient, type TableRef } from '#shared/store/dynamo-client.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { cachedMatcherFor } from '#shared/understanding/matcher-cache.ts';

/** Refuses any database that is not DynamoDB Local on loopback: tests never touch a real table. */
export function assertLoopback(endpoint: string) {
  const host = new URL(endpoint).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`tests may only use a database on 127.0.0.1, not ${endpoint}`);
  }
}

export function demoPack(): ScriptPack {
  const raw = readFileSync(new URL('../../shared/script/demo-pack.json', import.meta.url), 'utf8');
  return scriptPackSchema.parse(JSON.parse(raw));
}

/** A fresh table in the shared DynamoDB Local, an app over it, a manual clock and a token minter. */
export async function createTestContext(opts: { start?: string } = {}) {
  const endpoint = inject('dynamoEndpoint');
  assertLoopback(endpoint);
  const tableName = `t_${randomBytes(6).toString('hex')}`;
  await ensureTable(endpoint, tableName);
  const table: TableRef = { doc: createDocumentClient(localClientConfig(endpoint)), tableName };
  const clock = manualClock(opts.start ?? '2026-11-20T02:00:00.000Z');
  const keys: KeyRing = { jwtSecret: randomBytes(32), phoneHmacKey: randomBytes(32) };
  const tokens = createTokenService(keys.jwtSecret, clock);
  const errors: unknown[] = [];
  const app = createApp({
    table,
    tokens,
    keys,
    clock,
    matcherFor: cachedMatcherFor(createMatcher),
    logError: (_m, e) => errors.push(e),
  });

  const tokenFor = (role: Exclude<Role, 'buyer'>, sub = `${role}-1`) => tokens.issue({ role, sub }, 3600);

  /** JSON request helper over app.request(); returns status and parsed body. */
  async function call(method: string, path: string, token?: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await app.request(path, { method, headers, body: payload });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  async function publishDemoPack(pack: ScriptPack = demoPack()) {
    const owner = await tokenFor('script-owner');
    const res = await call('POST', `/api/projects/${pack.projectId}/script-packs`, owner, pack);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`publish failed: ${JSON.stringify(res.body)}`);
    return res;
  }

  return {
    app,
    table,
    clock,
    keys,
    tokens,
    tokenFor,
    call,
    publishDemoPack,
    /** Errors the app logged as unexpected: a test may assert there were none. */
    errors,
    async dispose() {
      const client = new DynamoDBClient(localClientConfig(endpoint));
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
      table.doc.destroy();
    },
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
