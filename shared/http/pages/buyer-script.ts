/**
 * /assets/buyer.js: the buyer's signing page. Reads the disclosures and transcript from the API, lets
 * the buyer acknowledge each disclosure, then chat; polls so the agent's messages and the seal appear.
 */
export const buyerScript = `'use strict';
(() => {
  const K = window.Koujing;
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 3000;

  const sessionId = decodeURIComponent(location.pathname.split('/').pop() || '');
  const storeKey = 'koujing.buyer.' + sessionId;
  // The token travels in the fragment (never sent to the server); keep it for reloads, then hide it.
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('t');
  if (fromFragment) {
    K.store.set(storeKey, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = fromFragment || K.store.get(storeKey);

  const state = { view: null, pending: [], acking: new Set(), wasReady: null, sending: false };
  const input = $('message-input');
  const sendButton = $('send');

  function showStatus(text, isError) {
    const status = $('status');
    status.hidden = !text;
    status.textContent = text || '';
    status.className = isError ? 'error' : 'status';
  }

  function requiredPending(view) {
    return view.disclosures.filter((d) => d.requiresAck && !d.acknowledged);
  }

  function renderDisclosures(view) {
    const list = $('disclosure-list');
    const key = view.disclosures.map((d) => d.id + (d.acknowledged ? '+' : state.acking.has(d.id) ? '~' : '-')).join(',');
    if (list.dataset.key === key + view.sealed) return;
    list.dataset.key = key + view.sealed;
    list.replaceChildren();
    for (const d of view.disclosures) {
      const item = K.el('li', 'disclosure' + (d.acknowledged ? ' acked' : ''));
      item.dataset.id = d.id;
      const title = K.el('h3', '', d.title);
      if (d.requiresAck) title.append(K.el('span', 'tag', '必读'));
      item.append(title, K.el('p', '', d.text));
      if (d.acknowledged) {
        item.append(K.el('p', 'done-mark', '✓ 已确认知悉'));
      } else {
        const busy = state.acking.has(d.id);
        const button = K.el('button', '', busy ? '正在确认…' : '我已阅读并知悉');
        button.type = 'button';
        button.disabled = busy || view.sealed;
        button.addEventListener('click', () => acknowledge(d.id));
        item.append(button);
      }
      list.append(item);
    }
    const required = view.disclosures.filter((d) => d.requiresAck);
    const done = required.length - requiredPending(view).length;
    const progress = $('ack-progress');
    progress.textContent = '已确认 ' + done + '/' + required.length;
    progress.className = 'pill' + (done === required.length ? ' done' : '');
  }

  function render() {
    const view = state.view;
    if (!view) return;
    document.title = view.projectName + ' · 签约助手';
    $('project').textContent = view.projectName;
    $('unit').textContent = '房号 ' + view.unitId + ' · 购房人 ' + view.buyerName;
    $('disclosures').hidden = view.disclosures.length === 0;
    $('chat').hidden = false;
    renderDisclosures(view);

    const ready = requiredPending(view).length === 0;
    if (state.wasReady !== ready) {
      // Collapse the disclosures once all are acknowledged; the buyer can still reopen them.
      $('disclosure-details').open = !ready;
      state.wasReady = ready;
    }
    $('chat-locked').hidden = ready || view.sealed;
    K.renderTranscript($('messages'), view.transcript, state.pending, 'buyer');

    const closing = $('closing');
    closing.hidden = !view.sealed;
    $('composer').hidden = !ready || view.sealed;
    input.disabled = !ready || view.sealed;
    sendButton.disabled = !ready || view.sealed || state.sending;
    if (view.sealed) {
      const first = !closing.dataset.shown;
      $('closing-text').textContent = view.closingText || '恭喜您完成签约！';
      closing.dataset.shown = '1';
      $('send-error').hidden = true;
      showStatus('签约记录已于 ' + K.formatTime(view.sealedAt) + ' 封存。');
      if (first) closing.scrollIntoView({ block: 'nearest' });
    } else {
      showStatus(ready ? '' : '请先阅读并确认全部不利因素披露。');
    }
  }

  async function refresh() {
    try {
      state.view = await K.api('signing-sessions/' + encodeURIComponent(sessionId), { token });
      render();
      if (state.view.sealed) poll.stop();
    } catch (err) {
      if (K.isRetryable(err)) {
        showStatus('网络不稳定，正在重新连接…', true);
        return;
      }
      poll.stop();
      fail(err.status === 401 || err.status === 403 || err.status === 404 ? '签约链接无效或已过期，请向置业顾问重新获取。' : err.message);
    }
  }

  function fail(message) {
    showStatus(message, true);
    $('disclosures').hidden = true;
    $('chat').hidden = true;
  }

  async function acknowledge(id) {
    state.acking.add(id);
    render();
    try {
      const path = 'signing-sessions/' + encodeURIComponent(sessionId) + '/disclosures/' + encodeURIComponent(id) + '/ack';
      await K.withRetry(() => K.api(path, { method: 'POST', token }));
    } catch (err) {
      showStatus(err.message, true);
    } finally {
      state.acking.delete(id);
      poll.now();
    }
  }

  async function deliver(item) {
    item.state = 'sending';
    state.sending = true;
    render();
    try {
      await K.postMessage(sessionId, token, item);
    } catch (err) {
      state.pending = state.pending.filter((p) => p !== item);
      if (!input.value) input.value = item.text;
      const error = $('send-error');
      error.textContent = err.message;
      error.hidden = false;
    } finally {
      state.sending = false;
      render();
      poll.now();
    }
  }

  function send(event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || state.sending || input.disabled) return;
    $('send-error').hidden = true;
    const item = { id: K.newId(), text, state: 'sending' };
    item.retry = () => deliver(item);
    state.pending.push(item);
    input.value = '';
    deliver(item);
  }

  $('composer').addEventListener('submit', send);
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter breaks the line; never while an IME is composing Chinese.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
  });

  const poll = K.poller(refresh, POLL_MS);
  if (!token || !/^ses_[a-z0-9]+$/.test(sessionId)) {
    fail('签约链接不完整，请重新扫描置业顾问出示的二维码。');
  } else {
    poll.start();
  }
})();
`;
