import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const agentClient = 'e2e-dashboard-agent-client';
const leadClient = 'e2e-dashboard-lead-client';
const otherTeamClient = 'e2e-dashboard-other-team-client';
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
const lead = { agentId: '2001', name: '周班长', role: 'team_lead', team: '一组', password: 'Team-lead-desk-2026!' } as const;
const otherTeamAgent = { agentId: '1002', name: '王坐席', role: 'agent', team: '二组', password: 'Other-team-desk-2026!' } as const;

let preview: PreviewProcess;
let browser: Browser;
let page: Page;
let overdueNumber = '';

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  for (const person of [agent, lead, otherTeamAgent]) await createPerson(page, administratorClient, person);
  await callAs(page, agentClient, 'app:session.signIn', { agentId: agent.agentId, password: agent.password });
  await callAs(page, leadClient, 'app:session.signIn', { agentId: lead.agentId, password: lead.password });
  await callAs(page, otherTeamClient, 'app:session.signIn', { agentId: otherTeamAgent.agentId, password: otherTeamAgent.password });

  // 一组: a complaint whose first response the lead moved to a minute ago (overdue, never answered),
  // and a repair answered at once (on time); a walk-in visit of two seconds. 二组: a complaint.
  const complaint = (await callAs(page, agentClient, 'app:tickets.create', { channel: 'phone', category: 'complaint', summary: '燃气费多扣，要求退还' })).ticket;
  overdueNumber = complaint.number;
  await callAs(page, leadClient, 'app:tickets.changeDeadline', {
    ticketId: complaint.id,
    target: 'firstResponse',
    dueAt: new Date(Date.now() - 60_000).toISOString(),
    reason: '浏览器测试：已超时',
  });
  const repair = (await callAs(page, agentClient, 'app:tickets.create', { channel: 'phone', category: 'repair', summary: '灶具打不着火' })).ticket;
  await callAs(page, agentClient, 'app:tickets.transition', { ticketId: repair.id, action: 'start' });
  const { call } = await callAs(page, agentClient, 'app:calls.start', { direction: 'walk_in' });
  await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
  await callAs(page, agentClient, 'app:calls.finish', { callId: call.id });
  await callAs(page, otherTeamClient, 'app:tickets.create', { channel: 'phone', category: 'suggestion', summary: '建议延长营业时间' });
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

type CanvasLike = {
  width: number;
  height: number;
  getContext: (kind: '2d') => { getImageData: (x: number, y: number, width: number, height: number) => { data: ArrayLike<number> } } | null;
};

/** How many pixels of a chart's canvas are drawn at all, and how many in a colour (RGB, ±40 each). */
async function canvasPixels(chart: Locator, color: readonly [number, number, number]): Promise<{ drawn: number; colored: number }> {
  return chart.locator('canvas').first().evaluate((element, target) => {
    const canvas = element as unknown as CanvasLike;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    let colored = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (data[index + 3]! === 0) continue;
      drawn += 1;
      if ([0, 1, 2].every((channel) => Math.abs(data[index + channel]! - target[channel]!) <= 40)) colored += 1;
    }
    return { drawn, colored };
  }, color);
}

/** Types a range into the dashboard's range picker, waiting for the picker to move to the end date and to close. */
async function pickRange(from: string, to: string): Promise<void> {
  const inputs = page.getByTestId('sla-dashboard-range').locator('input');
  const isFocused = (input: Locator) => input.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
  const dropdown = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  // Typed key by key, as a person types, once the panel is open; each date is checked before the next.
  await inputs.first().click();
  await dropdown.waitFor();
  await expect.poll(() => isFocused(inputs.first())).toBe(true);
  await inputs.first().press('Control+A');
  await inputs.first().pressSequentially(from);
  await inputs.first().press('Enter');
  await expect.poll(() => isFocused(inputs.nth(1))).toBe(true);
  await expect.poll(() => inputs.first().inputValue()).toBe(from);
  await inputs.nth(1).press('Control+A');
  await inputs.nth(1).pressSequentially(to);
  await inputs.nth(1).press('Enter');
  await dropdown.waitFor({ state: 'hidden' });
}

const stat = (name: string) => page.getByTestId(`sla-dashboard-stat-${name}`).locator('.ant-statistic-content');
const categoryRow = (category: string) => page.locator(`[data-testid="sla-dashboard-category-row"][data-category="${category}"]`);
const overdueRed = [229, 72, 77] as const;
const shareBlue = [31, 111, 235] as const;

describe('the SLA dashboard in the browser', () => {
  it('shows a team lead the seeded overdue ticket under its category and agent, with charts drawn', async () => {
    await signInThroughPage(page, lead.agentId, lead.password);
    expect((await page.getByTestId('tab-slaDashboard').innerText()).trim()).toBe('服务时限看板');
    await page.getByTestId('tab-slaDashboard').click();
    await page.getByTestId('sla-dashboard-page').waitFor();
    await categoryRow('complaint').waitFor();

    // 二组's suggestion is not counted: 一组 has the complaint (overdue) and the repair open.
    expect(await stat('open').innerText()).toBe('2');
    expect(await stat('overdue').innerText()).toBe('1');
    expect(await categoryRow('complaint').getByTestId('sla-dashboard-open').innerText()).toBe('1');
    expect(await categoryRow('complaint').getByTestId('sla-dashboard-overdue').innerText()).toBe('1');
    expect(await categoryRow('repair').getByTestId('sla-dashboard-overdue').innerText()).toBe('0');
    expect(await page.locator('[data-testid="sla-dashboard-category-row"][data-category="suggestion"]').count()).toBe(0);
    const agentRow = page.locator(`[data-testid="sla-dashboard-agent-row"][data-agent-id="${agent.agentId}"]`);
    expect(await agentRow.innerText()).toContain(agent.name);
    expect(await agentRow.getByTestId('sla-dashboard-overdue').innerText()).toBe('1');
    // The complaint missed its first response, the repair met it: 1 of 2.
    expect(await stat('compliance').innerText()).toBe('50%');
    expect(await page.locator('[data-testid="sla-dashboard-compliance-row"][data-category="complaint"]').getByTestId('sla-dashboard-compliance').innerText()).toBe('0%');
    expect(await page.getByTestId('sla-dashboard-stat-handle-time').innerText()).toContain('1 通已接来电');

    for (const testId of ['sla-chart-overdue-by-category', 'sla-chart-compliance-by-category', 'sla-chart-handle-time']) {
      await page.getByTestId(testId).locator('canvas').first().waitFor();
    }
    const overdueChart = await canvasPixels(page.getByTestId('sla-chart-overdue-by-category'), overdueRed);
    expect(overdueChart.drawn).toBeGreaterThan(1000);
    // The complaint's overdue bar, in the overdue red.
    expect(overdueChart.colored).toBeGreaterThan(100);
    expect((await canvasPixels(page.getByTestId('sla-chart-compliance-by-category'), shareBlue)).colored).toBeGreaterThan(100);
    expect((await canvasPixels(page.getByTestId('sla-chart-handle-time'), overdueRed)).drawn).toBeGreaterThan(1000);
    expect(await page.getByTestId('sla-chart-overdue-by-category').getAttribute('aria-label')).toContain('未结与超时工单');
    await page.screenshot({ path: join(artifacts, 'sla-dashboard-zh-CN.png'), fullPage: true });

    // The agent's overdue count lists the ticket it stands for.
    await page.getByTestId(`sla-dashboard-agent-overdue-${agent.agentId}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId(`overdue-ticket-row-${overdueNumber}`).waitFor();
    expect(await dialog.innerText()).toContain(`${agent.agentId} ${agent.name} 的超时工单`);
    const row = dialog.getByTestId(`overdue-ticket-row-${overdueNumber}`);
    expect(await row.innerText()).toContain('投诉');
    expect(await row.innerText()).toContain('首次响应');
    expect(await dialog.locator('[data-testid^="overdue-ticket-row-"]').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'sla-dashboard-overdue-list-zh-CN.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('changes the range-bound figures when the date range changes, and keeps the open ones as they are now', async () => {
    const inputs = page.getByTestId('sla-dashboard-range').locator('input');
    await pickRange('2020-01-01', '2020-01-31');
    await page.getByTestId('sla-dashboard-scope').getByText('2020-01-01 至 2020-01-31').waitFor();

    expect(await stat('compliance').innerText()).toBe('—');
    expect(await stat('handle-time').innerText()).toBe('—');
    expect(await page.getByTestId('sla-chart-compliance-by-category').count()).toBe(0);
    expect(await page.getByTestId('sla-chart-handle-time').count()).toBe(0);
    // Open and overdue tickets are counted now, whatever the range.
    expect(await stat('open').innerText()).toBe('2');
    expect(await stat('overdue').innerText()).toBe('1');
    expect((await canvasPixels(page.getByTestId('sla-chart-overdue-by-category'), overdueRed)).colored).toBeGreaterThan(100);
    await page.screenshot({ path: join(artifacts, 'sla-dashboard-range-zh-CN.png'), fullPage: true });

    // Two years at once is refused in words; the figures and the range shown stay as they were.
    await pickRange('2019-01-01', '2020-12-31');
    const refusal = page.getByTestId('sla-dashboard-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-error-code')).toBe('DATE_RANGE_INVALID');
    expect(await refusal.innerText()).toContain('最长 366 天');
    expect(await inputs.first().inputValue()).toBe('2020-01-01');
    expect(await inputs.nth(1).inputValue()).toBe('2020-01-31');
    expect(await stat('overdue').innerText()).toBe('1');
  });
});
