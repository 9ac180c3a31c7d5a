import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from './support/bridge-calls';
import { artifacts, callerPhone, leadClient, openCallDesk, setCompany, signInAgent, type CallDesk } from './support/call-desk';
import { simulateCall } from './support/cti-simulator';
import { ctiPortOf } from './support/preview-process';

let desk: CallDesk;
let page: Page;

beforeAll(async () => {
  desk = await openCallDesk(async (setupPage) => {
    await setCompany(setupPage, '城市燃气', '96777');
    await callAs(setupPage, leadClient, 'app:knowledge.save', {
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
  });
  page = desk.page;
});

afterAll(async () => {
  await desk?.close();
});

describe('a call on the agent’s desk', () => {
  it('pops the caller’s masked record when the simulator rings, with the script addressing 王先生', async () => {
    await signInAgent(page);
    expect(await page.getByTestId('call-banner').getAttribute('data-call-state')).toBe('none');
    // The knowledge tab is open: the pop must bring the customer desk forward by itself.
    await page.getByTestId('tab-knowledge').click();

    const simulation = simulateCall(desk.preview, await ctiPortOf(desk.preview), callerPhone, 700);
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
