/**
 * Verifies staff tokens issued by the stack's Cognito user pool (RS256, keys from the pool's JWKS).
 * The role comes from the `cognito:groups` claim: groups are named after the staff roles and only an
 * administrator can put a user in one. (A `custom:role` attribute is deliberately not read: Cognito
 * lets users write their own custom attributes unless every app client is locked down, so a role
 * there would be one `UpdateUserAttributes` call away from privilege escalation.)
 */
import { errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import * as z from 'zod/mini';
import type { Clock } from '#shared/clock.ts';
import { ForbiddenError, UnauthorizedError } from '#shared/errors.ts';
import { createJwksSource, type JwksSource } from './jwks-source.ts';
import { type StaffRole, staffRoles } from './roles.ts';

export type StaffPrincipal = { role: StaffRole; sub: string };

export interface CognitoVerifier {
  verify(token: string): Promise<StaffPrincipal>;
  /** Fetches the JWKS now (at init) so the first request does not wait for it. */
  warm(): Promise<void>;
}

export interface CognitoVerifierOptions {
  /** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}` */
  issuer: string;
  /** The app client whose tokens are accepted. */
  clientId: string;
  clock: Clock;
  /** Key source; defaults to the pool's public JWKS. */
  keys?: JWTVerifyGetKey | JwksSource;
}

/** Where Cognito publishes a user pool's signing keys. */
export const cognitoJwksUrl = (issuer: string) =>
  new URL(`${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`);

/** `zod/mini`: the authorizer carries no classic zod API. */
const claimsSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(128)),
  token_use: z.enum(['id', 'access']),
  aud: z.optional(z.union([z.string(), z.array(z.string())])),
  client_id: z.optional(z.string()),
  'cognito:groups': z.optional(z.array(z.string())),
});

/** The one staff role a user's groups grant; none or several is refused rather than guessed. */
export function roleFromGroups(groups: readonly string[] | undefined): StaffRole {
  const roles = staffRoles.filter((role) => groups?.includes(role));
  if (roles.length === 0) throw new ForbiddenError('该账号尚未分配角色，请联系管理员');
  if (roles.length > 1) throw new ForbiddenError('该账号属于多个角色组，请联系管理员只保留一个');
  return roles[0]!;
}

export function createCognitoVerifier(opts: CognitoVerifierOptions): CognitoVerifier {
  const issuer = opts.issuer.replace(/\/+$/, '');
  const keys = opts.keys ?? createJwksSource(cognitoJwksUrl(issuer), { clock: opts.clock });
  return {
    async verify(token) {
      let claims: z.output<typeof claimsSchema>;
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          algorithms: ['RS256'],
          currentDate: opts.clock(),
          requiredClaims: ['exp', 'sub', 'token_use'],
        });
        claims = claimsSchema.parse(payload);
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new UnauthorizedError('访问令牌已过期，请重新登录');
        throw new UnauthorizedError('访问令牌无效');
      }
      const client = claims.token_use === 'id' ? claims.aud : claims.client_id;
      const clients = Array.isArray(client) ? client : [client];
      if (!clients.includes(opts.clientId)) throw new UnauthorizedError('访问令牌无效');
      return { role: roleFromGroups(claims['cognito:groups']), sub: claims.sub };
    },
    async warm() {
      if ('reload' in keys && typeof keys.reload === 'function') await keys.reload();
    },
  };
}
