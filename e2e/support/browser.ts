import { chromium, type Browser } from 'playwright-core';

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
