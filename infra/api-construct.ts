/**
 * API: one HTTP API (API Gateway v2) in front of the API function. Every `/api/...` route sits behind
 * the Lambda authorizer; only the health check and the pages are public; any other path is a 404 at
 * the gateway. Throttled, with JSON access logs that carry no personal data (no IP, no user agent).
 */
import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Public routes: the health check and the static pages of `shared/http/page-routes.ts`. */
export const PUBLIC_ROUTES = [
  { method: apigw.HttpMethod.GET, path: '/health' },
  { method: apigw.HttpMethod.GET, path: '/' },
  { method: apigw.HttpMethod.GET, path: '/agent' },
  { method: apigw.HttpMethod.GET, path: '/s/{id}' },
  { method: apigw.HttpMethod.GET, path: '/assets/{file}' },
  { method: apigw.HttpMethod.POST, path: '/qr.svg' },
] as const;

/** The one authorized route: the whole JSON API. */
export const API_ROUTE_PATH = '/api/{proxy+}';

export interface ApiProps {
  apiFunction: lambda.IFunction;
  authorizerFunction: lambda.IFunction;
}

export class ApiConstruct extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Koujing',
      createDefaultStage: false,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            role: '$context.authorizer.role',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('App', props.apiFunction, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    const authorizer = new HttpLambdaAuthorizer('Tokens', props.authorizerFunction, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: Duration.seconds(300),
    });

    this.httpApi.addRoutes({
      path: API_ROUTE_PATH,
      methods: [apigw.HttpMethod.ANY],
      integration,
      authorizer,
    });
    for (const route of PUBLIC_ROUTES) {
      const [created] = this.httpApi.addRoutes({ path: route.path, methods: [route.method], integration });
      Validations.of(created!).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Public by design: the health check and the static pages carry no data; every /api route is authorized.',
      });
    }

    new CfnOutput(this, 'Url', { value: this.httpApi.apiEndpoint, description: 'Koujing base URL' });
  }
}
