import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, NotFoundError, ValidationError } from '#shared/errors.ts';
import { sessionIdParam } from '#shared/signing/signing-schemas.ts';
import { agentPage } from './pages/agent-page.ts';
import { agentScript } from './pages/agent-script.ts';
import { buyerLinkQrSchema, buyerLinkQrSvg, sameHost } from './pages/buyer-link-qr.ts';
import { buyerPage } from './pages/buyer-page.ts';
import { buyerScript } from './pages/buyer-script.ts';
import { commonScript } from './pages/common-script.ts';
import { landingPage } from './pages/landing-page.ts';
import { PAGE_CSP } from './pages/page-shell.ts';
import { pageStyles } from './pages/page-styles.ts';
import { validate } from './validate.ts';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** A static page: the strict page CSP, revalidated on every load so a deploy takes effect at once. */
const page = (c: Context, html: string) => {
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-cache');
  return c.html(html);
};

const asset = (c: Context, body: string, type: string) => {
  c.header('content-type', type);
  c.header('cache-control', 'no-cache');
  return c.body(body);
};

const tooLarge = () => {
  throw new DomainError('payload_too_large', '请求体过大', 413);
};

/**
 * The pages: public static HTML, CSS and JS with no server-side data; the scripts call the JSON API.
 * Buyer links are `/s/{sessionId}#t={buyerToken}`: the token stays in the fragment, out of server logs.
 */
export const pageRoutes = () =>
  new Hono()
    .get('/', (c) => page(c, landingPage))
    .get('/agent', (c) => page(c, agentPage))
    .get('/s/:id', (c) => {
      if (!sessionIdParam.safeParse({ id: c.req.param('id') }).success) {
        throw new NotFoundError('session_not_found', '签约链接无效');
      }
      return page(c, buyerPage);
    })
    // Browsers ask for it on every page; an empty answer keeps it out of the 404 logs.
    .get('/favicon.ico', (c) => c.body(null, 204))
    .get('/assets/pages.css', (c) => asset(c, pageStyles, CSS))
    .get('/assets/common.js', (c) => asset(c, commonScript, JS))
    .get('/assets/buyer.js', (c) => asset(c, buyerScript, JS))
    .get('/assets/agent.js', (c) => asset(c, agentScript, JS))
    .post(
      '/qr.svg',
      bodyLimit({ maxSize: 4 * 1024, onError: tooLarge }),
      validate('json', buyerLinkQrSchema),
      async (c) => {
        const { data } = c.req.valid('json');
        if (!sameHost(data, c.req.url)) throw new ValidationError('只能为本站的购房人签约链接生成二维码');
        c.header('content-type', 'image/svg+xml; charset=utf-8');
        c.header('content-security-policy', "default-src 'none'");
        c.header('cache-control', 'no-store');
        return c.body(await buyerLinkQrSvg(data));
      },
    );
