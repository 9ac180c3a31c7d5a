import { create } from 'zustand';
import type { ApprovalView } from '../../../common/ipc/approvals';
import type { RequestOf } from '../../../common/ipc/contract';
import type { IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

type ApprovalsState = {
  mine: ApprovalView[];
  inbox: ApprovalView[];
  loadMine: () => Promise<IpcFailure | null>;
  loadInbox: () => Promise<IpcFailure | null>;
  request: (request: RequestOf<'approvals', 'request'>) => Promise<IpcFailure | null>;
  decide: (approvalId: number, approve: boolean, note: string) => Promise<IpcFailure | null>;
  withdraw: (approvalId: number) => Promise<IpcFailure | null>;
  reset: () => void;
};

function replace(list: ApprovalView[], changed: ApprovalView): ApprovalView[] {
  return list.some((item) => item.id === changed.id)
    ? list.map((item) => (item.id === changed.id ? changed : item))
    : [changed, ...list];
}

/** Approval requests: the person's own, and a team lead's inbox. */
export const useApprovalsStore = create<ApprovalsState>()((set, get) => {
  // Answers that arrive after a lock or sign-out are dropped.
  const { settle, reset } = createGenerationGuard();

  return {
    mine: [],
    inbox: [],
    loadMine: () => settle(getApi().approvals.mine({}), (value) => set({ mine: value.approvals })),
    loadInbox: () => settle(getApi().approvals.inbox({}), (value) => set({ inbox: value.approvals })),
    request: (request) => settle(getApi().approvals.request(request), (value) => set({ mine: replace(get().mine, value.approval) })),
    decide: (approvalId, approve, note) =>
      settle(getApi().approvals.decide({ approvalId, approve, note }), (value) => set({ inbox: replace(get().inbox, value.approval) })),
    withdraw: (approvalId) =>
      settle(getApi().approvals.withdraw({ approvalId }), (value) => set({ mine: replace(get().mine, value.approval) })),
    reset: () => {
      reset();
      set({ mine: [], inbox: [] });
    },
  };
});
