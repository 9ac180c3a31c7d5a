import { create } from 'zustand';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import type { StoreStatus } from '../../../common/ipc/store';
import { getApi } from '../../api/api';

type StoreStatusState = {
  /** The last status main reported; `null` until the first answer. */
  status: StoreStatus | null;
  loading: boolean;
  /** Code of the last failed status load, shown by the start-up and store-failure screens. */
  errorCode: ErrorCode | null;
  load: () => Promise<void>;
  /** Returns the failure, if any, so the form can mark its field. */
  unlock: (passphrase: string) => Promise<IpcFailure | null>;
};

/** Where the encrypted desk store stands: decides which screen the app shows first. */
export const useStoreStatusStore = create<StoreStatusState>()((set) => ({
  status: null,
  loading: false,
  errorCode: null,
  load: async () => {
    set({ loading: true, errorCode: null });
    const result = await getApi().store.status({});
    if (result.ok) set({ status: result.value, loading: false, errorCode: null });
    else set({ loading: false, errorCode: result.code });
  },
  unlock: async (passphrase) => {
    const result = await getApi().store.unlock({ passphrase });
    if (!result.ok) return result;
    set({ status: result.value, errorCode: null });
    return null;
  },
}));
