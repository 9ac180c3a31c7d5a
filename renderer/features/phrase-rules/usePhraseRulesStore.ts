import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { RulebookFormat } from '../../../common/ipc/phrase-rules';
import type { ErrorCode, IpcFailure, IpcResult } from '../../../common/ipc/result';
import type { PhraseRule } from '../../../common/phrase-engine/rulebook';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';
import { usePhraseEngineStore } from '../phrase-warnings/usePhraseEngineStore';

/** What `phraseRules.test` answers: the hits of a sentence. */
export type PhraseTestResponse = ResponseOf<'phraseRules', 'test'>;
/** One hit of a tested sentence. */
export type PhraseTestHit = PhraseTestResponse['hits'][number];
/** What `phraseRules.import` answers: counts, or the problems of a file that imported nothing. */
export type RulebookImportResponse = ResponseOf<'phraseRules', 'import'>;
/** An exported rulebook file. */
export type RulebookExportResponse = ResponseOf<'phraseRules', 'export'>;

type PhraseRulesState = {
  /** Every rule, in the rulebook's display order. */
  rules: PhraseRule[];
  loading: boolean;
  /** True once the list has been fetched at least once. */
  loaded: boolean;
  /** Code of the last failed list load, cleared by the next successful one. */
  loadErrorCode: ErrorCode | null;
  /** IDs of the rules whose update (such as the inline enabled switch) is on its way. */
  saving: readonly string[];
  load: () => Promise<IpcFailure | null>;
  create: (rule: PhraseRule) => Promise<IpcFailure | null>;
  update: (rule: PhraseRule) => Promise<IpcFailure | null>;
  remove: (id: string) => Promise<IpcFailure | null>;
  /** Checks a sentence against the stored rulebook, or against it with `draft` saved. Changes nothing. */
  test: (text: string, draft?: PhraseRule) => Promise<IpcResult<PhraseTestResponse>>;
  /** Imports a file; on success the list is read again (a merge or a replacement changes many rules). */
  importRulebook: (request: RequestOf<'phraseRules', 'import'>) => Promise<IpcResult<RulebookImportResponse>>;
  exportRulebook: (format: RulebookFormat) => Promise<IpcResult<RulebookExportResponse>>;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

/** After a change this desk made: its own text boxes check against the new rulebook at once. */
function refreshEngineAfter<Result extends IpcFailure | null>(failure: Result): Result {
  if (failure === null) void usePhraseEngineStore.getState().refresh();
  return failure;
}

function replaceRule(rules: PhraseRule[], changed: PhraseRule): PhraseRule[] {
  return rules.some((rule) => rule.id === changed.id)
    ? rules.map((rule) => (rule.id === changed.id ? changed : rule))
    : [...rules, changed];
}

/** The banned-phrase rulebook as administrators manage it and team leads read it. */
export const usePhraseRulesStore = create<PhraseRulesState>()((set, get) => {
  // Answers that arrive after a reset (the page closed, a lock, a sign-out) are dropped.
  const guard = createGenerationGuard();
  let generation = 0;

  async function load(): Promise<IpcFailure | null> {
    set({ loading: true });
    const startedIn = generation;
    const failure = await guard.settle(getApi().phraseRules.list({}), (value) =>
      set({ rules: value.rules, loaded: true, loadErrorCode: null }),
    );
    if (startedIn !== generation) return null;
    set(failure === null ? { loading: false } : { loading: false, loadErrorCode: failure.code });
    return failure;
  }

  return {
    rules: [],
    loading: false,
    loaded: false,
    loadErrorCode: null,
    saving: [],
    load,
    create: async (rule) =>
      refreshEngineAfter(
        await guard.settle(getApi().phraseRules.create({ rule }), (value) => set({ rules: replaceRule(get().rules, value.rule) })),
      ),
    update: async (rule) => {
      const startedIn = generation;
      set({ saving: [...get().saving, rule.id] });
      const failure = await guard.settle(getApi().phraseRules.update({ rule }), (value) =>
        set({ rules: replaceRule(get().rules, value.rule) }),
      );
      if (startedIn === generation) set({ saving: get().saving.filter((id) => id !== rule.id) });
      return refreshEngineAfter(failure);
    },
    remove: async (id) =>
      refreshEngineAfter(
        await guard.settle(getApi().phraseRules.remove({ id }), () => set({ rules: get().rules.filter((rule) => rule.id !== id) })),
      ),
    test: (text, draft) => getApi().phraseRules.test(draft === undefined ? { text } : { text, draft }),
    importRulebook: async (request) => {
      const result = await getApi().phraseRules.import(request);
      if (result.ok && result.value.imported) {
        void usePhraseEngineStore.getState().refresh();
        await load();
      }
      return result;
    },
    exportRulebook: (format) => getApi().phraseRules.export({ format }),
    reset: () => {
      guard.reset();
      generation += 1;
      set({ rules: [], loading: false, loaded: false, loadErrorCode: null, saving: [] });
    },
  };
});
