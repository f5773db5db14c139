/**
 * A real HTTP server on 127.0.0.1 that answers the Secrets Manager `GetSecretValue` call (AWS JSON 1.1
 * protocol), so Lambda init code runs its real SDK client against it via AWS_ENDPOINT_URL_SECRETS_MANAGER.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsManagerStandIn {
  endpoint: string;
  /** SecretIds asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startSecretsManagerStandIn(
  secrets: Record<string, string>,
): Promise<SecretsManagerStandIn> {
  const requests: string[] = [];
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST' || target !== 'secretsmanager.GetSecretValue') {
      return reply(res, 400, {
        __type: 'UnknownOperationException',
        message: `unsupported: ${String(target)}`,
      });
    }
    const secretId = String((JSON.parse(raw) as { SecretId?: unknown }).SecretId);
    requests.push(secretId);
    const value = secrets[secretId];
    if (value === undefined) {
      return reply(res, 400, {
        __type: 'ResourceNotFoundException',
        message: "Secrets Manager can't find the specified secret.",
      });
    }
    return reply(res, 200, {
      ARN: secretId,
      Name: secretId.split(':').pop(),
      SecretString: value,
      VersionId: '00000000-0000-4000-8000-000000000001',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: 1_763_600_000,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
