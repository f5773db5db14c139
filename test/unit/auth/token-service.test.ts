import { describe, expect, it } from 'vitest';
import { createTokenService } from '#shared/auth/token-service.ts';
import { manualClock } from '#shared/clock.ts';
import { UnauthorizedError } from '#shared/errors.ts';

const secret = new Uint8Array(32).fill(1);

describe('token service', () => {
  it('round-trips staff and session-scoped buyer tokens', async () => {
    const tokens = createTokenService(secret, manualClock('2026-11-20T00:00:00Z'));
    expect(await tokens.verify(await tokens.issue({ role: 'legal', sub: 'lawyer-1' }, 60))).toEqual({
      role: 'legal',
      sub: 'lawyer-1',
    });
    const buyer = await tokens.issue({ role: 'buyer', sub: 'own_1', sessionId: 'ses_1' }, 60);
    expect(await tokens.verify(buyer)).toEqual({ role: 'buyer', sub: 'own_1', sessionId: 'ses_1' });
  });

  it('rejects an expired token', async () => {
    const clock = manualClock('2026-11-20T00:00:00Z');
    const tokens = createTokenService(secret, clock);
    const t = await tokens.issue({ role: 'sales', sub: 'a' }, 60);
    clock.advance(61_000);
    await expect(tokens.verify(t)).rejects.toThrow('过期');
  });

  it('rejects a token signed with another key or tampered with', async () => {
    const clock = manualClock('2026-11-20T00:00:00Z');
    const other = await createTokenService(new Uint8Array(32).fill(2), clock).issue(
      { role: 'admin', sub: 'x' },
      60,
    );
    const tokens = createTokenService(secret, clock);
    await expect(tokens.verify(other)).rejects.toBeInstanceOf(UnauthorizedError);
    const good = await tokens.issue({ role: 'sales', sub: 'a' }, 60);
    const [h, , s] = good.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ role: 'legal', sub: 'a', exp: 9e9, iss: 'koujing', aud: 'koujing-api' })).toString('base64url')}.${s}`;
    await expect(tokens.verify(forged)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('rejects a buyer token without its session and an unknown role', async () => {
    const tokens = createTokenService(secret, manualClock('2026-11-20T00:00:00Z'));
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed principal
    const noSid = await tokens.issue({ role: 'buyer', sub: 'own_1' } as any, 60);
    await expect(tokens.verify(noSid)).rejects.toBeInstanceOf(UnauthorizedError);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately unknown role
    const weird = await tokens.issue({ role: 'god', sub: 'x' } as any, 60);
    await expect(tokens.verify(weird)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
