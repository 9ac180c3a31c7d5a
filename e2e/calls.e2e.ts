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
  const settings = (await callAs(page, administratorClient, 'app:settings.get', {})).settings;
  await callAs(page, administratorClient, 'app:settings.update', { settings: { ...settings, companyName: '城市燃气', hotline: '96777' } });
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
  await callAs(page, leadClient, 'app:knowledge.save', {
    answer: {
      title: '燃气灶打不着火的排查',
      body: '先确认气阀已打开、电池有电；仍打不着火请登记报修，维修人员 4 小时内上门。',
      tags: ['灶具'],
      category: '报修',
      validFrom: '2026-01-01',
      validTo: null,
      sourceNotice: '客服〔2026〕7号',
    },
  });
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

describe('a call on the agent’s desk', () => {
  it('pops the caller’s masked record when the simulator rings, with the script addressing 王先生', async () => {
    await page.locator('#signin_agentId').waitFor();
    await page.locator('#signin_agentId').fill(agent.agentId);
    await page.locator('#signin_password').fill(agent.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('call-banner').waitFor();
    expect(await page.getByTestId('call-banner').getAttribute('data-call-state')).toBe('none');
    // The knowledge tab is open: the pop must bring the customer desk forward by itself.
    await page.getByTestId('tab-knowledge').click();

    const simulation = simulateCall(preview, await ctiPortOf(preview), callerPhone, 700);
    await page.locator('[data-testid="call-banner"][data-call-state="ringing"], [data-testid="call-banner"][data-call-state="talking"]').waitFor();
    expect(await page.getByTestId('call-number').innerText()).toBe('138****5678');
    const card = page.getByTestId('customer-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('王先生');
    expect(await card.innerText()).not.toContain('王建国');

    const identify = page.getByTestId('script-step-identify');
    expect(await identify.innerText()).toContain('王先生，您好！');
    expect(await page.getByTestId('script-step-greeting').innerText()).toContain('您好，城市燃气，工号 1001 为您服务。');
    // The address is masked until revealed (with a reason); the script still reads through.
    expect(await page.getByTestId('script-step-confirm-identity').innerText()).toContain('请问您是住在 **** 的王先生吗？');
    await page.screenshot({ path: join(artifacts, 'call-screen-pop.png'), fullPage: true });

    // Alt+↓ ticks the greeting (main stores when) and moves to asking the name.
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('[data-testid="script-step-greeting"][data-done="true"]').waitFor();
    expect(await identify.getAttribute('data-current')).toBe('true');
    expect(await page.getByTestId('script-current-text').innerText()).toContain('王先生');

    // The transcript arrives line by line, the agent's banned phrase marked.
    await page.getByTestId('transcript-mark').first().waitFor();
    const marked = await page.getByTestId('transcript-mark').allInnerTexts();
    expect(marked).toContain('我解决不了');
    console.log(await simulation);
    await page.locator('[data-testid="call-banner"][data-call-state="ended"]').waitFor();
    expect(await page.getByTestId('transcript-line').count()).toBe(4);
  });

  it('underlines 我解决不了 in the note box as it is typed and replaces it with the suggestion in one key', async () => {
    await page.locator('[data-testid="customer-note-draft-phrase-box"][data-phrase-engine="ready"]').waitFor();
    const box = page.getByTestId('customer-note-draft');
    await box.fill('');
    await box.focus();
    await page.keyboard.type('我解决不了');
    // Read in the same task as the last key: no waiting, the mark must already be there.
    const marks = await page.getByTestId('customer-note-draft-mark').allInnerTexts();
    expect(marks).toEqual(['我解决不了']);
    await page.keyboard.press('Alt+Enter');
    expect(await box.inputValue()).toBe('我能做到的是……');
    expect(await page.getByTestId('customer-note-draft-mark').count()).toBe(0);
  });

  it('suggests answers for the classified intent and finds a two-character term', async () => {
    await page.locator('.call-intent').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '报修' }).first().click();
    const suggested = page.getByTestId('call-knowledge-suggested');
    await suggested.waitFor();
    expect(await suggested.innerText()).toContain('燃气灶打不着火的排查');

    await page.getByTestId('call-knowledge-search').locator('input').fill('灶具');
    await page.getByTestId('call-knowledge-mark').first().waitFor();
    expect(await page.getByTestId('call-knowledge').innerText()).toContain('维修人员 4 小时内上门');
    await page.screenshot({ path: join(artifacts, 'call-knowledge.png'), fullPage: true });
  });

  it('finishes the wrap-up, after which the desk takes visits by hand', async () => {
    await page.getByTestId('call-finish').click();
    await page.locator('[data-testid="call-banner"][data-call-state="none"]').waitFor();
    await page.getByTestId('call-start-walk-in').click();
    await page.locator('[data-testid="call-banner"][data-call-state="talking"]').waitFor();
    expect(await page.getByTestId('script-step-greeting').innerText()).toContain('欢迎光临城市燃气');
    await page.getByTestId('call-finish').click();
    await page.locator('[data-testid="call-banner"][data-call-state="none"]').waitFor();
  });
});
