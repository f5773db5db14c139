/**
 * /assets/agent.js: the sales agent's console. Keeps the sales token and the current session in
 * sessionStorage, opens a session, shows the buyer link (text, copy, QR), follows acknowledgements and
 * the transcript, sends the agent's own (archived) messages and seals the session.
 */
export const agentScript = String.raw`'use strict';
(() => {
  const K = window.Koujing;
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 3000;
  const TOKEN_KEY = 'koujing.sales.token';
  const SESSION_KEY = 'koujing.agent.session';

  const state = { session: null, view: null, pending: [], sending: false, qrUrl: null };

  function showError(id, message) {
    const node = $(id);
    node.textContent = message || '';
    node.hidden = !message;
  }

  /** Reads a JWT's claims for display only; the server checks the signature. */
  function claimsOf(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
      return JSON.parse(json);
    } catch {
      return null;
    }
  }

  function showToken() {
    const token = K.store.get(TOKEN_KEY);
    const claims = token ? claimsOf(token) : null;
    const status = $('token-status');
    if (!token) {
      status.textContent = '尚未保存令牌。';
      status.className = 'status';
      $('token-form').hidden = false;
      $('token-change').hidden = true;
      return;
    }
    // Expiry is shown, not judged: the server's clock decides, and a 401 explains itself.
    const wrongRole = claims && claims.role !== 'sales';
    status.textContent = claims
      ? '已保存令牌：' + claims.role + ' / ' + claims.sub + (claims.exp ? '，有效期至 ' + K.formatTime(new Date(claims.exp * 1000).toISOString()) : '') +
        (wrongRole ? '（不是置业顾问令牌）' : '')
      : '已保存令牌（无法解析其内容）';
    status.className = wrongRole || !claims ? 'error' : 'ok';
    // A sales token folds the form away; anything else keeps it open for a replacement.
    const usable = Boolean(claims) && !wrongRole;
    $('token-form').hidden = usable;
    $('token-change').hidden = !usable;
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token-input').value.trim();
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
      $('token-status').textContent = '令牌格式不正确：应为三段以点分隔的 JWT。';
      $('token-status').className = 'error';
      return;
    }
    K.store.set(TOKEN_KEY, token);
    $('token-input').value = '';
    showToken();
  });
  $('token-change').addEventListener('click', () => {
    $('token-form').hidden = false;
    $('token-change').hidden = true;
    $('token-input').focus();
  });
  $('token-clear').addEventListener('click', () => {
    K.store.remove(TOKEN_KEY);
    showToken();
  });

  function requireToken() {
    const token = K.store.get(TOKEN_KEY);
    if (!token) throw new K.ApiError(401, 'no_token', '请先在第 1 步保存置业顾问令牌。');
    return token;
  }

  $('open-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    showError('open-error', '');
    const submit = $('open-submit');
    submit.disabled = true;
    try {
      const body = {
        projectId: String(data.get('projectId')).trim(),
        unitId: String(data.get('unitId')).trim(),
        buyer: { name: String(data.get('buyerName')).trim(), phone: String(data.get('buyerPhone')).trim() },
      };
      const opened = await K.api('signing-sessions', { method: 'POST', token: requireToken(), body });
      const session = { sessionId: opened.sessionId, buyerToken: opened.buyerToken };
      K.store.set(SESSION_KEY, JSON.stringify(session));
      form.reset();
      showSession(session);
    } catch (err) {
      showError('open-error', err.message);
    } finally {
      submit.disabled = false;
    }
  });

  function buyerLink(session) {
    return new URL('s/' + encodeURIComponent(session.sessionId), K.root).href + '#t=' + session.buyerToken;
  }

  async function showQr(link) {
    const img = $('buyer-qr');
    try {
      const blob = await K.request(new URL('qr.svg', K.root), { method: 'POST', body: { data: link }, blob: true });
      if (state.qrUrl) URL.revokeObjectURL(state.qrUrl);
      state.qrUrl = URL.createObjectURL(blob);
      img.src = state.qrUrl;
      img.hidden = false;
    } catch (err) {
      img.hidden = true;
      $('copy-status').textContent = '二维码生成失败：' + err.message;
    }
  }

  function showSession(session) {
    state.session = session;
    state.view = null;
    state.pending = [];
    const link = buyerLink(session);
    $('session-id').textContent = session.sessionId;
    $('buyer-link').value = link;
    $('copy-status').textContent = '';
    $('seal-result').replaceChildren();
    $('seal-confirm').hidden = true;
    $('seal').hidden = false;
    $('messages').replaceChildren();
    delete $('messages').dataset.key;
    $('ack-list').replaceChildren();
    $('session-card').hidden = false;
    $('open-card').hidden = true;
    showQr(link);
    poll.start();
  }

  $('copy-link').addEventListener('click', async () => {
    const field = $('buyer-link');
    let copied = false;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      field.select();
      copied = document.execCommand('copy');
    }
    $('copy-status').textContent = copied ? '链接已复制。' : '无法自动复制，请长按链接手动复制。';
  });

  function render() {
    const view = state.view;
    if (!view) return;
    const list = $('ack-list');
    list.replaceChildren();
    for (const d of view.disclosures) {
      const item = K.el('li');
      item.append(K.el('span', '', d.title + (d.requiresAck ? '' : '（仅告知）')));
      item.append(K.el('span', d.acknowledged ? 'yes' : 'no', d.acknowledged ? '✓ 已确认' : '待确认'));
      list.append(item);
    }
    const required = view.disclosures.filter((d) => d.requiresAck);
    const done = required.filter((d) => d.acknowledged).length;
    const summary = $('ack-summary');
    summary.textContent = done + '/' + required.length;
    summary.className = 'pill' + (done === required.length ? ' done' : '');

    K.renderTranscript($('messages'), view.transcript, state.pending, 'sales');
    $('no-messages').hidden = view.transcript.length > 0 || state.pending.length > 0;
    $('agent-composer').hidden = view.sealed;
    $('agent-send').disabled = view.sealed || state.sending;
    $('seal').hidden = view.sealed;
    if (view.sealed && !$('seal-result').childElementCount) {
      $('seal-result').append(K.el('p', 'ok', '本次签约记录已于 ' + K.formatTime(view.sealedAt) + ' 封存。'));
    }
  }

  async function refresh() {
    if (!state.session) return;
    try {
      state.view = await K.api('signing-sessions/' + encodeURIComponent(state.session.sessionId), { token: requireToken() });
      render();
      if (state.view.sealed) poll.stop();
    } catch (err) {
      if (!K.isRetryable(err)) poll.stop();
      showError('agent-send-error', err.message);
    }
  }

  async function deliver(item) {
    item.state = 'sending';
    state.sending = true;
    render();
    try {
      await K.postMessage(state.session.sessionId, requireToken(), item);
    } catch (err) {
      state.pending = state.pending.filter((p) => p !== item);
      if (!$('agent-input').value) $('agent-input').value = item.text;
      showError('agent-send-error', err.message);
    } finally {
      state.sending = false;
      render();
      poll.now();
    }
  }

  function sendAgentMessage(event) {
    event.preventDefault();
    const input = $('agent-input');
    const text = input.value.trim();
    if (!text || state.sending || !state.session) return;
    showError('agent-send-error', '');
    const item = { id: K.newId(), text, state: 'sending' };
    item.retry = () => deliver(item);
    state.pending.push(item);
    input.value = '';
    deliver(item);
  }
  $('agent-composer').addEventListener('submit', sendAgentMessage);
  $('agent-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) sendAgentMessage(event);
  });

  $('seal').addEventListener('click', () => {
    $('seal-confirm').hidden = false;
    $('seal').hidden = true;
  });
  $('seal-no').addEventListener('click', () => {
    $('seal-confirm').hidden = true;
    $('seal').hidden = false;
  });
  $('seal-yes').addEventListener('click', async () => {
    const result = $('seal-result');
    result.replaceChildren();
    $('seal-yes').disabled = true;
    try {
      const path = 'signing-sessions/' + encodeURIComponent(state.session.sessionId) + '/seal';
      const sealed = await K.api(path, { method: 'POST', token: requireToken() });
      $('seal-confirm').hidden = true;
      const box = K.el('div', 'ok');
      box.append(
        K.el('p', '', '已封存：' + K.formatTime(sealed.sealedAt) + '，共 ' + sealed.records + ' 条存档记录。'),
        K.el('p', '', '链头哈希：' + sealed.headHash),
        K.el('p', '', '业主编号：' + sealed.ownerId),
      );
      result.append(box);
    } catch (err) {
      $('seal-confirm').hidden = true;
      $('seal').hidden = false;
      const box = K.el('div', 'error');
      box.append(K.el('p', '', err.message));
      const pending = err.details && Array.isArray(err.details.pending) ? err.details.pending : [];
      if (pending.length) {
        const titles = new Map(((state.view && state.view.disclosures) || []).map((d) => [d.id, d.title]));
        const list = K.el('ul');
        for (const id of pending) list.append(K.el('li', '', titles.get(id) || id));
        box.append(K.el('p', '', '购房人尚未确认：'), list);
      }
      result.append(box);
    } finally {
      $('seal-yes').disabled = false;
      poll.now();
    }
  });

  $('new-session').addEventListener('click', () => {
    poll.stop();
    K.store.remove(SESSION_KEY);
    state.session = null;
    $('session-card').hidden = true;
    $('open-card').hidden = false;
    showError('agent-send-error', '');
  });

  const poll = K.poller(refresh, POLL_MS);
  showToken();
  try {
    const saved = JSON.parse(K.store.get(SESSION_KEY) || 'null');
    if (saved && typeof saved.sessionId === 'string' && typeof saved.buyerToken === 'string') showSession(saved);
  } catch {
    K.store.remove(SESSION_KEY);
  }
})();
`;
