/** A signed-in session: one client (a window, or a preview tab) and one account. */
export type Session = Readonly<{ clientKey: string; accountId: number; startedAt: string }>;

/** Sessions live in main's memory only: a restart signs everybody out. */
export type SessionRegistry = Readonly<{
  get: (clientKey: string) => Session | undefined;
  /** Starts a session, replacing whatever session the client had: a session belongs to one agent. */
  start: (clientKey: string, accountId: number, startedAt: string) => Session;
  end: (clientKey: string) => void;
  /** Ends every session of an account (disabled, password reset), except `keepClientKey`'s. */
  endForAccount: (accountId: number, keepClientKey?: string) => void;
}>;

/** Creates an empty registry. */
export function createSessionRegistry(): SessionRegistry {
  const sessions = new Map<string, Session>();
  return {
    get: (clientKey) => sessions.get(clientKey),
    start: (clientKey, accountId, startedAt) => {
      const session = { clientKey, accountId, startedAt };
      sessions.set(clientKey, session);
      return session;
    },
    end: (clientKey) => {
      sessions.delete(clientKey);
    },
    endForAccount: (accountId, keepClientKey) => {
      for (const [clientKey, session] of sessions) {
        if (session.accountId === accountId && clientKey !== keepClientKey) sessions.delete(clientKey);
      }
    },
  };
}
