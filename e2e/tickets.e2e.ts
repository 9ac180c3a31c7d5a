import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser } from './support/browser';
import { simulateCall } from './support/cti-simulator';
import { ctiPortOf, removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const leadClient = 'e2e-lead-client';
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
const lead = { agentId: '2001', name: '周班长', role: 'team_lead', team: '一组', password: 'Team-lead-desk-2026!' } as const;
const callerPhone = '13812345678';

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 960 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  await createPerson(page, administratorClient, agent);
  await createPerson(page, administratorClient, lead);
  await callAs(page, leadClient, 'app:session.signIn', { agentId: lead.agentId, password: lead.password });
  await callAs(page, leadClient, 'app:customers.create', {
    fullName: '王建国',
    gender: 'male',
    phones: [callerPhone],
    idType: 'resident_id',
    idNumber: '110101199001011234',
    address: '幸福小区 3 栋 2 单元 401',
    accountNumbers: [],
  });
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

describe('one-click tickets', () => {
  it('turns a simulated call into a complaint with Ctrl+Enter and queues it with a 48 h countdown', async () => {
    await page.locator('#signin_agentId').waitFor();
    await page.locator('#signin_agentId').fill(agent.agentId);
    await page.locator('#signin_password').fill(agent.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('call-banner').waitFor();

    const simulation = simulateCall(preview, await ctiPortOf(preview), callerPhone, 300);
    await page.getByTestId('customer-card').waitFor();
    await simulation;
    // The agent classifies the call as a complaint: the ticket's category follows.
    await page.locator('.call-intent').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '投诉' }).first().click();

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('ticket-summary').waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain('投诉');
    await page.getByTestId('ticket-summary').fill('燃气费多扣了两个月，客户要求退还并书面答复');
    await page.keyboard.press('Control+Enter');
    const number = page.getByTestId('ticket-created-number');
    await number.waitFor();
    const ticketNumber = (await number.innerText()).trim();
    expect(ticketNumber).toMatch(/^GD\d{8}-0001$/);
    await page.screenshot({ path: join(artifacts, 'ticket-created.png'), fullPage: true });
    await page.getByTestId('ticket-created-close').click();

    await page.getByTestId('tab-tickets').click();
    const row = page.getByTestId(`ticket-row-${ticketNumber}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('投诉');
    expect(await row.innerText()).toContain('王先生');
    const countdown = row.getByTestId('ticket-countdown');
    expect(await countdown.getAttribute('data-target')).toBe('firstResponse');
    expect(await countdown.getAttribute('data-state')).toBe('onTime');
    expect(await countdown.innerText()).toMatch(/首次响应 47:5\d:\d\d/);
    await page.screenshot({ path: join(artifacts, 'tickets-queue.png'), fullPage: true });

    // The workflow moves on from the queue; the owner stays and the ticket stays in the queue.
    await row.getByTestId(/ticket-action-\d+-start/).click();
    await row.getByTestId('ticket-status').filter({ hasText: '处理中' }).waitFor();
  });
});
