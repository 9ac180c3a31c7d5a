/**
 * Pure decisions behind the Electron window: which options it gets, where it may navigate,
 * which frames may call IPC. The Electron glue only wires these; tests check them directly.
 */

/** The privileged scheme the app page is served from. */
export const appScheme = 'seatdesk';

/** The host of every app URL: `seatdesk://app/…`. */
export const appHost = 'app';

/** Where the main window starts. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** True for URLs of our own bundled page and nothing else. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Navigation away from the bundled page is never allowed (links, redirects, drag-and-drop). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** No page may open windows; external links are not a feature of a confidential desk. */
export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, geolocation, clipboard reads, …: all refused. */
export function isPermissionGranted(): false {
  return false;
}

/** The parts of Electron's WebFrameMain that the sender check needs. */
export type SenderFrame = Readonly<{ url: string; parent: unknown }> | null | undefined;

/** IPC is accepted only from the main frame of our own page: not from iframes or other origins. */
export function isTrustedSenderFrame(frame: SenderFrame): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}
