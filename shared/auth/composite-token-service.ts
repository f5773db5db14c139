/**
 * One TokenService over both kinds of token the product accepts on AWS: Cognito's RS256 staff tokens,
 * and its own HS256 JWTs, which there may only be session-scoped buyer tokens: staff sign in through
 * Cognito, so the product key (present in every function) cannot mint a legal or admin token. The
 * header's `alg` only picks the verifier; each verifier pins its own algorithm and key.
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
      if (alg === 'RS256') return cognito.verify(token);
      const principal = await own.verify(token);
      if (principal.role !== 'buyer') throw new UnauthorizedError('员工请通过统一身份认证登录');
      return principal;
    },
  };
}
