/** `npm start`: the whole product on http://127.0.0.1:3000 beside DynamoDB Local, data under .data/. */
import { serve } from '@hono/node-server';
import * as z from 'zod';
import { startLocalProduct } from './local-app.ts';
import { dataDirFromEnv } from './local-keys.ts';

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
  })
  .parse(process.env);

// Node 20 is fine for local use until 2027 (Lambda runs Node 22); the SDK's notice would bury the URLs below.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const dataDir = dataDirFromEnv();
const product = await startLocalProduct({ dataDir });
const server = serve({ fetch: product.app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  const base = `http://${env.HOST}:${env.PORT}`;
  console.log(`Koujing is running at ${base}  (data: ${dataDir}, DynamoDB Local: ${product.dynamo.endpoint})
  agent page (open a signing session):  ${base}/agent
  health:                               ${base}/health
  get a token for the agent page:       npm run --silent token -- --role sales --sub agent-001
  other roles:                          --role script-owner | legal | admin
  demo project: lanwan (澜湾雅苑), demo script pack loaded. Ctrl+C stops everything.`);
});

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  await product.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
