import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (playwright's own browser download cannot work here). */
export const chromiumPath = process.env.SEATDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium (playwright gives it a fresh temporary profile) with no background networking. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in through the sign-in form and waits for the workspace header. */
export async function signInThroughPage(page: Page, agentId: string, password: string): Promise<void> {
  await page.locator('#signin_agentId').waitFor();
  await page.locator('#signin_agentId').fill(agentId);
  await page.locator('#signin_password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('header-agent-id').waitFor();
}
