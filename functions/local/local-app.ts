/**
 * Wires the product for one local Node process: DynamoDB Local on disk, keys under the data dir,
 * the demo pack published on first start. Used by `npm start`, the browser tests and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTokenService } from '#shared/auth/token-service.ts';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createApp } from '#shared/http/create-app.ts';
import { scriptPackSchema } from '#shared/script/pack-schema.ts';
import { ScriptRepository } from '#shared/script/script-repository.ts';
import { createDocumentClient, type TableRef } from '#shared/store/dynamo-client.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { cachedMatcherFor } from '#shared/understanding/matcher-cache.ts';
import { ensureTable, type LocalDynamo, localClientConfig, startDynamoLocal } from './dynamo-local.ts';
import { loadOrCreateLocalKeys } from './local-keys.ts';

export const DEMO_PACK_PATH = new URL('../../shared/script/demo-pack.json', import.meta.url);
export const LOCAL_TABLE = 'koujing';

export interface LocalProduct {
  app: ReturnType<typeof createApp>;
  table: TableRef;
  dynamo: LocalDynamo;
  tokens: ReturnType<typeof createTokenService>;
  stop(): Promise<void>;
}

export async function startLocalProduct(opts: {
  dataDir: string;
  /** Keep DynamoDB data in memory instead of under dataDir (tests, benchmarks). */
  inMemory?: boolean;
  clock?: Clock;
  quiet?: boolean;
}): Promise<LocalProduct> {
  const clock = opts.clock ?? systemClock;
  const dynamo = await startDynamoLocal(opts.inMemory ? {} : { dataDir: join(opts.dataDir, 'dynamodb') });
  await ensureTable(dynamo.endpoint, LOCAL_TABLE);
  const table: TableRef = {
    doc: createDocumentClient(localClientConfig(dynamo.endpoint)),
    tableName: LOCAL_TABLE,
  };
  const keys = loadOrCreateLocalKeys(opts.dataDir);
  const tokens = createTokenService(keys.jwtSecret, clock);
  await seedDemoPack(table, clock);
  const app = createApp({
    table,
    tokens,
    keys,
    clock,
    matcherFor: cachedMatcherFor(createMatcher),
    logError: opts.quiet ? () => {} : undefined,
  });
  return {
    app,
    table,
    dynamo,
    tokens,
    stop: async () => {
      table.doc.destroy();
      await dynamo.stop();
    },
  };
}

/** Publishes the demo pack once; publishing is idempotent for identical content. */
async function seedDemoPack(table: TableRef, clock: Clock) {
  const pack = scriptPackSchema.parse(JSON.parse(readFileSync(DEMO_PACK_PATH, 'utf8')));
  await new ScriptRepository(table, clock).publish(pack, 'demo-seed');
}
