import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAsRaw, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
const lead = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;
const customer = {
  fullName: '欧阳晓明',
  phone: '13812345678',
  idNumber: '110105194912310021',
  address: '北京市朝阳区建国路88号SOHO现代城2号楼1801',
};
const draftNote = '客户反映账单重复扣费，约定明天上午回电核实';

let preview: PreviewProcess;
let browser: Browser;
let agentContext: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  agentContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  page = await agentContext.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  await createPerson(page, administratorClient, agent);
  await createPerson(page, administratorClient, lead);
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

const signIn = signInThroughPage;

/** Everything the page holds: its HTML (attributes included) and every field's current value. */
async function everythingInThePage(target: Page): Promise<string> {
  const html = await target.content();
  // A function, not a string: the page's CSP forbids evaluating strings.
  const values = await target.evaluate(() => {
    const page = globalThis as unknown as { document: { querySelectorAll: (selector: string) => Iterable<{ value: string }> } };
    return [...page.document.querySelectorAll('input, textarea, select')].map((element) => element.value).join('\n');
  });
  return `${html}\n${values}`;
}

describe('seat-leave lock in the browser', () => {
  it('creates a customer that shows masked only', async () => {
    await signIn(page, agent.agentId, agent.password);
    await page.getByTestId('customer-new').click();
    await page.locator('#customerCreate_fullName').fill(customer.fullName);
    await page.locator('#customerCreate_phones').fill(customer.phone);
    await page.locator('#customerCreate_idNumber').fill(customer.idNumber);
    await page.locator('#customerCreate_address').fill(customer.address);
    await page.getByTestId('customer-create-submit').click();
    await page.getByTestId('customer-card').waitFor();
    expect(await page.getByTestId('customer-phone-0').innerText()).toBe('138****5678');
    expect(await page.getByTestId('customer-idNumber-0').innerText()).toBe('1101**********0021');
    expect(await page.getByTestId('customer-address-0').innerText()).toBe('北京市朝阳区****');
    expect(await page.getByTestId('customer-name-0').innerText()).toBe('欧阳**');
    const html = await everythingInThePage(page);
    for (const secret of [customer.fullName, customer.phone, customer.idNumber, '建国路88号']) expect(html).not.toContain(secret);
    await page.getByTestId('watermark').waitFor({ state: 'attached' });
  });

  it('locks with the hotkey, leaving no customer text anywhere in the DOM, then unlocks to the draft', async () => {
    await page.getByTestId('customer-note-draft').fill(draftNote);
    await page.keyboard.press('Control+L');
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('lock-agent-id').innerText()).toContain(agent.agentId);
    expect(await page.getByTestId('lock-agent-name').innerText()).toContain(agent.name);
    await page.screenshot({ path: join(artifacts, 'lock-screen.png'), fullPage: true });

    const everything = await everythingInThePage(page);
    for (const customerText of ['欧阳', '138****5678', '1101**********0021', '北京市朝阳区', draftNote, '晓明']) {
      expect(everything, customerText).not.toContain(customerText);
    }
    expect(await page.getByTestId('customer-card').count()).toBe(0);

    // Main refuses data while locked, whatever the page asks.
    const clientId = await page.evaluate(
      () => (globalThis as unknown as { sessionStorage: { getItem: (key: string) => string | null } }).sessionStorage.getItem('seatdesk.bridgeClientId') ?? '',
    );
    const locked = await callAsRaw(page, clientId, 'app:customers.find', { kind: 'phone', value: customer.phone });
    expect(locked).toMatchObject({ ok: false, code: 'LOCKED' });

    await page.locator('#unlock_password').fill('Not-the-password-9');
    await page.getByTestId('unlock-submit').click();
    expect(await page.getByTestId('unlock-error').innerText()).toContain('密码不正确');
    await page.locator('#unlock_password').fill(agent.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('customer-card').waitFor();
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe(draftNote);
    expect(await page.getByTestId('customer-phone-0').innerText()).toBe('138****5678');
  });

  it('reveals one field with a reason until the view ends', async () => {
    await page.getByTestId('reveal-phone-0').click();
    await page.locator('#reveal_reasonText').fill('客户要求回拨核实');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('customer-phone-0').filter({ hasText: /^13812345678$/ }).waitFor();
    expect(await page.getByTestId('customer-idNumber-0').innerText()).toBe('1101**********0021');
    await page.getByTestId('lock-button').click();
    await page.getByTestId('lock-screen').waitFor();
    expect(await everythingInThePage(page)).not.toContain('13812345678');
    await page.locator('#unlock_password').fill(agent.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('customer-card').waitFor();
    expect(await page.getByTestId('customer-phone-0').innerText()).toBe('138****5678');
  });
});

describe('approvals in the browser', () => {
  it('an agent asks for the full file, a lead approves it, the agent opens it', async () => {
    await page.getByTestId('request-full_file').click();
    await page.locator('#approvalRequest_reasonText').fill('投诉升级，需要核对完整档案');
    await page.getByTestId('approval-request-submit').click();

    const leadContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const leadPage = await leadContext.newPage();
    await leadPage.goto(preview.url);
    await signIn(leadPage, lead.agentId, lead.password);
    await leadPage.getByTestId('tab-approvals').click();
    const approve = leadPage.locator('[data-testid^="approval-approve-"]');
    await approve.first().waitFor();
    expect(await leadPage.getByTestId('approvals-inbox').innerText()).toContain('欧阳');
    expect(await leadPage.getByTestId('approvals-inbox').innerText()).not.toContain('晓明');
    await approve.first().click();
    await leadPage.locator('[data-testid^="approval-status-"]').filter({ hasText: '已批准' }).first().waitFor();

    // The lead verifies the audit chain; the team's reveal and the approval are in the log.
    await leadPage.getByTestId('tab-audit').click();
    await leadPage.getByTestId('audit-verify').click();
    expect(await leadPage.getByTestId('audit-verification').innerText()).toContain('日志完整');
    const entries = await leadPage.getByTestId('audit-entries').innerText();
    expect(entries).toContain('customer.reveal');
    expect(entries).toContain('approval.approve');
    expect(entries).not.toContain(customer.phone);
    await leadPage.screenshot({ path: join(artifacts, 'audit-lead.png'), fullPage: true });
    await leadContext.close();

    await page.getByTestId('use-full_file').click({ timeout: 15_000 });
    await page.getByTestId('customer-phone-0').filter({ hasText: /^13812345678$/ }).waitFor();
    expect(await page.getByTestId('customer-name-0').innerText()).toBe(customer.fullName);
    await page.screenshot({ path: join(artifacts, 'full-file.png'), fullPage: true });
  });
});

describe('lockout and switching agent in the browser', () => {
  it('locks the account after 5 wrong passwords until an administrator lifts it', async () => {
    await page.getByTestId('lock-button').click();
    await page.getByTestId('lock-screen').waitFor();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.locator('#unlock_password').fill(`Wrong-password-${attempt}`);
      await page.getByTestId('unlock-submit').click();
      // The lock screen empties the field once main has answered.
      await expect.poll(() => page.locator('#unlock_password').inputValue(), { timeout: 15_000 }).toBe('');
      await page.locator('[data-testid="unlock-error"]').waitFor();
    }
    await page.locator('[data-testid="unlock-error"][data-error-code="ACCOUNT_LOCKED_OUT"]').waitFor();
    await page.locator('#unlock_password').fill(agent.password);
    await page.getByTestId('unlock-submit').click();
    await page.locator('[data-testid="unlock-error"][data-error-code="ACCOUNT_LOCKED_OUT"]').waitFor();
    expect(await page.getByTestId('unlock-error').innerText()).toContain('失败次数过多');

    const adminContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const adminPage = await adminContext.newPage();
    await adminPage.goto(preview.url);
    await signIn(adminPage, '8001', 'Admin-desk-2026!');
    await adminPage.getByTestId(`agent-lift-lockout-${agent.agentId}`).click();
    await adminPage.getByTestId(`agent-locked-out-${agent.agentId}`).waitFor({ state: 'detached' });
    await adminContext.close();

    await page.locator('#unlock_password').fill(agent.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('customer-card').waitFor();
  });

  it('switch agent ends the locked session; the owner finds the draft again after signing back in', async () => {
    const secondDraft = '第二份草稿：客户要求书面答复';
    await page.getByTestId('customer-close').click();
    await page.locator('#customerSearch_value').fill(customer.phone);
    await page.getByTestId('customer-search-submit').click();
    await page.locator('[data-testid^="customer-open-"]').first().click();
    await page.getByTestId('customer-note-draft').fill(secondDraft);
    await page.keyboard.press('Control+L');
    await page.getByTestId('switch-agent').click();
    await signIn(page, lead.agentId, lead.password);
    expect(await everythingInThePage(page)).not.toContain(secondDraft);
    await page.getByTestId('sign-out').click();

    await signIn(page, agent.agentId, agent.password);
    await page.locator('#customerSearch_value').fill(customer.phone);
    await page.getByTestId('customer-search-submit').click();
    await page.locator('[data-testid^="customer-open-"]').first().click();
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe(secondDraft);
  });
});
