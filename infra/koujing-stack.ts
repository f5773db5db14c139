/**
 * The Koujing stack, one construct per concern:
 * - data ........ the DynamoDB table and the Object Lock archive bucket  (data-construct.ts)
 * - auth ........ the staff user pool and the generated key secrets      (auth-construct.ts)
 * - functions ... the Lambda functions and their least-privilege grants  (functions-construct.ts)
 * - api ......... the HTTP API, its authorizer, throttling, access logs  (api-construct.ts)
 * - monitoring .. alarms and their topic                                 (monitoring-construct.ts)
 * Jobs (scheduled sweeps such as SLA clocks, SQS fan-out of after-sales updates, the S3- and
 * EventBridge-triggered Transcribe pipeline) get a `jobs-construct.ts` beside these when the first
 * of them exists; the product has none today, so there is no jobs construct yet.
 */
import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiConstruct } from './api-construct.ts';
import { AuthConstruct } from './auth-construct.ts';
import { DataConstruct } from './data-construct.ts';
import { FunctionsConstruct } from './functions-construct.ts';
import { MonitoringConstruct } from './monitoring-construct.ts';

export class KoujingStack extends Stack {
  readonly data: DataConstruct;
  readonly auth: AuthConstruct;
  readonly functions: FunctionsConstruct;
  readonly api: ApiConstruct;
  readonly monitoring: MonitoringConstruct;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const retentionYears = new CfnParameter(this, 'ArchiveRetentionYears', {
      type: 'Number',
      default: 10,
      minValue: 1,
      maxValue: 100,
      description: 'Object Lock default retention of every archive object version, in years.',
    });
    const mode = new CfnParameter(this, 'ArchiveLockMode', {
      type: 'String',
      default: 'COMPLIANCE',
      allowedValues: ['COMPLIANCE', 'GOVERNANCE'],
      description:
        'COMPLIANCE: no one (root included) can delete a locked version or shorten its retention. ' +
        'GOVERNANCE: users with s3:BypassGovernanceRetention can (use it only for trial deployments).',
    });

    this.data = new DataConstruct(this, 'Data', { archiveLock: { retentionYears, mode } });
    this.auth = new AuthConstruct(this, 'Auth');
    this.functions = new FunctionsConstruct(this, 'Functions', {
      table: this.data.table,
      jwtSecret: this.auth.jwtSecret,
      phoneHmacKeySecret: this.auth.phoneHmacKeySecret,
      cognitoIssuer: this.auth.issuer,
      cognitoClientId: this.auth.staffClient.userPoolClientId,
    });
    this.api = new ApiConstruct(this, 'Api', {
      apiFunction: this.functions.api,
      authorizerFunction: this.functions.authorizer,
    });
    this.monitoring = new MonitoringConstruct(this, 'Monitoring', {
      httpApi: this.api.httpApi,
      functions: [this.functions.api, this.functions.authorizer],
      authorizerService: 'koujing-authorizer',
    });

    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: this.auth.staffClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.data.archiveBucket.bucketName });
  }
}
