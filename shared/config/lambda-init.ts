/** Init-time wiring both Lambda functions share: token verification over both token kinds. */
import type { Logger } from '@aws-lambda-powertools/logger';
import { createCognitoVerifier } from '#shared/auth/cognito-verifier.ts';
import { createCompositeTokenService } from '#shared/auth/composite-token-service.ts';
import { createTokenService, type TokenService } from '#shared/auth/token-service.ts';
import type { Clock } from '#shared/clock.ts';
import { safeError } from './safe-error.ts';

export interface TokenInit {
  /** May still be on its way from Secrets Manager: the JWKS is fetched meanwhile. */
  jwtSecret: Uint8Array | Promise<Uint8Array>;
  cognitoIssuer: string;
  cognitoClientId: string;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
}

/**
 * The product's own HS256 tokens and the Cognito pool's RS256 staff tokens behind one TokenService.
 * The pool's JWKS is fetched now, during init, alongside the secret (two round trips in parallel, not
 * one after the other); if the JWKS fails the function still starts (HS256 tokens keep working) and
 * the keys are fetched again on the first Cognito token.
 */
export async function initTokenService(init: TokenInit): Promise<TokenService> {
  const cognito = createCognitoVerifier({
    issuer: init.cognitoIssuer,
    clientId: init.cognitoClientId,
    clock: init.clock,
  });
  const warmed = cognito.warm().catch((err: unknown) => {
    init.logger.warn('Cognito JWKS prefetch failed; retrying on the first staff token', {
      error: safeError(err),
    });
  });
  const [jwtSecret] = await Promise.all([init.jwtSecret, warmed]);
  return createCompositeTokenService(createTokenService(jwtSecret, init.clock), cognito);
}
