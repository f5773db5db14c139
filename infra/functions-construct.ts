/**
 * Functions: every Lambda built by `NodejsFunction` with the local esbuild (`infra/bundling.ts`), on
 * Node.js 22 / arm64, each with its own log group and only the permissions it needs.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '#shared/config/observability.ts';
import { cdkBundling, type LambdaName, lambdaEntries } from './bundling.ts';

export interface FunctionsProps {
  table: dynamodb.ITable;
  jwtSecret: secretsmanager.ISecret;
  phoneHmacKeySecret: secretsmanager.ISecret;
  cognitoIssuer: string;
  cognitoClientId: string;
}

/** The only table actions the API may use; archive records are appended, never updated or deleted. */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** Denied outright, so a later grant cannot quietly allow rewriting the archive. */
export const DENIED_TABLE_ACTIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:DeleteTable',
  'dynamodb:UpdateTable',
  'dynamodb:UpdateTimeToLive',
] as const;

export class FunctionsConstruct extends Construct {
  readonly api: NodejsFunction;
  readonly authorizer: NodejsFunction;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const common = {
      COGNITO_ISSUER: props.cognitoIssuer,
      COGNITO_CLIENT_ID: props.cognitoClientId,
      JWT_SECRET_ARN: props.jwtSecret.secretArn,
    };

    this.api = this.nodeFunction('api', {
      description: 'Koujing HTTP API (Hono): script packs, signing sessions, archive, pages',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: {
        ...common,
        TABLE_NAME: props.table.tableName,
        PHONE_HMAC_KEY_SECRET_ARN: props.phoneHmacKeySecret.secretArn,
      },
    });
    this.authorizer = this.nodeFunction('authorizer', {
      description: 'Koujing API Gateway authorizer: Cognito staff tokens and the product HS256 tokens',
      memorySize: 512,
      timeout: Duration.seconds(5),
      environment: common,
    });

    // Keys: read access to exactly the secrets each function uses.
    props.jwtSecret.grantRead(this.api);
    props.phoneHmacKeySecret.grantRead(this.api);
    props.jwtSecret.grantRead(this.authorizer);

    // Table: an explicit allow-list (grantReadData would add Scan/BatchGet, grantWriteData Update/Delete).
    const tableResources = [props.table.tableArn, `${props.table.tableArn}/index/*`];
    this.api.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'TableAppendAndRead',
        actions: [...API_TABLE_ACTIONS],
        resources: tableResources,
      }),
    );
    this.api.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ArchiveNeverRewritten',
        effect: iam.Effect.DENY,
        actions: [...DENIED_TABLE_ACTIONS],
        resources: tableResources,
      }),
    );
    Validations.of(this.api).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.table.node.defaultChild as never)}.Arn>/index/*]`,
      reason:
        "Queries run on the table's own GSIs (gsi1, gsi2); the wildcard covers only this table's indexes.",
    });
  }

  private nodeFunction(
    name: LambdaName,
    opts: { description: string; memorySize: number; timeout: Duration; environment: Record<string, string> },
  ): NodejsFunction {
    const logGroup = new logs.LogGroup(this, `${name}-logs`, {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const fn = new NodejsFunction(this, `${name}-fn`, {
      entry: lambdaEntries[name],
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      description: opts.description,
      memorySize: opts.memorySize,
      timeout: opts.timeout,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      bundling: cdkBundling(),
      environment: {
        ...opts.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `koujing-${name}`,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the product is built and tested for (issue 4); moving to a newer Node.js ' +
        'is a deliberate upgrade with its own test run.',
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS managed basic execution policy only lets the function write its own CloudWatch logs.',
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) accept no resource narrower than *.',
    });
    return fn;
  }
}
