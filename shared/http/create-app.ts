import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { TokenService } from '#shared/auth/token-service.ts';
import type { Clock } from '#shared/clock.ts';
import type { KeyRing } from '#shared/config/key-ring.ts';
import { DomainError, NotFoundError } from '#shared/errors.ts';
import type { PublishedPack } from '#shared/script/script-repository.ts';
import { ScriptRepository } from '#shared/script/script-repository.ts';
import { SigningService } from '#shared/signing/signing-service.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import type { Matcher } from '#shared/understanding/matcher-types.ts';
import { authenticate } from './auth-middleware.ts';
import { type ErrorLogger, toErrorResponse } from './error-mapper.ts';
import { pageRoutes } from './page-routes.ts';
import { scriptRoutes } from './script-routes.ts';
import { signingRoutes } from './signing-routes.ts';

export interface AppDeps {
  table: TableRef;
  tokens: TokenService;
  keys: KeyRing;
  clock: Clock;
  /** Builds (and may cache) the matcher for a published pack version. */
  matcherFor: (pack: PublishedPack) => Matcher;
  logError?: ErrorLogger;
  newSessionId?: () => string;
}

const KB = 1024;

/** The whole product as one fetch handler; Lambda and the local server are thin adapters over it. */
export function createApp(deps: AppDeps) {
  const logError: ErrorLogger = deps.logError ?? ((m, e) => console.error(m, e));
  const scripts = new ScriptRepository(deps.table, deps.clock);
  const signing = new SigningService({ ...deps, scripts });
  const tooLarge = () => {
    throw new DomainError('payload_too_large', '请求体过大', 413);
  };

  const api = new Hono()
    .use(authenticate(deps.tokens))
    .route(
      '/projects',
      new Hono()
        .use(bodyLimit({ maxSize: 1024 * KB, onError: tooLarge }))
        .route('/', scriptRoutes(scripts, deps.table, deps.clock)),
    )
    .use('/signing-sessions/*', bodyLimit({ maxSize: 32 * KB, onError: tooLarge }))
    .route('/signing-sessions', signingRoutes(signing));

  const app = new Hono()
    .use(requestId())
    .use(secureHeaders())
    .get('/health', async (c) => {
      // Ready means the table answers, not just that the process is up.
      await deps.table.doc.send(
        new GetCommand({ TableName: deps.table.tableName, Key: { pk: 'HEALTH', sk: 'PROBE' } }),
      );
      return c.json({ status: 'ok', time: deps.clock().toISOString() });
    })
    .route('/api', api)
    .route('/', pageRoutes());

  app.notFound((c) => toErrorResponse(new NotFoundError('not_found', '请求的地址不存在'), c, logError));
  app.onError((err, c) => toErrorResponse(err, c, logError));
  return app;
}

export type App = ReturnType<typeof createApp>;
