import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, demoPack, type TestContext } from '#test/support/test-context.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const XSS = '<img src=x onerror=alert(1)>';
const SHOTS = '/tmp/koujing';

let ctx: TestContext;
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.publishDemoPack();
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await ctx?.dispose();
});

/** The text of every chat bubble from one sender, in order. */
const bubbles = (page: Page, from: 'buyer' | 'sales' | 'bot') =>
  page.locator(`#messages .msg.from-${from} .text`).allTextContents();

/** Waits until a bubble from `from` shows exactly `text` (declines add a tag inside the bubble). */
async function waitForBubble(page: Page, from: 'buyer' | 'sales' | 'bot', text: string) {
  await page.waitForFunction(
    ([f, t]) =>
      Array.from(document.querySelectorAll(`#messages .msg.from-${f} .text`)).some(
        (n) => n.firstChild?.textContent === t,
      ),
    [from, text] as const,
  );
}

describe('signing pages in Chromium', () => {
  it('takes a buyer from the agent link through disclosures and chat to the sealed congratulations', async () => {
    const pack = demoPack();
    const delivery = pack.entries.find((e) => e.id === 'delivery-date')!;
    const downPayment = pack.entries.find((e) => e.id === 'down-payment-ratio')!;
    const agentMessage = '您好，我是置业顾问小李，稍后为您办理网签手续。';

    // The agent saves a sales token and opens a session.
    const agentContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    const agent = await agentContext.newPage();
    await agent.goto(`${base}/agent`);
    await agent.locator('#token-input').fill(await ctx.tokenFor('sales', 'agent-001'));
    await agent.getByRole('button', { name: '保存令牌' }).click();
    await agent.getByText('sales / agent-001').waitFor();
    await agent.getByLabel('房号').fill('8-1-1202');
    await agent.getByLabel('购房人姓名').fill('张三');
    await agent.getByLabel('购房人手机号').fill('13800138000');
    await agent.getByRole('button', { name: '发起签约会话' }).click();
    await agent.waitForFunction(
      () => (document.getElementById('buyer-link') as HTMLInputElement).value !== '',
    );
    const link = await agent.locator('#buyer-link').inputValue();
    expect(link).toMatch(
      new RegExp(`^${base}/s/ses_[a-z0-9]+#t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`),
    );
    await agent.waitForFunction(() => {
      const img = document.getElementById('buyer-qr') as HTMLImageElement;
      return !img.hidden && img.complete && img.naturalWidth > 0;
    });
    await agent.getByText('0/5').waitFor();

    // Sealing before the buyer has acknowledged anything is refused and names what is pending.
    await agent.getByRole('button', { name: '封存签约记录' }).click();
    await agent.getByRole('button', { name: '确认封存' }).click();
    await agent.locator('#seal-result .error').getByText('购房人尚未确认').waitFor();
    for (const d of pack.disclosures) {
      await agent.locator('#seal-result .error li').getByText(d.title, { exact: true }).waitFor();
    }
    await agent.screenshot({ path: `${SHOTS}-agent-opened.png`, fullPage: true });

    // The buyer opens the link on a phone.
    const buyerContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const buyer = await buyerContext.newPage();
    const dialogs: string[] = [];
    buyer.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await buyer.goto(link);
    await buyer.locator('#project').getByText(pack.projectName).waitFor();
    await buyer.locator('#unit').getByText('8-1-1202').waitFor();
    expect(buyer.url()).not.toContain('#t=');
    expect(await buyer.locator('#message-input').isDisabled()).toBe(true);
    await buyer.screenshot({ path: `${SHOTS}-buyer-disclosures.png`, fullPage: true });

    // Every disclosure is acknowledged, one tap each; then the chat opens.
    for (let i = 1; i <= pack.disclosures.length; i++) {
      await buyer.getByRole('button', { name: '我已阅读并知悉' }).first().click();
      await buyer.waitForFunction((n) => document.querySelectorAll('.disclosure.acked').length === n, i);
    }
    await buyer.waitForSelector('#message-input:not([disabled])');
    await agent.getByText('5/5').waitFor();

    // A scripted question gets the approved answer, word for word.
    await buyer.locator('#message-input').fill(delivery.questions[0]!);
    await buyer.getByRole('button', { name: '发送' }).click();
    await waitForBubble(buyer, 'bot', delivery.answer);
    expect(await bubbles(buyer, 'bot')).toEqual([delivery.answer]);

    // Markup in chat text is shown as text; nothing is parsed or run.
    await buyer.locator('#message-input').fill(XSS);
    await buyer.locator('#message-input').press('Enter');
    await waitForBubble(buyer, 'buyer', XSS);
    await buyer.waitForFunction(() => document.querySelectorAll('#messages .msg.from-bot').length === 2);
    expect(await buyer.locator('#messages .msg.from-bot').last().getAttribute('class')).toContain('decline');
    expect(await buyer.locator('img').count()).toBe(0);

    // A send that fails on the network is retried with the same clientMessageId and archived once.
    const attempts: string[] = [];
    let failNext = true;
    await buyer.route('**/api/signing-sessions/*/messages', async (route) => {
      attempts.push(JSON.parse(route.request().postData() ?? '{}').clientMessageId);
      if (failNext) {
        failNext = false;
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await buyer.locator('#message-input').fill(downPayment.questions[0]!);
    await buyer.getByRole('button', { name: '发送' }).click();
    await waitForBubble(buyer, 'bot', downPayment.answer);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toBe(attempts[0]);
    await buyer.unroute('**/api/signing-sessions/*/messages');
    await buyer.screenshot({ path: `${SHOTS}-buyer-chat.png`, fullPage: true });

    // The agent sees the buyer's words as text, then speaks; the buyer's page picks it up.
    await waitForBubble(agent, 'buyer', XSS);
    expect(await agent.locator('#messages img').count()).toBe(0);
    expect((await bubbles(agent, 'buyer')).filter((t) => t === downPayment.questions[0])).toHaveLength(1);
    await agent.locator('#agent-input').fill(agentMessage);
    await agent.locator('#agent-send').click();
    await waitForBubble(agent, 'sales', agentMessage);
    await waitForBubble(buyer, 'sales', agentMessage);

    // The agent seals; the buyer is congratulated and can no longer type.
    await agent.getByRole('button', { name: '封存签约记录' }).click();
    await agent.getByRole('button', { name: '确认封存' }).click();
    await agent.locator('#seal-result .ok').getByText('已封存').waitFor();
    await buyer
      .locator('#closing')
      .getByText(`恭喜您完成签约，欢迎成为${pack.projectName}的业主！`)
      .waitFor();
    expect(await buyer.locator('#composer').isHidden()).toBe(true);
    expect(await buyer.locator('#message-input').isDisabled()).toBe(true);
    await buyer.screenshot({ path: `${SHOTS}-buyer-sealed.png`, fullPage: true });
    await agent.screenshot({ path: `${SHOTS}-agent-sealed.png`, fullPage: true });

    expect(dialogs).toEqual([]);
    expect(ctx.errors).toEqual([]);
    await buyerContext.close();
    await agentContext.close();
  }, 120_000);
});
