import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, Notification, shell } from 'electron';
import type { DocumentPrinter } from '../slips/document-printer';
import type { DesktopNotifier } from '../tickets/desktop-notifier';

/** Desktop notifications through the operating system (where it offers them). */
export function createDesktopNotifier(): DesktopNotifier {
  return {
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
  };
}

/**
 * Prints a PDF: Chromium's PDF viewer opens it in a window of its own (no preload, sandboxed,
 * the file's folder private to the desk) and the system print dialog comes up. Where printing
 * fails, the system's PDF viewer opens the file instead, so the slip is never lost.
 */
export function createPdfPrinter(folder: string): DocumentPrinter {
  return {
    printPdf: async (pdf, title) => {
      const file = join(folder, `${title.replace(/[^0-9A-Za-z-]/g, '_')}.pdf`);
      await writeFile(file, pdf, { mode: 0o600 });
      const window = new BrowserWindow({
        width: 620,
        height: 860,
        show: false,
        title,
        autoHideMenuBar: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          disableBlinkFeatures: 'Auxclick',
          navigateOnDragDrop: false,
          safeDialogs: true,
          // Chromium's PDF viewer is a plugin.
          plugins: true,
          devTools: false,
        },
      });
      window.setContentProtection(true);
      const printed = await new Promise<boolean>((resolve) => {
        window.webContents.once('did-finish-load', () => {
          window.show();
          window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
        });
        window.webContents.once('did-fail-load', () => resolve(false));
        void window.loadURL(pathToFileURL(file).toString());
      });
      if (!window.isDestroyed()) window.close();
      if (!printed) {
        await shell.openPath(file);
        return false;
      }
      await rm(file, { force: true });
      return true;
    },
  };
}
