/**
 * Monitoring: alarms on the API's 5xx rate, on authorizer denials and on function errors, all sent
 * to one SNS topic (subscribe an e-mail or a chat webhook to it after deploying).
 */
import { CfnOutput, Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '#shared/config/observability.ts';

export interface MonitoringProps {
  httpApi: apigw.HttpApi;
  functions: lambda.IFunction[];
  /** The `service` dimension the authorizer's Powertools metrics carry. */
  authorizerService: string;
}

export class MonitoringConstruct extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'Alarms', {
      displayName: 'Koujing alarms',
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    const period = Duration.minutes(5);

    const errorRate = new cloudwatch.MathExpression({
      label: '5xx rate (%)',
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: props.httpApi.metricServerError({ period, statistic: 'Sum' }),
        requests: props.httpApi.metricCount({ period, statistic: 'Sum' }),
      },
      period,
    });
    this.add('Api5xxRate', errorRate, {
      threshold: 1,
      description: 'More than 1% of API requests answered 5xx over 5 minutes (at least 20 requests).',
    });

    const denials = new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'AuthorizerDenials',
      dimensionsMap: { service: props.authorizerService },
      statistic: 'Sum',
      period,
    });
    this.add('AuthorizerDenials', denials, {
      threshold: 50,
      description:
        'The authorizer denied 50 or more requests in 5 minutes: token guessing or a broken client.',
    });

    props.functions.forEach((fn, i) => {
      this.add(`FunctionErrors${i}`, fn.metricErrors({ period, statistic: 'Sum' }), {
        threshold: 1,
        description: `Function ${fn.node.path} threw or timed out.`,
      });
    });

    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  private add(id: string, metric: cloudwatch.IMetric, opts: { threshold: number; description: string }) {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: opts.threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: opts.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}
