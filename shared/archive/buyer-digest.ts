import { canonicalJson, sha256Hex } from './record-hash.ts';

/** Binds the buyer's identity into the chain without a second plaintext copy; checkable offline. */
export function buyerDigest(buyer: { name: string; phone: string }): string {
  return sha256Hex(canonicalJson({ name: buyer.name, phone: buyer.phone }));
}
