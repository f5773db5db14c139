import { pageShell } from './page-shell.ts';

/** `GET /agent`: the sales agent's console. The sales token is pasted here and kept in sessionStorage. */
export const agentPage = pageShell({
  title: '置业顾问工作台 · 口径',
  root: '',
  scripts: ['agent.js'],
  bodyClass: 'agent',
  body: `<header class="bar">
  <div class="brand">口径 · 置业顾问工作台</div>
  <h1>签约会话</h1>
</header>
<main class="wrap wide">
  <section id="token-card" class="card">
    <h2>1. 访问令牌</h2>
    <form id="token-form">
      <label for="token-input">置业顾问令牌（sales）</label>
      <textarea id="token-input" rows="2" autocomplete="off" spellcheck="false" placeholder="粘贴令牌"></textarea>
      <p class="hint">本地获取：<code>npm run --silent token -- --role sales --sub agent-001</code>。令牌只保存在本标签页（sessionStorage），关闭标签页即清除。</p>
      <div class="row">
        <button type="submit">保存令牌</button>
        <button id="token-clear" type="button" class="secondary">清除</button>
      </div>
    </form>
    <p id="token-status" class="status" role="status"></p>
    <button id="token-change" type="button" class="secondary small" hidden>更换令牌</button>
  </section>
  <section id="open-card" class="card">
    <h2>2. 发起签约</h2>
    <form id="open-form" class="grid">
      <label>项目编号<input name="projectId" value="lanwan" required maxlength="64" autocomplete="off"></label>
      <label>房号<input name="unitId" required maxlength="64" placeholder="如 8-1-1202" autocomplete="off"></label>
      <label>购房人姓名<input name="buyerName" required maxlength="50" autocomplete="off"></label>
      <label>购房人手机号<input name="buyerPhone" required maxlength="24" type="tel" inputmode="tel" autocomplete="off"></label>
      <button id="open-submit" type="submit">发起签约会话</button>
    </form>
    <p id="open-error" class="error" role="alert" hidden></p>
  </section>
  <section id="session-card" class="card" hidden>
    <h2>3. 签约进行中</h2>
    <p class="hint">会话编号 <code id="session-id"></code></p>
    <div class="session-grid">
      <div>
        <h3>购房人链接</h3>
        <div class="link-box">
          <input id="buyer-link" readonly aria-label="购房人链接">
          <button id="copy-link" type="button" class="small">复制链接</button>
        </div>
        <p id="copy-status" class="hint" role="status"></p>
        <figure class="qr">
          <img id="buyer-qr" alt="购房人链接二维码" width="280" height="280" hidden>
          <figcaption>请购房人用手机扫码打开</figcaption>
        </figure>
        <p class="hint">链接内含本场签约专用的购房人令牌，请勿转发给他人。</p>
        <h3>不利因素确认情况 <span id="ack-summary" class="pill"></span></h3>
        <ul id="ack-list" class="ack-list"></ul>
      </div>
      <div>
        <h3>对话记录</h3>
        <ol id="messages" class="messages"></ol>
        <p id="no-messages" class="hint">购房人还没有提问。</p>
        <form id="agent-composer" class="composer-block">
          <p class="warn">您在此输入的每一句话都会被完整存档，并可能作为日后的证据。请勿作出销售口径以外的承诺（如赠送、返现、保证升值），此类内容会被标记复核。</p>
          <div class="composer">
            <label for="agent-input" class="visually-hidden">置业顾问消息</label>
            <textarea id="agent-input" rows="2" maxlength="2000" placeholder="以置业顾问身份发言（将存档）"></textarea>
            <button id="agent-send" type="submit">发送</button>
          </div>
        </form>
        <p id="agent-send-error" class="error" role="alert" hidden></p>
        <div class="seal">
          <button id="seal" type="button" class="danger">封存签约记录</button>
          <div id="seal-confirm" hidden>
            <p>封存后本次签约记录将不能再添加任何内容，购房人会收到签约完成通知。确认封存？</p>
            <div class="row">
              <button id="seal-yes" type="button" class="danger">确认封存</button>
              <button id="seal-no" type="button" class="secondary">取消</button>
            </div>
          </div>
          <div id="seal-result" role="status"></div>
        </div>
        <p class="row"><button id="new-session" type="button" class="secondary">发起新的签约</button></p>
      </div>
    </div>
  </section>
</main>`,
});
