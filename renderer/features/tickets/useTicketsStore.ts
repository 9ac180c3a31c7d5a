import { create } from 'zustand';
import type { RequestOf } from '../../../common/ipc/contract';
import type { TicketView } from '../../../common/ipc/tickets';
import type { IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

type Filters = Readonly<{ statuses: TicketView['status'][]; categories: TicketView['category'][] }>;

type TicketsState = {
  /** The caller's open tickets, nearest deadline first; null before the first answer. */
  mine: TicketView[] | null;
  /** A team lead's overdue list. */
  teamOverdue: TicketView[] | null;
  /** When main answered (page clock), for the live countdown. */
  answeredAt: number;
  filters: Filters;
  /** The ticket just created, whose number is shown large. */
  created: TicketView | null;
  refresh: () => Promise<IpcFailure | null>;
  refreshTeamOverdue: () => Promise<IpcFailure | null>;
  setFilters: (filters: Filters) => void;
  create: (request: RequestOf<'tickets', 'create'>) => Promise<IpcFailure | null>;
  dismissCreated: () => void;
  transition: (request: RequestOf<'tickets', 'transition'>) => Promise<IpcFailure | null>;
  setWaiting: (ticketId: number, waiting: boolean) => Promise<IpcFailure | null>;
  /** Forgets every ticket (lock, sign-out). */
  reset: () => void;
};

/** My tickets queue, the team's overdue list, and one-click creation. */
export const useTicketsStore = create<TicketsState>()((set, get) => {
  const { settle, reset } = createGenerationGuard();
  const afterChange = async (): Promise<void> => {
    await get().refresh();
  };
  return {
    mine: null,
    teamOverdue: null,
    answeredAt: 0,
    filters: { statuses: [], categories: [] },
    created: null,
    refresh: () => {
      const { statuses, categories } = get().filters;
      return settle(getApi().tickets.mine({ statuses, categories }), (value) => set({ mine: value.tickets, answeredAt: Date.now() }));
    },
    refreshTeamOverdue: () => settle(getApi().tickets.teamOverdue({}), (value) => set({ teamOverdue: value.tickets, answeredAt: Date.now() })),
    setFilters: (filters) => {
      set({ filters });
      void get().refresh();
    },
    create: async (request) => {
      const failure = await settle(getApi().tickets.create(request), (value) => set({ created: value.ticket }));
      if (failure === null) await afterChange();
      return failure;
    },
    dismissCreated: () => set({ created: null }),
    transition: async (request) => {
      const failure = await settle(getApi().tickets.transition(request), () => undefined);
      await afterChange();
      return failure;
    },
    setWaiting: async (ticketId, waiting) => {
      const failure = await settle(getApi().tickets.setWaiting({ ticketId, waiting }), () => undefined);
      await afterChange();
      return failure;
    },
    reset: () => {
      reset();
      set({ mine: null, teamOverdue: null, created: null, answeredAt: 0 });
    },
  };
});
