import type { QRCodeRenderersOptions } from 'qrcode';
import qrCore from 'qrcode/lib/core/qrcode.js';
import svgTag from 'qrcode/lib/renderer/svg-tag.js';
import * as z from 'zod';

/**
 * The QR code of a buyer link, rendered on the server with `qrcode` so the pages load no third-party
 * script. The link carries the buyer token in its fragment, so it is POSTed (a query string would land in
 * access logs). Only this site's own buyer links are encoded: this is not an open QR generator.
 */
export const MAX_QR_DATA_LENGTH = 1200;

const BUYER_LINK_PATH = /^(?:\/[A-Za-z0-9._~-]+)*\/s\/ses_[a-z0-9]{20,40}$/;
const TOKEN_FRAGMENT = /^#t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** True for `http(s)://host[/stage]/s/ses_…#t=<jwt>` written in canonical form. */
export function isBuyerLink(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.href === text &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    BUYER_LINK_PATH.test(url.pathname) &&
    TOKEN_FRAGMENT.test(url.hash)
  );
}

export const buyerLinkQrSchema = z.strictObject({
  data: z
    .string()
    .max(MAX_QR_DATA_LENGTH, `链接不能超过 ${MAX_QR_DATA_LENGTH} 个字符`)
    .refine(isBuyerLink, '只能为本站的购房人签约链接生成二维码'),
});

/** Same origin as the request that asks for it: a page on another host cannot borrow this endpoint. */
export function sameHost(link: string, requestUrl: string): boolean {
  return new URL(link).host === new URL(requestUrl).host;
}

/** Level L keeps the long token link scannable from a screen, where damage to the code is not a concern. */
const QR_OPTIONS = { errorCorrectionLevel: 'L', margin: 2 } as const satisfies QRCodeRenderersOptions;

/**
 * The same SVG as `QRCode.toString(link, { type: 'svg', ... })`, built from qrcode's core and its SVG
 * renderer only: the package's entry point also loads the PNG renderer with pngjs (about 35 KB and
 * 4 ms of the API function's cold start) that this endpoint never uses.
 */
export async function buyerLinkQrSvg(link: string): Promise<string> {
  return svgTag.render(qrCore.create(link, QR_OPTIONS), QR_OPTIONS);
}
