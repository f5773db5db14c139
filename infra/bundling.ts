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

export const lambdaBuild = {
  minify: true,
  sourceMap: true,
  /** Stack traces map back to files and lines; the sources themselves stay out of the artefact. */
  sourcesContent: false,
  target: NODE_TARGET,
  mainFields: ['module', 'main'],
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
  return {
    ...lambdaBuild,
    mainFields: [...lambdaBuild.mainFields],
    format: OutputFormat.ESM,
    forceDockerBundling: false,
    // Bundle the exact SDK client versions the tests ran with; only the clients imported are included.
    bundleAwsSDK: true,
    externalModules: [],
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
    banner: { js: lambdaBuild.banner },
    logLevel: 'warning' as const,
  };
}
