/**
 * Data: the one DynamoDB table (from `tableSpec`) and the S3 archive bucket with Object Lock (WORM).
 */
import { type CfnParameter, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { tableSpec } from '#shared/store/table-spec.ts';

export interface ArchiveLockParameters {
  /** Default retention of every archive object version, in years. */
  retentionYears: CfnParameter;
  /** COMPLIANCE: nobody, root included, can shorten or remove it. GOVERNANCE: privileged users can. */
  mode: CfnParameter;
}

export class DataConstruct extends Construct {
  readonly table: dynamodb.Table;
  readonly archiveBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { archiveLock: ArchiveLockParameters }) {
    super(scope, id);

    const string = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: string(tableSpec.partitionKey),
      sortKey: string(tableSpec.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Only items that carry this attribute expire; archive records never do.
      timeToLiveAttribute: tableSpec.ttlAttribute,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableSpec.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: string(gsi.partitionKey),
        sortKey: string(gsi.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // Server access logs of the archive bucket: who read or wrote which evidence object, for legal.
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(3650) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.archiveBucket = new s3.Bucket(this, 'Archive', {
      versioned: true,
      objectLockEnabled: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'archive/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Retention and mode are stack parameters, so they go into the template as references.
    const cfnArchive = this.archiveBucket.node.defaultChild as s3.CfnBucket;
    cfnArchive.objectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: {
        defaultRetention: {
          mode: props.archiveLock.mode.valueAsString,
          years: props.archiveLock.retentionYears.valueAsNumber,
        },
      },
    };
  }
}
