import { Script } from 'node:vm';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '#shared/http/error-mapper.ts';
import { pageRoutes } from '#shared/http/page-routes.ts';
import { MAX_QR_DATA_LENGTH } from '#shared/http/pages/buyer-link-qr.ts';
import { PAGE_CSP } from '#shared/http/pages/page-shell.ts';

// Mounted as createApp mounts it (app-wide secure headers, one error mapper), without the API or a database.
const app = new Hono().use(secureHeaders()).route('/', pageRoutes());
app.onError((err, c) =>
  toErrorResponse(err, c, (_m, e) => {
    throw e;
  }),
);

const SESSION_A = `ses_${'a1'.repeat(16)}`;
const SESSION_B = `ses_${'b2'.repeat(16)}`;
const FAKE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvd25fMSJ9.c2lnbmF0dXJl';

describe('page routes', () => {
  it.each(['/', '/agent', `/s/${SESSION_A}`])('serves %s as HTML under the strict page CSP', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
    expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport"');
  });

  it('allows only same-origin scripts, styles and connections, and nothing inline', () => {
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).toContain("connect-src 'self'");
    expect(PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    expect(PAGE_CSP).not.toContain('unsafe-eval');
  });

  it.each(['/', '/agent', `/s/${SESSION_A}`])(
    'writes no inline script, handler or style into %s',
    async (path) => {
      const html = await (await app.request(path)).text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        expect(tag).toMatch(/ src="(\.\.\/)?assets\/[a-z-]+\.js"/);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/\sstyle\s*=/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    },
  );

  it('uses only relative URLs so the pages work under an API Gateway stage path', async () => {
    const buyer = await (await app.request(`/s/${SESSION_A}`)).text();
    expect(buyer).toContain('src="../assets/buyer.js"');
    expect(buyer).toContain('href="../assets/pages.css"');
    const agent = await (await app.request('/agent')).text();
    expect(agent).toContain('src="assets/agent.js"');
    expect((await (await app.request('/')).text()).match(/href="agent"/)).not.toBeNull();
  });

  it('serves the same buyer page for every session and never echoes the session, token or query', async () => {
    const a = await (await app.request(`/s/${SESSION_A}?t=${FAKE_TOKEN}&name=<b>x</b>`)).text();
    const b = await (
      await app.request(`/s/${SESSION_B}`, { headers: { authorization: `Bearer ${FAKE_TOKEN}` } })
    ).text();
    expect(a).toBe(b);
    expect(a).not.toContain(SESSION_A);
    expect(a).not.toContain(FAKE_TOKEN);
    expect(a).not.toContain('<b>x</b>');
    expect(a).toContain('必读：不利因素披露');
  });

  it('answers a malformed session link with a JSON 404', async () => {
    const res = await app.request('/s/not-a-session');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'session_not_found' } });
  });

  it.each([
    ['/assets/common.js', /^text\/javascript/],
    ['/assets/buyer.js', /^text\/javascript/],
    ['/assets/agent.js', /^text\/javascript/],
    ['/assets/pages.css', /^text\/css/],
  ])('serves %s with its content type', async (path, type) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['common', 'buyer', 'agent'])(
    'ships %s.js as valid JavaScript that renders text, never markup',
    async (name) => {
      const js = await (await app.request(`/assets/${name}.js`)).text();
      expect(() => new Script(js, { filename: `${name}.js` })).not.toThrow();
      expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    },
  );
});

describe('buyer link QR code', () => {
  const link = `http://localhost/s/${SESSION_A}#t=${FAKE_TOKEN}`;
  const qr = (body: unknown) =>
    app.request('/qr.svg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('draws a same-origin buyer link as an SVG that is never cached', async () => {
    const res = await qr({ data: link });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toContain(FAKE_TOKEN);
  });

  it('works under a stage path', async () => {
    expect((await qr({ data: `http://localhost/prod/s/${SESSION_A}#t=${FAKE_TOKEN}` })).status).toBe(200);
  });

  it.each([
    ['another host', `https://evil.example/s/${SESSION_A}#t=${FAKE_TOKEN}`],
    ['arbitrary text', '转账到这个账户'],
    ['a non-buyer path', `http://localhost/agent#t=${FAKE_TOKEN}`],
    ['a query string', `http://localhost/s/${SESSION_A}?x=1#t=${FAKE_TOKEN}`],
    ['a missing token', `http://localhost/s/${SESSION_A}`],
    ['a javascript URL', 'javascript:alert(1)'],
    ['credentials in the URL', `http://a:b@localhost/s/${SESSION_A}#t=${FAKE_TOKEN}`],
    ['an over-long link', `http://localhost/s/${SESSION_A}#t=${'a'.repeat(MAX_QR_DATA_LENGTH)}.b.c`],
  ])('refuses %s with a 400', async (_label, data) => {
    const res = await qr({ data });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses extra fields and non-JSON bodies', async () => {
    expect((await qr({ data: link, size: 9999 })).status).toBe(400);
    const res = await app.request('/qr.svg', { method: 'POST', body: `data=${encodeURIComponent(link)}` });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('has no GET form that would put the token in a query string', async () => {
    expect((await app.request(`/qr.svg?data=${encodeURIComponent(link)}`)).status).toBe(404);
  });
});
