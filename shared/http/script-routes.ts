import { Hono } from 'hono';
import * as z from 'zod';
import { ValidationError } from '#shared/errors.ts';
import { idSchema, scriptPackSchema } from '#shared/script/pack-schema.ts';
import type { ScriptRepository } from '#shared/script/script-repository.ts';
import { type AuthEnv, requireRole } from './auth-middleware.ts';
import { validate } from './validate.ts';

export const scriptRoutes = (scripts: ScriptRepository) =>
  new Hono<AuthEnv>().post(
    '/:projectId/script-packs',
    requireRole('script-owner'),
    validate('param', z.strictObject({ projectId: idSchema })),
    validate('json', scriptPackSchema),
    async (c) => {
      const pack = c.req.valid('json');
      if (pack.projectId !== c.req.valid('param').projectId) {
        throw new ValidationError('口径包中的 projectId 与路径中的项目不一致');
      }
      const { created, sha256, ...counts } = await scripts.publish(pack, c.get('principal').sub);
      return c.json({ ...counts, sha256 }, created ? 201 : 200);
    },
  );
