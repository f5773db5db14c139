import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod/mini';
import type { Clock } from '#shared/clock.ts';
import { UnauthorizedError } from '#shared/errors.ts';
import { type Principal, staffRoles } from './roles.ts';

export const TOKEN_ISSUER = 'koujing';
export const TOKEN_AUDIENCE = 'koujing-api';

/** `zod/mini`: the authorizer carries no classic zod API. */
const id = () => z.string().check(z.minLength(1), z.maxLength(128));
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ role: z.enum(staffRoles), sub: id() }),
  z.object({ role: z.literal('buyer'), sub: id(), sid: id() }),
]);

export interface TokenService {
  issue(principal: Principal, ttlSeconds: number): Promise<string>;
  verify(token: string): Promise<Principal>;
}

/** HS256 JWTs signed with the product's own key (Secrets Manager on AWS, .data/ locally). */
export function createTokenService(secret: Uint8Array, clock: Clock): TokenService {
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);
  return {
    async issue(principal, ttlSeconds) {
      const claims: Record<string, string> = { role: principal.role };
      if (principal.role === 'buyer') claims.sid = principal.sessionId;
      const iat = nowSeconds();
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(principal.sub)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(secret);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: ['HS256'],
          currentDate: clock(),
          requiredClaims: ['exp', 'sub'],
        });
        const claims = claimsSchema.parse(payload);
        return claims.role === 'buyer'
          ? { role: 'buyer', sub: claims.sub, sessionId: claims.sid }
          : { role: claims.role, sub: claims.sub };
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new UnauthorizedError('访问令牌已过期，请重新获取');
        throw new UnauthorizedError('访问令牌无效');
      }
    },
  };
}
