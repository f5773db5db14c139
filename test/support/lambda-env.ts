/**
 * The environment a Lambda function gets from the stack, pointed at stand-ins on 127.0.0.1:
 * Secrets Manager and Cognito's JWKS (real HTTP servers) and DynamoDB Local.
 */
import { randomBytes } from 'node:crypto';

export const TEST_REGION = 'ap-east-1';
export const JWT_SECRET_ARN = `arn:aws:secretsmanager:${TEST_REGION}:000000000000:secret:koujing/jwt-signing-key-AbCdEf`;
export const PHONE_HMAC_KEY_SECRET_ARN = `arn:aws:secretsmanager:${TEST_REGION}:000000000000:secret:koujing/phone-hmac-key-GhIjKl`;

/** Secret values shaped like CloudFormation's generated ones (64 letters and digits). */
export function generatedSecrets(): Record<string, string> {
  return {
    [JWT_SECRET_ARN]: randomBytes(32).toString('hex'),
    [PHONE_HMAC_KEY_SECRET_ARN]: randomBytes(32).toString('hex'),
  };
}

export interface LambdaEnvInput {
  secretsManagerEndpoint: string;
  cognitoIssuer: string;
  cognitoClientId: string;
  dynamoEndpoint?: string;
  tableName?: string;
}

export function lambdaEnv(input: LambdaEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: input.secretsManagerEndpoint,
    JWT_SECRET_ARN,
    PHONE_HMAC_KEY_SECRET_ARN,
    COGNITO_ISSUER: input.cognitoIssuer,
    COGNITO_CLIENT_ID: input.cognitoClientId,
    TABLE_NAME: input.tableName ?? 'koujing',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
  if (input.dynamoEndpoint) env.AWS_ENDPOINT_URL_DYNAMODB = input.dynamoEndpoint;
  return env;
}
