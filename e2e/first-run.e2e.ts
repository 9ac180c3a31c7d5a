import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administrator = { agentId: '8001', name: '系统管理员', password: 'Admin-desk-2026!', newPassword: 'Admin-desk-2027?' };
const agent = { agentId: '1024', name: '张小红', temporary: 'Temp-seat-2026#', own: 'Mine-seat-2026$' };
const passphrase = 'counter-store-passphrase-2026';

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
  page.on('pageerror', (error) => console.error('[page error]', error));
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

async function fill(selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
}

async function text(testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.waitFor({ state: 'visible' });
  // antd spaces out two-character Chinese button labels ("登 出"): compare without spaces.
  return (await locator.innerText()).replace(/\s+/g, '');
}

async function signIn(agentId: string, password: string): Promise<void> {
  await page.locator('#signin_agentId').waitFor();
  await fill('#signin_agentId', agentId);
  await fill('#signin_password', password);
  await page.getByTestId('signin-submit').click();
}

async function signOut(): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.locator('#signin_agentId').waitFor();
}

describe('first run in the browser', () => {
  it('sets up an administrator who creates an agent', async () => {
    await page.goto(preview.url);
    await page.locator('#setup_agentId').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The preview has no keychain, so setup must ask for a database passphrase.
    await page.getByTestId('setup-keychain-missing').waitFor();
    await fill('#setup_agentId', administrator.agentId);
    await fill('#setup_displayName', administrator.name);
    await fill('#setup_password', administrator.password);
    await fill('#setup_confirmPassword', administrator.password);
    await fill('#setup_databasePassphrase', passphrase);
    await fill('#setup_confirmDatabasePassphrase', passphrase);
    await page.screenshot({ path: join(artifacts, 'setup-zh-CN.png'), fullPage: true });
    await page.getByTestId('setup-submit').click();
    expect(await text('header-agent-id')).toContain(administrator.agentId);

    await page.getByTestId('tab-agents').click();
    await page.getByTestId('agent-create-button').click();
    await page.locator('#agentCreate_agentId').waitFor();
    await fill('#agentCreate_agentId', agent.agentId);
    await fill('#agentCreate_displayName', agent.name);
    await fill('#agentCreate_team', '一组');
    await fill('#agentCreate_temporaryPassword', agent.temporary);
    await page.getByTestId('agent-create-submit').click();
    await page.getByTestId('agents-table').getByText(agent.name).waitFor();
    await page.screenshot({ path: join(artifacts, 'agents-zh-CN.png'), fullPage: true });
    await page.getByText(`已创建 ${agent.agentId}`).waitFor();
    await signOut();
    // Nothing of the previous person stays on screen, not even a toast about account 1024.
    // (It would stay about 3 s on its own; destroyed, it only fades out.)
    await page.getByText(`已创建 ${agent.agentId}`).waitFor({ state: 'detached', timeout: 1000 });
  });

  it('lets a signed-in person change their own password from the header', async () => {
    await signIn(administrator.agentId, administrator.password);
    await page.getByTestId('own-password-open').click();
    await fill('#ownPassword_currentPassword', 'Wrong-current-1');
    await fill('#ownPassword_newPassword', administrator.newPassword);
    await fill('#ownPassword_confirmPassword', administrator.newPassword);
    await page.getByTestId('own-password-submit').click();
    await page.locator('#ownPassword_currentPassword_help').getByText('工号或密码不正确').waitFor();
    await fill('#ownPassword_currentPassword', administrator.password);
    await page.getByTestId('own-password-submit').click();
    await page.locator('#ownPassword_currentPassword').waitFor({ state: 'detached' });
    await signOut();
    await signIn(administrator.agentId, administrator.password);
    expect(await text('signin-error')).toContain('工号或密码不正确');
    await signIn(administrator.agentId, administrator.newPassword);
    expect(await text('header-agent-id')).toContain(administrator.agentId);
    await signOut();
  });

  it('signs the agent in, forces a new password and shows the workspace in zh-CN, then zh-TW', async () => {
    await signIn(agent.agentId, agent.temporary);
    await page.locator('#changePassword_currentPassword').waitFor();
    await fill('#changePassword_currentPassword', agent.temporary);
    await fill('#changePassword_newPassword', agent.own);
    await fill('#changePassword_confirmPassword', agent.own);
    await page.getByTestId('change-password-submit').click();

    expect(await text('header-agent-id')).toContain(agent.agentId);
    expect(await text('customers-page')).toContain('查找客户');
    expect(await text('sign-out')).toContain('退出登录');
    expect(await page.getByTestId('tab-agents').count()).toBe(0);

    await page.getByTestId('language-switch').getByText('繁體中文').click();
    await page.waitForFunction("document.documentElement.lang === 'zh-TW'");
    expect(await text('customers-page')).toContain('查詢客戶');
    expect(await text('sign-out')).toContain('登出');
    await page.screenshot({ path: join(artifacts, 'workspace-zh-TW.png'), fullPage: true });
  });

  it('signs out, and a wrong password shows a clear error', async () => {
    await signOut();
    await signIn(agent.agentId, 'Not-the-password-1');
    expect(await text('signin-error')).toContain('工號或密碼不正確');
    expect(await page.getByTestId('header-agent-id').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'signin-error-zh-TW.png'), fullPage: true });
  });
});

describe('keyboard only', () => {
  it('signs in with typing, Tab and Enter, switches language with the arrow keys and signs out', async () => {
    await page.reload();
    await page.locator('#signin_agentId').waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('signin_agentId');
    await page.keyboard.type(agent.agentId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(agent.own);
    await page.keyboard.press('Enter');
    expect(await text('header-agent-id')).toContain(agent.agentId);
    await page.getByTestId('language-switch').locator('input:checked').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction("document.documentElement.lang === 'zh-CN'");
    expect(await text('customers-page')).toContain('查找客户');
    await page.getByTestId('sign-out').focus();
    await page.keyboard.press('Enter');
    await page.locator('#signin_agentId').waitFor();
  });
});

describe('restart of a passphrase-protected desk', () => {
  it('left only encrypted bytes on disk', async () => {
    await preview.stop();
    const files = readdirSync(preview.dataDirectory).filter((name) => name.startsWith('seatdesk.db'));
    expect(files).toContain('seatdesk.db');
    for (const name of files) {
      const bytes = readFileSync(join(preview.dataDirectory, name));
      if (name === 'seatdesk.db') expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
      for (const plain of [agent.name, administrator.name, '一组']) expect(bytes.includes(Buffer.from(plain)), `${name}: ${plain}`).toBe(false);
    }
  });

  it('asks for the passphrase, refuses a wrong one, then signs in', async () => {
    preview = await startPreview(preview.dataDirectory);
    await page.goto(preview.url);
    await page.locator('#storeUnlock_passphrase').waitFor();
    await fill('#storeUnlock_passphrase', 'wrong-passphrase-0000');
    await page.getByTestId('store-unlock-submit').click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.locator('#signin_agentId').count()).toBe(0);
    await fill('#storeUnlock_passphrase', passphrase);
    await page.getByTestId('store-unlock-submit').click();
    await signIn(agent.agentId, agent.own);
    expect(await text('header-agent-id')).toContain(agent.agentId);
  });

  it('ends the agent’s session when an administrator in another window disables the account', async () => {
    const adminContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
    try {
      const adminPage = await adminContext.newPage();
      await adminPage.goto(preview.url);
      await adminPage.locator('#signin_agentId').fill(administrator.agentId);
      await adminPage.locator('#signin_password').fill(administrator.newPassword);
      await adminPage.getByTestId('signin-submit').click();
      await adminPage.getByTestId('tab-agents').click();
      await adminPage.getByTestId(`agent-toggle-status-${agent.agentId}`).click();
      await adminPage.getByTestId('agent-status-confirm').click();
      await adminPage.locator(`tr[data-row-key="${agent.agentId}"]`).getByText('已停用').waitFor();
    } finally {
      await adminContext.close();
    }
    // The agent's next call finds the session gone: back to sign-in, and the account is refused.
    await page.reload();
    await page.locator('#signin_agentId').waitFor();
    await signIn(agent.agentId, agent.own);
    expect(await text('signin-error')).toContain('停用');
  });

  it('explains a missing key file by name instead of starting over', async () => {
    await preview.stop();
    const keyFile = join(preview.dataDirectory, 'seatdesk.key.json');
    renameSync(keyFile, `${keyFile}.moved`);
    const before = readdirSync(preview.dataDirectory).sort();
    preview = await startPreview(preview.dataDirectory);
    await page.goto(preview.url);
    const summary = page.getByTestId('store-failure-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-failure-code')).toBe('KEY_FILE_MISSING');
    expect(await text('store-failure-file')).toContain(keyFile);
    expect(await page.locator('#setup_agentId').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'store-failed-zh-CN.png'), fullPage: true });
    // Nothing is written into the folder of a failed store (the CTI secret was made while it was open).
    expect(before).toEqual(['cti-secret', 'seatdesk.db', 'seatdesk.key.json.moved']);
    expect(readdirSync(preview.dataDirectory).sort()).toEqual(before);
  });
});
