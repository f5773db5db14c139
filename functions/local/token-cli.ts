/** `npm run --silent token -- --role <role> --sub <id> [--ttl <seconds>]`: prints a token for local use. */
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { staffRoles } from '#shared/auth/roles.ts';
import { createTokenService } from '#shared/auth/token-service.ts';
import { systemClock } from '#shared/clock.ts';
import { dataDirFromEnv, loadOrCreateLocalKeys } from './local-keys.ts';

const argsSchema = z.strictObject({
  role: z.enum(staffRoles, { error: `--role must be one of: ${staffRoles.join(', ')}` }),
  sub: z.string().regex(/^[A-Za-z0-9._@-]{1,128}$/, '--sub must be 1-128 letters, digits or ._@-'),
  ttl: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(12 * 3600),
});

try {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const keys = loadOrCreateLocalKeys(dataDirFromEnv());
  const token = await createTokenService(keys.jwtSecret, systemClock).issue(
    { role: args.role, sub: args.sub },
    args.ttl,
  );
  process.stdout.write(`${token}\n`);
} catch (err) {
  const message =
    err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
  process.stderr.write(
    `token: ${message}\nusage: npm run --silent token -- --role <${staffRoles.join('|')}> --sub <id>\n`,
  );
  process.exit(2);
}
