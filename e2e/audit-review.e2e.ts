import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
const lead = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;
const deputy = { agentId: '2002', name: '赵班长', role: 'team_lead', team: '一组', password: 'Seat-deputy-desk-2026!' } as const;
const customer = { fullName: '欧阳晓明', phone: '13812345678' };
const revealReason = '客户要求回拨核实';
/** More than one page (200) of the lead's own entries, so the table has to fetch by cursor as it scrolls. */
const seededReads = 230;

/** exceljs declares its own global `Buffer` (an ArrayBuffer), which Node's typed Buffers no longer match; the bytes are the same. */
function asExcelBuffer(bytes: Uint8Array): Parameters<ExcelJS.Xlsx['load']>[0] {
  return bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0];
}

let preview: PreviewProcess;
let browser: Browser;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  return page;
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const page = await newPage();
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  for (const person of [agent, lead, deputy]) await createPerson(page, administratorClient, person);
  // The lead's own earlier reads (each audited), from another session of theirs.
  const leadClient = 'e2e-lead-earlier-client';
  await callAs(page, leadClient, 'app:session.signIn', { agentId: lead.agentId, password: lead.password });
  for (let read = 0; read < seededReads; read += 1) await callAs(page, leadClient, 'app:audit.list', { limit: 1 });
  await callAs(page, leadClient, 'app:session.signOut', {});
  await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

let leadPage: Page;
let deputyPage: Page;

/** 2001 asks for an export approval in the audit page; 2002 approves it in the approvals page. */
async function requestAndApproveExport(reasonText: string): Promise<void> {
  await leadPage.getByTestId('audit-export-request').click();
  await leadPage.locator('#approvalRequest_reasonText').fill(reasonText);
  await leadPage.getByTestId('approval-request-submit').click();
  await leadPage.getByTestId('audit-export-waiting').waitFor();

  await deputyPage.reload();
  await deputyPage.getByTestId('tab-approvals').click();
  const inbox = deputyPage.getByTestId('approvals-inbox');
  await inbox.getByText(reasonText).waitFor();
  expect(await inbox.innerText()).toContain('导出审计日志');
  const row = inbox.locator('tr', { hasText: reasonText });
  await row.locator('[data-testid^="approval-approve-"]').click();
  await row.locator('[data-testid^="approval-status-"]').filter({ hasText: '已批准' }).waitFor();
  // 2001's page looks for the decision by itself.
  await leadPage.getByTestId('audit-export-csv').waitFor({ timeout: 15_000 });
}

describe('audit review in the browser', () => {
  it('an agent reveals a phone number with a reason', async () => {
    const page = await newPage();
    await signInThroughPage(page, agent.agentId, agent.password);
    await page.getByTestId('customer-new').click();
    await page.locator('#customerCreate_fullName').fill(customer.fullName);
    await page.locator('#customerCreate_phones').fill(customer.phone);
    await page.getByTestId('customer-create-submit').click();
    await page.getByTestId('customer-card').waitFor();
    await page.getByTestId('reveal-phone-0').click();
    await page.locator('#reveal_reasonText').fill(revealReason);
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('customer-phone-0').filter({ hasText: /^13812345678$/ }).waitFor();
    await page.context().close();
  });

  it('a lead scrolls the log page by page, filters by agent and action, and opens the reveal', async () => {
    leadPage = await newPage();
    await signInThroughPage(leadPage, lead.agentId, lead.password);
    await leadPage.getByTestId('tab-audit').click();
    const table = leadPage.getByTestId('audit-entries');
    await table.getByText('audit.read').first().waitFor();
    expect(await leadPage.getByTestId('audit-loaded').innerText()).toContain('已加载 200 条');
    expect(await leadPage.getByTestId('audit-total').innerText()).toMatch(/^共 \d+ 条$/);
    const total = Number(/共 (\d+) 条/.exec(await leadPage.getByTestId('audit-total').innerText())?.[1]);
    expect(total).toBeGreaterThan(seededReads);
    // The virtual table keeps only the rows in view in the page, and fetches the next page near its end.
    expect(await table.locator('[data-testid^="audit-row-"]').count()).toBeLessThan(60);
    await table.hover();
    for (let turn = 0; turn < 40 && !(await leadPage.getByTestId('audit-loaded').innerText()).includes('已全部加载'); turn += 1) {
      await leadPage.mouse.wheel(0, 3000);
      await leadPage.waitForTimeout(100);
    }
    expect(await leadPage.getByTestId('audit-loaded').innerText()).toBe(`已全部加载（${total} 条）`);

    await leadPage.locator('#auditFilter_agentId').fill(agent.agentId);
    await leadPage.locator('#auditFilter_action').fill('customer.reveal');
    await leadPage.getByTestId('audit-filter-apply').click();
    await leadPage.getByTestId('audit-total').filter({ hasText: '共 1 条' }).waitFor();
    const reveal = table.locator('[data-testid^="audit-row-"]');
    expect(await reveal.count()).toBe(1);
    expect(await reveal.innerText()).toContain('customer.reveal');
    expect(await reveal.innerText()).toContain(agent.agentId);

    await reveal.click();
    const detail = leadPage.getByTestId('audit-entry-detail');
    await detail.waitFor();
    expect(await leadPage.getByTestId('audit-detail-action').innerText()).toBe('customer.reveal');
    expect(await leadPage.getByTestId('audit-detail-agent').innerText()).toBe(agent.agentId);
    expect(await leadPage.getByTestId('audit-detail-field-reason').innerText()).toBe(revealReason);
    expect(await leadPage.getByTestId('audit-detail-field-field').innerText()).toBe('phone');
    expect(await leadPage.getByTestId('audit-detail-hash').innerText()).toMatch(/^[0-9a-f]{64}/);
    expect(await detail.innerText()).not.toContain(customer.phone);
    // The drawer slides in; the picture is taken once it is in place.
    await leadPage.waitForTimeout(500);
    await leadPage.screenshot({ path: join(artifacts, 'audit-review-detail.png') });
    await leadPage.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // The lead verifies the chain: a background walk, then "intact up to entry N".
    await leadPage.getByTestId('audit-verify').click();
    const verification = leadPage.getByTestId('audit-verification');
    await verification.waitFor();
    expect(await verification.innerText()).toContain('日志完整');
  });

  it('exports the filtered view as CSV and XLSX, each under an approval of another lead', async () => {
    deputyPage = await newPage();
    await signInThroughPage(deputyPage, deputy.agentId, deputy.password);

    await requestAndApproveExport('投诉调查，导出坐席 1001 的查看记录');
    const [csvDownload] = await Promise.all([leadPage.waitForEvent('download'), leadPage.getByTestId('audit-export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^seatdesk-audit-\d{8}T\d{6}Z\.csv$/);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.startsWith('\uFEFFseq,occurredAt,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',1001,agent,customer.reveal,customer,');
    expect(lines[1]).toContain(revealReason);
    expect(csv).not.toContain(customer.phone);
    // The grant is used: asking again is the only way to export again.
    await leadPage.getByTestId('audit-export-request').waitFor();

    await requestAndApproveExport('再导出一份 Excel 备查');
    const [xlsxDownload] = await Promise.all([leadPage.waitForEvent('download'), leadPage.getByTestId('audit-export-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelBuffer(readFileSync(await xlsxDownload.path())));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const headerRow = sheet.getRow(1).values as unknown[];
    const cell = (name: string) => sheet.getRow(2).getCell(headerRow.indexOf(name)).value;
    expect(cell('agentId')).toBe(agent.agentId);
    expect(cell('action')).toBe('customer.reveal');
    expect(String(cell('details'))).toContain(revealReason);
    await leadPage.getByTestId('audit-export-request').waitFor();

    // Both exports are in the log, each with its format and row count.
    await leadPage.locator('#auditFilter_agentId').fill(lead.agentId);
    await leadPage.locator('#auditFilter_action').fill('audit.export');
    await leadPage.getByTestId('audit-filter-apply').click();
    await leadPage.getByTestId('audit-total').filter({ hasText: '共 2 条' }).waitFor();
    await leadPage.screenshot({ path: join(artifacts, 'audit-review-exports.png') });
  });
});
