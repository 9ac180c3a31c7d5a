import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAdministrator, createPerson } from './support/bridge-calls';
import { launchBrowser } from './support/browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './support/preview-process';

const artifacts = join(__dirname, 'artifacts');
const administratorClient = 'e2e-administrator-client';
const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
const customer = { fullName: '司马青云', phone: '13987654321', idNumber: '110105194912310021', address: '上海市浦东新区世纪大道100号' };

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  preview = await startPreview();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  await createPerson(page, administratorClient, agent);
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (preview !== undefined) removeDataDirectory(preview.dataDirectory);
});

type MarkView = { text: string; className: string; severity: string; title: string };

/** The marks over the note box as the DOM holds them right now (no waiting). */
function marksNow(): Promise<MarkView[]> {
  // A function, not a string: the page's CSP forbids evaluating strings. Node's types have no DOM.
  return page.evaluate(() => {
    type Element = { textContent: string | null; className: string; title: string; getAttribute: (name: string) => string | null };
    const scope = globalThis as unknown as { document: { querySelectorAll: (selector: string) => Iterable<Element> } };
    return [...scope.document.querySelectorAll('[data-testid="customer-note-draft-mark"]')].map((mark) => ({
      text: mark.textContent ?? '',
      className: mark.className,
      severity: mark.getAttribute('data-severity') ?? '',
      title: mark.title,
    }));
  });
}

/** Empties the note box and leaves the caret in it. */
async function emptyNoteBox(): Promise<void> {
  const box = page.getByTestId('customer-note-draft');
  await box.fill('');
  await box.focus();
}

describe('live banned-phrase warnings in the note box', () => {
  it('opens a customer with the rulebook loaded', async () => {
    await page.locator('#signin_agentId').waitFor();
    await page.locator('#signin_agentId').fill(agent.agentId);
    await page.locator('#signin_password').fill(agent.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('header-agent-id').waitFor();
    await page.getByTestId('customer-new').click();
    await page.locator('#customerCreate_fullName').fill(customer.fullName);
    await page.locator('#customerCreate_phones').fill(customer.phone);
    await page.locator('#customerCreate_idNumber').fill(customer.idNumber);
    await page.locator('#customerCreate_address').fill(customer.address);
    await page.getByTestId('customer-create-submit').click();
    await page.getByTestId('customer-card').waitFor();
    await page.locator('[data-testid="customer-note-draft-phrase-box"][data-phrase-engine="ready"]').waitFor();
  });

  it('underlines a warn phrase in the same frame as the typing and replaces it with Alt+Enter', async () => {
    await emptyNoteBox();
    const started = Date.now();
    await page.keyboard.type('我解决不了');
    const marks = await marksNow();
    console.log(`[timing] typed 5 characters and read the marks in ${Date.now() - started} ms`);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.text).toBe('我解决不了');
    expect(marks[0]!.className).toContain('phrase-mark-warn');
    expect(marks[0]!.title).toContain('SL-10');
    expect(marks[0]!.title).toContain('我能做到的是……');
    const hit = page.getByTestId('customer-note-draft-phrase-hit');
    expect(await hit.getAttribute('data-severity')).toBe('warn');
    expect(await hit.innerText()).toContain('提醒');
    expect(await page.getByTestId('customer-note-draft-phrase-suggestion').allInnerTexts()).toContain('我能做到的是……');
    expect(await page.getByTestId('customer-note-draft-phrase-shortcut').innerText()).toContain('Alt+Enter');
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(false);
    await page.screenshot({ path: join(artifacts, 'phrase-warning-warn.png'), fullPage: true });

    await page.keyboard.press('Alt+Enter');
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('我能做到的是……');
    expect(await marksNow()).toEqual([]);
    // The caret is after the suggestion: typing goes on from there.
    await page.keyboard.type('。');
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('我能做到的是……。');
  });

  it('a pasted block phrase disables saving until it is deleted', async () => {
    await emptyNoteBox();
    await page.keyboard.type('好的');
    await page.keyboard.insertText('他妈的');
    const marks = await marksNow();
    expect(marks.map((mark) => [mark.text, mark.severity])).toEqual([['他妈的', 'block']]);
    expect(marks[0]!.className).toContain('phrase-mark-block');
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('customer-note-draft-phrase-blocked').innerText()).toBe('含禁止发送的用语，修改后才能保存');
    expect(await page.getByTestId('customer-note-draft-phrase-hit').innerText()).toContain('禁止发送');
    await page.screenshot({ path: join(artifacts, 'phrase-warning-block.png'), fullPage: true });

    for (let count = 0; count < 3; count += 1) await page.keyboard.press('Backspace');
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('好的');
    expect(await marksNow()).toEqual([]);
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(false);
    expect(await page.getByTestId('customer-note-draft-phrase-blocked').count()).toBe(0);
  });

  it('a suggestion button replaces a block phrase with one click', async () => {
    await emptyNoteBox();
    await page.keyboard.insertText('你这个笨蛋');
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(true);
    await page.getByTestId('customer-note-draft-phrase-suggestion').filter({ hasText: '我理解……' }).click();
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('你这个我理解……');
    expect(await marksNow()).toEqual([]);
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(false);
  });

  it('does not check while an IME composes, and marks the phrase once it commits', async () => {
    await emptyNoteBox();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '我解决不了', selectionStart: 5, selectionEnd: 5 });
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('我解决不了');
    expect(await page.getByTestId('customer-note-draft-phrase-box').getAttribute('data-composing')).toBe('true');
    expect(await marksNow()).toEqual([]);
    await cdp.send('Input.insertText', { text: '我解决不了' });
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('我解决不了');
    await expect.poll(() => page.getByTestId('customer-note-draft-phrase-box').getAttribute('data-composing')).toBe('false');
    const marks = await marksNow();
    expect(marks.map((mark) => [mark.text, mark.severity])).toEqual([['我解决不了', 'warn']]);
    await cdp.detach();
  });

  it('keeps the marks over their words when the box scrolls', async () => {
    await emptyNoteBox();
    await page.keyboard.insertText(`${'客户来电咨询账单明细。\n'.repeat(12)}最后他说我解决不了`);
    const readLayout = () => page.evaluate(() => {
      type Rect = { top: number; bottom: number; left: number; right: number; height: number };
      type Element = { scrollTop: number; scrollHeight: number; clientHeight: number; getBoundingClientRect: () => Rect };
      const scope = globalThis as unknown as { document: { querySelector: (selector: string) => Element | null } };
      const textArea = scope.document.querySelector('[data-testid="customer-note-draft"]')!;
      const mirror = scope.document.querySelector('[data-testid="customer-note-draft-mirror"]')!;
      const mark = scope.document.querySelector('[data-testid="customer-note-draft-mark"]')!;
      return {
        scrolls: textArea.scrollHeight > textArea.clientHeight,
        textAreaScroll: textArea.scrollTop,
        mirrorScroll: mirror.scrollTop,
        box: textArea.getBoundingClientRect(),
        mark: mark.getBoundingClientRect(),
      };
    });
    // The box grows (autoSize, up to 8 rows) and scrolls the caret into view over the next frames.
    await expect.poll(async () => (await readLayout()).box.height).toBeGreaterThan(150);
    await expect.poll(async () => (await readLayout()).textAreaScroll).toBeGreaterThan(0);
    // The mirror follows the textarea's scroll (a frame later at most while the box resizes).
    await expect
      .poll(async () => {
        const { mirrorScroll, textAreaScroll } = await readLayout();
        return mirrorScroll === textAreaScroll;
      })
      .toBe(true);
    const layout = await readLayout();
    expect(layout.scrolls).toBe(true);
    expect(layout.textAreaScroll).toBeGreaterThan(0);
    // The last line (with the phrase) is in view, so its mark is inside the box.
    expect(layout.mark.top).toBeGreaterThanOrEqual(layout.box.top);
    expect(layout.mark.bottom).toBeLessThanOrEqual(layout.box.bottom);
    await page.screenshot({ path: join(artifacts, 'phrase-warning-scrolled.png'), fullPage: true });
  });

  it('saves a note that only has a warn phrase', async () => {
    const note = '客户说我解决不了，已转交账务组跟进';
    await emptyNoteBox();
    await page.keyboard.type(note);
    expect((await marksNow()).map((mark) => mark.severity)).toEqual(['warn']);
    await page.getByTestId('customer-note-save').click();
    // The box empties first: until then its text (and the mirror behind it) matches the note too.
    await expect.poll(() => page.getByTestId('customer-note-draft').inputValue()).toBe('');
    await page.getByTestId('customer-card').getByText(note).waitFor();
    expect(await marksNow()).toEqual([]);
  });
});

describe('a rule the desk has not loaded yet', () => {
  it('main refuses the note and the card says why', async () => {
    // An administrator adds a block rule elsewhere; this desk looks again only on focus or each minute.
    await callAs(page, administratorClient, 'app:phraseRules.create', {
      rule: {
        id: 'CU-09',
        phrases: ['绝不退款'],
        category: 'custom',
        severity: 'block',
        exceptions: [],
        suggestions: ['退款需要按规定审核'],
        enabled: true,
        note: '',
      },
    });
    await emptyNoteBox();
    await page.keyboard.type('告诉客户绝不退款');
    expect(await marksNow()).toEqual([]);
    await page.getByTestId('customer-note-save').click();
    expect(await page.getByTestId('customer-note-error').innerText({ timeout: 10_000 })).toContain('禁止发送的用语');
    expect(await page.getByTestId('customer-note-draft').inputValue()).toBe('告诉客户绝不退款');
    // Once the desk looks again (here: the window regains focus), the phrase is marked and saving is off.
    await page.evaluate(() => (globalThis as unknown as { dispatchEvent: (event: Event) => boolean }).dispatchEvent(new Event('focus')));
    await page.locator('[data-testid="customer-note-draft-mark"][data-severity="block"]').waitFor();
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(true);
    // Editing the text hides main's refusal; without the phrase the note can be saved.
    await page.getByTestId('customer-note-draft').focus();
    await page.keyboard.press('End');
    for (let count = 0; count < 2; count += 1) await page.keyboard.press('Backspace');
    expect(await page.getByTestId('customer-note-error').count()).toBe(0);
    expect(await marksNow()).toEqual([]);
    expect(await page.getByTestId('customer-note-save').isDisabled()).toBe(false);
  });
});
