import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import type { KeyRing } from '#shared/config/key-ring.ts';

const fileSchema = z.strictObject({ jwtSecret: z.base64(), phoneHmacKey: z.base64() });

export const dataDirFromEnv = () => resolve(process.env.KOUJING_DATA_DIR || '.data');

/**
 * Local key material lives in {dataDir}/secrets.json (never committed: .data/ is ignored), made on
 * first use so the server and `npm run token` with the same KOUJING_DATA_DIR agree.
 */
export function loadOrCreateLocalKeys(dataDir: string): KeyRing {
  const file = join(dataDir, 'secrets.json');
  let raw: string | undefined;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const fresh = {
      jwtSecret: randomBytes(32).toString('base64'),
      phoneHmacKey: randomBytes(32).toString('base64'),
    };
    try {
      writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process created it first: use theirs.
    }
    raw = readFileSync(file, 'utf8');
  }
  const parsed = fileSchema.parse(JSON.parse(raw));
  return {
    jwtSecret: new Uint8Array(Buffer.from(parsed.jwtSecret, 'base64')),
    phoneHmacKey: new Uint8Array(Buffer.from(parsed.phoneHmacKey, 'base64')),
  };
}
