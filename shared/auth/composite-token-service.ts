/**
 * One TokenService over both kinds of token the product accepts: its own HS256 JWTs (buyers, and staff
 * locally) and Cognito's RS256 staff tokens on AWS. The header's `alg` only picks the verifier; each
 * verifier pins its own algorithm and key, so a token cannot talk its way into the other one.
 */
import { decodeProtectedHeader } from 'jose';
import { UnauthorizedError } from '#shared/errors.ts';
import type { CognitoVerifier } from './cognito-verifier.ts';
import type { TokenService } from './token-service.ts';

export function createCompositeTokenService(
  own: TokenService,
  cognito: Pick<CognitoVerifier, 'verify'>,
): TokenService {
  return {
    issue: (principal, ttlSeconds) => own.issue(principal, ttlSeconds),
    async verify(token) {
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw new UnauthorizedError('访问令牌无效');
      }
      return alg === 'RS256' ? cognito.verify(token) : own.verify(token);
    },
  };
}
