import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { QualityCallView, SampledMember, ScorecardView } from '../../../common/ipc/quality';
import type { ErrorCode, IpcFailure, IpcResult } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

/** The team's monthly summary as main sends it. */
export type TeamSummary = ResponseOf<'quality', 'summary'>;

/** A lead's review of an appeal. */
export type ReviewRequest = RequestOf<'quality', 'review'>;

type QualityState = {
  /** The month the sampling view shows, `YYYY-MM`; empty before the first load. */
  month: string;
  /** The months offered (the last six, oldest first). */
  months: string[];
  members: SampledMember[];
  pendingAppeals: ScorecardView[];
  teamLoading: boolean;
  teamErrorCode: ErrorCode | null;
  summary: TeamSummary | null;
  summaryErrorCode: ErrorCode | null;
  /** The caller's own quality. */
  mine: ResponseOf<'quality', 'mine'> | null;
  mineErrorCode: ErrorCode | null;
  loadTeam: (month?: string) => Promise<IpcFailure | null>;
  loadSummary: () => Promise<IpcFailure | null>;
  loadMine: () => Promise<IpcFailure | null>;
  /** A random unscored call of a team member in the month shown. */
  pickUnscored: (agentId: string) => Promise<IpcResult<{ call: QualityCallView }>>;
  score: (request: RequestOf<'quality', 'score'>) => Promise<IpcResult<{ scorecard: ScorecardView }>>;
  appeal: (scorecardId: number, reason: string) => Promise<IpcResult<{ scorecard: ScorecardView }>>;
  review: (request: ReviewRequest) => Promise<IpcResult<{ scorecard: ScorecardView }>>;
  /** Forgets everything; answers to calls made before are dropped. */
  reset: () => void;
};

const empty = {
  month: '',
  months: [],
  members: [],
  pendingAppeals: [],
  teamLoading: false,
  teamErrorCode: null,
  summary: null,
  summaryErrorCode: null,
  mine: null,
  mineErrorCode: null,
} satisfies Partial<QualityState>;

/**
 * Quality inspection (质检): a lead's sampling view of the team, the appeals waiting, the monthly
 * summary, and everyone's own scores. After a change the views that show it are read again.
 */
export const useQualityStore = create<QualityState>()((set, get) => {
  const guard = createGenerationGuard();
  let generation = 0;

  async function loadTeam(month?: string): Promise<IpcFailure | null> {
    set({ teamLoading: true });
    const startedIn = generation;
    const requested = month ?? (get().month === '' ? undefined : get().month);
    const failure = await guard.settle(getApi().quality.team(requested === undefined ? {} : { month: requested }), (value) =>
      set({ month: value.month, months: value.months, members: value.members, pendingAppeals: value.pendingAppeals, teamErrorCode: null }),
    );
    if (startedIn !== generation) return null;
    set(failure === null ? { teamLoading: false } : { teamLoading: false, teamErrorCode: failure.code });
    return failure;
  }

  async function loadSummary(): Promise<IpcFailure | null> {
    const failure = await guard.settle(getApi().quality.summary({}), (value) => set({ summary: value, summaryErrorCode: null }));
    if (failure !== null) set({ summaryErrorCode: failure.code });
    return failure;
  }

  async function loadMine(): Promise<IpcFailure | null> {
    const failure = await guard.settle(getApi().quality.mine({}), (value) => set({ mine: value, mineErrorCode: null }));
    if (failure !== null) set({ mineErrorCode: failure.code });
    return failure;
  }

  /** Runs a change; when it succeeded, reads again what was loaded before. */
  async function change<T>(call: Promise<IpcResult<T>>): Promise<IpcResult<T>> {
    const startedIn = generation;
    const result = await call;
    if (!result.ok || startedIn !== generation) return result;
    const { month, summary, mine } = get();
    await Promise.all([month === '' ? null : loadTeam(month), summary === null ? null : loadSummary(), mine === null ? null : loadMine()]);
    return result;
  }

  return {
    ...empty,
    loadTeam,
    loadSummary,
    loadMine,
    pickUnscored: (agentId) => {
      const month = get().month;
      return getApi().quality.pickUnscored(month === '' ? { agentId } : { agentId, month });
    },
    score: (request) => change(getApi().quality.score(request)),
    appeal: (scorecardId, reason) => change(getApi().quality.appeal({ scorecardId, reason })),
    review: (request) => change(getApi().quality.review(request)),
    reset: () => {
      guard.reset();
      generation += 1;
      set(empty);
    },
  };
});
