import type { Session, WebContents } from 'electron';
import { decideWindowOpen, isNavigationAllowed, isPermissionGranted } from '../window/window-policy';

/** Applies the navigation, window-opening and webview rules to every web contents. */
export function guardWebContents(contents: WebContents): void {
  const refuseUnlessAllowed = (event: { preventDefault: () => void }, url: string): void => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuseUnlessAllowed(event, url));
  contents.on('will-redirect', (event, url) => refuseUnlessAllowed(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => decideWindowOpen());
}

/** Refuses every permission request and check of a session. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(isPermissionGranted()));
  session.setPermissionCheckHandler(() => isPermissionGranted());
  session.setDevicePermissionHandler(() => isPermissionGranted());
}
