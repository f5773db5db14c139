import { Hono } from 'hono';
import {
  disclosureParam,
  openSessionSchema,
  postMessageSchema,
  sessionIdParam,
} from '#shared/signing/signing-schemas.ts';
import type { SigningService } from '#shared/signing/signing-service.ts';
import { type AuthEnv, requireRole } from './auth-middleware.ts';
import { validate } from './validate.ts';

export const signingRoutes = (signing: SigningService) =>
  new Hono<AuthEnv>()
    .post('/', requireRole('sales'), validate('json', openSessionSchema), async (c) =>
      c.json(await signing.open(c.req.valid('json'), c.get('principal')), 201),
    )
    .get('/:id', requireRole('buyer', 'sales'), validate('param', sessionIdParam), async (c) =>
      c.json(await signing.view(c.req.valid('param').id, c.get('principal'))),
    )
    .post(
      '/:id/disclosures/:disclosureId/ack',
      requireRole('buyer'),
      validate('param', disclosureParam),
      async (c) => {
        const { id, disclosureId } = c.req.valid('param');
        return c.json(await signing.acknowledge(id, disclosureId, c.get('principal')));
      },
    )
    .post(
      '/:id/messages',
      requireRole('buyer', 'sales'),
      validate('param', sessionIdParam),
      validate('json', postMessageSchema),
      async (c) =>
        c.json(await signing.postMessage(c.req.valid('param').id, c.req.valid('json'), c.get('principal'))),
    )
    .post('/:id/seal', requireRole('sales'), validate('param', sessionIdParam), async (c) =>
      c.json(await signing.seal(c.req.valid('param').id, c.get('principal'))),
    )
    .get('/:id/evidence', requireRole('legal'), validate('param', sessionIdParam), async (c) => {
      const bundle = await signing.evidence(c.req.valid('param').id, c.get('principal'));
      c.header('content-disposition', `attachment; filename="evidence-${bundle.session.sessionId}.json"`);
      return c.json(bundle);
    });
