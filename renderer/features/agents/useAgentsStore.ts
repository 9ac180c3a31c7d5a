import { create } from 'zustand';
import type { AccountView } from '../../../common/ipc/accounts';
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
  /** Code of the last failed call, shown by the page that made it. */
  errorCode: ErrorCode | null;
  /** Code of the last failed list load, cleared by the next successful one. */
  loadErrorCode: ErrorCode | null;
  load: () => Promise<void>;
  create: (request: RequestOf<'agents', 'create'>) => Promise<AccountResult>;
  update: (request: RequestOf<'agents', 'update'>) => Promise<AccountResult>;
  setStatus: (agentId: string, status: AccountStatus) => Promise<AccountResult>;
  resetPassword: (agentId: string, temporaryPassword: string) => Promise<AccountResult>;
  /** Forgets everything, so the next administrator never sees the previous one's list. */
  reset: () => void;
};

function sameAgentId(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

function replaceAccount(accounts: AccountView[], changed: AccountView): AccountView[] {
  const exists = accounts.some((account) => sameAgentId(account.agentId, changed.agentId));
  return exists
    ? accounts.map((account) => (sameAgentId(account.agentId, changed.agentId) ? changed : account))
    : [...accounts, changed];
}

/** Accounts as administrators manage them. */
export const useAgentsStore = create<AgentsState>()((set, get) => {
  function settle(result: AccountResult): AccountResult {
    if (result.ok) set({ accounts: replaceAccount(get().accounts, result.value.account), errorCode: null });
    else set({ errorCode: result.code });
    return result;
  }

  return {
    accounts: [],
    loading: false,
    loaded: false,
    errorCode: null,
    loadErrorCode: null,
    load: async () => {
      set({ loading: true });
      const result = await getApi().agents.list({});
      if (result.ok) {
        set({ accounts: result.value.accounts, loading: false, loaded: true, errorCode: null, loadErrorCode: null });
      } else {
        set({ loading: false, errorCode: result.code, loadErrorCode: result.code });
      }
    },
    create: async (request) => settle(await getApi().agents.create(request)),
    update: async (request) => settle(await getApi().agents.update(request)),
    setStatus: async (agentId, status) => settle(await getApi().agents.setStatus({ agentId, status })),
    resetPassword: async (agentId, temporaryPassword) =>
      settle(await getApi().agents.resetPassword({ agentId, temporaryPassword })),
    reset: () => set({ accounts: [], loading: false, loaded: false, errorCode: null, loadErrorCode: null }),
  };
});
