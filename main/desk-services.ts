import { randomBytes } from 'node:crypto';
import type { DeskContext } from './desk-context';
import { createDispatcher, type Dispatch, type ErrorReporter } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import type { Keychain } from './security/database-key';
import { defaultPasswordCost, hashPassword, type ScryptCost } from './security/password-hashing';
import { createSessionRegistry } from './session/session-registry';
import { createDeskStore } from './store/desk-store';

/** Options of {@link createDeskServices}: main (Electron or preview) decides each. */
export type DeskServiceOptions = Readonly<{
  dataDirectory: string;
  keychain: Keychain | undefined;
  reportError: ErrorReporter;
  now?: () => Date;
  /** Lower only in tests: the cost is stored in each hash, so verification never depends on it. */
  passwordCost?: ScryptCost;
  passphraseCost?: ScryptCost;
}>;

/** Everything main runs, in plain Node: the same for Electron and the loopback preview. */
export type DeskServices = Readonly<{ desk: DeskContext; dispatch: Dispatch; close: () => void }>;

/** Builds the store, the sessions and the dispatcher. A keychain-protected store opens here. */
export function createDeskServices(options: DeskServiceOptions): DeskServices {
  const passwordCost = options.passwordCost ?? defaultPasswordCost;
  const desk: DeskContext = {
    store: createDeskStore({
      dataDirectory: options.dataDirectory,
      keychain: options.keychain,
      ...(options.passphraseCost === undefined ? {} : { passphraseCost: options.passphraseCost }),
    }),
    sessions: createSessionRegistry(),
    now: options.now ?? (() => new Date()),
    passwordCost,
    decoyPasswordHash: hashPassword(randomBytes(24).toString('base64'), passwordCost),
  };
  return {
    desk,
    dispatch: createDispatcher(desk, createHandlers(desk), options.reportError),
    close: () => desk.store.close(),
  };
}
