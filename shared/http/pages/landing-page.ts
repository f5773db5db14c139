import { pageShell } from './page-shell.ts';

/** `GET /`: what the product is and where the agent starts. */
export const landingPage = pageShell({
  title: '口径 · 签约助手',
  root: '',
  scripts: [],
  bodyClass: 'landing',
  body: `<header class="bar">
  <div class="brand">口径 KOUJING</div>
  <h1>签约助手</h1>
  <p class="sub">统一口径答疑 · 不利因素披露 · 全程存证</p>
</header>
<main class="wrap">
  <section class="card">
    <h2>置业顾问</h2>
    <p>为购房人发起签约会话，生成购房人专用链接和二维码，签约结束后封存全部记录。</p>
    <p class="row"><a class="button" href="agent">进入置业顾问工作台</a></p>
  </section>
  <section class="card">
    <h2>购房人</h2>
    <p class="hint">请扫描置业顾问出示的二维码，或打开其发送给您的专用链接。</p>
  </section>
</main>`,
});
