/**
 * The synthesized stack, as `cdk synth` builds it (both Lambda bundles built by the local esbuild,
 * cdk-nag's AwsSolutions checks on): the properties that must never drift.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTE_PATH, PUBLIC_ROUTES } from '#infra/api-construct.ts';
import { API_TABLE_ACTIONS } from '#infra/functions-construct.ts';
import { buildApp } from '#infra/koujing-app.ts';
import { staffRoles } from '#shared/auth/roles.ts';
import { tableSpec } from '#shared/store/table-spec.ts';

type Statement = { Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: unknown; Sid?: string };

let outdir: string;
let template: Template;
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are free-form JSON read by assertions
type CfnProps = Record<string, any>;
let json: { Resources: Record<string, { Type: string; Properties: CfnProps; DeletionPolicy?: string }> };
let assetDirs: string[];

const resourcesOf = (type: string) => Object.entries(json.Resources).filter(([, r]) => r.Type === type);
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const policies = () =>
  resourcesOf('AWS::IAM::Policy').map(([id, r]) => ({
    id,
    statements: r.Properties.PolicyDocument.Statement as Statement[],
  }));

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'koujing-cdk-'));
  const { app, stack } = buildApp({ outdir });
  // Throws on any unacknowledged cdk-nag error, exactly as `cdk synth` fails.
  const assembly = app.synth();
  json = assembly.getStackByName(stack.stackName).template;
  template = Template.fromJSON(json);
  assetDirs = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
}, 120_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('synthesis', () => {
  it('bundles every function as a minified ESM file with a source map', () => {
    const bundles = assetDirs.filter((d) => existsSync(join(outdir, d, 'index.mjs')));
    expect(bundles).toHaveLength(2);
    for (const dir of bundles) expect(existsSync(join(outdir, dir, 'index.mjs.map'))).toBe(true);
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });

  it('fails synthesis when cdk-nag finds an unacknowledged error (the check is live)', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'koujing-nag-')) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    new s3.Bucket(new Stack(app, 'Bad'), 'Open');
    expect(() => app.synth()).toThrow(/AwsSolutions-S/);
  });
});

describe('data', () => {
  it('keeps the table on demand, recoverable, protected, with TTL only on the spec attribute', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: tableSpec.ttlAttribute, Enabled: true },
        SSESpecification: { SSEEnabled: true },
        KeySchema: [
          { AttributeName: tableSpec.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableSpec.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableSpec.globalSecondaryIndexes.map((gsi) =>
          Match.objectLike({
            IndexName: gsi.indexName,
            KeySchema: [
              { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
              { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
      }),
    });
  });

  it('locks archive objects (Object Lock, retention and mode from parameters, 10 years COMPLIANCE by default)', () => {
    template.hasParameter('ArchiveRetentionYears', { Type: 'Number', Default: 10 });
    template.hasParameter('ArchiveLockMode', {
      Type: 'String',
      Default: 'COMPLIANCE',
      AllowedValues: ['COMPLIANCE', 'GOVERNANCE'],
    });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: {
            DefaultRetention: { Mode: { Ref: 'ArchiveLockMode' }, Years: { Ref: 'ArchiveRetentionYears' } },
          },
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      }),
    });
  });

  it('encrypts every bucket, blocks public access and refuses plain HTTP', () => {
    const buckets = resourcesOf('AWS::S3::Bucket');
    expect(buckets.length).toBe(2);
    for (const [, bucket] of buckets) {
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
      ).toMatchObject({ SSEAlgorithm: expect.stringMatching(/^(AES256|aws:kms)$/) });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const bucketPolicies = resourcesOf('AWS::S3::BucketPolicy');
    expect(bucketPolicies.length).toBe(2);
    for (const [, policy] of bucketPolicies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });
});

describe('api', () => {
  it('puts the Lambda authorizer on every /api route and leaves only health and pages public', () => {
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    const apiRoutes = routes.filter((r) => / \/api(\/|$)/.test(r.RouteKey));
    expect(apiRoutes.map((r) => r.RouteKey)).toEqual([`ANY ${API_ROUTE_PATH}`]);
    for (const route of apiRoutes) {
      expect(route.AuthorizationType).toBe('CUSTOM');
      expect(route.AuthorizerId).toBeDefined();
    }
    const open = routes
      .filter((r) => r.AuthorizationType !== 'CUSTOM')
      .map((r) => r.RouteKey)
      .sort();
    expect(open).toEqual(PUBLIC_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(routes.some((r) => r.RouteKey === '$default')).toBe(false);
  });

  it('uses a cached simple-response Lambda authorizer keyed on the Authorization header', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 300,
    });
  });

  it('throttles the stage and writes access logs without client IPs', () => {
    const stages = resourcesOf('AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const stage = stages[0]![1];
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(stage.Properties.AccessLogSettings.Format).not.toMatch(/sourceIp|userAgent/);
  });
});

describe('functions', () => {
  it('runs every function on Node.js 22, arm64, traced, with JSON logs in a retained log group', () => {
    const fns = resourcesOf('AWS::Lambda::Function');
    expect(fns).toHaveLength(2);
    for (const [, fn] of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: expect.objectContaining({ LogFormat: 'JSON' }),
      });
    }
    for (const [, group] of resourcesOf('AWS::Logs::LogGroup'))
      expect(group.Properties.RetentionInDays).toBe(365);
  });

  it('passes secrets by ARN only: generated by CloudFormation, never a value in the template', () => {
    const secrets = resourcesOf('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(2);
    for (const [, secret] of secrets) {
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
      expect(secret.Properties.SecretString).toBeUndefined();
    }
    for (const [, fn] of resourcesOf('AWS::Lambda::Function')) {
      const env = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(env).filter((k) => /SECRET|KEY/.test(k) && !k.endsWith('_ARN'))).toEqual([]);
    }
  });

  it('grants the table only get, query, put and condition checks, and denies rewriting the archive', () => {
    const allowed = policies().flatMap((p) =>
      p.statements.filter((s) => s.Effect === 'Allow').flatMap(actionsOf),
    );
    const tableActions = allowed.filter((a) => a.startsWith('dynamodb:'));
    expect([...new Set(tableActions)].sort()).toEqual([...API_TABLE_ACTIONS].sort());
    for (const forbidden of [
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:*',
      '*',
    ]) {
      expect(allowed).not.toContain(forbidden);
    }
    expect(allowed.filter((a) => a.endsWith('*') && !a.startsWith('xray:'))).toEqual([]);
    const denied = policies().flatMap((p) =>
      p.statements.filter((s) => s.Effect === 'Deny').flatMap(actionsOf),
    );
    expect(denied).toEqual(
      expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
    );
  });

  it('gives the authorizer the JWT key and nothing of the table', () => {
    const authorizerPolicy = policies().find((p) => p.id.startsWith('Functionsauthorizerfn'))!;
    const actions = authorizerPolicy.statements.flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    const secretStatement = authorizerPolicy.statements.find((s) =>
      actionsOf(s).includes('secretsmanager:GetSecretValue'),
    )!;
    expect(JSON.stringify(secretStatement.Resource)).toMatch(/JWTsigningkey/);
    expect(JSON.stringify(secretStatement.Resource)).not.toMatch(/phone/i);
  });
});

describe('auth and monitoring', () => {
  it('has one Cognito group per staff role, MFA required and no self sign-up', () => {
    const groups = resourcesOf('AWS::Cognito::UserPoolGroup')
      .map(([, g]) => g.Properties.GroupName)
      .sort();
    expect(groups).toEqual([...staffRoles].sort());
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('alarms on the API 5xx rate, authorizer denials and every function error', () => {
    const alarms = resourcesOf('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms.some((a) => JSON.stringify(a.Metrics ?? []).includes('5xx'))).toBe(true);
    expect(alarms.some((a) => a.MetricName === 'AuthorizerDenials' && a.Namespace === 'Koujing')).toBe(true);
    expect(alarms.filter((a) => a.MetricName === 'Errors' && a.Namespace === 'AWS/Lambda')).toHaveLength(2);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });
});
