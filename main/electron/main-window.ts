import { BrowserWindow } from 'electron';
import { appEntryUrl, createMainWindowOptions } from '../window/window-policy';

/** Creates the one desk window: hardened options, content protection against screen capture. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(createMainWindowOptions(preloadPath));
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}
