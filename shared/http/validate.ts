import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod';
import { ValidationError } from '#shared/errors.ts';
import { describeZodError } from './error-mapper.ts';

/** zod at the edge: a failed parse becomes our ValidationError, mapped like every other error. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw new ValidationError(describeZodError(result.error));
  });
