/** The one stylesheet for every page, served as /assets/pages.css. Mobile first: a 375px phone is the baseline. */
export const pageStyles = `
:root {
  --brand: #0d5c63;
  --brand-dark: #084349;
  --brand-soft: #e3f1f2;
  --ink: #1d2a30;
  --muted: #5b6b72;
  --line: #d8e0e3;
  --bg: #f3f6f7;
  --card: #ffffff;
  --ok: #1b7f4b;
  --ok-soft: #e6f4ec;
  --warn: #8a5a00;
  --warn-soft: #fff6e0;
  --danger: #b42318;
  --danger-soft: #fdecea;
  --radius: 12px;
  font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  color: var(--ink);
  background: var(--bg);
  line-height: 1.6;
  -webkit-text-size-adjust: 100%;
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; font-size: 16px; }
[hidden] { display: none !important; }
h1, h2, h3 { line-height: 1.35; margin: 0; }
h1 { font-size: 1.25rem; }
h2 { font-size: 1.1rem; }
h3 { font-size: 1rem; }
p { margin: 0.5rem 0; }
a { color: var(--brand); }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; background: var(--bg);
  padding: 0.1em 0.3em; border-radius: 4px; word-break: break-all; }

.bar { background: var(--brand); color: #fff; padding: 0.75rem 1rem 0.9rem;
  padding-top: max(0.75rem, env(safe-area-inset-top)); }
.brand { font-size: 0.8rem; opacity: 0.85; letter-spacing: 0.05em; }
.bar .sub { margin: 0.15rem 0 0; font-size: 0.9rem; opacity: 0.9; }

.wrap { max-width: 40rem; margin: 0 auto; padding: 0.75rem; }
.wrap.wide { max-width: 60rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius);
  padding: 1rem; margin-bottom: 0.75rem; }
.card > h2 { margin-bottom: 0.5rem; }
.card h3 { margin: 1rem 0 0.5rem; }
.hint { color: var(--muted); font-size: 0.875rem; }
.status { color: var(--muted); font-size: 0.9rem; }
.notice { background: var(--warn-soft); color: var(--warn); border-radius: 8px; padding: 0.6rem 0.75rem;
  font-size: 0.9rem; }
.warn { background: var(--warn-soft); color: var(--warn); border-radius: 8px; padding: 0.6rem 0.75rem;
  font-size: 0.85rem; margin: 0 0 0.5rem; }
.error { background: var(--danger-soft); color: var(--danger); border-radius: 8px; padding: 0.6rem 0.75rem;
  font-size: 0.9rem; white-space: pre-wrap; }
.ok { background: var(--ok-soft); color: var(--ok); border-radius: 8px; padding: 0.6rem 0.75rem;
  font-size: 0.9rem; overflow-wrap: anywhere; }
.pill { display: inline-block; font-size: 0.8rem; font-weight: normal; padding: 0.05rem 0.55rem;
  border-radius: 999px; background: var(--warn-soft); color: var(--warn); vertical-align: middle; }
.pill.done { background: var(--ok-soft); color: var(--ok); }

button { font: inherit; font-size: 1rem; min-height: 44px; padding: 0.5rem 1rem; border-radius: 10px;
  border: 1px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; }
a.button { display: inline-flex; align-items: center; font-size: 1rem; min-height: 44px; padding: 0.5rem 1rem;
  border-radius: 10px; background: var(--brand); color: #fff; text-decoration: none; }
button:hover, a.button:hover { background: var(--brand-dark); }
button:disabled { opacity: 0.5; cursor: not-allowed; }
button.secondary { background: #fff; color: var(--brand); }
button.secondary:hover { background: var(--brand-soft); }
button.danger { background: var(--danger); border-color: var(--danger); }
button.danger:hover { background: #8f1c13; }
button.small { min-height: 32px; padding: 0.2rem 0.7rem; font-size: 0.85rem; white-space: nowrap; }
input, textarea { font: inherit; font-size: 1rem; width: 100%; padding: 0.55rem 0.65rem; border-radius: 8px;
  border: 1px solid var(--line); background: #fff; color: var(--ink); }
input:focus, textarea:focus, button:focus-visible { outline: 3px solid #8cc7cc; outline-offset: 1px; }
label { display: block; font-size: 0.9rem; color: var(--muted); }
label > input { margin-top: 0.2rem; color: var(--ink); }
.row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; margin-top: 0.5rem; }
.grid { display: grid; gap: 0.65rem; grid-template-columns: 1fr; }
@media (min-width: 40rem) { .grid { grid-template-columns: 1fr 1fr; } .grid > button { grid-column: 1 / -1; } }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }

/* Disclosures */
details > summary { cursor: pointer; list-style: none; display: flex; gap: 0.5rem; align-items: center; }
details > summary > .pill { flex: none; }
details > summary::-webkit-details-marker { display: none; }
details > summary::after { content: "展开"; flex: none; margin-left: auto; font-size: 0.85rem; color: var(--brand); }
details[open] > summary::after { content: "收起"; }
.disclosures { list-style: none; margin: 0.5rem 0 0; padding: 0; }
.disclosure { border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 10px;
  padding: 0.75rem; margin-bottom: 0.6rem; }
.disclosure.acked { border-left-color: var(--ok); }
.disclosure h3 { margin: 0 0 0.25rem; }
.disclosure p { font-size: 0.95rem; }
.disclosure .tag { font-size: 0.75rem; color: var(--danger); margin-left: 0.35rem; font-weight: normal; }
.disclosure button { width: 100%; }
.done-mark { color: var(--ok); font-weight: bold; font-size: 0.95rem; }

/* Chat */
.messages { list-style: none; margin: 0.75rem 0; padding: 0; display: flex; flex-direction: column;
  gap: 0.6rem; }
.messages:empty { display: none; }
.msg { max-width: 88%; align-self: flex-start; scroll-margin-bottom: 7rem; }
.msg.mine { align-self: flex-end; }
.msg .who { font-size: 0.75rem; color: var(--muted); margin: 0 0.25rem 0.15rem; }
.msg.mine .who { text-align: right; }
.msg .text { padding: 0.55rem 0.8rem; border-radius: 14px; background: var(--brand-soft);
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
.msg.mine .text { background: var(--brand); color: #fff; }
.msg.from-sales:not(.mine) .text { background: #eef0ff; }
.msg.decline .text { background: var(--warn-soft); border: 1px dashed #e0b458; color: #5c4300; }
.msg .tag { display: block; font-size: 0.75rem; color: var(--warn); margin-top: 0.2rem; }
.msg .note { font-size: 0.8rem; color: var(--muted); margin: 0.25rem 0.25rem 0; }
.msg.pending .text { opacity: 0.7; }
.msg .state { font-size: 0.75rem; color: var(--muted); text-align: right; margin: 0.15rem 0.25rem 0; }
.msg.failed .state { color: var(--danger); }
.composer { display: flex; gap: 0.5rem; align-items: flex-end; background: var(--card);
  position: sticky; bottom: 0; padding: 0.5rem 0 max(0.25rem, env(safe-area-inset-bottom)); }
.composer textarea { flex: 1; resize: vertical; min-height: 44px; max-height: 10rem; }
.composer button { flex: none; }
.closing { border-color: #9fd3b4; background: var(--ok-soft); }
.closing h2 { color: var(--ok); }

/* Agent console */
.link-box { display: flex; gap: 0.5rem; }
.link-box input { font-size: 0.85rem; }
.qr { margin: 0.75rem 0; text-align: center; }
.qr img { width: 280px; height: 280px; max-width: 100%; image-rendering: pixelated; background: #fff;
  border: 1px solid var(--line); border-radius: 8px; }
.qr figcaption { font-size: 0.85rem; color: var(--muted); }
.ack-list { list-style: none; margin: 0; padding: 0; }
.ack-list li { display: flex; justify-content: space-between; gap: 0.5rem; padding: 0.4rem 0;
  border-bottom: 1px solid var(--line); font-size: 0.95rem; }
.ack-list .yes { color: var(--ok); flex: none; }
.ack-list .no { color: var(--warn); flex: none; }
.seal { margin-top: 1rem; border-top: 1px solid var(--line); padding-top: 1rem; }
@media (min-width: 52rem) {
  .session-grid { display: grid; grid-template-columns: 18rem 1fr; gap: 1.25rem; align-items: start; }
}
`;
