/**
 * Bundled in place of `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias in
 * `infra/bundling.ts`): every SDK client's default credential chain becomes its first link, the
 * environment. Lambda always puts the execution role's credentials in AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, and that link is the one the full chain resolves there
 * too; the links Lambda never reaches (SSO, INI files, processes, web identity, container and instance
 * metadata, with the STS/SSO clients they need) are left out: about 130 KB and 8 ms of cold start.
 * Tests and the local server run unbundled, with the SDK's full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
