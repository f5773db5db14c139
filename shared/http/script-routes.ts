import { Hono } from 'hono';
import * as z from 'zod';
import type { Clock } from '#shared/clock.ts';
import { DomainError, ValidationError } from '#shared/errors.ts';
import { auditAccess } from '#shared/legal/access-audit.ts';
import { listOffScriptCommitments } from '#shared/legal/off-script-review.ts';
import { packFromCsv } from '#shared/script/pack-csv.ts';
import { idSchema, type ScriptPack, scriptPackSchema } from '#shared/script/pack-schema.ts';
import { scriptGaps } from '#shared/script/script-gaps.ts';
import type { ScriptRepository } from '#shared/script/script-repository.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { hasPrototypeKey } from '#shared/validation/plain-text.ts';
import { type AuthEnv, requireRole } from './auth-middleware.ts';
import { describeZodError } from './error-mapper.ts';
import { validate } from './validate.ts';

/** An optional date range (UTC days, inclusive). */
const dateRange = {
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const dateRangeQuery = z.strictObject(dateRange).refine(inOrder, 'from 不能晚于 to');
/** The review queue pages: `cursor` is the `nextCursor` of the previous page. */
const reviewQuery = z
  .strictObject({
    ...dateRange,
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .refine(inOrder, 'from 不能晚于 to');

export const scriptRoutes = (scripts: ScriptRepository, table: TableRef, clock: Clock) =>
  new Hono<AuthEnv>()
    .get(
      '/:projectId/script-gaps',
      requireRole('script-owner'),
      validate('param', projectParam),
      validate('query', dateRangeQuery),
      async (c) => {
        // The report quotes buyers' own words: reading it is a look at archived material.
        const { projectId } = c.req.valid('param');
        await auditAccess(table, clock, c.get('principal'), 'script-gaps', { projectId });
        return c.json(await scriptGaps(table, projectId, c.req.valid('query')));
      },
    )
    .get(
      '/:projectId/off-script-commitments',
      requireRole('legal', 'manager', 'supervisor'),
      validate('param', projectParam),
      validate('query', reviewQuery),
      async (c) => {
        const { projectId } = c.req.valid('param');
        await auditAccess(table, clock, c.get('principal'), 'off-script-review', { projectId });
        return c.json({
          projectId,
          ...(await listOffScriptCommitments(table, projectId, c.req.valid('query'))),
        });
      },
    )
    .post(
      '/:projectId/script-packs',
      requireRole('script-owner'),
      validate('param', projectParam),
      async (c) => {
        const { projectId } = c.req.valid('param');
        const pack = await readPack(c.req.raw, projectId, new URL(c.req.url).searchParams);
        if (pack.projectId !== projectId) {
          throw new ValidationError('口径包中的 projectId 与路径中的项目不一致');
        }
        const { created, sha256, ...counts } = await scripts.publish(pack, c.get('principal').sub);
        return c.json({ ...counts, sha256 }, created ? 201 : 200);
      },
    );

const projectParam = z.strictObject({ projectId: idSchema });

const csvMetaSchema = z.strictObject({
  projectName: z.string().trim().min(1).max(100),
  version: idSchema,
  effectiveFrom: z.iso.date(),
});

/** A pack arrives as JSON, or as CSV (one row per entry) with pack fields in the query string. */
async function readPack(req: Request, projectId: string, query: URLSearchParams): Promise<ScriptPack> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  let raw: unknown;
  if (type.startsWith('text/csv')) {
    const meta = csvMetaSchema.safeParse(Object.fromEntries(query));
    if (!meta.success) throw new ValidationError(`CSV 导入需要查询参数：${describeZodError(meta.error)}`);
    raw = packFromCsv(await req.text(), { projectId, ...meta.data });
  } else if (type.startsWith('application/json')) {
    try {
      raw = await req.json();
    } catch {
      throw new DomainError('invalid_json', '请求体不是有效的 JSON', 400);
    }
  } else {
    throw new DomainError('unsupported_media_type', '口径包须以 application/json 或 text/csv 提交', 415);
  }
  if (hasPrototypeKey(raw)) throw new ValidationError('口径包不能包含名为 __proto__ 的字段');
  const parsed = scriptPackSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(describeZodError(parsed.error));
  return parsed.data;
}
