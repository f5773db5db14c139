import * as z from 'zod';

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Human text as the product stores and hashes it: trimmed, bounded, no control characters and no
 * broken UTF-16 (a lone surrogate cannot be stored as UTF-8 faithfully, so it would break a hash).
 */
export function plainText(opts: { max: number; multiline?: boolean; label?: string }) {
  const label = opts.label ?? '文本';
  return (
    z
      .string({ error: `${label}必须是字符串` })
      .trim()
      .min(1, `${label}不能为空`)
      .max(opts.max * 2, `${label}不能超过 ${opts.max} 个字符`)
      // Counted in characters as a person counts them (code points), not UTF-16 units.
      .refine((s) => [...s].length <= opts.max, `${label}不能超过 ${opts.max} 个字符`)
      .refine((s) => !(opts.multiline ? CONTROL : CONTROL_OR_NEWLINE).test(s), `${label}不能包含控制字符`)
      .refine((s) => !LONE_SURROGATE.test(s), `${label}包含无效字符`)
  );
}

/**
 * True when JSON input carries a `__proto__` key anywhere: schema parsing would silently drop it, so
 * what is stored (and hashed) would differ from what was sent.
 */
export function hasPrototypeKey(value: unknown, depth = 0): boolean {
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => hasPrototypeKey(v, depth + 1));
  return Object.keys(value).some(
    (k) => k === '__proto__' || hasPrototypeKey((value as Record<string, unknown>)[k], depth + 1),
  );
}
