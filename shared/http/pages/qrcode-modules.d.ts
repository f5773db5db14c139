// The two `qrcode` modules the buyer-link QR uses, imported directly so the bundle skips the PNG,
// terminal and canvas renderers (and pngjs). They ship without type declarations of their own.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';

  const core: { create(text: string, options?: QRCodeOptions): QRCode };
  export default core;
}
declare module 'qrcode/lib/renderer/svg-tag.js' {
  import type { QRCode, QRCodeRenderersOptions } from 'qrcode';

  const svgTag: { render(qrData: QRCode, options?: QRCodeRenderersOptions): string };
  export default svgTag;
}
