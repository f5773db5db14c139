/**
 * /assets/common.js: helpers both pages share, as plain browser JavaScript (no build step). Exposed as
 * `window.Koujing`. Everything untrusted reaches the DOM through textContent only.
 */
export const commonScript = `'use strict';
(() => {
  // This file is served from <root>/assets/common.js; every other URL is resolved from that root so the
  // pages also work under an API Gateway stage prefix.
  const root = new URL('../', document.currentScript.src);
  const apiBase = new URL('api/', root);
  const RETRY_DELAYS_MS = [500, 1000, 2000, 4000];

  class ApiError extends Error {
    constructor(status, code, message, details) {
      super(message);
      this.status = status;
      this.code = code;
      this.details = details;
    }
  }

  /** Network failures, 5xx and 429 may succeed if tried again; other errors will not. */
  const isRetryable = (err) => err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500);

  async function request(url, options) {
    const opts = options || {};
    const headers = { accept: 'application/json' };
    if (opts.token) headers.authorization = 'Bearer ' + opts.token;
    const init = { method: opts.method || 'GET', headers, cache: 'no-store', credentials: 'omit' };
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    let res;
    try {
      res = await fetch(url, init);
    } catch {
      throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
    }
    if (!res.ok) {
      let error = {};
      try {
        error = (await res.json()).error || {};
      } catch {
        // not JSON: fall back to the status below
      }
      throw new ApiError(res.status, error.code || 'http_' + res.status, error.message || '请求失败（' + res.status + '）', error.details);
    }
    return opts.blob ? res.blob() : res.json();
  }

  /** A JSON API call; path is relative to <root>/api/. */
  const api = (path, options) => request(new URL(path, apiBase), options);

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Runs fn, retrying retryable failures with backoff; fn must be idempotent (same clientMessageId). */
  async function withRetry(fn) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!isRetryable(err) || attempt >= RETRY_DELAYS_MS.length) throw err;
        await wait(RETRY_DELAYS_MS[attempt]);
      }
    }
  }

  /**
   * Posts one chat message, retrying under its own clientMessageId so a retry never archives it twice.
   * Marks the item sent, or failed when a later manual retry may still succeed; rethrows anything else.
   */
  async function postMessage(sessionId, token, item) {
    const path = 'signing-sessions/' + encodeURIComponent(sessionId) + '/messages';
    try {
      const result = await withRetry(() =>
        api(path, { method: 'POST', token, body: { text: item.text, clientMessageId: item.id } }),
      );
      item.state = 'sent';
      item.seq = result.message.seq;
    } catch (err) {
      if (!isRetryable(err)) throw err;
      item.state = 'failed';
    }
  }

  /** crypto.randomUUID needs a secure context; a phone on plain http over the LAN may not have one. */
  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Builds an element; text always goes through textContent, never markup. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const store = {
    get(key) {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        sessionStorage.setItem(key, value);
      } catch {
        // storage disabled: the value lives only as long as the page
      }
    },
    remove(key) {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };

  function formatTime(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    return d.toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  const WHO = {
    buyer: { buyer: '我', sales: '购房人' },
    sales: { buyer: '置业顾问', sales: '我（置业顾问）' },
    bot: { buyer: '签约助手', sales: '签约助手' },
  };

  /**
   * Renders the archived transcript plus messages still in flight. viewer is 'buyer' or 'sales'.
   * pending: [{ id, text, state: 'sending' | 'failed' | 'sent', seq?, retry? }].
   */
  function renderTranscript(list, transcript, pending, viewer) {
    const seqs = new Set(transcript.map((m) => m.seq));
    const last = transcript[transcript.length - 1];
    const key = transcript.length + ':' + (last ? last.seq : 0) + '|' + pending.map((p) => p.id + p.state + (p.seq || '')).join(',');
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    const nearBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 160;
    const before = list.childElementCount;
    // The viewer's own new message always scrolls into view; others only if the viewer is at the bottom.
    const sentNew = pending.length > Number(list.dataset.pending || 0);
    list.dataset.pending = String(pending.length);
    list.replaceChildren();
    for (const m of transcript) {
      const mine = m.from === viewer;
      const decline = m.from === 'bot' && !m.entryId;
      const item = el('li', 'msg from-' + m.from + (mine ? ' mine' : '') + (decline ? ' decline' : ''));
      item.dataset.seq = String(m.seq);
      const who = (WHO[m.from] && WHO[m.from][viewer]) || m.from;
      item.append(el('div', 'who', who + ' · ' + formatTime(m.ts)));
      const bubble = el('div', 'text', m.text);
      if (decline) bubble.append(el('span', 'tag', '暂无标准答复，将由工作人员跟进'));
      item.append(bubble);
      if (m.note) item.append(el('p', 'note', m.note));
      list.append(item);
    }
    for (const p of pending) {
      if (p.seq && seqs.has(p.seq)) continue;
      const item = el('li', 'msg mine pending' + (p.state === 'failed' ? ' failed' : ''));
      item.append(el('div', 'who', WHO[viewer][viewer]));
      item.append(el('div', 'text', p.text));
      const state = el('div', 'state', p.state === 'failed' ? '发送失败 ' : p.state === 'sent' ? '已发送' : '发送中…');
      if (p.state === 'failed' && p.retry) {
        const again = el('button', 'small secondary', '重试');
        again.type = 'button';
        again.addEventListener('click', p.retry);
        state.append(again);
      }
      item.append(state);
      list.append(item);
    }
    if (list.childElementCount > before && (nearBottom || sentNew)) list.lastElementChild.scrollIntoView({ block: 'end' });
  }

  /** Calls fn now and then every intervalMs until stop(); skips ticks while the tab is hidden. */
  function poller(fn, intervalMs) {
    let timer = null;
    let running = false;
    let again = false;
    let stopped = false;
    async function tick() {
      clearTimeout(timer);
      if (stopped) return;
      if (running) {
        // A refresh asked for mid-flight runs right after, so it sees what just changed.
        again = true;
        return;
      }
      running = true;
      try {
        if (!document.hidden) await fn();
      } finally {
        running = false;
        if (!stopped) timer = setTimeout(tick, again ? 0 : intervalMs);
        again = false;
      }
    }
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) tick();
    });
    return {
      start() {
        stopped = false;
        tick();
      },
      now: tick,
      stop() {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  window.Koujing = { root, api, request, ApiError, isRetryable, withRetry, postMessage, newId, el, store, formatTime, renderTranscript, poller };
})();
`;
