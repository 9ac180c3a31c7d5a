import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser, signInThroughPage } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const administrator = { agentId: '8001', password: 'Admin-desk-2026!' } as const;
const lead = { agentId: '2001', name: '王班长', role: 'team_lead', team: '一组', password: 'Seat-lead-desk-2026!' } as const;

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient, administrator.password);
  await createPerson(page, administratorClient, lead);
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

async function openRulebook(): Promise<void> {
  await page.getByTestId('tab-phraseRules').click();
  await page.locator('tr[data-row-key="SL-01"]').waitFor();
}

/** Waits until a test box shows the answer for what is typed now (the check is debounced). */
async function settledResult(prefix: string) {
  const result = page.locator(`[data-testid="${prefix}-result"][data-checking="false"]`);
  await result.waitFor();
  return result;
}

function row(id: string) {
  return page.locator(`tr[data-row-key="${id}"]`);
}

describe('banned-phrase rulebook in the browser', () => {
  it('shows the default rules to an administrator and tests a sentence as it is typed', async () => {
    await signIn(administrator.agentId, administrator.password);
    expect((await page.getByTestId('tab-phraseRules').innerText()).trim()).toBe('禁语规则');
    await openRulebook();
    const phrases = await page.getByTestId('phrase-rule-phrases-SL-01').innerText();
    expect(phrases).toContain('不知道');
    expect(phrases).toContain('不管');
    expect(await page.getByTestId('phrase-rule-severity-SL-01').innerText()).toBe('提醒');
    expect(await page.getByTestId('phrase-rule-severity-RW-01').innerText()).toBe('禁止发送');
    expect(await page.getByTestId('phrase-rules-count').innerText()).toMatch(/共 20 条规则，20 条已启用/);

    await page.getByTestId('phrase-test-input').fill('我不 知道，不管怎样我都会帮您');
    const result = await settledResult('phrase-test');
    const marks = result.getByTestId('phrase-test-mark');
    expect(await marks.count()).toBe(1);
    expect(await marks.innerText()).toBe('不 知道');
    expect(await result.getByTestId('phrase-test-highlight').innerText()).toBe('我不 知道，不管怎样我都会帮您');
    const hits = result.getByTestId('phrase-test-hit');
    expect(await hits.count()).toBe(1);
    expect(await hits.getAttribute('data-rule-id')).toBe('SL-01');
    expect(await hits.getByTestId('phrase-test-hit-text').innerText()).toBe('不 知道');
    expect(await hits.getByTestId('phrase-test-hit-suggestions').innerText()).toContain('请您稍等，我帮您查询一下');
    expect(await hits.innerText()).toContain('提醒');

    // The search filters the table in place.
    await page.getByTestId('phrase-rules-search').locator('input').fill('不管');
    await row('RW-01').waitFor({ state: 'detached' });
    expect(await row('SL-01').count()).toBe(1);
    expect(await page.getByTestId('phrase-rules-count').innerText()).toContain('当前显示 1 条');
    await page.getByTestId('phrase-rules-search').locator('input').fill('');
    await row('RW-01').waitFor();
    await page.screenshot({ path: join(artifacts, 'phrase-rules-zh-CN.png'), fullPage: true });
  });

  it('creates CU-01, shows each problem under its line, tries the rule in the editor, saves it and switches it off', async () => {
    await page.getByTestId('phrase-rule-create').click();
    await page.locator('#phraseRule_id').fill('CU-01');
    await page.locator('#phraseRule_phrases').fill('没办法');
    await page.locator('#phraseRule_exceptions').fill('好的');
    await page.getByTestId('phrase-rule-save').click();
    // Refused here, before any round trip: the exception contains no phrase of the rule.
    const exceptionHelp = page.locator('#phraseRule_exceptions_help');
    await exceptionHelp.getByText('第 1 行').waitFor();
    expect(await exceptionHelp.innerText()).toContain('例外要包含本规则的某个禁语');

    await page.locator('#phraseRule_exceptions').fill('没办法的话');
    await exceptionHelp.waitFor({ state: 'detached' });
    await page.locator('#phraseRule_suggestions').fill('我帮您想想其他办法\n我再帮您确认一下');

    await page.getByTestId('phrase-editor-test-input').fill('这个真没办法，没办法的话我们再想想');
    const tried = await settledResult('phrase-editor-test');
    expect(await tried.getByTestId('phrase-editor-test-mark').count()).toBe(1);
    expect(await tried.getByTestId('phrase-editor-test-mark').innerText()).toBe('没办法');
    const draftHit = tried.getByTestId('phrase-editor-test-hit');
    expect(await draftHit.count()).toBe(1);
    expect(await draftHit.getAttribute('data-rule-id')).toBe('CU-01');
    expect(await draftHit.innerText()).toContain('本规则');
    expect(await draftHit.getByTestId('phrase-editor-test-hit-suggestions').innerText()).toContain('我帮您想想其他办法');
    await page.screenshot({ path: join(artifacts, 'phrase-rule-editor-zh-CN.png'), fullPage: true });

    await page.getByTestId('phrase-rule-save').click();
    await page.getByText('已创建规则 CU-01').waitFor();
    await page.locator('#phraseRule_id').waitFor({ state: 'detached' });
    await row('CU-01').waitFor();
    expect(await page.getByTestId('phrase-rule-enabled-CU-01').getAttribute('data-enabled')).toBe('true');

    // Saved and enabled: the page's test panel now finds it.
    await page.getByTestId('phrase-test-input').fill('真没办法');
    let result = await settledResult('phrase-test');
    expect(await result.getByTestId('phrase-test-hit').getAttribute('data-rule-id')).toBe('CU-01');

    await page.getByTestId('phrase-rule-enabled-CU-01').click();
    await page.getByText('已停用规则 CU-01').waitFor();
    await page.locator('[data-testid="phrase-rule-enabled-CU-01"][data-enabled="false"]').waitFor();

    // Switched off, it no longer hits.
    await page.getByTestId('phrase-test-input').fill('真的没办法');
    result = await settledResult('phrase-test');
    expect(await result.getByTestId('phrase-test-summary').innerText()).toBe('没有命中任何规则');

    // Editing keeps the ID fixed.
    await page.getByTestId('phrase-rule-edit-CU-01').click();
    expect(await page.locator('#phraseRule_id').isDisabled()).toBe(true);
    expect(await page.locator('#phraseRule_id').inputValue()).toBe('CU-01');
    await page.locator('#phraseRule_note').fill('演示规则');
    await page.getByTestId('phrase-rule-save').click();
    await page.getByText('已保存规则 CU-01').waitFor();
    await row('CU-01').getByText('演示规则').waitFor();
  });

  it('exports the rulebook as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('phrase-rules-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^seatdesk-phrase-rules-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = readFileSync(await download.path(), 'utf8');
    const lines = content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('id,phrases,category,severity,exceptions,suggestions,enabled,note');
    expect(lines).toContain('CU-01,没办法,custom,warn,没办法的话,我帮您想想其他办法|我再帮您确认一下,false,演示规则');
    expect(lines.some((line) => line.startsWith('SL-01,不知道|不管,service,warn,'))).toBe(true);
  });

  it('refuses a CSV with a bad row, importing nothing, then merges a good one', async () => {
    await page.getByTestId('phrase-rules-import').click();
    const upload = page.locator('[data-testid="rulebook-import-upload"] input[type="file"]');
    const header = 'id,phrases,category,severity,exceptions,suggestions,enabled,note';
    await upload.setInputFiles({
      name: 'bad-rules.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\r\nCU-02,办不了,custom,warn,,,true,\r\nCU-03,不行,custom,loud,,,true,\r\n`, 'utf8'),
    });
    await page.getByTestId('rulebook-import-file-name').getByText('bad-rules.csv').waitFor();
    // The format follows the file's extension.
    expect(await page.getByTestId('rulebook-import-format').locator('input[value="csv"]').isChecked()).toBe(true);
    expect(await page.getByTestId('rulebook-import-mode').locator('input[value="merge"]').isChecked()).toBe(true);
    await page.getByTestId('rulebook-import-submit').click();

    const problems = page.getByTestId('rulebook-import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('没有导入任何规则');
    const problem = page.getByTestId('rulebook-import-problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-line')).toBe('3');
    expect(await problem.innerText()).toMatch(/^第 3 行：.*severity/);
    await page.screenshot({ path: join(artifacts, 'phrase-rules-import-problems-zh-CN.png'), fullPage: true });

    await page.locator('.ant-modal-close').click();
    await page.getByTestId('rulebook-import-modal').waitFor({ state: 'detached' });
    expect(await row('CU-02').count()).toBe(0);

    await page.getByTestId('phrase-rules-import').click();
    await page.getByTestId('rulebook-import-mode').getByText('替换全部').click();
    await page.getByTestId('rulebook-import-replace-warning').waitFor();
    await page.getByTestId('rulebook-import-mode').getByText('合并').click();
    await page.locator('[data-testid="rulebook-import-upload"] input[type="file"]').setInputFiles({
      name: 'good-rules.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\r\nCU-02,办不了,custom,block,,请稍等，我帮您转给负责的同事,true,\r\n`, 'utf8'),
    });
    await page.getByTestId('rulebook-import-file-name').getByText('good-rules.csv').waitFor();
    await page.getByTestId('rulebook-import-submit').click();
    await page.getByText('导入完成：新增 1 条，更新 0 条，删除 0 条').waitFor();
    await row('CU-02').waitFor();
    expect(await page.getByTestId('phrase-rule-severity-CU-02').innerText()).toBe('禁止发送');
  });

  it('deletes a rule after a confirmation that names it', async () => {
    await page.getByTestId('phrase-rule-delete-CU-02').click();
    await page.getByText('删除规则 CU-02？').waitFor();
    await page.getByTestId('phrase-rule-delete-confirm').click();
    await page.getByText('已删除规则 CU-02').waitFor();
    await row('CU-02').waitFor({ state: 'detached' });
  });

  it('lets a team lead read, test and export, without create, edit, delete or import', async () => {
    await page.getByTestId('sign-out').click();
    await signIn(lead.agentId, lead.password);
    await openRulebook();
    await page.getByTestId('phrase-rules-read-only').waitFor();
    for (const testId of ['phrase-rule-create', 'phrase-rules-import', 'phrase-rule-edit-SL-01', 'phrase-rule-delete-SL-01', 'phrase-rule-edit-CU-01']) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }
    expect(await page.getByTestId('phrase-rule-enabled-SL-01').isDisabled()).toBe(true);
    expect(await page.getByTestId('phrase-rules-export-csv').isVisible()).toBe(true);
    expect(await page.getByTestId('phrase-rules-export-json').isVisible()).toBe(true);
    expect(await row('CU-01').count()).toBe(1);

    await page.getByTestId('phrase-test-input').fill('我不知道');
    const result = await settledResult('phrase-test');
    expect(await result.getByTestId('phrase-test-hit').getAttribute('data-rule-id')).toBe('SL-01');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('phrase-rules-export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { rules: { id: string }[] };
    expect(exported.rules.map((rule) => rule.id)).toContain('CU-01');
    await page.screenshot({ path: join(artifacts, 'phrase-rules-team-lead-zh-CN.png'), fullPage: true });

    // The page follows the interface language.
    await page.getByTestId('language-switch').getByText('繁體中文').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'zh-TW');
    expect((await page.getByTestId('tab-phraseRules').innerText()).trim()).toBe('禁語規則');
    expect(await page.getByTestId('phrase-rule-severity-RW-01').innerText()).toBe('禁止傳送');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'en');
    expect((await page.getByTestId('tab-phraseRules').innerText()).trim()).toBe('Banned phrases');
    expect(await page.getByTestId('phrase-test-summary').innerText()).toBe('Hits: 1');
    await page.screenshot({ path: join(artifacts, 'phrase-rules-team-lead-en.png'), fullPage: true });
    await page.getByTestId('language-switch').getByText('简体中文').click();
  });
});
