import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, ipcMain, powerMonitor, safeStorage, session } from 'electron';
import { installApplicationMenu } from './electron/application-menu';
import { createDesktopNotifier, createPdfPrinter } from './electron/desktop-glue';
import { startCtiEndpoint } from './cti/cti-endpoint';
import { createDeskServices } from './desk-services';
import { defaultCtiPort } from './preview/preview-options';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { clientKeyOf, registerIpcHandlers } from './electron/ipc-main';
import { createSafeStorageKeychain } from './electron/keychain';
import { createMainWindow } from './electron/main-window';
import { connectPowerMonitor } from './electron/power-monitor';
import { guardSession, guardWebContents } from './electron/window-guard';
import { describeStoreFailure } from './store/store-failure-text';
import { deskEventChannel } from '../common/ipc/events';

// Wiring only: every decision lives in a tested module.

/** Where slips wait for the printer: a private folder under the desk's data. */
function slipFolder(): string {
  const folder = join(app.getPath('userData'), 'slips');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second instance must not open the same database.
  app.quit();
} else {
  void app.whenReady().then(() => {
    installApplicationMenu(process.platform);
    guardSession(session.defaultSession);
    app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
    serveAppProtocol(join(__dirname, '../renderer'));

    const services = createDeskServices({
      dataDirectory: app.getPath('userData'),
      keychain: createSafeStorageKeychain(safeStorage, process.platform),
      reportError: (channel, error) => console.error(`[seatdesk] ${channel}`, error),
      documentPrinter: createPdfPrinter(slipFolder()),
      desktopNotifier: createDesktopNotifier(),
    });
    const status = services.desk.store.status();
    if (status.failure !== null) {
      dialog.showErrorBox('Seatdesk 无法打开数据库 / cannot open its database', describeStoreFailure(status.failure));
      app.quit();
      return;
    }
    registerIpcHandlers(ipcMain, services.dispatch);
    connectPowerMonitor(powerMonitor, services.seatLock);
    const cti = startCtiEndpoint(
      services.desk,
      { dataDirectory: app.getPath('userData'), port: Number(process.env.SEATDESK_CTI_PORT ?? defaultCtiPort), environment: process.env },
      (line) => console.log(line),
    );
    const window = createMainWindow(join(__dirname, '../preload/index.js'), !app.isPackaged);
    const clientKey = clientKeyOf({ sender: window.webContents });
    // A lock or an ended session shows at once, not at the page's next poll.
    const stopEvents = services.desk.events.subscribe((target, name) => {
      if (target === clientKey && !window.isDestroyed()) window.webContents.send(deskEventChannel(name));
    });
    window.webContents.on('destroyed', () => {
      stopEvents();
      services.desk.sessions.end(clientKey);
    });
    app.on('second-instance', () => window.focus());
    app.on('before-quit', () => {
      void cti.then((server) => server?.close());
      services.close();
    });
    app.on('window-all-closed', () => app.quit());
  });
}
