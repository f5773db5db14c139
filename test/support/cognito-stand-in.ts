/**
 * Stands in for a Cognito user pool: a real RSA key pair, its JWKS served over HTTP on 127.0.0.1 at
 * the path Cognito uses, and a minter for ID and access tokens shaped like Cognito's.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface StaffTokenOptions {
  sub?: string;
  groups?: string[];
  tokenUse?: 'id' | 'access';
  clientId?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** Sign with a key the pool does not publish. */
  foreignKey?: boolean;
}

export interface CognitoStandIn {
  issuer: string;
  clientId: string;
  /** JWKS fetches served. */
  jwksRequests: number;
  mint(opts?: StaffTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startCognitoStandIn(poolId = 'ap-east-1_KoujingTest'): Promise<CognitoStandIn> {
  const clientId = 'koujing-staff-client-test';
  const kid = 'test-key-1';
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const state = { jwksRequests: 0 };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === `/${poolId}/.well-known/jwks.json`) {
      state.jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(jwks));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/${poolId}`;

  return {
    issuer,
    clientId,
    get jwksRequests() {
      return state.jwksRequests;
    },
    async mint(opts = {}) {
      const tokenUse = opts.tokenUse ?? 'id';
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        token_use: tokenUse,
        'cognito:groups': opts.groups ?? ['sales'],
        auth_time: now,
      };
      if (tokenUse === 'access') claims.client_id = opts.clientId ?? clientId;
      else claims['cognito:username'] = opts.sub ?? 'staff-1';
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(opts.issuer ?? issuer)
        .setSubject(opts.sub ?? 'staff-1')
        .setIssuedAt(now)
        .setExpirationTime(now + (opts.expiresInSeconds ?? 3600));
      if (tokenUse === 'id') jwt.setAudience(opts.clientId ?? clientId);
      return jwt.sign(opts.foreignKey ? foreign.privateKey : privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
