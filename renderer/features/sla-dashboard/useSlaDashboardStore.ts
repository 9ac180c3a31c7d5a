import { create } from 'zustand';
import type { DateRange, OverdueTicket, SlaDashboard } from '../../../common/ipc/sla-dashboard';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

/** What the dashboard asks for: a range (none: this month) and, for administrators, a team (none: every team). */
export type DashboardRequest = Readonly<{ range?: DateRange; team?: string }>;

/** One agent's overdue tickets, opened from their overdue count. */
export type OverdueList = Readonly<{
  agentId: string;
  displayName: string;
  tickets: OverdueTicket[] | null;
  /** All of the agent's overdue tickets (the list shows 200 at most). */
  overdue: number;
  now: string;
  loading: boolean;
  errorCode: ErrorCode | null;
}>;

type SlaDashboardState = {
  dashboard: SlaDashboard | null;
  /** The request of the figures shown (or being fetched). */
  request: DashboardRequest;
  /** This month in the desk's zone, as main answered a request without a range. */
  thisMonth: DateRange | null;
  loading: boolean;
  /** Code of the last failed load, cleared by the next successful one. */
  errorCode: ErrorCode | null;
  overdueList: OverdueList | null;
  /** Fetches the figures for a request (the last one when none is given). */
  load: (request?: DashboardRequest) => Promise<IpcFailure | null>;
  openOverdueList: (agent: Readonly<{ agentId: string; displayName: string }>) => Promise<IpcFailure | null>;
  closeOverdueList: () => void;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

/** The SLA dashboard (服务时限看板): figures from main, and the overdue tickets of one agent. */
export const useSlaDashboardStore = create<SlaDashboardState>()((set, get) => {
  const guard = createGenerationGuard();
  let latest = 0;

  return {
    dashboard: null,
    request: {},
    thisMonth: null,
    loading: false,
    errorCode: null,
    overdueList: null,
    load: async (request = get().request) => {
      latest += 1;
      const asked = latest;
      const shown = get().dashboard === null ? {} : get().request;
      set({ request, loading: true });
      const failure = await guard.settle(getApi().slaDashboard.summary(request), (dashboard) => {
        // A slower answer to an earlier range must not replace the figures of a later one.
        if (asked === latest) set({ dashboard, errorCode: null, ...(request.range === undefined ? { thisMonth: dashboard.range } : {}) });
      });
      // A refused range (DATE_RANGE_INVALID) goes back to the one whose figures are shown.
      if (asked === latest) set(failure === null ? { loading: false } : { loading: false, errorCode: failure.code, request: shown });
      return failure;
    },
    openOverdueList: async ({ agentId, displayName }) => {
      const team = get().request.team;
      set({ overdueList: { agentId, displayName, tickets: null, overdue: 0, now: '', loading: true, errorCode: null } });
      const failure = await guard.settle(getApi().slaDashboard.overdueTickets(team === undefined ? { agentId } : { agentId, team }), (value) => {
        if (get().overdueList?.agentId === agentId) set({ overdueList: { agentId, displayName, ...value, loading: false, errorCode: null } });
      });
      const shown = get().overdueList;
      if (failure !== null && shown?.agentId === agentId) set({ overdueList: { ...shown, loading: false, errorCode: failure.code } });
      return failure;
    },
    closeOverdueList: () => set({ overdueList: null }),
    reset: () => {
      guard.reset();
      latest += 1;
      set({ dashboard: null, request: {}, thisMonth: null, loading: false, errorCode: null, overdueList: null });
    },
  };
});
