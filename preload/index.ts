import { contextBridge, ipcRenderer } from 'electron';
import { listChannels } from '../common/ipc/contract';
import { deskEventChannel, deskEventNames, type DeskEventName, type SeatdeskEvents } from '../common/ipc/events';

type ExposedApi = Record<string, Record<string, (request: unknown) => Promise<unknown>>>;

/**
 * One method per contract channel, each bound to its own channel name: the page can call
 * `seatdesk.session.signIn(...)` but never reach `ipcRenderer` or name a channel itself.
 */
function buildPreloadApi(invoke: (channel: string, request: unknown) => Promise<unknown>): ExposedApi {
  const api: ExposedApi = {};
  for (const { feature, verb, name } of listChannels()) {
    const methods = (api[feature] ??= {});
    methods[verb] = (request: unknown) => invoke(name, request);
  }
  return api;
}

/**
 * Subscriptions to the known events only. The listener gets no arguments: neither the IPC event
 * (which would reach `sender`) nor any data crosses into the page.
 */
function buildPreloadEvents(): SeatdeskEvents {
  return {
    on: (name: DeskEventName, listener: () => void) => {
      if (!(deskEventNames as readonly string[]).includes(name) || typeof listener !== 'function') return () => undefined;
      const channel = deskEventChannel(name);
      const handler = () => listener();
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  };
}

contextBridge.exposeInMainWorld(
  'seatdesk',
  buildPreloadApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
contextBridge.exposeInMainWorld('seatdeskEvents', buildPreloadEvents());
