import { describe, expect, it } from 'vitest';
import {
  apiConfigSchema,
  authorizerConfigSchema,
  ConfigError,
  parseConfig,
} from '#shared/config/lambda-config.ts';
import { safeError, scrubText } from '#shared/config/safe-error.ts';

const complete = {
  TABLE_NAME: 'Koujing-DataTable',
  JWT_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:123456789012:secret:jwt-AbCdEf',
  PHONE_HMAC_KEY_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:123456789012:secret:phone-GhIjKl',
  COGNITO_ISSUER: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Abc123/',
  COGNITO_CLIENT_ID: '1example23456789',
};

describe('Lambda configuration', () => {
  it('parses a complete environment and trims the issuer', () => {
    expect(parseConfig(apiConfigSchema, complete)).toMatchObject({
      TABLE_NAME: 'Koujing-DataTable',
      COGNITO_ISSUER: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Abc123',
    });
  });

  it('fails fast naming every missing variable', () => {
    const { TABLE_NAME: _t, PHONE_HMAC_KEY_SECRET_ARN: _p, ...rest } = complete;
    expect(() => parseConfig(apiConfigSchema, rest)).toThrowError(ConfigError);
    expect(() => parseConfig(apiConfigSchema, rest)).toThrowError(
      /TABLE_NAME is not set.*PHONE_HMAC_KEY_SECRET_ARN is not set|PHONE_HMAC_KEY_SECRET_ARN is not set.*TABLE_NAME is not set/,
    );
  });

  it('refuses a plain-http issuer that is not on loopback', () => {
    expect(() =>
      parseConfig(authorizerConfigSchema, { ...complete, COGNITO_ISSUER: 'http://cognito.example.com/pool' }),
    ).toThrowError(/COGNITO_ISSUER must be an https URL/);
  });

  it('names an issuer that is not a URL at all, instead of failing with a raw TypeError', () => {
    expect(() =>
      parseConfig(authorizerConfigSchema, { ...complete, COGNITO_ISSUER: 'not a url' }),
    ).toThrowError(/COGNITO_ISSUER must be a URL/);
  });

  it('needs no table for the authorizer', () => {
    const { TABLE_NAME: _t, ...rest } = complete;
    expect(parseConfig(authorizerConfigSchema, rest).JWT_SECRET_ARN).toBe(complete.JWT_SECRET_ARN);
  });
});

describe('error logging without personal data', () => {
  it('scrubs phone numbers, e-mail addresses and Chinese text from messages', () => {
    const text = scrubText('item for 张晓梅 (13800138000, zxm@example.com) rejected');
    expect(text).toBe('item for [cjk] ([digits], [email]) rejected');
  });

  it('keeps the kind, code and stack frames but not the raw first stack line', () => {
    const err = Object.assign(new Error('phone 13800138000 failed'), {
      code: 'ValidationException',
      $metadata: { httpStatusCode: 400, requestId: 'REQ1' },
    });
    const safe = safeError(new Error('wrapped', { cause: err }));
    expect(safe.cause).toMatchObject({
      name: 'Error',
      code: 'ValidationException',
      httpStatusCode: 400,
      awsRequestId: 'REQ1',
    });
    expect(JSON.stringify(safe)).not.toContain('13800138000');
    expect(safe.stack).toMatch(/^\s+at /);
  });
});
