import { createMiddleware } from 'hono/factory';
import type { Principal, Role } from '#shared/auth/roles.ts';
import type { TokenService } from '#shared/auth/token-service.ts';
import { ForbiddenError, UnauthorizedError } from '#shared/errors.ts';

export type AuthEnv = { Variables: { principal: Principal } };

/** Every /api request carries a bearer JWT, checked here even when a gateway checked it before. */
export const authenticate = (tokens: TokenService) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9._-]+)$/i.exec(header.trim());
    if (!match) throw new UnauthorizedError('缺少访问令牌（Authorization: Bearer …）');
    c.set('principal', await tokens.verify(match[1]!));
    await next();
  });

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    if (!roles.includes(c.get('principal').role)) throw new ForbiddenError('当前角色无权执行此操作');
    await next();
  });
