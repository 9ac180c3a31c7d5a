import { create } from 'zustand';
import type { CalendarYear } from '../../../common/deadline-calendar/working-calendar';
import type { ResponseOf } from '../../../common/ipc/contract';
import type { ErrorCode, IpcFailure, IpcResult } from '../../../common/ipc/result';
import type { CalendarYearView, SlaPolicyView } from '../../../common/ipc/sla-settings';
import type { SlaPolicy } from '../../../common/tickets/sla-policy';
import type { TicketCategory } from '../../../common/tickets/categories';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

/** What `slaSettings.importCalendarYears` answers: the years imported, or the problems of a file that imported nothing. */
export type CalendarImportResponse = ResponseOf<'slaSettings', 'importCalendarYears'>;

type SlaSettingsState = {
  /** Every ticket category with the policy new tickets get. */
  policies: SlaPolicyView[];
  /** Every stored calendar year, in order. */
  years: CalendarYearView[];
  /** The IANA zone deadlines are computed in. */
  timeZone: string;
  /** Today in that zone, `YYYY-MM-DD`. */
  today: string;
  loading: boolean;
  /** True once the settings have been fetched at least once. */
  loaded: boolean;
  /** Code of the last failed load, cleared by the next successful one. */
  loadErrorCode: ErrorCode | null;
  load: () => Promise<IpcFailure | null>;
  savePolicy: (policy: SlaPolicy) => Promise<IpcFailure | null>;
  resetPolicy: (category: TicketCategory) => Promise<IpcFailure | null>;
  /** Saves a year; the failure carries main's problems (`CALENDAR_YEAR_INVALID`). */
  saveCalendarYear: (calendarYear: CalendarYear) => Promise<IpcFailure | null>;
  removeCalendarYear: (year: number) => Promise<IpcFailure | null>;
  /** Imports a file; when it was imported the settings are read again. */
  importCalendarYears: (content: string) => Promise<IpcResult<CalendarImportResponse>>;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

function replacePolicy(policies: SlaPolicyView[], changed: SlaPolicyView): SlaPolicyView[] {
  return policies.map((policy) => (policy.category === changed.category ? changed : policy));
}

function replaceYear(years: CalendarYearView[], changed: CalendarYearView): CalendarYearView[] {
  return [...years.filter((year) => year.year !== changed.year), changed].sort((first, second) => first.year - second.year);
}

/** The SLA policies and the working-day calendar (服务时限) as administrators edit them and team leads read them. */
export const useSlaSettingsStore = create<SlaSettingsState>()((set, get) => {
  // Answers that arrive after a reset (the page closed, a lock, a sign-out) are dropped.
  const guard = createGenerationGuard();
  let generation = 0;

  async function load(): Promise<IpcFailure | null> {
    set({ loading: true });
    const startedIn = generation;
    const failure = await guard.settle(getApi().slaSettings.list({}), (value) => set({ ...value, loaded: true, loadErrorCode: null }));
    if (startedIn !== generation) return null;
    set(failure === null ? { loading: false } : { loading: false, loadErrorCode: failure.code });
    return failure;
  }

  return {
    policies: [],
    years: [],
    timeZone: '',
    today: '',
    loading: false,
    loaded: false,
    loadErrorCode: null,
    load,
    savePolicy: (policy) => guard.settle(getApi().slaSettings.savePolicy({ policy }), (value) => set({ policies: replacePolicy(get().policies, value.policy) })),
    resetPolicy: (category) =>
      guard.settle(getApi().slaSettings.resetPolicy({ category }), (value) => set({ policies: replacePolicy(get().policies, value.policy) })),
    saveCalendarYear: (calendarYear) =>
      guard.settle(getApi().slaSettings.saveCalendarYear({ calendarYear }), (value) => set({ years: replaceYear(get().years, value.calendarYear) })),
    removeCalendarYear: (year) =>
      guard.settle(getApi().slaSettings.removeCalendarYear({ year }), () => set({ years: get().years.filter((stored) => stored.year !== year) })),
    importCalendarYears: async (content) => {
      const result = await getApi().slaSettings.importCalendarYears({ content });
      if (result.ok && result.value.imported) await load();
      return result;
    },
    reset: () => {
      guard.reset();
      generation += 1;
      set({ policies: [], years: [], timeZone: '', today: '', loading: false, loaded: false, loadErrorCode: null });
    },
  };
});
