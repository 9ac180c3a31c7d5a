import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const administratorClient = 'e2e-administrator-client';
const agentClient = 'e2e-agent-client';
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
const lead = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  await createPerson(page, administratorClient, agent);
  await createPerson(page, administratorClient, lead);
  // The agent asks for two customers' full files through the bridge, as the desk would.
  await callAs(page, agentClient, 'app:session.signIn', { agentId: agent.agentId, password: agent.password });
  await requestFullFile('欧阳晓明', '13812345678', '投诉升级，需要核对完整档案');
  await requestFullFile('司马小红', '13998765432', '回访需要核对联系电话');
  await page.reload();
});

/** The agent asks for a new customer's full file through the bridge, as the desk would. */
async function requestFullFile(fullName: string, phone: string, reasonText: string): Promise<void> {
  const created = await callAs(page, agentClient, 'app:customers.create', {
    fullName,
    gender: null,
    phones: [phone],
    idType: 'resident_id',
    idNumber: '',
    address: '',
    accountNumbers: [],
  });
  await callAs(page, agentClient, 'app:approvals.request', {
    purpose: 'full_file',
    customerId: created.customer.id,
    reasonCode: 'complaint_handling',
    reasonText,
  });
}

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

describe('approvals inbox', () => {
  it('a lead approves and denies from the keyboard, with a note, and filters by status', async () => {
    await signInThroughPage(page, lead.agentId, lead.password);
    await page.getByTestId('tab-approvals').click();
    const inbox = page.getByTestId('approvals-inbox');
    await inbox.getByText('投诉升级').waitFor();
    expect(await inbox.innerText()).toContain('回访需要核对联系电话');
    expect(await page.getByTestId('approvals-filter').innerText()).toContain('待审批 (2)');

    // Select the first request (newest first: the call-back one). A newer request arrives and
    // the list refreshes above the selection: A still approves the selected call-back request.
    const keys = page.getByTestId('approvals-inbox-keys');
    await keys.focus();
    await page.keyboard.press('ArrowDown');
    await requestFullFile('上官明月', '13700001111', '新的请求，不应被误批');
    await page.getByTestId('approvals-refresh').click();
    await inbox.getByText('新的请求，不应被误批').waitFor();
    await keys.focus();
    await page.keyboard.press('a');
    await inbox.locator('[data-testid^="approval-status-"]').filter({ hasText: '已批准' }).waitFor();
    expect(await page.getByTestId('approvals-filter').innerText()).toContain('已批准 (1)');

    // A note, then the complaint request selected by a click and denied with D.
    await page.getByTestId('approvals-note').fill('请先补充投诉工单编号');
    await inbox.getByText('投诉升级').click();
    await page.keyboard.press('d');
    await inbox.locator('[data-testid^="approval-status-"]').filter({ hasText: '已拒绝' }).waitFor();
    expect(await page.getByTestId('approvals-note').inputValue()).toBe('');

    await page.getByTestId('approvals-filter').getByText('已拒绝 (1)').click();
    const denied = await inbox.innerText();
    expect(denied).toContain('投诉升级');
    expect(denied).toContain('2001：请先补充投诉工单编号');
    expect(denied).not.toContain('回访需要核对联系电话');
    await page.getByTestId('approvals-filter').getByText('已批准 (1)').click();
    expect(await inbox.innerText()).toContain('回访需要核对联系电话');
    // The request that arrived meanwhile is still waiting.
    expect(await page.getByTestId('approvals-filter').innerText()).toContain('待审批 (1)');
  });
});
