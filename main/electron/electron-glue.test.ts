import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../common/ipc/contract';
import { appEntryUrl } from '../window/window-policy';

// No Electron binary can run here: the module is mocked and the glue's calls are recorded.
const recorded = vi.hoisted(() => ({
  windows: [] as Array<{ options: any; contentProtection: boolean | undefined; loadedUrl: string | undefined }>,
  menu: undefined as unknown,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: { options: any; contentProtection: boolean | undefined; loadedUrl: string | undefined };
    constructor(options: any) {
      this.record = { options, contentProtection: undefined, loadedUrl: undefined };
      recorded.windows.push(this.record);
    }
    setContentProtection(value: boolean) {
      this.record.contentProtection = value;
    }
    once() {}
    loadURL(url: string) {
      this.record.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => {
      recorded.menu = menu;
    },
  };
  return { BrowserWindow, Menu, protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } };
});

function fakeWebContents() {
  const listeners = new Map<string, (...args: any[]) => void>();
  let windowOpenHandler: ((details: unknown) => unknown) | undefined;
  return {
    on: (event: string, listener: (...args: any[]) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: (details: unknown) => unknown) => {
      windowOpenHandler = handler;
    },
    emit: (event: string, ...args: any[]) => listeners.get(event)?.(...args),
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    events: () => [...listeners.keys()],
  };
}

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

beforeEach(() => {
  recorded.windows.length = 0;
});

describe('Electron glue', () => {
  it('creates the window with the hardened options, content protection and our entry URL', async () => {
    const { createMainWindow } = await import('./main-window');
    createMainWindow('/app/out/preload/index.js', false);
    const [window] = recorded.windows;
    expect(window?.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(window?.options).not.toHaveProperty('parent');
    expect(window?.contentProtection).toBe(true);
    expect(window?.loadedUrl).toBe(appEntryUrl);
  });

  it('refuses navigation, redirects, new windows and webviews', async () => {
    const { guardWebContents } = await import('./window-guard');
    const contents = fakeWebContents();
    guardWebContents(contents as any);
    expect(contents.events().sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent();
      contents.emit(event, away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const home = navigationEvent();
      contents.emit(event, home, appEntryUrl);
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.openWindow(appEntryUrl)).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', async () => {
    const { guardSession } = await import('./window-guard');
    const handlers: Record<string, (...args: any[]) => unknown> = {};
    guardSession({
      setPermissionRequestHandler: (handler: any) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: any) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: any) => (handlers.device = handler),
    } as any);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission)).toBe(false);
    }
    expect(handlers.device?.({})).toBe(false);
  });

  it('registers one handler per channel and refuses foreign frames before dispatching', async () => {
    const { registerIpcHandlers } = await import('./ipc-main');
    const registered = new Map<string, (event: any, payload: unknown) => unknown>();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));
    registerIpcHandlers({ handle: (channel: string, handler: any) => registered.set(channel, handler) } as any, dispatch);
    expect([...registered.keys()].sort()).toEqual(listChannels().map((entry) => entry.name).sort());
    const handler = registered.get('app:session.current');
    const foreign = await handler?.({ sender: { id: 3 }, senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    const subFrame = await handler?.({ sender: { id: 3 }, senderFrame: { url: appEntryUrl, parent: {} } }, {});
    expect(subFrame).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(dispatch).not.toHaveBeenCalled();
    await handler?.({ sender: { id: 3 }, senderFrame: { url: appEntryUrl, parent: null } }, { any: 'payload' });
    expect(dispatch).toHaveBeenCalledWith('app:session.current', { any: 'payload' }, 'window:3');
  });

  it('adapts safeStorage and records the Linux backend', async () => {
    const { createSafeStorageKeychain } = await import('./keychain');
    const keychain = createSafeStorageKeychain(
      {
        getSelectedStorageBackend: () => 'basic_text',
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(text),
        decryptString: (buffer: Buffer) => buffer.toString(),
      } as any,
      'linux',
    );
    expect(keychain.backend()).toBe('basic_text');
    const { isKeychainUsable } = await import('../security/database-key');
    expect(isKeychainUsable(keychain)).toBe(false);
  });

  it('replaces the default menu: no reload, no developer tools', async () => {
    const { installApplicationMenu } = await import('./application-menu');
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      installApplicationMenu(platform);
      const roles = (recorded.menu as Array<{ role: string }>).map((item) => item.role);
      expect(roles).toContain('editMenu');
      expect(roles).not.toContain('viewMenu');
      expect(JSON.stringify(recorded.menu)).not.toMatch(/toggleDevTools|reload/i);
    }
  });
});

describe('power monitor glue', () => {
  it('locks on the OS events and on a screen found locked, and reports system input', async () => {
    vi.useFakeTimers();
    try {
      const { connectPowerMonitor } = await import('./power-monitor');
      const listeners = new Map<string, () => void>();
      let idleState = 'active';
      const powerMonitor = {
        on: (name: string, listener: () => void) => listeners.set(name, listener),
        getSystemIdleState: () => idleState,
        getSystemIdleTime: () => 42,
      };
      const osEvents: string[] = [];
      const activity: number[] = [];
      const stop = connectPowerMonitor(powerMonitor as any, {
        osEvent: (event) => osEvents.push(event),
        systemActivity: (seconds) => activity.push(seconds),
      });
      listeners.get('lock-screen')?.();
      listeners.get('suspend')?.();
      listeners.get('user-did-resign-active')?.();
      expect(osEvents).toEqual(['lock-screen', 'suspend', 'user-switch']);
      vi.advanceTimersByTime(5_000);
      expect(activity).toEqual([42]);
      idleState = 'locked';
      vi.advanceTimersByTime(5_000);
      expect(osEvents.at(-1)).toBe('lock-screen');
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
