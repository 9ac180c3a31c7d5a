import { create } from 'zustand';
import type { AccountView } from '../../../common/ipc/accounts';
import type { SessionStash } from '../../../common/ipc/session';
import type { LockReason } from '../../../common/lock-policy';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';

/** The seat lock as the lock screen shows it. */
export type SeatLock = Readonly<{ reason: LockReason; lockedAt: string }>;

/** Called when main reports a lock the renderer did not ask for (idle, OS lock, suspend). */
type LockListener = (lock: SeatLock) => void;
/** Called with the drafts main hands back at unlock (same session) or sign-in (a new one). */
type StashListener = (stash: SessionStash, returnedAt: 'unlock' | 'signIn') => void;

const lockListeners = new Set<LockListener>();
const personListeners = new Set<() => void>();
const stashListeners = new Set<StashListener>();

/** Subscribes to locks decided in main; returns the unsubscribe function. */
export function onLockedByMain(listener: LockListener): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/**
 * Subscribes to every change of the person at the desk (sign-in, sign-out, session ended); the
 * listener runs before the new person is set, so it can clear what the previous one left.
 */
export function onPersonChanged(listener: () => void): () => void {
  personListeners.add(listener);
  return () => personListeners.delete(listener);
}

/** Subscribes to stashes handed back; returns the unsubscribe function. */
export function onStashReturned(listener: StashListener): () => void {
  stashListeners.add(listener);
  return () => stashListeners.delete(listener);
}

type SessionState = {
  /** The signed-in account, `null` when nobody is signed in. */
  account: AccountView | null;
  /** The seat lock; while set, only the lock screen shows. */
  locked: SeatLock | null;
  /** True once main has answered whether anyone is signed in. */
  loaded: boolean;
  /** Code of the last failed `session.current`, shown while nothing could be loaded. */
  loadErrorCode: ErrorCode | null;
  /** Why the last session ended without its owner signing out; shown once on the sign-in page. */
  endedReason: ErrorCode | null;
  load: () => Promise<void>;
  signIn: (agentId: string, password: string) => Promise<IpcFailure | null>;
  signOut: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<IpcFailure | null>;
  /** Locks the seat at once (hotkey or button), handing main the drafts to keep. */
  lock: (reason: 'hotkey' | 'button', stash: SessionStash) => Promise<void>;
  /** Unlocks with the same person's password. */
  unlock: (password: string) => Promise<IpcFailure | null>;
  /** Records an account signed in by another path (first-run setup). */
  setAccount: (account: AccountView) => void;
  /** Forgets the account after main said the session is gone; `reason` is shown on sign-in. */
  clear: (reason?: ErrorCode) => void;
};

/** The current session: who is signed in on this window. */
export const useSessionStore = create<SessionState>()((set, get) => {
  // Bumped whenever the person at the desk changes: a `session.current` answer that was
  // asked for before (e.g. on window focus, racing a sign-out) must not bring anyone back.
  let generation = 0;
  // Bumped when this page locks or unlocks: a session answer asked for before that is stale.
  let lockChanges = 0;

  function changePerson(next: Partial<SessionState>): void {
    generation += 1;
    for (const listener of personListeners) listener();
    set({ loaded: true, loadErrorCode: null, ...next });
  }

  return {
    account: null,
    locked: null,
    loaded: false,
    loadErrorCode: null,
    endedReason: null,
    load: async () => {
      const startedIn = generation;
      const lockChangesAtStart = lockChanges;
      const hadAccount = get().account !== null;
      // Before the first answer the error screen is showing; clearing it shows progress again.
      if (!get().loaded) set({ loadErrorCode: null });
      const result = await getApi().session.current({});
      if (startedIn !== generation) return;
      if (!result.ok) {
        set({ loadErrorCode: result.code });
        return;
      }
      if (lockChangesAtStart !== lockChanges) return;
      const { account, locked } = result.value;
      if (hadAccount && account === null) {
        // Main ended the session (disabled, reset, another sign-in): a change of person.
        changePerson({ account: null, locked: null, endedReason: 'NOT_SIGNED_IN' });
        return;
      }
      const lockedBefore = get().locked;
      // Only unlock() ends a lock: an answer asked for before a hotkey lock must not undo it.
      const nextLocked = lockedBefore ?? locked;
      set({ account, locked: nextLocked, loaded: true, loadErrorCode: null });
      if (lockedBefore === null && locked !== null) for (const listener of lockListeners) listener(locked);
    },
    signIn: async (agentId, password) => {
      const result = await getApi().session.signIn({ agentId, password });
      if (!result.ok) return result;
      changePerson({ account: result.value.account, locked: null, endedReason: null });
      const { stash } = result.value;
      if (stash !== null) for (const listener of stashListeners) listener(stash, 'signIn');
      return null;
    },
    signOut: async () => {
      // The account leaves the screen at once, before main answers.
      changePerson({ account: null, locked: null, endedReason: null });
      const result = await getApi().session.signOut({});
      // NOT_SIGNED_IN: the session was already gone (a second click): that is signed out too.
      if (!result.ok && result.code !== 'NOT_SIGNED_IN') set({ endedReason: result.code });
    },
    changePassword: async (currentPassword, newPassword) => {
      const result = await getApi().session.changePassword({ currentPassword, newPassword });
      if (!result.ok) return result;
      set({ account: result.value.account });
      return null;
    },
    lock: async (reason, stash) => {
      if (get().locked !== null) return;
      lockChanges += 1;
      // The screen locks before main answers: nothing waits on the network to hide a customer.
      set({ locked: { reason, lockedAt: new Date().toISOString() } });
      await getApi().session.lock({ reason, stash });
    },
    unlock: async (password) => {
      const startedIn = generation;
      const result = await getApi().session.unlock({ password });
      if (startedIn !== generation) return null;
      if (!result.ok) return result;
      lockChanges += 1;
      set({ account: result.value.account, locked: null });
      const { stash } = result.value;
      if (stash !== null) for (const listener of stashListeners) listener(stash, 'unlock');
      return null;
    },
    setAccount: (account) => changePerson({ account, locked: null, endedReason: null }),
    clear: (reason) => changePerson({ account: null, locked: null, endedReason: reason ?? null }),
  };
});
