import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { CustomerView, ProtectedField } from '../../../common/ipc/customers';
import type { IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

type Hit = ResponseOf<'customers', 'find'>['customers'][number];

type CustomersState = {
  /** Hits of the last exact search; null before any search. */
  hits: Hit[] | null;
  /** The open customer, masked by main unless revealed or opened with a grant. */
  customer: CustomerView | null;
  find: (request: RequestOf<'customers', 'find'>) => Promise<IpcFailure | null>;
  /** Shows hits found another way (a ringing caller's number); closes the open customer. */
  showHits: (hits: Hit[]) => void;
  open: (customerId: number) => Promise<IpcFailure | null>;
  close: () => Promise<void>;
  reveal: (field: ProtectedField, index: number, reasonCode: RequestOf<'customers', 'reveal'>['reasonCode'], reasonText: string) => Promise<IpcFailure | null>;
  create: (request: RequestOf<'customers', 'create'>) => Promise<IpcFailure | null>;
  addNote: (body: string) => Promise<IpcFailure | null>;
  openFullFile: (customerId: number) => Promise<IpcFailure | null>;
  /** Forgets every customer at once (lock, sign-out): nothing may stay in the page. */
  reset: () => void;
};

/** The customer desk: exact search, the open (masked) record, reveals and notes. */
export const useCustomersStore = create<CustomersState>()((set, get) => {
  // Answers that arrive after a lock or sign-out are dropped.
  const { settle, reset } = createGenerationGuard();

  return {
    hits: null,
    customer: null,
    find: (request) => settle(getApi().customers.find(request), (value) => set({ hits: value.customers })),
    showHits: (hits) => {
      if (get().customer !== null) void get().close();
      set({ hits });
    },
    open: (customerId) => settle(getApi().customers.view({ customerId }), (value) => set({ customer: value.customer })),
    close: async () => {
      set({ customer: null });
      await getApi().customers.closeView({});
    },
    reveal: (field, index, reasonCode, reasonText) => {
      const customer = get().customer;
      if (customer === null) return Promise.resolve(null);
      return settle(
        getApi().customers.reveal({ customerId: customer.id, field, index, reasonCode, reasonText }),
        (value) => set({ customer: value.customer }),
      );
    },
    create: (request) => settle(getApi().customers.create(request), (value) => set({ customer: value.customer, hits: null })),
    addNote: (body) => {
      const customer = get().customer;
      if (customer === null) return Promise.resolve(null);
      return settle(getApi().customers.addNote({ customerId: customer.id, body }), (value) => set({ customer: value.customer }));
    },
    openFullFile: (customerId) =>
      settle(getApi().customers.openFullFile({ customerId }), (value) => set({ customer: value.customer })),
    reset: () => {
      reset();
      set({ hits: null, customer: null });
    },
  };
});
