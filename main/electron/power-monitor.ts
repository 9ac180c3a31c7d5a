import type { PowerMonitor } from 'electron';
import { osLockEventFromElectron, type OsLockEvent } from '../../common/lock-policy';

/** What the glue feeds: the seat-lock inputs of the desk services. */
export type SeatLockInputs = Readonly<{
  osEvent: (event: OsLockEvent) => void;
  systemActivity: (idleSeconds: number) => void;
}>;

/** How often the system idle time and screen state are read. */
const pollMilliseconds = 5_000;

/**
 * Feeds Electron's power monitor into the pure seat-lock policy: the OS locking the screen,
 * suspending (which a closed lid usually triggers) or switching user locks every seat; input
 * anywhere on the machine counts as presence; a screen found locked by polling locks too (Linux
 * desktops do not all send `lock-screen`). Returns a function that stops it.
 */
export function connectPowerMonitor(powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleState' | 'getSystemIdleTime'>, inputs: SeatLockInputs): () => void {
  for (const name of ['lock-screen', 'suspend', 'user-did-resign-active'] as const) {
    powerMonitor.on(name as 'lock-screen', () => {
      const event = osLockEventFromElectron(name);
      if (event !== undefined) inputs.osEvent(event);
    });
  }
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleState(60) === 'locked') inputs.osEvent('lock-screen');
    else inputs.systemActivity(powerMonitor.getSystemIdleTime());
  }, pollMilliseconds);
  timer.unref();
  return () => clearInterval(timer);
}
