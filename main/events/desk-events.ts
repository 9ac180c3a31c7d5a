import type { DeskEventName } from '../../common/ipc/events';

/** Who hears desk events: Electron's glue forwards them to the window of that client. */
export type DeskEventListener = (clientKey: string, name: DeskEventName) => void;

/** Events for one client (a window), emitted by features and forwarded by the glue. */
export type DeskEventHub = Readonly<{
  emit: (clientKey: string, name: DeskEventName) => void;
  subscribe: (listener: DeskEventListener) => () => void;
}>;

/** Creates a hub; a throwing listener never stops the others or the feature that emitted. */
export function createDeskEventHub(reportError: (error: unknown) => void): DeskEventHub {
  const listeners = new Set<DeskEventListener>();
  return {
    emit: (clientKey, name) => {
      for (const listener of listeners) {
        try {
          listener(clientKey, name);
        } catch (error) {
          reportError(error);
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
