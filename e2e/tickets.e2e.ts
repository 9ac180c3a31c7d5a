import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, callerPhone, openCallDesk, signInAgent, type CallDesk } from './support/call-desk';
import { simulateCall } from './support/cti-simulator';
import { ctiPortOf } from './support/preview-process';

let desk: CallDesk;
let page: Page;

beforeAll(async () => {
  desk = await openCallDesk();
  page = desk.page;
});

afterAll(async () => {
  await desk?.close();
});

describe('one-click tickets', () => {
  it('turns a simulated call into a complaint with Ctrl+Enter and queues it with a 48 h countdown', async () => {
    await signInAgent(page);

    const simulation = simulateCall(desk.preview, await ctiPortOf(desk.preview), callerPhone, 300);
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

  it('prints a counter visit’s acceptance slip as a PDF with the ticket number and the masked phone', async () => {
    // The phone call is wrapped up; 王建国 is still open on the desk and walks up to the counter.
    await page.getByTestId('tab-customers').click();
    await page.getByTestId('call-finish').click();
    await page.locator('[data-testid="call-banner"][data-call-state="none"]').waitFor();
    await page.getByTestId('customer-card').waitFor();
    await page.getByTestId('call-start-walk-in').click();
    await page.locator('[data-testid="call-banner"][data-call-state="talking"]').waitFor();

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('ticket-summary').waitFor();
    // 22 categories: the agent types to find one.
    await page.locator('.ticket-category').click();
    await page.keyboard.type('过户');
    await page.locator('.ant-select-item-option').filter({ hasText: '过户' }).first().click();
    await page.getByRole('dialog').getByText('已核验身份证件').click();
    await page.getByTestId('ticket-summary').fill('客户申请宽带过户给女儿，联系电话 13812345678');
    await page.keyboard.press('Control+Enter');
    const number = page.getByTestId('ticket-created-number');
    await number.waitFor();
    const ticketNumber = (await number.innerText()).trim();
    expect(ticketNumber).toMatch(/^GD\d{8}-0002$/);

    const download = page.waitForEvent('download');
    await page.getByRole('dialog').getByTestId(/ticket-print-slip-\d+/).click();
    const slip = await download;
    expect(slip.suggestedFilename()).toBe(`${ticketNumber}.pdf`);
    const pdf = readFileSync(await slip.path()).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain(`(${ticketNumber})`);
    expect(pdf).toContain('138****5678');
    expect(pdf).not.toContain('13812345678');
    await page.getByText('受理单 PDF 已生成').waitFor();
    await page.screenshot({ path: join(artifacts, 'ticket-slip.png'), fullPage: true });
    await page.getByTestId('ticket-created-close').click();
  });
});
