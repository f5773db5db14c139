/**
 * The API Lambda: the same Hono app the local server runs, behind `hono/aws-lambda`. Everything is
 * built at init (config, keys from Secrets Manager, clients, the Cognito JWKS, the matcher's
 * process-wide tables); nothing waits for the first request.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { systemClock } from '#shared/clock.ts';
import { apiConfigSchema, parseConfig } from '#shared/config/lambda-config.ts';
import { initTokenService } from '#shared/config/lambda-init.ts';
import { createObservability, flushMetrics } from '#shared/config/observability.ts';
import { loadKeyRing } from '#shared/config/secrets-manager-keys.ts';
import { createApp } from '#shared/http/create-app.ts';
import { createDocumentClient } from '#shared/store/dynamo-client.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { cachedMatcherFor } from '#shared/understanding/matcher-cache.ts';
import { warmUpHttp, warmUpMatcher } from './warm-up.ts';

const config = parseConfig(apiConfigSchema, process.env);
const { logger, metrics, tracer, logError } = createObservability('koujing-api');
const secrets = tracer.captureAWSv3Client(new SecretsManagerClient({}));
// The keys and the Cognito JWKS are fetched in parallel.
const keysLoading = loadKeyRing(secrets, {
  jwtSecretId: config.JWT_SECRET_ARN,
  phoneHmacKeySecretId: config.PHONE_HMAC_KEY_SECRET_ARN,
});
const tokens = await initTokenService({
  jwtSecret: keysLoading.then((k) => k.jwtSecret),
  cognitoIssuer: config.COGNITO_ISSUER,
  cognitoClientId: config.COGNITO_CLIENT_ID,
  clock: systemClock,
  logger,
});
const keys = await keysLoading;
const doc = tracer.captureAWSv3Client(createDocumentClient());
const app = createApp({
  table: { doc, tableName: config.TABLE_NAME },
  tokens,
  keys,
  clock: systemClock,
  matcherFor: cachedMatcherFor(createMatcher),
  logError,
});
const serve = handle(app);
// One-time work the first request would otherwise pay (see warm-up.ts).
warmUpMatcher(createMatcher);
await warmUpHttp(app, (message) => logger.warn(message));

/** API Gateway HTTP API (payload format 2.0) proxy events. */
export const handler = async (event: LambdaEvent, context: Context) => {
  logger.addContext(context);
  metrics.captureColdStartMetric();
  try {
    return await serve(event, context);
  } finally {
    flushMetrics(metrics);
  }
};
