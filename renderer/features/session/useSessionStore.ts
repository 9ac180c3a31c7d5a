import { create } from 'zustand';
import type { AccountView } from '../../../common/ipc/accounts';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';

type SessionState = {
  /** The signed-in account, `null` when nobody is signed in. */
  account: AccountView | null;
  /** True once main has answered whether anyone is signed in. */
  loaded: boolean;
  /** Code of the last failed call, shown by the page that made it. */
  errorCode: ErrorCode | null;
  load: () => Promise<void>;
  signIn: (agentId: string, password: string) => Promise<IpcFailure | null>;
  signOut: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<IpcFailure | null>;
  /** Records an account signed in by another path (first-run setup). */
  setAccount: (account: AccountView) => void;
  /** Forgets the account after main said the session is gone; `reason` is shown on sign-in. */
  clear: (reason?: ErrorCode) => void;
  clearError: () => void;
};

/** The current session: who is signed in on this window. */
export const useSessionStore = create<SessionState>()((set, get) => ({
  account: null,
  loaded: false,
  errorCode: null,
  load: async () => {
    const { account: previousAccount, loaded } = get();
    const hadAccount = previousAccount !== null;
    // Before the first answer the error screen is showing; clearing it shows progress again.
    if (!loaded) set({ errorCode: null });
    const result = await getApi().session.current({});
    if (!result.ok) {
      set({ errorCode: result.code });
      return;
    }
    const account = result.value.account;
    // Losing the account between two checks means main ended the session (disabled, say).
    const ended = hadAccount && account === null;
    set({ account, loaded: true, errorCode: ended ? 'NOT_SIGNED_IN' : null });
  },
  signIn: async (agentId, password) => {
    const result = await getApi().session.signIn({ agentId, password });
    if (result.ok) {
      set({ account: result.value.account, loaded: true, errorCode: null });
      return null;
    }
    set({ errorCode: result.code });
    return result;
  },
  signOut: async () => {
    const result = await getApi().session.signOut({});
    // Whatever main answered, this window must stop showing the account.
    set({ account: null, loaded: true, errorCode: result.ok ? null : result.code });
  },
  changePassword: async (currentPassword, newPassword) => {
    const result = await getApi().session.changePassword({ currentPassword, newPassword });
    if (result.ok) {
      set({ account: result.value.account, errorCode: null });
      return null;
    }
    set({ errorCode: result.code });
    return result;
  },
  setAccount: (account) => set({ account, loaded: true, errorCode: null }),
  clear: (reason) => set({ account: null, loaded: true, errorCode: reason ?? null }),
  clearError: () => set({ errorCode: null }),
}));
