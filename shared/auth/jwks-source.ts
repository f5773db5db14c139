/**
 * A JSON Web Key Set fetched over node:http(s) and checked with jose's local key set. jose's own
 * remote key set uses `fetch`, whose first call loads undici: about 60 ms of Lambda cold start for one
 * small GET. Keys are fetched at init (`reload`) and again when a token names a key id the set lacks
 * (Cognito rotating its keys), at most once per cooldown.
 */
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import * as z from 'zod/mini';
import type { Clock } from '#shared/clock.ts';

export interface JwksSource extends JWTVerifyGetKey {
  reload(): Promise<void>;
}

/** `zod/mini`: the authorizer carries no classic zod API. */
const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })).check(z.minLength(1)) });

const MAX_BYTES = 64 * 1024;

export class JwksFetchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JwksFetchError';
  }
}

export function fetchJwks(url: URL, timeoutMs: number): Promise<JSONWebKeySet> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      { timeout: timeoutMs, headers: { accept: 'application/json' } },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new JwksFetchError(`JWKS answered ${res.statusCode}`));
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > MAX_BYTES) req.destroy(new JwksFetchError('JWKS response too large'));
        });
        res.on('end', () => {
          try {
            resolve(jwksSchema.parse(JSON.parse(body)) as JSONWebKeySet);
          } catch (err) {
            reject(new JwksFetchError('JWKS response is not a key set', { cause: err }));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new JwksFetchError(`JWKS did not answer within ${timeoutMs} ms`)));
    req.on('error', (err) =>
      reject(err instanceof JwksFetchError ? err : new JwksFetchError('JWKS fetch failed', { cause: err })),
    );
  });
}

export function createJwksSource(
  url: URL,
  opts: { clock: Clock; timeoutMs?: number; cooldownMs?: number },
): JwksSource {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const cooldownMs = opts.cooldownMs ?? 30_000;
  let local: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<void> | undefined;

  const reload = () => {
    inflight ??= fetchJwks(url, timeoutMs)
      .then((jwks) => {
        local = createLocalJWKSet(jwks);
        fetchedAt = opts.clock().getTime();
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  const source = (async (header, token) => {
    if (!local) await reload();
    try {
      return await local!(header, token);
    } catch (err) {
      const stale = opts.clock().getTime() - fetchedAt >= cooldownMs;
      if (!(err instanceof errors.JWKSNoMatchingKey) || !stale) throw err;
      await reload();
      return local!(header, token);
    }
  }) as JwksSource;
  source.reload = reload;
  return source;
}
