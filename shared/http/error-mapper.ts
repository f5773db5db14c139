import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import { ChainConflictError } from '#shared/archive/chain-append.ts';
import { DomainError } from '#shared/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Logs what the client never sees; injected so Lambda uses Powertools and tests stay quiet. */
export type ErrorLogger = (message: string, error: unknown) => void;

/** Plain-words summary of a zod error: the first few problems with their paths. */
export function describeZodError(err: Pick<z.ZodError, 'issues'>): string {
  return err.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('；');
}

/**
 * The one place errors become responses. Domain errors keep their status; anything unexpected is
 * logged and answered 503 (retryable) so no request ever yields a 5xx that hides a bug as a 500.
 */
export function toErrorResponse(err: unknown, c: Context, log: ErrorLogger) {
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return c.json(body, err.status);
  }
  if (err instanceof z.ZodError) {
    return c.json(
      { error: { code: 'invalid_request', message: describeZodError(err) } } satisfies ErrorBody,
      400,
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (/malformed json/i.test(err.message)) {
      return c.json(
        { error: { code: 'invalid_json', message: '请求体不是有效的 JSON' } } satisfies ErrorBody,
        400,
      );
    }
    if (/content-type/i.test(err.message)) {
      const message = '请求头 Content-Type 必须是 application/json';
      return c.json({ error: { code: 'unsupported_media_type', message } } satisfies ErrorBody, 415);
    }
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : 'bad_request';
    return c.json({ error: { code, message: err.message || '请求无效' } } satisfies ErrorBody, status);
  }
  if (err instanceof ChainConflictError) {
    // Extreme contention on one chain: the client may retry the same clientMessageId safely.
    c.header('retry-after', '1');
    const message = '记录写入繁忙，请稍后重试';
    return c.json({ error: { code: 'archive_busy', message } } satisfies ErrorBody, 429);
  }
  log('unhandled error', err);
  return c.json(
    { error: { code: 'unavailable', message: '服务暂时不可用，请稍后重试' } } satisfies ErrorBody,
    503,
  );
}
