import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import type { ErrorCode } from '../../common/ipc/result';
import { subscribeToFailures } from '../api/api';
import { LockScreen } from '../features/lock/LockScreen';
import { useSeatLockFlow } from '../features/lock/seatLockFlow';
import { ChangePasswordPage } from '../features/session/ChangePasswordPage';
import { SignInPage } from '../features/session/SignInPage';
import { useSessionStore } from '../features/session/useSessionStore';
import { SetupPage } from '../features/setup/SetupPage';
import { StoreFailedPage } from '../features/store/StoreFailedPage';
import { StoreUnlockPage } from '../features/store/StoreUnlockPage';
import { useStoreStatusStore } from '../features/store/useStoreStatusStore';
import { WorkspaceFrame } from '../features/workspace/WorkspaceFrame';
import { AppProviders } from './AppProviders';
import { LoadingScreen, StartupFailureScreen } from './StatusScreens';

/** Codes meaning the store changed state under us: the status decides the screen again. */
const storeStateCodes: ReadonlySet<ErrorCode> = new Set([
  'STORE_LOCKED',
  'STORE_ALREADY_OPEN',
  'STORE_UNAVAILABLE',
  'SETUP_REQUIRED',
]);

/** Channels that feed the reactions below; reacting to their own failures would loop. */
const storeStatusChannel = 'app:store.status';
const sessionCurrentChannel = 'app:session.current';

/**
 * Whatever screen made the call, an ended session returns to sign-in, a pending password
 * change returns to the change-password page, and a store that changed state is re-read.
 */
function useFailureRouting(): void {
  useEffect(
    () =>
      subscribeToFailures((failure, channel) => {
        if (failure.code === 'LOCKED' && channel !== sessionCurrentChannel) {
          // Main locked the seat (idle, OS lock) before the poll told us: ask now.
          void useSessionStore.getState().load();
        } else if (failure.code === 'NOT_SIGNED_IN') {
          useSessionStore.getState().clear('NOT_SIGNED_IN');
        } else if (
          (failure.code === 'PASSWORD_CHANGE_REQUIRED' || failure.code === 'FORBIDDEN_ROLE') &&
          channel !== sessionCurrentChannel
        ) {
          // The role or the password state changed under us: the session decides the screens again.
          void useSessionStore.getState().load();
        } else if (
          storeStateCodes.has(failure.code) &&
          channel !== storeStatusChannel &&
          channel !== sessionCurrentChannel
        ) {
          void useStoreStatusStore.getState().load();
        }
      }),
    [],
  );
}

/** Re-checks the session when the window regains focus, so a disabled account leaves promptly. */
function useSessionRecheckOnFocus(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return undefined;
    function handleFocus(): void {
      void useSessionStore.getState().load();
    }
    window.addEventListener('focus', handleFocus);
    return () => window.removeEventListener('focus', handleFocus);
  }, [signedIn]);
}

/** Chooses the screen from the store status, then from the session. */
function CurrentScreen() {
  const status = useStoreStatusStore((state) => state.status);
  const statusErrorCode = useStoreStatusStore((state) => state.errorCode);
  const loadStatus = useStoreStatusStore((state) => state.load);
  const account = useSessionStore((state) => state.account);
  const sessionLoaded = useSessionStore((state) => state.loaded);
  const sessionErrorCode = useSessionStore((state) => state.loadErrorCode);
  const loadSession = useSessionStore((state) => state.load);
  const locked = useSessionStore((state) => state.locked);

  const storeOpenWithAccounts = status?.state === 'ready' && status.hasAccounts;

  useFailureRouting();
  useSessionRecheckOnFocus(account !== null);
  useSeatLockFlow(account !== null, locked !== null);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  useEffect(() => {
    if (storeOpenWithAccounts && !sessionLoaded) void loadSession();
  }, [storeOpenWithAccounts, sessionLoaded, loadSession]);

  // When the person at the desk changes (sign-out, session ended, another sign-in) or the seat
  // locks, nothing of the previous screen may stay: customers, lists, drafts, and toasts such
  // as "password reset for 1024".
  const personOnScreen = account?.agentId ?? null;
  const seatLocked = locked !== null;
  // antd memoizes these APIs once per App, so they do not re-run the effect.
  const { message, notification } = AntApp.useApp();
  // (The stores themselves are cleared by the session and lock flow, before the change shows.)
  useEffect(() => {
    message.destroy();
    notification.destroy();
  }, [personOnScreen, seatLocked, message, notification]);

  if (status === null) {
    return statusErrorCode === null ? (
      <LoadingScreen />
    ) : (
      <StartupFailureScreen code={statusErrorCode} onRetry={() => void loadStatus()} />
    );
  }
  switch (status.state) {
    case 'failed':
      return <StoreFailedPage failure={status.failure} />;
    case 'locked':
      return <StoreUnlockPage />;
    case 'uninitialized':
      return <SetupPage status={status} />;
    case 'ready':
      break;
  }
  if (!status.hasAccounts) return <SetupPage status={status} />;
  if (!sessionLoaded) {
    return sessionErrorCode === null ? (
      <LoadingScreen />
    ) : (
      <StartupFailureScreen code={sessionErrorCode} onRetry={() => void loadSession()} />
    );
  }
  if (account === null) return <SignInPage />;
  if (locked !== null) return <LockScreen account={account} lock={locked} />;
  if (account.mustChangePassword) return <ChangePasswordPage account={account} />;
  return <WorkspaceFrame key={account.agentId} account={account} />;
}

/** The renderer's root: providers, then the screen the desk's state calls for. */
export function App() {
  return (
    <AppProviders>
      <CurrentScreen />
    </AppProviders>
  );
}
