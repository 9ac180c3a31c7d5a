import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdministrator } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const administrator = { agentId: '8001', password: 'Admin-desk-2026!' } as const;

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient, administrator.password);
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

const complaintRow = () => page.locator('[data-testid="sla-policy-row"][data-category="complaint"]');

async function openSlaSettings(): Promise<void> {
  await page.getByTestId('tab-slaSettings').click();
  await page.getByTestId('sla-settings-page').waitFor();
  await complaintRow().waitFor();
}

describe('SLA settings in the browser', () => {
  it('lets an administrator change the complaint first-response target to 24 hours, kept after a reload', async () => {
    await signInThroughPage(page, administrator.agentId, administrator.password);
    expect((await page.getByTestId('tab-slaSettings').innerText()).trim()).toBe('服务时限');
    await openSlaSettings();
    expect(await complaintRow().getByTestId('sla-policy-target-firstResponse').innerText()).toBe('48 小时');
    expect(await complaintRow().getByTestId('sla-policy-state').getAttribute('data-state')).toBe('default');
    expect(await page.locator('[data-category="consultation"]').getByTestId('sla-policy-target-reply').innerText()).toBe('2 个工作日');
    expect(await complaintRow().getByTestId('sla-policy-target-resolve').innerText()).toBe('—');
    expect(await page.getByTestId('sla-settings-time-zone').innerText()).toContain('时区计算');

    await page.getByTestId('sla-policy-edit-complaint').click();
    const dialog = page.getByRole('dialog');
    const amount = dialog.getByRole('spinbutton', { name: '首次响应 时长' });
    await amount.waitFor();
    expect(await amount.inputValue()).toBe('48');
    await amount.fill('24');
    await page.screenshot({ path: join(artifacts, 'sla-policy-editor-zh-CN.png'), fullPage: true });
    await page.getByTestId('sla-policy-save').click();
    await page.getByText('已保存“投诉”的时限').waitFor();
    await page.getByTestId('sla-policy-editor').waitFor({ state: 'detached' });
    expect(await complaintRow().getByTestId('sla-policy-target-firstResponse').innerText()).toBe('24 小时');
    expect(await complaintRow().getByTestId('sla-policy-state').innerText()).toBe('已修改');

    await page.reload();
    await page.getByTestId('header-agent-id').waitFor();
    await openSlaSettings();
    expect(await complaintRow().getByTestId('sla-policy-target-firstResponse').innerText()).toBe('24 小时');
    expect(await complaintRow().getByTestId('sla-policy-target-reply').innerText()).toBe('72 小时');
    await page.screenshot({ path: join(artifacts, 'sla-settings-zh-CN.png'), fullPage: true });
  });

  it('refuses a make-up working day on a weekday with the problem in words, and keeps the stored year', async () => {
    const yearRow = page.locator('[data-testid="calendar-year-row"][data-year="2026"]');
    expect(await yearRow.getByTestId('calendar-year-make-up-count').innerText()).toBe('6 天');
    await page.getByTestId('calendar-year-edit-2026').click();
    const makeUpDays = page.getByTestId('calendar-year-makeUpWorkdays');
    await makeUpDays.waitFor();
    await page.getByTestId('calendar-year-add-makeUpWorkdays').click();
    const added = makeUpDays.getByTestId('calendar-day-row').last();
    await added.locator('input').first().click();
    await added.locator('input').first().fill('2026-11-24');
    await added.locator('input').first().press('Enter');
    await added.getByTestId('calendar-day-weekday').getByText('周二').waitFor();
    await added.getByTestId('calendar-day-name').fill('误填调休');
    await page.getByTestId('calendar-year-save').click();

    const problems = page.getByTestId('calendar-year-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('2026 年的日历没有保存');
    expect(await page.getByTestId('calendar-year-problem').allInnerTexts()).toEqual(['2026-11-24 是周一至周五，调休上班日只能是周六或周日。']);
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'calendar-year-problems-zh-CN.png') });

    await page.getByTestId('calendar-year-cancel').click();
    await page.getByTestId('calendar-year-editor').waitFor({ state: 'detached' });
    expect(await yearRow.getByTestId('calendar-year-make-up-count').innerText()).toBe('6 天');
  });
});
