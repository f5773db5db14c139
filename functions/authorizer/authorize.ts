/**
 * The API Gateway (HTTP API, payload 2.0, simple responses) authorizer decision: a valid bearer token
 * of either kind is let through with who it is; anything else is denied. The app checks the token and
 * the role again, so this is the first gate, not the only one.
 */
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import type { TokenService } from '#shared/auth/token-service.ts';
import { DomainError } from '#shared/errors.ts';

/** Reaches the integration as `requestContext.authorizer.lambda`. */
export type AuthorizerContext = { role: string; sub: string; sid?: string };

export type DenyReason = 'missing-token' | 'unauthorized' | 'forbidden';

export type AuthorizerDecision =
  | { isAuthorized: true; context: AuthorizerContext }
  | { isAuthorized: false; reason: DenyReason };

const BEARER = /^Bearer\s+([A-Za-z0-9._-]+)$/i;

export function bearerToken(event: Pick<APIGatewayRequestAuthorizerEventV2, 'headers' | 'identitySource'>) {
  const header = event.headers?.authorization ?? event.identitySource?.[0] ?? '';
  return BEARER.exec(header.trim())?.[1];
}

export async function authorize(
  event: APIGatewayRequestAuthorizerEventV2,
  tokens: Pick<TokenService, 'verify'>,
): Promise<AuthorizerDecision> {
  const token = bearerToken(event);
  if (!token) return { isAuthorized: false, reason: 'missing-token' };
  try {
    const principal = await tokens.verify(token);
    const context: AuthorizerContext = { role: principal.role, sub: principal.sub };
    if (principal.role === 'buyer') context.sid = principal.sessionId;
    return { isAuthorized: true, context };
  } catch (err) {
    if (err instanceof DomainError && err.status === 403) return { isAuthorized: false, reason: 'forbidden' };
    if (err instanceof DomainError && err.status === 401)
      return { isAuthorized: false, reason: 'unauthorized' };
    throw err;
  }
}
