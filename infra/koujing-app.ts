/** Builds the CDK app: the stack with an explicit environment, checked by cdk-nag's AwsSolutions pack. */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KoujingStack } from './koujing-stack.ts';

/** Where the stack goes unless `-c koujing:region=...` (or cdk.json) says otherwise. */
export const DEFAULT_REGION = 'ap-east-1';

/**
 * Feature flags live here rather than in cdk.json, so an in-process synth (the tests) and `cdk synth`
 * build the same template.
 */
export const FEATURE_FLAGS = {
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-apigateway:disableCloudWatchRole': true,
} as const;

export interface KoujingAppOptions extends AppProps {
  /** The target account; undefined synthesizes an account-agnostic template (offline, tests). */
  account?: string;
}

export function buildApp(opts: KoujingAppOptions = {}) {
  const { account, ...appProps } = opts;
  const app = new App({ ...appProps, context: { ...FEATURE_FLAGS, ...appProps.context } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  // The CDK CLI sets CDK_DEFAULT_REGION=us-east-1 even without credentials: the region is explicit.
  const region = String(app.node.tryGetContext('koujing:region') ?? DEFAULT_REGION);
  const stackName = String(app.node.tryGetContext('koujing:stackName') ?? 'Koujing');
  const stack = new KoujingStack(app, stackName, {
    env: { account, region },
    description: 'Koujing: sales bot at signing with a tamper-evident archive',
    terminationProtection: true,
  });
  return { app, stack };
}
