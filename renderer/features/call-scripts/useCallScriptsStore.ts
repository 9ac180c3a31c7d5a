import { create } from 'zustand';
import type { CallScript } from '../../../common/call-scripts/script';
import type { RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { ErrorCode, IpcFailure, IpcResult } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

/** What `callScripts.import` answers: counts, or the problems of a file that imported nothing. */
export type CallScriptsImportResponse = ResponseOf<'callScripts', 'import'>;
/** An exported scripts file. */
export type CallScriptsExportResponse = ResponseOf<'callScripts', 'export'>;

type CallScriptsState = {
  /** Every script, in display order. */
  scripts: CallScript[];
  loading: boolean;
  /** True once the list has been fetched at least once. */
  loaded: boolean;
  /** Code of the last failed list load, cleared by the next successful one. */
  loadErrorCode: ErrorCode | null;
  load: () => Promise<IpcFailure | null>;
  /** Saves a script (`previousId`: the ID it had before the edit); the list is read again. */
  save: (script: CallScript, previousId?: string) => Promise<IpcFailure | null>;
  remove: (id: string) => Promise<IpcFailure | null>;
  /** Imports a file; when it was imported the list is read again. */
  importScripts: (request: RequestOf<'callScripts', 'import'>) => Promise<IpcResult<CallScriptsImportResponse>>;
  exportScripts: () => Promise<IpcResult<CallScriptsExportResponse>>;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

/** The call scripts (话术脚本) as administrators edit them and team leads read and export them. */
export const useCallScriptsStore = create<CallScriptsState>()((set, get) => {
  // Answers that arrive after a reset (the page closed, a lock, a sign-out) are dropped.
  const guard = createGenerationGuard();
  let generation = 0;

  async function load(): Promise<IpcFailure | null> {
    set({ loading: true });
    const startedIn = generation;
    const failure = await guard.settle(getApi().callScripts.list({}), (value) => set({ scripts: value.scripts, loaded: true, loadErrorCode: null }));
    if (startedIn !== generation) return null;
    set(failure === null ? { loading: false } : { loading: false, loadErrorCode: failure.code });
    return failure;
  }

  return {
    scripts: [],
    loading: false,
    loaded: false,
    loadErrorCode: null,
    load,
    save: async (script, previousId) => {
      const failure = await guard.settle(getApi().callScripts.save(previousId === undefined ? { script } : { script, previousId }), () => undefined);
      if (failure === null) await load();
      return failure;
    },
    remove: async (id) =>
      guard.settle(getApi().callScripts.remove({ id }), () => set({ scripts: get().scripts.filter((script) => script.id !== id) })),
    importScripts: async (request) => {
      const result = await getApi().callScripts.import(request);
      if (result.ok && result.value.imported) await load();
      return result;
    },
    exportScripts: () => getApi().callScripts.export({}),
    reset: () => {
      guard.reset();
      generation += 1;
      set({ scripts: [], loading: false, loaded: false, loadErrorCode: null });
    },
  };
});
