import { randomBytes } from 'node:crypto';
import { checkpointWal } from '../db/connection';
import { auditSealingMilliseconds, sealRecentAuditBlocks } from './audit/audit-sealing';
import type { DeskContext } from './desk-context';
import { createDispatcher, type Dispatch, type ErrorReporter } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import type { Keychain } from './security/database-key';
import type { DocumentPrinter } from './slips/document-printer';
import type { DesktopNotifier } from './tickets/desktop-notifier';
import { defaultPasswordCost, hashPassword, type ScryptCost } from './security/password-hashing';
import { lockSeatsForOsEvent, recordSeatActivity, seatLockTickMilliseconds, tickSeatLocks } from './session/seat-lock';
import { createSessionRegistry } from './session/session-registry';
import { createDeskEventHub } from './events/desk-events';
import { createLiveTranscripts } from './calls/live-transcripts';
import type { OsLockEvent } from '../common/lock-policy';
import { auditSealsExtensionFile } from './audit/audit-seals-extension';
import { createDeskStore } from './store/desk-store';

/** Options of {@link createDeskServices}: main (Electron or preview) decides each. */
export type DeskServiceOptions = Readonly<{
  dataDirectory: string;
  keychain: Keychain | undefined;
  reportError: ErrorReporter;
  now?: () => Date;
  /** The zone recorded in audit entries; defaults to the system's. */
  timeZone?: string;
  /** Lower only in tests: the cost is stored in each hash, so verification never depends on it. */
  passwordCost?: ScryptCost;
  passphraseCost?: ScryptCost;
  /** Where printed slips go (Electron's glue); without one the page downloads the PDF. */
  documentPrinter?: DocumentPrinter;
  /** Desktop notifications (Electron's glue); the page warns inside the window as well. */
  desktopNotifier?: DesktopNotifier;
  /** Whether a timer ticks the idle lock (tests tick by hand with a fake clock). */
  tickSeatLocks?: boolean;
}>;

/** How often main copies the WAL into the database file, between clicks. */
const walCheckpointMilliseconds = 5_000;

/** Everything main runs, in plain Node: the same for Electron and the loopback preview. */
export type DeskServices = Readonly<{
  desk: DeskContext;
  dispatch: Dispatch;
  /** The seat-lock inputs main's glue feeds: OS events, system input times, clock ticks. */
  seatLock: Readonly<{
    osEvent: (event: OsLockEvent) => void;
    /** Input seen on the machine `idleSeconds` ago (Electron's system idle time). */
    systemActivity: (idleSeconds: number) => void;
    tick: () => void;
  }>;
  close: () => void;
}>;

/** Builds the store, the sessions and the dispatcher. A keychain-protected store opens here. */
export function createDeskServices(options: DeskServiceOptions): DeskServices {
  const passwordCost = options.passwordCost ?? defaultPasswordCost;
  const events = createDeskEventHub((error) => options.reportError('desk-events', error));
  const extensionFile = auditSealsExtensionFile();
  const desk: DeskContext = {
    store: createDeskStore({
      dataDirectory: options.dataDirectory,
      keychain: options.keychain,
      ...(options.passphraseCost === undefined ? {} : { passphraseCost: options.passphraseCost }),
      ...(extensionFile === undefined
        ? {}
        : {
            auditSealsExtension: {
              file: extensionFile,
              unavailable: (reason: string) => options.reportError('audit-seals-extension', new Error(`${extensionFile}: ${reason}`)),
            },
          }),
    }),
    sessions: createSessionRegistry((clientKey) => events.emit(clientKey, 'sessionChanged')),
    events,
    liveTranscripts: createLiveTranscripts(),
    now: options.now ?? (() => new Date()),
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    passwordCost,
    documentPrinter: options.documentPrinter,
    desktopNotifier: options.desktopNotifier,
    decoyPasswordHash: hashPassword(randomBytes(24).toString('base64'), passwordCost),
  };
  const guardedReport = (channel: string, run: () => void) => () => {
    try {
      run();
    } catch (error) {
      options.reportError(channel, error);
    }
  };
  const guarded = (run: () => void) => guardedReport('seat-lock', run);
  const tick = guarded(() => tickSeatLocks(desk));
  const timer = options.tickSeatLocks === false ? undefined : setInterval(tick, seatLockTickMilliseconds);
  timer?.unref();
  const checkpoint = guardedReport('wal-checkpoint', () => {
    const db = desk.store.connectionIfOpen();
    if (db !== undefined) checkpointWal(db);
  });
  const checkpointTimer = setInterval(checkpoint, walCheckpointMilliseconds);
  checkpointTimer.unref();
  const sealing = guardedReport('audit-sealing', () => sealRecentAuditBlocks(desk));
  const sealingTimer = setInterval(sealing, auditSealingMilliseconds);
  sealingTimer.unref();
  return {
    desk,
    dispatch: createDispatcher(desk, createHandlers(desk), options.reportError),
    seatLock: {
      osEvent: (event) => guarded(() => lockSeatsForOsEvent(desk, event))(),
      systemActivity: (idleSeconds) =>
        guarded(() => recordSeatActivity(desk, undefined, desk.now().getTime() - idleSeconds * 1000))(),
      tick,
    },
    close: () => {
      if (timer !== undefined) clearInterval(timer);
      clearInterval(checkpointTimer);
      clearInterval(sealingTimer);
      desk.store.close();
    },
  };
}
