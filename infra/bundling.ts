/**
 * One definition of how a Lambda bundle is built, shared by the CDK construct (`NodejsFunction`) and
 * the bundle benchmark, so the numbers the bench prints are the numbers AWS runs.
 */
import { fileURLToPath } from 'node:url';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The Lambda runtime the functions run on (Node.js 22 on arm64). */
export const NODE_TARGET = 'node22';

/**
 * ESM bundles that contain CommonJS dependencies (the AWS SDK's) call `require('node:https')`;
 * esbuild's shim throws "Dynamic require of ... is not supported" unless a real `require` exists.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __kjCreateRequire } from 'node:module';const require = __kjCreateRequire(import.meta.url);";

/**
 * Build-time substitutions. The SDK's default credential chain becomes its environment link (see
 * `shared/config/lambda-credentials.ts`): what Lambda resolves anyway, without the STS/SSO clients.
 */
export const lambdaAliases = {
  '@aws-sdk/credential-provider-node': fileURLToPath(
    new URL('../shared/config/lambda-credentials.ts', import.meta.url),
  ),
} as const;

export const lambdaBuild = {
  minify: true,
  sourceMap: true,
  /** Stack traces map back to files and lines; the sources themselves stay out of the artefact. */
  sourcesContent: false,
  target: NODE_TARGET,
  mainFields: ['module', 'main'],
  /**
   * Chinese text (the pages, pinyin-pro's and OpenCC's tables) stays UTF-8 rather than `\uXXXX`
   * escapes: about 240 KB less bundle; cold import time measured the same either way.
   */
  charset: 'utf8',
  banner: ESM_REQUIRE_BANNER,
} as const;

/** The Lambda entry points, one per function. */
export const lambdaEntries = {
  api: fileURLToPath(new URL('../functions/api/lambda.ts', import.meta.url)),
  authorizer: fileURLToPath(new URL('../functions/authorizer/lambda.ts', import.meta.url)),
} as const;

export type LambdaName = keyof typeof lambdaEntries;

/** `NodejsFunction` bundling: local esbuild (never Docker), ESM, the SDK clients bundled, not the runtime's. */
export function cdkBundling(): BundlingOptions {
  const { charset, ...build } = lambdaBuild;
  return {
    ...build,
    mainFields: [...lambdaBuild.mainFields],
    format: OutputFormat.ESM,
    forceDockerBundling: false,
    // Bundle the exact SDK client versions the tests ran with; only the clients imported are included.
    bundleAwsSDK: true,
    externalModules: [],
    esbuildArgs: {
      // `BundlingOptions.charset` is accepted but not passed on to esbuild by aws-cdk-lib 2.276.
      '--charset': charset,
      ...Object.fromEntries(Object.entries(lambdaAliases).map(([from, to]) => [`--alias:${from}`, to])),
    },
  };
}

/** The same build through esbuild's API (what `NodejsFunction` runs on the command line). */
export function esbuildOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: lambdaBuild.target,
    mainFields: [...lambdaBuild.mainFields],
    minify: lambdaBuild.minify,
    sourcemap: lambdaBuild.sourceMap,
    sourcesContent: lambdaBuild.sourcesContent,
    charset: lambdaBuild.charset,
    banner: { js: lambdaBuild.banner },
    alias: { ...lambdaAliases },
    logLevel: 'warning' as const,
  };
}
