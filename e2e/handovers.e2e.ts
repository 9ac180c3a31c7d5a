import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const outgoing = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;
const incoming = { agentId: '2002', name: '李班长', role: 'team_lead', team: '一组', password: 'Seat-next-lead-2026!' } as const;

let preview: PreviewProcess;
let browser: Browser;
let page: Page;
let ticketNumber: string;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  await createPerson(page, administratorClient, outgoing);
  await createPerson(page, administratorClient, incoming);
  // The outgoing lead's team has a complaint still open, made through the bridge as the desk would.
  const ticketClient = 'e2e-outgoing-lead-tickets';
  await callAs(page, ticketClient, 'app:session.signIn', { agentId: outgoing.agentId, password: outgoing.password });
  const created = await callAs(page, ticketClient, 'app:tickets.create', { channel: 'phone', category: 'complaint', summary: '客户投诉燃气表计量不准，要求上门校表' });
  ticketNumber = created.ticket.number;
  await callAs(page, ticketClient, 'app:session.signOut', {});
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

const entryCard = () => page.getByTestId('handover-entry').first();

async function openHandovers(): Promise<void> {
  await page.getByTestId('tab-handover').click();
  await page.locator('[data-testid="handovers-results"][data-settled="true"]').waitFor();
}

describe('the shift handover log in the browser', () => {
  it('lets the outgoing lead write an entry linking a ticket of the team', async () => {
    await signInThroughPage(page, outgoing.agentId, outgoing.password);
    expect((await page.getByTestId('tab-handover').innerText()).trim()).toBe('交接班');
    await openHandovers();
    await page.getByTestId('handovers-empty').waitFor();

    await page.getByTestId('handover-write-open').click();
    const dialog = page.getByRole('dialog');
    await page.getByTestId('handover-write').waitFor();
    // Nothing written yet: the form says what is missing before anything is sent.
    await page.getByTestId('handover-write-submit').click();
    await dialog.getByText('请选择班次', { exact: true }).waitFor();
    await page.getByTestId('handover-write-empty').waitFor();

    await dialog.getByText('晚班', { exact: true }).click();
    await dialog.getByText('有故障', { exact: true }).click();
    await page.getByTestId('handover-field-equipment-note').fill('3 号席耳机故障，已报修');
    await page.getByTestId('handover-field-open-issues').fill('燃气表异响的投诉客户 13812345678 明早十点前需回电');
    await page.getByTestId('handover-ticket-input').fill('GD20991231-0001');
    await page.getByTestId('handover-ticket-add').click();
    await dialog.getByText('没有这个工单号').waitFor();
    await page.getByTestId('handover-ticket-input').fill(ticketNumber.toLowerCase());
    await page.getByTestId('handover-ticket-input').press('Enter');
    const linked = dialog.getByTestId(`handover-ticket-${ticketNumber}`);
    await linked.waitFor();
    expect(await linked.innerText()).toBe(`${ticketNumber} · 投诉 · 新建`);
    await page.getByTestId('handover-field-staffing-changes').fill('1003 明天病假，由 1005 顶班');
    await page.screenshot({ path: join(artifacts, 'handover-write-zh-CN.png'), fullPage: true });
    await page.getByTestId('handover-write-submit').click();
    await page.getByText('交接记录已保存').waitFor();
    await page.getByTestId('handover-write').waitFor({ state: 'detached' });

    const card = entryCard();
    await card.waitFor();
    expect(await card.getAttribute('data-acknowledged')).toBe('false');
    expect(await card.getByTestId('handover-entry-state').innerText()).toBe('待确认');
    expect(await card.getByTestId('handover-entry-shift').innerText()).toContain('晚班');
    expect(await card.getByTestId('handover-entry-equipment-note').innerText()).toBe('3 号席耳机故障，已报修');
    // The caller's number is masked as in notes; the ticket shows where it stands.
    expect(await card.getByTestId('handover-entry-open-issues').innerText()).toBe('燃气表异响的投诉客户 *******5678 明早十点前需回电');
    expect(await card.getByTestId(`handover-ticket-${ticketNumber}`).innerText()).toBe(`${ticketNumber} · 投诉 · 新建`);
    // The author hands over: someone else acknowledges.
    expect(await card.locator('[data-testid^="handover-acknowledge-"]').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'handover-written-zh-CN.png'), fullPage: true });
    await page.getByTestId('sign-out').click();
  });

  it('lets the incoming lead see it unacknowledged, acknowledge it and find it again by a word of it', async () => {
    await signInThroughPage(page, incoming.agentId, incoming.password);
    await openHandovers();
    const waiting = page.getByTestId('handovers-unacknowledged');
    await waiting.waitFor();
    expect(await waiting.getAttribute('data-count')).toBe('1');
    expect(await waiting.innerText()).toContain('有 1 条交接记录尚未确认接班');
    const card = entryCard();
    expect(await card.getAttribute('data-acknowledged')).toBe('false');
    expect(await card.getByTestId('handover-entry-acknowledgment').innerText()).toBe('尚未确认接班');
    expect(await card.getByTestId('handover-entry-written').innerText()).toContain(`${outgoing.agentId} ${outgoing.name}`);

    const id = await card.getAttribute('data-id');
    await page.getByTestId(`handover-acknowledge-${id}`).click();
    await page.getByTestId('handover-acknowledge').waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain(`由 ${outgoing.agentId} ${outgoing.name} 交班`);
    await page.getByTestId('handover-acknowledge-note').fill('已阅，明早回电客户');
    await page.getByTestId('handover-acknowledge-confirm').click();
    await page.getByText('已确认接班', { exact: true }).waitFor();
    await page.getByTestId('handover-acknowledge').waitFor({ state: 'detached' });
    await page.locator('[data-testid="handover-entry"][data-acknowledged="true"]').waitFor();
    expect(await page.getByTestId('handovers-unacknowledged').count()).toBe(0);

    await page.getByTestId('handovers-search').locator('input').fill('没有这个词');
    await page.getByTestId('handovers-search').locator('input').press('Enter');
    await page.getByTestId('handovers-empty').waitFor();

    await page.getByTestId('handovers-search').locator('input').fill('异响');
    await page.getByTestId('handovers-search').locator('input').press('Enter');
    const found = page.locator('[data-testid="handovers-results"][data-settled="true"][data-total="1"]');
    await found.waitFor();
    const result = found.getByTestId('handover-entry');
    expect(await result.getAttribute('data-acknowledged')).toBe('true');
    expect(await result.getByTestId('handover-entry-state').innerText()).toBe('已确认');
    const acknowledgment = await result.getByTestId('handover-entry-acknowledgment').innerText();
    expect(acknowledgment).toMatch(new RegExp(`^${incoming.agentId} ${incoming.name} 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 确认接班`));
    expect(acknowledgment).toContain('已阅，明早回电客户');
    await page.screenshot({ path: join(artifacts, 'handover-acknowledged-zh-CN.png'), fullPage: true });
  });
});
