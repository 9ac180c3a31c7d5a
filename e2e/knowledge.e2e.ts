import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const leadClient = 'e2e-knowledge-lead-client';
const administrator = { agentId: '8001', password: 'Admin-desk-2026!' } as const;
const lead = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;

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
  await createPerson(page, administratorClient, lead);
  await createPerson(page, administratorClient, agent);
  // An answer whose last valid day has passed, written by the lead through the bridge.
  await callAs(page, leadClient, 'app:session.signIn', { agentId: lead.agentId, password: lead.password });
  await callAs(page, leadClient, 'app:knowledge.save', {
    answer: {
      title: '旧版燃气费缴费渠道',
      body: '2020 年起可到营业厅缴费。',
      tags: ['缴费'],
      category: '咨询',
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
      sourceNotice: '',
    },
  });
  await callAs(page, leadClient, 'app:session.signOut', {});
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

function signIn(agentId: string, password: string): Promise<void> {
  return signInThroughPage(page, agentId, password);
}

async function openKnowledge(): Promise<void> {
  await page.getByTestId('tab-knowledge').click();
  await page.getByTestId('knowledge-page').waitFor();
}

/** Types a query and waits until the results shown are those of that query (the search is debounced). */
async function searchFor(text: string) {
  await page.getByLabel('搜索答复口径').fill(text);
  const results = page.locator(`[data-testid="knowledge-results"][data-settled="true"][data-query="${text}"]`);
  await results.waitFor();
  return results;
}

function answerTitled(title: string) {
  return page.getByTestId('knowledge-answer').filter({ has: page.getByTestId('knowledge-answer-title').getByText(title, { exact: true }) });
}

describe('knowledge base in the browser', () => {
  it('lets a team lead write an answer through the editor, checked before it is sent', async () => {
    await signIn(lead.agentId, lead.password);
    expect((await page.getByTestId('tab-knowledge').innerText()).trim()).toBe('知识库');
    await openKnowledge();
    // The expired answer stays hidden until asked for.
    await searchFor('');
    expect(await answerTitled('旧版燃气费缴费渠道').count()).toBe(0);

    await page.getByTestId('knowledge-create').click();
    await page.getByTestId('knowledge-editor').waitFor();
    // Nothing filled in: refused here, each problem under its field.
    await page.getByTestId('knowledge-save').click();
    await page.locator('#knowledgeAnswer_title_help').getByText('请填写此项').waitFor();
    expect(await page.locator('#knowledgeAnswer_body_help').innerText()).toContain('请填写此项');
    expect(await page.locator('#knowledgeAnswer_category_help').innerText()).toContain('请填写此项');

    await page.locator('#knowledgeAnswer_title').fill('燃气费缴纳方式');
    await page.locator('#knowledgeAnswer_title_help').waitFor({ state: 'detached' });
    await page.locator('#knowledgeAnswer_category').fill('咨询');
    await page.locator('#knowledgeAnswer_tags').click();
    await page.keyboard.type('缴费');
    await page.keyboard.press('Enter');
    await page.getByTestId('knowledge-editor').locator('.ant-select-selection-item').getByText('缴费').waitFor();
    await page.locator('#knowledgeAnswer_body').fill('您可以通过支付宝、微信或营业厅缴纳燃气费，缴费后即时到账。');
    await page.locator('#knowledgeAnswer_sourceNotice').fill('燃气公司 2026 年缴费渠道通知');
    await page.screenshot({ path: join(artifacts, 'knowledge-editor-zh-CN.png'), fullPage: true });
    await page.getByTestId('knowledge-save').click();
    await page.getByText('已创建答复：燃气费缴纳方式').waitFor();
    await page.getByTestId('knowledge-editor').waitFor({ state: 'detached' });

    const card = answerTitled('燃气费缴纳方式');
    await card.waitFor();
    expect(await card.getByTestId('knowledge-answer-category').innerText()).toBe('咨询');
    expect(await card.getByTestId('knowledge-answer-tag').innerText()).toBe('缴费');
    expect(await card.getByTestId('knowledge-answer-validity').innerText()).toBe('长期有效');
    expect(await card.getByTestId('knowledge-answer-source').innerText()).toBe('依据：燃气公司 2026 年缴费渠道通知');
    expect(await card.getByTestId('knowledge-answer-updated').innerText()).toMatch(/^2001 更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await card.getByTestId(/^knowledge-edit-\d+$/).count()).toBe(1);
  });

  it('shows the expired answer to the lead only with 包含已过期 on, tagged 已过期, and edits an answer', async () => {
    let results = await searchFor('缴费');
    expect(await results.getByTestId('knowledge-answer').count()).toBe(1);
    await page.getByTestId('knowledge-include-expired').click();
    await page.locator('[data-testid="knowledge-results"][data-settled="true"]').waitFor();
    const expired = answerTitled('旧版燃气费缴费渠道');
    await expired.waitFor();
    expect(await expired.getAttribute('data-expired')).toBe('true');
    expect(await expired.getByTestId('knowledge-answer-expired').innerText()).toBe('已过期');
    expect(await expired.getByTestId('knowledge-answer-validity').innerText()).toBe('有效期至 2020-12-31');
    results = page.getByTestId('knowledge-results');
    expect(await results.getByTestId('knowledge-answer').count()).toBe(2);
    expect(await answerTitled('燃气费缴纳方式').getByTestId('knowledge-answer-expired').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'knowledge-team-lead-expired-zh-CN.png'), fullPage: true });

    // Editing: a last day before the first is refused under its field; a fixed one saves.
    await answerTitled('燃气费缴纳方式').getByTestId(/^knowledge-edit-\d+$/).click();
    await page.getByTestId('knowledge-editor').waitFor();
    expect(await page.locator('#knowledgeAnswer_title').inputValue()).toBe('燃气费缴纳方式');
    await page.locator('#knowledgeAnswer_validTo').fill('2000-01-01');
    await page.locator('#knowledgeAnswer_validTo').press('Enter');
    // Closes the calendar, which covers the save button.
    await page.locator('#knowledgeAnswer_validTo').press('Tab');
    await page.getByTestId('knowledge-save').click();
    await page.locator('#knowledgeAnswer_validTo_help').getByText('有效期截止日不能早于生效日期').waitFor();
    // Enter in the date box takes the typed date and submits the form, as in any other box.
    await page.locator('#knowledgeAnswer_validTo').fill('2099-12-31');
    await page.locator('#knowledgeAnswer_validTo').press('Enter');
    await page.getByText('已保存答复：燃气费缴纳方式').waitFor();
    await page.getByTestId('knowledge-editor').waitFor({ state: 'detached' });
    await answerTitled('燃气费缴纳方式').getByTestId('knowledge-answer-validity').getByText('有效期至 2099-12-31').waitFor();
  });

  it('lets an agent find the answer by a two-character term, highlighted, with no edit controls', async () => {
    await page.getByTestId('sign-out').click();
    await signIn(agent.agentId, agent.password);
    expect((await page.getByTestId('tab-knowledge').innerText()).trim()).toBe('知识库');
    await openKnowledge();
    for (const testId of ['knowledge-create', 'knowledge-include-expired']) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }

    const results = await searchFor('缴费');
    expect(await results.getByTestId('knowledge-answer').count()).toBe(1);
    const card = answerTitled('燃气费缴纳方式');
    await card.waitFor();
    expect(await card.getByTestId(/^knowledge-edit-/).count()).toBe(0);
    const marks = card.getByTestId('knowledge-mark');
    // 燃气费缴纳方式 has no 缴费; the body has it once.
    expect(await marks.allInnerTexts()).toEqual(['缴费']);
    expect(await card.getByTestId('knowledge-tag-mark').innerText()).toBe('缴费');
    expect(await card.getByTestId('knowledge-answer-body').innerText()).toBe('您可以通过支付宝、微信或营业厅缴纳燃气费，缴费后即时到账。');
    // The expired answer stays hidden from agents.
    expect(await answerTitled('旧版燃气费缴费渠道').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'knowledge-agent-zh-CN.png'), fullPage: true });

    // A one-character term marks every occurrence, in the title too.
    await searchFor('费');
    expect(await card.getByTestId('knowledge-answer-title').getByTestId('knowledge-mark').allInnerTexts()).toEqual(['费']);
    expect(await card.getByTestId('knowledge-answer-body').getByTestId('knowledge-mark').count()).toBe(2);
  });

  it('finds the answer by 支付宝 on Enter, and says so when nothing matches', async () => {
    const input = page.getByLabel('搜索答复口径');
    await input.fill('支付宝');
    await input.press('Enter');
    const results = page.locator('[data-testid="knowledge-results"][data-settled="true"][data-query="支付宝"]');
    await results.waitFor();
    expect(await results.getByTestId('knowledge-answer').count()).toBe(1);
    expect(await answerTitled('燃气费缴纳方式').getByTestId('knowledge-mark').allInnerTexts()).toEqual(['支付宝']);

    await searchFor('停水通知');
    expect(await page.getByTestId('knowledge-empty').innerText()).toContain('没有找到与 停水通知 相关的答复口径');
  });
});
