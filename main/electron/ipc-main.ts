import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { listChannels } from '../../common/ipc/contract';
import { failure } from '../../common/ipc/result';
import type { Dispatch } from '../ipc/dispatcher';
import { isTrustedSenderFrame } from '../window/window-policy';

/** The session key of a window: one session per web contents. */
export function clientKeyOf(event: Pick<IpcMainInvokeEvent, 'sender'>): string {
  return `window:${event.sender.id}`;
}

/**
 * Registers one `ipcMain.handle` per contract channel. A call from any frame other than the
 * main frame of our own page gets `FORBIDDEN_SENDER` before its payload is looked at.
 * Channels outside the contract have no handler, so Electron rejects them.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const { name } of listChannels()) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!isTrustedSenderFrame(event.senderFrame)) {
        return failure('FORBIDDEN_SENDER', 'Calls are accepted only from the Seatdesk page.');
      }
      return dispatch(name, payload, clientKeyOf(event));
    });
  }
}
