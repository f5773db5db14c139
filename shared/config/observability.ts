/**
 * Powertools for AWS Lambda: structured JSON logs, CloudWatch metrics (EMF) and X-Ray tracing, one
 * set per function, built at init. Nothing here logs a request, a token or a body: only unexpected
 * errors, scrubbed by `safeError`.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { ErrorLogger } from '#shared/http/error-mapper.ts';
import { safeError } from './safe-error.ts';

export const METRICS_NAMESPACE = 'Koujing';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
  /** For `createApp({ logError })`: the error's kind and stack, never its data. */
  logError: ErrorLogger;
}

export function createObservability(serviceName: string): Observability {
  const logger = new Logger({ serviceName });
  const metrics = new Metrics({ serviceName, namespace: METRICS_NAMESPACE });
  const tracer = new Tracer({ serviceName, captureHTTPsRequests: false });
  const logError: ErrorLogger = (message, error) => {
    logger.error(message, { error: safeError(error) });
  };
  return { logger, metrics, tracer, logError };
}

/** Publishes what a request stored; quiet when it stored nothing (most requests). */
export function flushMetrics(metrics: Metrics): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
