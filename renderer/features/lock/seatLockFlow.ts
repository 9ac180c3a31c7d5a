import { useEffect } from 'react';
import type { SessionStash } from '../../../common/ipc/session';
import { matchesHotkey, parseHotkey, defaultLockHotkey } from '../../../common/hotkey';
import { getApi } from '../../api/api';
import { useAgentsStore } from '../agents/useAgentsStore';
import { useApprovalsStore } from '../approvals/useApprovalsStore';
import { useAuditIntegrityStore } from '../audit/useAuditIntegrityStore';
import { useAuditStore } from '../audit/useAuditStore';
import { useCallScriptsStore } from '../call-scripts/useCallScriptsStore';
import { useCallStore } from '../calls/useCallStore';
import { useTicketsStore } from '../tickets/useTicketsStore';
import { useCustomersStore } from '../customers/useCustomersStore';
import { useDraftsStore } from '../drafts/useDraftsStore';
import { useHandoversStore } from '../handovers/useHandoversStore';
import { useQualityStore } from '../quality/useQualityStore';
import { onLockedByMain, onPersonChanged, onStashReturned, useSessionStore } from '../session/useSessionStore';
import { useSettingsStore } from '../settings/useSettingsStore';
import { useSlaDashboardStore } from '../sla-dashboard/useSlaDashboardStore';

/**
 * How often the renderer asks main whether the seat was locked (idle, OS lock, suspend): every
 * second where nothing is pushed (the preview); in Electron main pushes, and a slow poll only
 * covers a missed event.
 */
const pollMilliseconds = { withoutPush: 1_000, withPush: 30_000 } as const;
/** Input is reported to main at most this often; the idle limit is minutes. */
const activityReportMilliseconds = 10_000;

/** What is unsent now: the drafts (bounded as main accepts them) and the open customer. */
export function collectStash(): SessionStash {
  const entries = Object.entries(useDraftsStore.getState().drafts)
    .filter(([key, text]) => key.length > 0 && key.length <= 80 && text.length > 0)
    .slice(0, 50)
    .map(([key, text]) => [key, text.slice(0, 20_000)] as const);
  return { drafts: Object.fromEntries(entries), openCustomerId: useCustomersStore.getState().customer?.id ?? null };
}

/** Forgets every customer, draft and list at once: nothing of them may stay in the page. */
export function clearPersonalData(): void {
  useCustomersStore.getState().reset();
  useCallStore.getState().reset();
  useTicketsStore.getState().reset();
  useDraftsStore.getState().reset();
  useApprovalsStore.getState().reset();
  useAuditStore.getState().reset();
  useAuditIntegrityStore.getState().reset();
  useHandoversStore.getState().reset();
  useQualityStore.getState().reset();
  useSlaDashboardStore.getState().reset();
  useAgentsStore.getState().reset();
  useCallScriptsStore.getState().reset();
}

/** Locks the seat now: the screen first, then main keeps the drafts for the owner. */
export async function lockSeatNow(reason: 'hotkey' | 'button'): Promise<void> {
  const session = useSessionStore.getState();
  if (session.account === null || session.locked !== null) return;
  const stash = collectStash();
  const locking = session.lock(reason, stash);
  clearPersonalData();
  await locking;
}

/**
 * Wires the seat lock in the renderer while someone is signed in: a lock decided in main
 * stashes the drafts and clears the page; a stash handed back restores the drafts and reopens
 * the customer; main is polled for locks; input is reported; the hotkey locks.
 */
export function useSeatLockFlow(signedIn: boolean, locked: boolean): void {
  useEffect(() => {
    const stopLock = onLockedByMain(() => {
      const stash = collectStash();
      clearPersonalData();
      void getApi().session.lock({ reason: 'button', stash });
    });
    // Nothing of the previous person survives a change at the desk: cleared before the next one shows.
    const stopPerson = onPersonChanged(() => {
      clearPersonalData();
      useSettingsStore.getState().reset();
    });
    const stopStash = onStashReturned((stash, returnedAt) => {
      useDraftsStore.getState().restore(stash.drafts);
      // After an unlock the same session reopens its customer; a new session must find the
      // customer again (least privilege), and the draft shows when it does.
      if (returnedAt === 'unlock' && stash.openCustomerId !== null) void useCustomersStore.getState().open(stash.openCustomerId);
    });
    return () => {
      stopLock();
      stopPerson();
      stopStash();
    };
  }, []);

  useEffect(() => {
    if (!signedIn) return undefined;
    const check = () => void useSessionStore.getState().load();
    // In Electron main pushes: a lock or an ended session shows at once.
    const stopEvents = window.seatdeskEvents?.on('sessionChanged', check);
    const timer = window.setInterval(check, stopEvents === undefined ? pollMilliseconds.withoutPush : pollMilliseconds.withPush);
    // Timers slow down in a hidden window: coming back (after an OS lock, say) asks at once.
    const handleVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', handleVisibility);
    return () => {
      window.clearInterval(timer);
      stopEvents?.();
      document.removeEventListener('visibilitychange', handleVisibility);
    };
  }, [signedIn]);

  const hotkeyText = useSettingsStore((state) => state.settings.lockHotkey);
  useEffect(() => {
    if (!signedIn || locked) return undefined;
    const hotkey = parseHotkey(hotkeyText) ?? parseHotkey(defaultLockHotkey);
    let lastReport = 0;
    function handleKey(event: KeyboardEvent): void {
      if (hotkey !== undefined && matchesHotkey(hotkey, event)) {
        event.preventDefault();
        event.stopPropagation();
        void lockSeatNow('hotkey');
        return;
      }
      handleActivity();
    }
    function handleActivity(): void {
      const now = Date.now();
      if (now - lastReport < activityReportMilliseconds) return;
      lastReport = now;
      void getApi().session.activity({});
    }
    window.addEventListener('keydown', handleKey, true);
    for (const name of ['pointerdown', 'pointermove', 'wheel'] as const) window.addEventListener(name, handleActivity, { passive: true });
    return () => {
      window.removeEventListener('keydown', handleKey, true);
      for (const name of ['pointerdown', 'pointermove', 'wheel'] as const) window.removeEventListener(name, handleActivity);
    };
  }, [signedIn, locked, hotkeyText]);
}
