import { create } from 'zustand';
import { isSameAgentId, type AccountView } from '../../../common/ipc/accounts';
import type { RequestOf } from '../../../common/ipc/contract';
import type { ErrorCode, IpcResult } from '../../../common/ipc/result';
import type { AccountStatus } from '../../../common/roles';
import { getApi } from '../../api/api';

type AccountResult = IpcResult<{ account: AccountView }>;

type AgentsState = {
  accounts: AccountView[];
  loading: boolean;
  /** True once the list has been fetched at least once. */
  loaded: boolean;
  /** Code of the last failed list load, cleared by the next successful one. */
  loadErrorCode: ErrorCode | null;
  load: () => Promise<void>;
  create: (request: RequestOf<'agents', 'create'>) => Promise<AccountResult>;
  update: (request: RequestOf<'agents', 'update'>) => Promise<AccountResult>;
  setStatus: (agentId: string, status: AccountStatus) => Promise<AccountResult>;
  resetPassword: (agentId: string, temporaryPassword: string) => Promise<AccountResult>;
  liftLockout: (agentId: string) => Promise<AccountResult>;
  /** Forgets everything, so the next administrator never sees the previous one's list. */
  reset: () => void;
};

function replaceAccount(accounts: AccountView[], changed: AccountView): AccountView[] {
  const exists = accounts.some((account) => isSameAgentId(account.agentId, changed.agentId));
  return exists
    ? accounts.map((account) => (isSameAgentId(account.agentId, changed.agentId) ? changed : account))
    : [...accounts, changed];
}

/** Accounts as administrators manage them. */
export const useAgentsStore = create<AgentsState>()((set, get) => {
  // Bumped by reset(): an answer to a call made before it (by the previous person at the
  // desk) is dropped instead of filling the store again.
  let generation = 0;

  function settle(result: AccountResult, startedIn: number): AccountResult {
    if (startedIn !== generation) return result;
    if (result.ok) set({ accounts: replaceAccount(get().accounts, result.value.account) });
    return result;
  }

  return {
    accounts: [],
    loading: false,
    loaded: false,
    loadErrorCode: null,
    load: async () => {
      const startedIn = generation;
      set({ loading: true });
      const result = await getApi().agents.list({});
      if (startedIn !== generation) return;
      if (result.ok) {
        set({ accounts: result.value.accounts, loading: false, loaded: true, loadErrorCode: null });
      } else {
        set({ loading: false, loadErrorCode: result.code });
      }
    },
    create: async (request) => {
      const startedIn = generation;
      return settle(await getApi().agents.create(request), startedIn);
    },
    update: async (request) => {
      const startedIn = generation;
      return settle(await getApi().agents.update(request), startedIn);
    },
    setStatus: async (agentId, status) => {
      const startedIn = generation;
      return settle(await getApi().agents.setStatus({ agentId, status }), startedIn);
    },
    resetPassword: async (agentId, temporaryPassword) => {
      const startedIn = generation;
      return settle(await getApi().agents.resetPassword({ agentId, temporaryPassword }), startedIn);
    },
    liftLockout: async (agentId) => {
      const startedIn = generation;
      return settle(await getApi().agents.liftLockout({ agentId }), startedIn);
    },
    reset: () => {
      generation += 1;
      set({ accounts: [], loading: false, loaded: false, loadErrorCode: null });
    },
  };
});
