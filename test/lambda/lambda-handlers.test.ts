/**
 * The Lambda entry points as API Gateway runs them: realistic HTTP API v2 events into the authorizer
 * and the API handler, whose init reads its keys from a Secrets Manager stand-in, fetches the Cognito
 * JWKS from a stand-in and talks to DynamoDB Local, all over real HTTP on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIGatewayRequestAuthorizerEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#functions/local/dynamo-local.ts';
import { verifyBundle } from '#shared/archive/verify-bundle.ts';
import { createTokenService, type TokenService } from '#shared/auth/token-service.ts';
import { systemClock } from '#shared/clock.ts';
import { type CognitoStandIn, startCognitoStandIn } from '#test/support/cognito-stand-in.ts';
import {
  generatedSecrets,
  JWT_SECRET_ARN,
  lambdaEnv,
  PHONE_HMAC_KEY_SECRET_ARN,
} from '#test/support/lambda-env.ts';
import {
  type SecretsManagerStandIn,
  startSecretsManagerStandIn,
} from '#test/support/secrets-manager-stand-in.ts';
import { assertLoopback, demoPack } from '#test/support/test-context.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const lambdaContext = fixture('lambda-context.json') as Context;

type ApiHandler = typeof import('#functions/api/lambda.ts').handler;
type AuthorizerHandler = typeof import('#functions/authorizer/lambda.ts').handler;
type AuthorizerContext = { role: string; sub: string; sid?: string };

let secretsManager: SecretsManagerStandIn;
let cognito: CognitoStandIn;
let apiHandler: ApiHandler;
let authorizerHandler: AuthorizerHandler;
let ownTokens: TokenService;
let jwksFetchesAtInit = 0;
const savedEnv = { ...process.env };

beforeAll(async () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  assertLoopback(dynamoEndpoint);
  const tableName = `t_${randomBytes(6).toString('hex')}`;
  await ensureTable(dynamoEndpoint, tableName);
  const secrets = generatedSecrets();
  ownTokens = createTokenService(new TextEncoder().encode(secrets[JWT_SECRET_ARN]!), systemClock);
  secretsManager = await startSecretsManagerStandIn(secrets);
  cognito = await startCognitoStandIn();
  Object.assign(
    process.env,
    lambdaEnv({
      secretsManagerEndpoint: secretsManager.endpoint,
      cognitoIssuer: cognito.issuer,
      cognitoClientId: cognito.clientId,
      dynamoEndpoint,
      tableName,
    }),
  );
  // The environment must be in place before the modules' init (top level) runs.
  ({ handler: apiHandler } = await import('#functions/api/lambda.ts'));
  ({ handler: authorizerHandler } = await import('#functions/authorizer/lambda.ts'));
  jwksFetchesAtInit = cognito.jwksRequests;
});

afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  await secretsManager?.close();
  await cognito?.close();
});

/** An authorizer event as API Gateway sends it for a request carrying `authorization`. */
function authorizerEvent(
  method: string,
  path: string,
  authorization?: string,
): APIGatewayRequestAuthorizerEventV2 {
  const event = fixture('apigw-v2-authorizer.json');
  event.rawPath = path;
  event.requestContext.http.method = method;
  event.requestContext.http.path = path;
  event.routeArn = event.routeArn.replace('/POST/api/signing-sessions', `/${method}${path}`);
  event.pathParameters = { proxy: path.replace(/^\/api\//, '') };
  if (authorization === undefined) {
    delete event.headers.authorization;
    event.identitySource = [];
  } else {
    event.headers.authorization = authorization;
    event.identitySource = [authorization];
  }
  return event;
}

/** The proxy event API Gateway sends after the authorizer allowed it (or for a public route). */
function apiEvent(opts: {
  method: string;
  path: string;
  routeKey?: string;
  token?: string;
  body?: unknown;
  authorizer?: AuthorizerContext;
}) {
  const event = fixture('apigw-v2-request.json');
  const routeKey = opts.routeKey ?? 'ANY /api/{proxy+}';
  event.routeKey = routeKey;
  event.requestContext.routeKey = routeKey;
  event.rawPath = opts.path;
  event.requestContext.http.method = opts.method;
  event.requestContext.http.path = opts.path;
  event.pathParameters = routeKey.includes('{proxy+}')
    ? { proxy: opts.path.replace(/^\/api\//, '') }
    : undefined;
  if (opts.token) event.headers.authorization = `Bearer ${opts.token}`;
  if (opts.authorizer) event.requestContext.authorizer = { lambda: opts.authorizer };
  else delete event.requestContext.authorizer;
  if (opts.body !== undefined) {
    event.body = JSON.stringify(opts.body);
    event.headers['content-type'] = 'application/json';
    event.headers['content-length'] = String(Buffer.byteLength(event.body));
  }
  return event;
}

/** Through the gateway: the authorizer decides, then the API function answers. */
async function viaGateway(method: string, path: string, token: string, body?: unknown) {
  const decision = await authorizerHandler(authorizerEvent(method, path, `Bearer ${token}`), lambdaContext);
  expect(decision.isAuthorized, `authorizer denied ${method} ${path}`).toBe(true);
  const res = await apiHandler(
    apiEvent({ method, path, token, body, authorizer: decision.context as AuthorizerContext }),
    lambdaContext,
  );
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, context: decision.context };
}

describe('Lambda init', () => {
  it('reads each key from Secrets Manager once, at init, by ARN', () => {
    expect([...secretsManager.requests].sort()).toEqual(
      [JWT_SECRET_ARN, JWT_SECRET_ARN, PHONE_HMAC_KEY_SECRET_ARN].sort(),
    );
  });

  it('fetches the Cognito JWKS during init, before any request', () => {
    expect(jwksFetchesAtInit).toBeGreaterThanOrEqual(2);
  });
});

describe('a full signing flow through the Lambda entry points', () => {
  it('publishes, opens, acknowledges, answers, seals and exports verifiable evidence', async () => {
    const owner = await cognito.mint({ sub: 'owner-1', groups: ['script-owner'] });
    const published = await viaGateway('POST', '/api/projects/lanwan/script-packs', owner, demoPack());
    expect(published.status).toBe(201);
    expect(published.context).toEqual({ role: 'script-owner', sub: 'owner-1' });

    const agent = await cognito.mint({ sub: 'agent-007', groups: ['sales'], tokenUse: 'access' });
    const opened = await viaGateway('POST', '/api/signing-sessions', agent, {
      projectId: 'lanwan',
      unitId: '3-1-1202',
      buyer: { name: '张晓梅', phone: '13800138000' },
    });
    expect(opened.status).toBe(201);
    const { sessionId, buyerToken, disclosures } = opened.body;
    // The buyer token is signed with the key the function loaded from Secrets Manager.
    await expect(ownTokens.verify(buyerToken)).resolves.toMatchObject({ role: 'buyer', sessionId });

    for (const d of disclosures as { id: string }[]) {
      const ack = await viaGateway(
        'POST',
        `/api/signing-sessions/${sessionId}/disclosures/${d.id}/ack`,
        buyerToken,
      );
      expect(ack.status).toBe(200);
      expect(ack.context).toMatchObject({ role: 'buyer', sid: sessionId });
    }

    const turn = await viaGateway('POST', `/api/signing-sessions/${sessionId}/messages`, buyerToken, {
      text: '均价多少',
      clientMessageId: 'm-1',
    });
    expect(turn.status).toBe(200);
    expect(turn.body.reply.entryId).toBe('price-avg');
    expect(turn.body.reply.text).toBe(demoPack().entries.find((e) => e.id === 'price-avg')!.answer);

    const sealed = await viaGateway('POST', `/api/signing-sessions/${sessionId}/seal`, agent);
    expect(sealed.status).toBe(200);
    expect(sealed.body.headHash).toMatch(/^[0-9a-f]{64}$/);

    const legal = await cognito.mint({ sub: 'legal-1', groups: ['legal'] });
    const evidence = await viaGateway('GET', `/api/signing-sessions/${sessionId}/evidence`, legal);
    expect(evidence.status).toBe(200);
    expect(verifyBundle(evidence.body)).toMatchObject({
      ok: true,
      sealed: true,
      headHash: sealed.body.headHash,
    });
  });

  it('still checks roles in the app: a valid sales token cannot read evidence', async () => {
    const agent = await cognito.mint({ sub: 'agent-8', groups: ['sales'] });
    const res = await viaGateway('GET', '/api/signing-sessions/does-not-matter/evidence', agent);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('the authorizer', () => {
  const decide = async (authorization?: string) =>
    authorizerHandler(authorizerEvent('GET', '/api/signing-sessions/s-1', authorization), lambdaContext);

  it('lets a Cognito ID token through with its group as the role', async () => {
    const token = await cognito.mint({ sub: 'u-legal', groups: ['legal'] });
    await expect(decide(`Bearer ${token}`)).resolves.toEqual({
      isAuthorized: true,
      context: { role: 'legal', sub: 'u-legal' },
    });
  });

  it('refuses a staff token made with the product key: on AWS staff come from Cognito only', async () => {
    const token = await ownTokens.issue({ role: 'admin', sub: 'admin-1' }, 600);
    await expect(decide(`Bearer ${token}`)).resolves.toMatchObject({ isAuthorized: false });
    // The app checks again, even if a request reached it with such a token.
    const legal = await ownTokens.issue({ role: 'legal', sub: 'legal-1' }, 600);
    const res = await apiHandler(
      apiEvent({
        method: 'GET',
        path: `/api/signing-sessions/ses_${'0'.repeat(32)}/evidence`,
        token: legal,
        authorizer: { role: 'legal', sub: 'legal-1' } as AuthorizerContext,
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(401);
  });

  it.each([
    ['no Authorization header', async () => undefined],
    ['a malformed header', async () => 'Basic dXNlcjpwYXNz'],
    ['a garbage token', async () => 'Bearer not.a.jwt'],
    [
      'an HS256 token signed with another key',
      async () =>
        `Bearer ${await createTokenService(randomBytes(32), systemClock).issue({ role: 'admin', sub: 'x' }, 600)}`,
    ],
    ['an expired Cognito token', async () => `Bearer ${await cognito.mint({ expiresInSeconds: -60 })}`],
    [
      'a Cognito token signed with a key the pool does not publish',
      async () => `Bearer ${await cognito.mint({ foreignKey: true })}`,
    ],
    [
      'a Cognito token for another app client',
      async () => `Bearer ${await cognito.mint({ clientId: 'other' })}`,
    ],
    [
      'a Cognito token from another issuer',
      async () =>
        `Bearer ${await cognito.mint({ issuer: 'https://cognito-idp.ap-east-1.amazonaws.com/other' })}`,
    ],
    ['a Cognito user in no role group', async () => `Bearer ${await cognito.mint({ groups: ['staff'] })}`],
    [
      'a Cognito user in two role groups',
      async () => `Bearer ${await cognito.mint({ groups: ['sales', 'admin'] })}`,
    ],
  ])('denies %s', async (_name, header) => {
    await expect(decide(await header())).resolves.toEqual({ isAuthorized: false, context: {} });
  });
});

describe('public routes', () => {
  it('answers the health check without a token', async () => {
    const res = await apiHandler(
      apiEvent({ method: 'GET', path: '/health', routeKey: 'GET /health' }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).status).toBe('ok');
  });

  it('serves the pages the gateway routes publicly', async () => {
    const { PUBLIC_ROUTES } = await import('#infra/api-construct.ts');
    const samples: Record<string, string> = {
      '/s/{id}': '/s/ses_01jdxample0000000000000000',
      '/assets/{file}': '/assets/pages.css',
    };
    for (const route of PUBLIC_ROUTES.filter((r) => r.method === 'GET')) {
      const path = samples[route.path] ?? route.path;
      const res = await apiHandler(
        apiEvent({ method: 'GET', path, routeKey: `GET ${route.path}` }),
        lambdaContext,
      );
      expect(res.statusCode, `GET ${path}`).toBe(200);
    }
  });
});
