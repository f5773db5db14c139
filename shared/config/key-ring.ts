import { createHmac } from 'node:crypto';

/** Secret key material, loaded once per process (Secrets Manager on AWS, a file under .data/ locally). */
export interface KeyRing {
  /** Signs and checks the product's own JWTs. */
  jwtSecret: Uint8Array;
  /** Keys the phone-number hash that indexes a buyer without indexing plaintext. */
  phoneHmacKey: Uint8Array;
}

/** Digits only, without a +86 / 0086 country prefix, so one buyer hashes the same however typed. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

export function phoneHash(keys: KeyRing, phone: string): string {
  return createHmac('sha256', keys.phoneHmacKey).update(normalizePhone(phone)).digest('hex');
}
