import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** prevHash of the first record in every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 (JCS) canonical JSON; `undefined` must never reach it (it would silently vanish). */
export function canonicalJson(value: unknown): string {
  const out = canonicalize(value);
  if (out === undefined) throw new TypeError('value cannot be canonicalised');
  return out;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Lowercase hex SHA-256 of the JCS of the record with every field except `hash`. */
export function recordHash(record: Record<string, unknown>): string {
  const { hash: _omit, ...body } = record;
  return sha256Hex(canonicalJson(body));
}
