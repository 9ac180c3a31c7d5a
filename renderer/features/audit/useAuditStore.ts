import { create } from 'zustand';
import type { AuditCursorView, AuditEntryView } from '../../../common/ipc/audit';
import type { ResponseOf } from '../../../common/ipc/contract';
import type { IpcFailure, IpcResult } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';
import type { AuditFilterRequest, AuditOrder } from './auditReview';

type AuditState = {
  /** The view being reviewed: its filter and order. */
  filter: AuditFilterRequest;
  order: AuditOrder;
  /** The entries loaded so far, in the view's order. */
  entries: AuditEntryView[];
  /** Where the next page starts; null once everything is loaded. */
  nextCursor: AuditCursorView | null;
  /** How many entries the view holds (exact below 10,000 unless `capped`), from its first page. */
  total: ResponseOf<'audit', 'list'>['total'];
  /** A page is on its way. */
  loading: boolean;
  /** Shows a new view (or the same again, refreshed) from its first page. */
  search: (filter: AuditFilterRequest, order: AuditOrder) => Promise<IpcFailure | null>;
  /** Loads the page after the last entry shown, unless one is on its way or none is left. */
  loadMore: () => Promise<IpcFailure | null>;
  /** Exports the view being reviewed under an approved grant. */
  exportView: (format: 'csv' | 'xlsx', approvalId: number) => Promise<IpcResult<ResponseOf<'audit', 'export'>>>;
  reset: () => void;
};

const pageSize = 200;

/** The audit log as a lead or administrator reviews it. Every read is audited in main. */
export const useAuditStore = create<AuditState>()((set, get) => {
  // Answers that arrive after a lock or sign-out are dropped.
  const { settle, reset } = createGenerationGuard();
  // A page asked for under an earlier view is dropped as well.
  let view = 0;

  /**
   * Fetches from `cursor` until a page's worth of entries arrived or none is left. A filter on
   * action, object or outcome looks at a bounded stretch of the log per call (main stays
   * responsive), so a rare match can take several calls; each is audited as a read.
   */
  async function fill(current: number, cursor: AuditCursorView | undefined): Promise<IpcFailure | null> {
    let gathered = 0;
    let next = cursor;
    for (;;) {
      const { filter, order } = get();
      const answer: { page?: ResponseOf<'audit', 'list'> } = {};
      const failure = await settle(
        getApi().audit.list(next === undefined ? { filter, order, limit: pageSize } : { filter, order, cursor: next, limit: pageSize }),
        (value) => {
          answer.page = value;
        },
      );
      const { page } = answer;
      if (failure !== null || page === undefined || current !== view) return failure;
      set({ entries: [...get().entries, ...page.entries], nextCursor: page.nextCursor, ...(next === undefined ? { total: page.total } : {}) });
      gathered += page.entries.length;
      if (page.nextCursor === null || gathered >= pageSize) return null;
      next = page.nextCursor;
    }
  }

  return {
    filter: {},
    order: 'desc',
    entries: [],
    nextCursor: null,
    total: null,
    loading: false,
    search: async (filter, order) => {
      view += 1;
      const current = view;
      set({ filter, order, entries: [], nextCursor: null, total: null, loading: true });
      const failure = await fill(current, undefined);
      if (current === view) set({ loading: false });
      return failure;
    },
    loadMore: async () => {
      const { nextCursor, loading } = get();
      if (nextCursor === null || loading) return null;
      const current = view;
      set({ loading: true });
      const failure = await fill(current, nextCursor);
      if (current === view) set({ loading: false });
      return failure;
    },
    exportView: (format, approvalId) => {
      const { filter, order } = get();
      return getApi().audit.export({ filter, order, format, approvalId });
    },
    reset: () => {
      reset();
      view += 1;
      set({ filter: {}, order: 'desc', entries: [], nextCursor: null, total: null, loading: false });
    },
  };
});
