import { contextBridge, ipcRenderer } from 'electron';
import { listChannels } from '../common/ipc/contract';

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

contextBridge.exposeInMainWorld(
  'seatdesk',
  buildPreloadApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
