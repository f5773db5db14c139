/**
 * API Gateway Lambda authorizer. Everything is prepared at init (config, the JWT key from Secrets
 * Manager, the Cognito JWKS); a request only verifies a signature.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
  Context,
} from 'aws-lambda';
import { systemClock } from '#shared/clock.ts';
import { authorizerConfigSchema, parseConfig } from '#shared/config/lambda-config.ts';
import { initTokenService } from '#shared/config/lambda-init.ts';
import { createObservability, flushMetrics } from '#shared/config/observability.ts';
import { loadSecretKey } from '#shared/config/secrets-manager-keys.ts';
import { type AuthorizerContext, authorize } from './authorize.ts';

const config = parseConfig(authorizerConfigSchema, process.env);
const { logger, metrics, tracer } = createObservability('koujing-authorizer');
const secrets = tracer.captureAWSv3Client(new SecretsManagerClient({}));
const tokens = await initTokenService({
  // Fetched while the Cognito JWKS is fetched.
  jwtSecret: loadSecretKey(secrets, config.JWT_SECRET_ARN),
  cognitoIssuer: config.COGNITO_ISSUER,
  cognitoClientId: config.COGNITO_CLIENT_ID,
  clock: systemClock,
  logger,
});

export const handler = async (
  event: APIGatewayRequestAuthorizerEventV2,
  context: Context,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext | Record<string, never>>> => {
  logger.addContext(context);
  metrics.captureColdStartMetric();
  try {
    const decision = await authorize(event, tokens);
    if (decision.isAuthorized) return decision;
    metrics.addMetric('AuthorizerDenials', MetricUnit.Count, 1);
    logger.info('request denied', { reason: decision.reason, routeKey: event.routeKey });
    return { isAuthorized: false, context: {} };
  } finally {
    flushMetrics(metrics);
  }
};
