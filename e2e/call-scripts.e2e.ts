import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const checkClient = 'e2e-call-scripts-check-client';
const administrator = { agentId: '8001', password: 'Admin-desk-2026!' } as const;
const lead = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;

type Script = { id: string; name: string; kind: string; steps: { id: string; template: string }[] };

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient, administrator.password);
  await createPerson(page, administratorClient, lead);
  await callAs(page, checkClient, 'app:session.signIn', { agentId: lead.agentId, password: lead.password });
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

/** The scripts as main holds them, read by another client. */
async function storedScripts(): Promise<Script[]> {
  return ((await callAs(page, checkClient, 'app:callScripts.list', {})) as { scripts: Script[] }).scripts;
}

async function openCallScripts(): Promise<void> {
  await page.getByTestId('tab-callScripts').click();
  await page.getByTestId('call-scripts-page').waitFor();
  await page.locator('[data-testid="call-script-row"]').first().waitFor();
}

describe('call scripts in the browser', () => {
  it('lets an administrator edit a step with a live preview, insert a variable and save', async () => {
    await signInThroughPage(page, administrator.agentId, administrator.password);
    expect((await page.getByTestId('tab-callScripts').innerText()).trim()).toBe('话术脚本');
    await openCallScripts();
    expect(await page.getByTestId('call-script-row').count()).toBe(3);
    expect(await page.locator('[data-script-id="phone"]').getByTestId('call-script-step-count').innerText()).toBe('6 个步骤');

    await page.getByTestId('call-script-open-phone').click();
    await page.getByTestId('call-script-editor').waitFor();
    const template = page.getByTestId('call-script-step-template-0');
    const previewText = page.getByTestId('call-script-preview-text-0');
    expect(await previewText.innerText()).toBe('您好，示例燃气公司，工号 1001 为您服务。');

    // An unknown variable is named under the step, in the editor and in the preview.
    await template.fill('您好，{公司}');
    await page.getByTestId('call-script-step-problems-0').first().getByText('“{公司}”不是可用的变量').waitFor();

    // Typing updates the preview; a variable inserted by click lands at the caret.
    await template.fill('您好，{company}，您的工单是 ');
    await page.getByTestId('call-script-insert-ticketNumber').click();
    expect(await template.inputValue()).toBe('您好，{company}，您的工单是 {ticketNumber}');
    await previewText.locator('.script-missing').getByText('【工单号】').waitFor();
    expect(await previewText.locator('.script-variable').innerText()).toBe('示例燃气公司');
    expect(await previewText.innerText()).toBe('您好，示例燃气公司，您的工单是 【工单号】');
    expect(await page.getByTestId('call-script-step-problems-0').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'call-scripts-editor-zh-CN.png'), fullPage: true });

    await page.getByTestId('call-script-save').click();
    await page.getByText('已保存脚本“电话接听”').waitFor();
    await page.getByTestId('call-script-editor').waitFor({ state: 'detached' });
    const phone = (await storedScripts()).find((script) => script.id === 'phone')!;
    expect(phone.steps[0]!.template).toBe('您好，{company}，您的工单是 {ticketNumber}');
  });

  it('exports the scripts as JSON that names the saved template', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('call-scripts-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^seatdesk-call-scripts-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { version: number; scripts: Script[] };
    expect(exported.version).toBe(1);
    expect(exported.scripts.map((script) => script.id)).toEqual(['phone', 'counter', 'callback']);
    expect(exported.scripts[0]!.steps[0]!.template).toBe('您好，{company}，您的工单是 {ticketNumber}');
  });

  it('refuses a broken file, lists the problem and changes nothing', async () => {
    const before = await storedScripts();
    await page.getByTestId('call-scripts-import').click();
    await page.getByTestId('call-scripts-import-choose').waitFor();
    await page.getByTestId('call-scripts-import-mode').getByText('替换全部').click();
    await page.getByTestId('call-scripts-import-replace-warning').waitFor();
    const broken = { version: 1, scripts: [{ id: 'phone', name: '电话', kind: 'phone', steps: [] }] };
    await page.locator('[data-testid="call-scripts-import-upload"] input[type="file"]').setInputFiles({
      name: 'broken-scripts.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken), 'utf8'),
    });
    await page.getByTestId('call-scripts-import-file-name').getByText('broken-scripts.json').waitFor();
    await page.getByTestId('call-scripts-import-submit').click();

    const problems = page.getByTestId('call-scripts-import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('没有导入任何脚本');
    const problem = page.getByTestId('call-scripts-import-problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-where')).toBe('scripts[0].steps');
    await page.screenshot({ path: join(artifacts, 'call-scripts-import-problems-zh-CN.png'), fullPage: true });

    await page.getByTestId('call-scripts-import-cancel').click();
    await page.getByTestId('call-scripts-import-modal').waitFor({ state: 'detached' });
    expect(await storedScripts()).toEqual(before);
    expect(await page.getByTestId('call-script-row').count()).toBe(3);
  });

  it('shows a team lead the scripts read-only, with export', async () => {
    await page.getByTestId('sign-out').click();
    await signInThroughPage(page, lead.agentId, lead.password);
    await openCallScripts();
    await page.getByTestId('call-scripts-read-only').waitFor();
    for (const testId of ['call-script-create', 'call-scripts-import', 'call-script-delete-phone']) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }
    expect(await page.getByTestId('call-scripts-export').isVisible()).toBe(true);
    await page.getByTestId('call-script-open-phone').click();
    expect(await page.getByTestId('call-script-step-template-0').isDisabled()).toBe(true);
    expect(await page.getByTestId('call-script-save').count()).toBe(0);
    await page.getByTestId('call-script-preview-text-0').locator('.script-missing').getByText('【工单号】').waitFor();
  });
});
