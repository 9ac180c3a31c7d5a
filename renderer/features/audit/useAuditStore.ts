import { create } from 'zustand';
import type { AuditCheckpointFile, AuditEntryView } from '../../../common/ipc/audit';
import type { ResponseOf } from '../../../common/ipc/contract';
import type { IpcFailure, IpcResult } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

type Verification = ResponseOf<'audit', 'verify'>;
type Comparison = ResponseOf<'audit', 'compareCheckpoint'>;

type AuditState = {
  entries: AuditEntryView[];
  total: number;
  verification: Verification | null;
  comparison: Comparison | null;
  /** Loads the newest page, or with `older` the page before the last entry shown. */
  load: (older?: boolean) => Promise<IpcFailure | null>;
  verify: () => Promise<IpcFailure | null>;
  exportCheckpoint: () => Promise<IpcResult<ResponseOf<'audit', 'exportCheckpoint'>>>;
  compare: (checkpoint: AuditCheckpointFile) => Promise<IpcFailure | null>;
  reset: () => void;
};

const pageSize = 100;

/** The audit log as a lead or administrator reviews it. Every read is audited in main. */
export const useAuditStore = create<AuditState>()((set, get) => {
  // Answers that arrive after a lock or sign-out are dropped.
  const { settle, reset } = createGenerationGuard();

  return {
    entries: [],
    total: 0,
    verification: null,
    comparison: null,
    load: (older = false) => {
      const last = get().entries.at(-1);
      const beforeSeq = older && last !== undefined ? last.seq : undefined;
      return settle(
        getApi().audit.list(beforeSeq === undefined ? { limit: pageSize } : { limit: pageSize, beforeSeq }),
        (value) => set({ entries: older ? [...get().entries, ...value.entries] : value.entries, total: value.total }),
      );
    },
    verify: () => settle(getApi().audit.verify({}), (value) => set({ verification: value })),
    exportCheckpoint: () => getApi().audit.exportCheckpoint({}),
    compare: (checkpoint) => settle(getApi().audit.compareCheckpoint({ checkpoint }), (value) => set({ comparison: value })),
    reset: () => {
      reset();
      set({ entries: [], total: 0, verification: null, comparison: null });
    },
  };
});
