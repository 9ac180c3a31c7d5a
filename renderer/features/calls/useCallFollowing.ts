import { useEffect, useRef } from 'react';
import { useCustomersStore } from '../customers/useCustomersStore';
import { useCallStore } from './useCallStore';

/** How often the page asks for the call when main cannot push (the loopback preview). */
const previewPollMilliseconds = 1000;
/** How often it asks anyway when main pushes `callChanged` (Electron): a safety net. */
const pushedPollMilliseconds = 5000;

/**
 * Keeps the call on screen current: main pushes `callChanged` in Electron, the preview polls.
 * When a new call arrives, its caller's record pops: one customer found opens at once, several
 * are listed to choose from, none shows "new caller". `onPop` brings the customer desk forward.
 */
export function useCallFollowing(onPop: () => void): void {
  const poppedCallId = useRef<number | null>(null);
  const onPopRef = useRef(onPop);
  useEffect(() => {
    onPopRef.current = onPop;
  });

  useEffect(() => {
    const refresh = () => void useCallStore.getState().refresh();
    refresh();
    const stopEvents = window.seatdeskEvents?.on('callChanged', refresh);
    const timer = window.setInterval(refresh, stopEvents === undefined ? previewPollMilliseconds : pushedPollMilliseconds);
    return () => {
      stopEvents?.();
      window.clearInterval(timer);
    };
  }, []);

  useEffect(
    () =>
      useCallStore.subscribe((state) => {
        const call = state.call;
        if (call === null || call.id === poppedCallId.current) return;
        poppedCallId.current = call.id;
        // A visit or call-back started by hand is already about the customer on screen.
        if (call.direction !== 'inbound') return;
        onPopRef.current();
        const customers = useCustomersStore.getState();
        const only = call.customers.length === 1 ? call.customers[0] : undefined;
        if (only !== undefined) void customers.open(only.id);
        else customers.showHits(call.customers);
      }),
    [],
  );
}
