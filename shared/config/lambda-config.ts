/**
 * Lambda configuration: a zod parse of the environment, once, at init. A missing or malformed
 * variable stops the function before it serves anything, and the error names the variable.
 * `zod/mini` keeps the authorizer bundle free of zod's classic API (about 75 KB and 5 ms of cold start).
 */
import * as z from 'zod/mini';

export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

const required = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is not set' : 'must be a string') })
    .check(z.trim(), z.minLength(1, 'is empty'));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The Cognito user pool issuer; plain http only for a stand-in on loopback (tests). */
const issuerUrl = () =>
  z.pipe(
    z.pipe(required(), z.url('must be a URL')).check(
      z.refine((value) => {
        // Checks still run after a failed z.url(), so an unparsable value must not throw here.
        const url = URL.canParse(value) ? new URL(value) : null;
        return url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK.has(url.hostname));
      }, 'must be an https URL'),
    ),
    z.transform((value: string) => value.replace(/\/+$/, '')),
  );

export const authorizerConfigSchema = z.object({
  /** Secrets Manager secret holding the key that signs the product's own JWTs. */
  JWT_SECRET_ARN: required(),
  /** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}` */
  COGNITO_ISSUER: issuerUrl(),
  /** The staff app client: ID tokens carry it as `aud`, access tokens as `client_id`. */
  COGNITO_CLIENT_ID: required(),
});

export const apiConfigSchema = z.extend(authorizerConfigSchema, {
  TABLE_NAME: required(),
  /** Secrets Manager secret holding the key of the buyer phone-number hash. */
  PHONE_HMAC_KEY_SECRET_ARN: required(),
});

export type AuthorizerConfig = z.output<typeof authorizerConfigSchema>;
export type ApiConfig = z.output<typeof apiConfigSchema>;

/** Parses `env` or throws a ConfigError that lists every bad variable by name. */
export function parseConfig<S extends z.ZodMiniType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`invalid Lambda configuration: ${problems.join('; ')}`);
}
