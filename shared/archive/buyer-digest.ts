import { canonicalJson, sha256Hex } from './record-hash.ts';

/**
 * Binds the buyer's identity into the chain without a second plaintext copy. The per-session salt
 * lives beside the plaintext (session metadata, evidence bundle), so the digest alone reveals nothing
 * and an offline verifier holding the bundle can still check it.
 */
export function buyerDigest(buyer: { name: string; phone: string }, salt: string): string {
  return sha256Hex(canonicalJson({ name: buyer.name, phone: buyer.phone, salt }));
}
