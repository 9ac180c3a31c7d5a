/**
 * Events main pushes to the desk window (Electron only; the loopback preview polls instead).
 * An event carries no data: it tells the page to ask main again, through the contract.
 */
export const deskEventNames = ['sessionChanged', 'callChanged'] as const;

/**
 * One of {@link deskEventNames}: `sessionChanged` means the seat locked or the session ended;
 * `callChanged` that a call rang, was answered or hung up, or said something.
 */
export type DeskEventName = (typeof deskEventNames)[number];

/** The IPC channel an event travels on. */
export function deskEventChannel(name: DeskEventName): string {
  return `app:event:${name}`;
}

/** What the preload exposes as `window.seatdeskEvents`: subscribe to an event, get an unsubscribe function. */
export type SeatdeskEvents = Readonly<{
  on: (name: DeskEventName, listener: () => void) => () => void;
}>;
