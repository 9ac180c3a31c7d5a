import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';

/** A unified answer as `knowledge.search` and `knowledge.save` answer it. */
export type KnowledgeAnswer = ResponseOf<'knowledge', 'search'>['answers'][number];

/** What an author writes for an answer. */
export type KnowledgeAnswerInput = RequestOf<'knowledge', 'save'>['answer'];

/** What the results shown were searched for. */
export type KnowledgeQuery = Readonly<{ text: string; includeExpired: boolean }>;

/** How many answers one search shows (the channel's maximum). */
export const knowledgeSearchLimit = 50;

type KnowledgeState = {
  /** The answers of the last search that came back, best first. */
  answers: KnowledgeAnswer[];
  /** The desk's date (YYYY-MM-DD) the last search judged validity by; '' before any. */
  onDate: string;
  /** The query `answers` belong to, or null before any search came back. */
  shownQuery: KnowledgeQuery | null;
  searching: boolean;
  /** Code of the last failed search, cleared by the next successful one. */
  errorCode: ErrorCode | null;
  /** Searches; only the latest search's answer is kept (an older one arriving late is dropped). */
  search: (query: KnowledgeQuery) => Promise<void>;
  /** Adds (`id` undefined) or replaces an answer; answers the failure, or null. */
  save: (id: number | undefined, answer: KnowledgeAnswerInput) => Promise<IpcFailure | null>;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

const initial = { answers: [], onDate: '', shownQuery: null, searching: false, errorCode: null } as const;

/** The knowledge base (统一答复口径) as the page searches and team leads edit it. */
export const useKnowledgeStore = create<KnowledgeState>()((set) => {
  // Each search and each reset takes a new number; only the latest search's answer is applied.
  let latest = 0;
  let generation = 0;

  return {
    ...initial,
    answers: [],
    search: async (query) => {
      latest += 1;
      const mine = latest;
      set({ searching: true });
      const result = await getApi().knowledge.search({
        text: query.text.slice(0, 100),
        includeExpired: query.includeExpired,
        limit: knowledgeSearchLimit,
      });
      if (mine !== latest) return;
      if (result.ok) set({ answers: result.value.answers, onDate: result.value.onDate, shownQuery: query, searching: false, errorCode: null });
      else set({ searching: false, errorCode: result.code });
    },
    save: async (id, answer) => {
      const startedIn = generation;
      const result = await getApi().knowledge.save(id === undefined ? { answer } : { id, answer });
      if (startedIn !== generation || result.ok) return null;
      return result;
    },
    reset: () => {
      latest += 1;
      generation += 1;
      set({ ...initial, answers: [] });
    },
  };
});
