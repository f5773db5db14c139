/**
 * The HTML frame every page shares. Pages are static: no session data, token or user input is ever
 * written into the HTML on the server; the client scripts fetch the JSON API and render with
 * textContent. Every URL is relative so the same pages work under an API Gateway stage prefix.
 */

/** The pages load only their own scripts, styles and API; nothing inline, nothing external. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageSpec {
  title: string;
  /** Path from the page back to the app root: '' for `/agent`, '../' for `/s/:id`. */
  root: '' | '../';
  /** Client scripts under assets/, run in order after common.js. */
  scripts: string[];
  bodyClass: string;
  /** Static markup written in this codebase; never user data. */
  body: string;
}

export function pageShell(spec: PageSpec): string {
  const scripts = ['common.js', ...spec.scripts]
    .map((s) => `<script src="${spec.root}assets/${s}" defer></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex, nofollow">
<title>${spec.title}</title>
<link rel="stylesheet" href="${spec.root}assets/pages.css">
${scripts}
</head>
<body class="${spec.bodyClass}">
${spec.body}
</body>
</html>
`;
}
