import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { callAs, createAdministrator, createPerson } from './bridge-calls';
import { launchBrowser } from './browser';
import { removeDataDirectory, startPreview, type PreviewProcess } from './preview-process';

/** Where browser tests leave their screenshots. */
export const artifacts = join(__dirname, '../artifacts');
/** The bridge client the team lead's setup calls use. */
export const leadClient = 'e2e-lead-client';
/** The seat agent who takes the calls. */
export const agent = { agentId: '1001', name: '李坐席', role: 'agent', team: '一组', password: 'Seat-agent-desk-2026!' } as const;
/** The agent's team lead, who records the caller. */
export const lead = { agentId: '2001', name: '周班长', role: 'team_lead', team: '一组', password: 'Team-lead-desk-2026!' } as const;
/** The number the simulator calls from: 王建国's. */
export const callerPhone = '13812345678';

const administratorClient = 'e2e-administrator-client';

/** A running preview with a browser page on it. */
export type CallDesk = Readonly<{ preview: PreviewProcess; browser: Browser; page: Page; close: () => Promise<void> }>;

/**
 * A desk ready to take calls: an administrator, agent 1001 and lead 2001 of 一组, the caller
 * 王建国 (male, 13812345678) recorded by the lead; `prepare` adds what a test needs (settings,
 * answers) through the lead's client. The page ends on the sign-in screen.
 */
export async function openCallDesk(prepare: (page: Page) => Promise<void> = async () => undefined): Promise<CallDesk> {
  mkdirSync(artifacts, { recursive: true });
  const preview = await startPreview();
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(preview.url);
  await page.locator('#setup_agentId').waitFor();
  await createAdministrator(page, administratorClient);
  await createPerson(page, administratorClient, agent);
  await createPerson(page, administratorClient, lead);
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
  await prepare(page);
  await page.reload();
  return {
    preview,
    browser,
    page,
    close: async () => {
      await browser.close();
      await preview.stop();
      removeDataDirectory(preview.dataDirectory);
    },
  };
}

/** Sets the company name and hotline the scripts use (as the administrator). */
export async function setCompany(page: Page, companyName: string, hotline: string): Promise<void> {
  const settings = (await callAs(page, administratorClient, 'app:settings.get', {})).settings;
  await callAs(page, administratorClient, 'app:settings.update', { settings: { ...settings, companyName, hotline } });
}

/** Signs the agent in through the sign-in page and waits for the call panel. */
export async function signInAgent(page: Page): Promise<void> {
  await page.locator('#signin_agentId').waitFor();
  await page.locator('#signin_agentId').fill(agent.agentId);
  await page.locator('#signin_password').fill(agent.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('call-banner').waitFor();
}
