import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, callAsRaw } from './support/bridge-calls';
import { signInThroughPage } from './support/browser';
import { agent, artifacts, lead, openCallDesk, signInAgent, type CallDesk } from './support/call-desk';

let desk: CallDesk;
let page: Page;
/** The agent's own bridge client, to try what the page no longer offers. */
const agentClient = 'e2e-quality-agent-client';

beforeAll(async () => {
  desk = await openCallDesk(async (setupPage) => {
    // Agent 1001 serves a customer at the counter: greeted at once, the repair classified, closed.
    await callAs(setupPage, agentClient, 'app:session.signIn', { agentId: agent.agentId, password: agent.password });
    const { call } = await callAs(setupPage, agentClient, 'app:calls.start', { direction: 'walk_in' });
    await callAs(setupPage, agentClient, 'app:calls.update', { callId: call.id, intent: 'consultation' });
    for (const stepId of ['greeting', 'identify', 'closing']) {
      await callAs(setupPage, agentClient, 'app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId, done: true });
    }
    await callAs(setupPage, agentClient, 'app:calls.finish', { callId: call.id });
  });
  page = desk.page;
});

afterAll(async () => {
  await desk?.close();
});

async function signOut(): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.locator('#signin_agentId').waitFor();
}

async function openQuality(): Promise<void> {
  await page.getByTestId('tab-quality').click();
  await page.getByTestId('quality-page').waitFor();
}

const scoredRow = () => page.getByTestId('quality-mine-scored').getByTestId('quality-call-row');

describe('quality inspection in the browser', () => {
  it('lets lead 2001 draw agent 1001’s unscored call and score it', async () => {
    await signInThroughPage(page, lead.agentId, lead.password);
    expect((await page.getByTestId('tab-quality').innerText()).trim()).toBe('质检');
    await openQuality();
    const member = page.getByTestId(`quality-member-${agent.agentId}`);
    await member.waitFor();
    expect(await member.getByTestId('quality-member-standing').getAttribute('data-standing')).toBe('below');
    expect(await member.getByTestId('quality-check-greeting').getAttribute('data-status')).toBe('pass');
    expect(await member.getByTestId('quality-check-surname').getAttribute('data-status')).toBe('fail');

    await page.getByTestId(`quality-pick-${agent.agentId}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#quality_score_points_tone').waitFor();
    expect(await dialog.getByTestId('quality-check-identity').getAttribute('data-status')).toBe('pass');
    expect(await dialog.getByTestId('quality-scoring-total').innerText()).toBe('100');
    await dialog.locator('#quality_score_points_tone').fill('10');
    await dialog.getByTestId('quality-score-comment').fill('语速偏快，注意语调');
    await dialog.getByTestId('quality-scoring-total').filter({ hasText: '95' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'quality-score-zh-CN.png'), fullPage: true });
    await dialog.getByTestId('quality-score-submit').click();
    await page.getByText('已提交评分：95 分').waitFor();
    await member.locator('[data-testid="quality-member-standing"][data-standing="met"]').waitFor();
    expect(await member.getByTestId('quality-call-total').innerText()).toBe('95');
    await signOut();
  });

  it('shows agent 1001 the score, takes one appeal with a reason and offers no second', async () => {
    await signInAgent(page);
    expect((await page.getByTestId('tab-quality').innerText()).trim()).toBe('我的质检');
    await openQuality();
    await scoredRow().first().waitFor();
    expect(await scoredRow().getByTestId('quality-call-total').innerText()).toBe('95');

    await scoredRow().getByTestId(/^quality-appeal-\d+$/).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('quality-appeal-reason').waitFor();
    expect(await dialog.getByTestId('quality-final-total').innerText()).toBe('95');
    await dialog.getByTestId('quality-appeal-reason').fill('当时客户情绪激动，我放慢语速安抚，可调录音核实');
    await dialog.getByTestId('quality-appeal-submit').click();
    await page.getByText('申诉已提交，等待班长复核').waitFor();
    await scoredRow().locator('[data-testid="quality-call-appeal"][data-status="pending"]').waitFor();
    expect(await scoredRow().getByTestId(/^quality-appeal-\d+$/).count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'quality-appeal-zh-CN.png'), fullPage: true });

    // Asked again behind the page's back, main refuses it.
    const mine = await callAs(page, agentClient, 'app:quality.mine', {});
    const scorecardId = mine.scored[0].scorecard.id as number;
    expect(await callAsRaw(page, agentClient, 'app:quality.appeal', { scorecardId, reason: '再申诉一次' })).toMatchObject({
      ok: false,
      code: 'QUALITY_ALREADY_APPEALED',
    });
    await signOut();
  });

  it('lets lead 2001 uphold the appeal with a changed score, and 1001 sees the result', async () => {
    await signInThroughPage(page, lead.agentId, lead.password);
    await openQuality();
    await page.getByTestId('quality-tab-appeals').click();
    const appealRow = page.getByTestId('quality-appeal-row');
    await appealRow.waitFor();
    expect(await appealRow.innerText()).toContain('可调录音核实');
    await appealRow.getByTestId(/^quality-review-\d+$/).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('quality-review-upheld').click();
    await dialog.locator('#quality_review_points_tone').fill('15');
    await dialog.getByTestId('quality-scoring-total').filter({ hasText: '100' }).waitFor();
    await dialog.getByTestId('quality-review-note').fill('复听录音，语速放慢属安抚需要，语调分改回满分');
    await page.screenshot({ path: join(artifacts, 'quality-review-zh-CN.png'), fullPage: true });
    await dialog.getByTestId('quality-review-submit').click();
    await page.getByText('已认定申诉成立，评分已修改').waitFor();
    await page.getByTestId('quality-appeals').getByText('没有待复核的申诉').waitFor();
    await signOut();

    await signInAgent(page);
    await openQuality();
    await scoredRow().locator('[data-testid="quality-call-appeal"][data-status="upheld"]').waitFor();
    expect(await scoredRow().getByTestId('quality-call-total').innerText()).toBe('100');
    await scoredRow().getByTestId(/^quality-view-\d+$/).click();
    const details = page.getByRole('dialog');
    await details.getByTestId('quality-review-result').waitFor();
    expect(await details.getByTestId('quality-review-result').innerText()).toContain('语调分改回满分');
    expect(await details.getByTestId('quality-final-total').innerText()).toBe('100');
    await page.screenshot({ path: join(artifacts, 'quality-mine-zh-CN.png'), fullPage: true });
  });
});
