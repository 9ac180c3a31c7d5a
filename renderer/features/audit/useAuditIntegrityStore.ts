import { create } from 'zustand';
import type { AuditCheckpointFile, AuditVerificationProgress } from '../../../common/ipc/audit';
import type { ResponseOf } from '../../../common/ipc/contract';
import type { IpcFailure, IpcResult } from '../../../common/ipc/result';
import { getApi } from '../../api/api';

type Comparison = ResponseOf<'audit', 'compareCheckpoint'>;

type AuditIntegrityState = {
  /** The running or last verification, with its result once done. */
  verification: AuditVerificationProgress | null;
  verifying: boolean;
  comparison: Comparison | null;
  /** Starts a background verification in main and follows it until its result arrives. */
  verify: () => Promise<IpcFailure | null>;
  exportCheckpoint: () => Promise<IpcResult<ResponseOf<'audit', 'exportCheckpoint'>>>;
  compare: (checkpoint: AuditCheckpointFile) => Promise<IpcFailure | null>;
  reset: () => void;
};

const pollMilliseconds = 250;

/** The audit log's integrity: the chain verification with its progress, and signed checkpoints. */
export const useAuditIntegrityStore = create<AuditIntegrityState>()((set) => {
  // A reset (lock, sign-out) ends the generation: answers and polls of an older one are dropped.
  let generation = 0;

  return {
    verification: null,
    verifying: false,
    comparison: null,
    verify: async () => {
      const startedIn = generation;
      set({ verifying: true });
      let answer = await getApi().audit.startVerification({});
      while (startedIn === generation && answer.ok) {
        set({ verification: answer.value });
        if (answer.value.done) break;
        await new Promise((resolve) => window.setTimeout(resolve, pollMilliseconds));
        if (startedIn !== generation) break;
        answer = await getApi().audit.verificationProgress({ jobId: answer.value.jobId });
      }
      if (startedIn !== generation) return null;
      set({ verifying: false });
      return answer.ok ? null : answer;
    },
    exportCheckpoint: () => getApi().audit.exportCheckpoint({}),
    compare: async (checkpoint) => {
      const startedIn = generation;
      const answer = await getApi().audit.compareCheckpoint({ checkpoint });
      if (startedIn !== generation) return null;
      if (!answer.ok) return answer;
      set({ comparison: answer.value });
      return null;
    },
    reset: () => {
      generation += 1;
      set({ verification: null, verifying: false, comparison: null });
    },
  };
});
