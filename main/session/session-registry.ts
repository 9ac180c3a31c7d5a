import { initialSeatLockState, type SeatLockState } from '../../common/lock-policy';

/**
 * The customer open on a client: reveals last as long as the view; a full-file grant as long as
 * the view and no longer than the grant.
 */
export type OpenCustomerView = {
  readonly customerId: number;
  /** Revealed fields as `field:index`, e.g. `phone:0`. */
  readonly reveals: Set<string>;
  /** Until when (ISO-8601 UTC) the approved full file shows unmasked; null for a masked view. */
  readonly fullFileUntil: string | null;
};

/**
 * A signed-in session: one client (a window, or a preview tab) and one account. The seat lock
 * state and the customers this session may open live here, in main's memory only.
 */
export type Session = {
  readonly clientKey: string;
  readonly accountId: number;
  readonly startedAt: string;
  seat: SeatLockState;
  /** Customers found by exact search, created, or opened with a grant in this session. */
  readonly accessibleCustomerIds: Set<number>;
  openView: OpenCustomerView | null;
};

/** Sessions live in main's memory only: a restart signs everybody out. */
export type SessionRegistry = Readonly<{
  get: (clientKey: string) => Session | undefined;
  /** Starts a session, replacing whatever session the client had: a session belongs to one agent. */
  start: (clientKey: string, accountId: number, startedAt: Date) => Session;
  end: (clientKey: string) => void;
  /** Ends every session of an account (disabled, password reset), except `keepClientKey`'s. */
  endForAccount: (accountId: number, keepClientKey?: string) => void;
  /** Every live session (for clock ticks and OS lock events). */
  all: () => Session[];
}>;

/** Creates an empty registry; `onEnded` hears of every session that ends (to tell its window). */
export function createSessionRegistry(onEnded: (clientKey: string) => void = () => undefined): SessionRegistry {
  const sessions = new Map<string, Session>();
  return {
    get: (clientKey) => sessions.get(clientKey),
    start: (clientKey, accountId, startedAt) => {
      const session: Session = {
        clientKey,
        accountId,
        startedAt: startedAt.toISOString(),
        seat: initialSeatLockState(startedAt.getTime()),
        accessibleCustomerIds: new Set(),
        openView: null,
      };
      sessions.set(clientKey, session);
      return session;
    },
    end: (clientKey) => {
      if (sessions.delete(clientKey)) onEnded(clientKey);
    },
    endForAccount: (accountId, keepClientKey) => {
      for (const [clientKey, session] of sessions) {
        if (session.accountId === accountId && clientKey !== keepClientKey) {
          sessions.delete(clientKey);
          onEnded(clientKey);
        }
      }
    },
    all: () => [...sessions.values()],
  };
}
