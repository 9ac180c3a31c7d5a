import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { HandoverView, LinkedTicket } from '../../../common/ipc/handovers';
import type { ErrorCode, IpcFailure, IpcResult } from '../../../common/ipc/result';
import { getApi } from '../../api/api';

/** What an outgoing lead writes, as `handovers.write` takes it. */
export type HandoverWriteRequest = RequestOf<'handovers', 'write'>;

/** The filters of the history; null and empty mean "any". */
export type HandoverFilters = Readonly<{
  text: string;
  from: string | null;
  to: string | null;
  authorAgentId: string | null;
  /** Administrators only: one team's log. */
  team: string | null;
  unacknowledgedOnly: boolean;
}>;

/** No filter: every entry the caller reads. */
export const noHandoverFilters: HandoverFilters = { text: '', from: null, to: null, authorAgentId: null, team: null, unacknowledgedOnly: false };

/** Entries on one page of the history. */
export const handoverPageSize = 10;

type SearchResponse = ResponseOf<'handovers', 'search'>;

type HandoversState = {
  entries: HandoverView[];
  total: number;
  page: number;
  /** Unacknowledged entries of the teams shown, whatever the filters. */
  unacknowledged: number;
  authors: SearchResponse['authors'];
  teams: string[];
  /** Today in the desk's zone, '' before the first answer. */
  today: string;
  /** The filters `entries` were searched with. */
  filters: HandoverFilters;
  loading: boolean;
  /** True once a search came back. */
  loaded: boolean;
  /** Code of the last failed search, cleared by the next successful one. */
  errorCode: ErrorCode | null;
  /** Searches with these filters (default: the current ones) and shows one page (default: the first). */
  search: (filters?: HandoverFilters, page?: number) => Promise<void>;
  /** Writes an entry; on success the history is read again from its first page. */
  write: (request: HandoverWriteRequest) => Promise<IpcResult<{ entry: HandoverView }>>;
  /** A ticket to link, checked by main as `write` will check it. */
  lookupTicket: (number: string) => Promise<IpcResult<{ ticket: LinkedTicket }>>;
  /** Acknowledges an entry; the entry shown is replaced. Answers the failure, or null. */
  acknowledge: (handoverId: number, note: string) => Promise<IpcFailure | null>;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

function requestOf(filters: HandoverFilters, page: number): RequestOf<'handovers', 'search'> {
  return {
    text: filters.text.trim().slice(0, 100),
    ...(filters.from === null ? {} : { from: filters.from }),
    ...(filters.to === null ? {} : { to: filters.to }),
    ...(filters.authorAgentId === null ? {} : { authorAgentId: filters.authorAgentId }),
    ...(filters.team === null ? {} : { team: filters.team }),
    unacknowledgedOnly: filters.unacknowledgedOnly,
    page,
    pageSize: handoverPageSize,
  };
}

const initial = {
  entries: [],
  total: 0,
  page: 1,
  unacknowledged: 0,
  authors: [],
  teams: [],
  today: '',
  filters: noHandoverFilters,
  loading: false,
  loaded: false,
  errorCode: null,
} as const;

/** The shift handover log (交接班) as team leads write, read and acknowledge it and administrators read it. */
export const useHandoversStore = create<HandoversState>()((set, get) => {
  // Each search and each reset takes a new number: only the latest search's answer is applied,
  // and nothing that answers after a reset (the page closed, a lock, a sign-out) is kept.
  let latest = 0;
  let generation = 0;

  async function search(filters = get().filters, page = 1): Promise<void> {
    latest += 1;
    const mine = latest;
    set({ loading: true, filters });
    const result = await getApi().handovers.search(requestOf(filters, page));
    if (mine !== latest) return;
    if (!result.ok) {
      set({ loading: false, errorCode: result.code });
      return;
    }
    const { entries, total, unacknowledged, authors, teams, today } = result.value;
    set({ entries, total, page: result.value.page, unacknowledged, authors, teams, today, loading: false, loaded: true, errorCode: null });
  }

  return {
    ...initial,
    entries: [],
    authors: [],
    teams: [],
    search,
    write: async (request) => {
      const startedIn = generation;
      const result = await getApi().handovers.write(request);
      if (result.ok && startedIn === generation) await search(get().filters, 1);
      return result;
    },
    lookupTicket: (number) => getApi().handovers.lookupTicket({ number }),
    acknowledge: async (handoverId, note) => {
      const startedIn = generation;
      const result = await getApi().handovers.acknowledge({ handoverId, note });
      if (startedIn !== generation) return null;
      if (!result.ok) return result;
      const { entry } = result.value;
      const shown = get().entries.some((candidate) => candidate.id === entry.id && candidate.acknowledgment === null);
      set({
        entries: get().entries.map((candidate) => (candidate.id === entry.id ? entry : candidate)),
        unacknowledged: shown ? Math.max(0, get().unacknowledged - 1) : get().unacknowledged,
      });
      return null;
    },
    reset: () => {
      latest += 1;
      generation += 1;
      set({ ...initial, entries: [], authors: [], teams: [] });
    },
  };
});
