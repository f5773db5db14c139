import { pageShell } from './page-shell.ts';

/**
 * `GET /s/:sessionId`: the buyer's phone. The buyer token arrives in the URL fragment (`#t=…`), which
 * browsers never send to the server; buyer.js moves it to sessionStorage and strips it from the address bar.
 */
export const buyerPage = pageShell({
  title: '签约助手',
  root: '../',
  scripts: ['buyer.js'],
  bodyClass: 'buyer',
  body: `<header class="bar">
  <div class="brand">口径 · 签约助手</div>
  <h1 id="project">签约助手</h1>
  <p id="unit" class="sub"></p>
</header>
<main class="wrap">
  <p id="status" class="status" role="status" aria-live="polite">正在加载签约信息…</p>
  <section id="disclosures" class="card" hidden>
    <details id="disclosure-details" open>
      <summary><h2>必读：不利因素披露</h2><span id="ack-progress" class="pill"></span></summary>
      <p class="hint">签约前，请了解项目红线内外的不利因素。请逐条阅读，并点击「我已阅读并知悉」确认。</p>
      <ol id="disclosure-list" class="disclosures"></ol>
    </details>
  </section>
  <section id="chat" class="card" hidden>
    <h2>咨询问答</h2>
    <p class="hint">签约助手只用经过审核的标准口径答复；无法答复的问题会由工作人员跟进。本次对话将完整存档。</p>
    <p id="chat-locked" class="notice">请先确认以上全部必读事项，然后即可开始提问。</p>
    <ol id="messages" class="messages" aria-live="polite"></ol>
    <section id="closing" class="card closing" hidden>
      <h2>签约完成</h2>
      <p id="closing-text"></p>
    </section>
    <form id="composer" class="composer">
      <label for="message-input" class="visually-hidden">输入您的问题</label>
      <textarea id="message-input" rows="2" maxlength="2000" placeholder="请输入您的问题，例如：什么时候交房" disabled></textarea>
      <button id="send" type="submit" disabled>发送</button>
    </form>
    <p id="send-error" class="error" role="alert" hidden></p>
  </section>
</main>`,
});
