import type { IpcFailure, IpcResult } from '../../common/ipc/result';

/**
 * Guards a store against answers that arrive after it was reset (a lock, a sign-out): each
 * reset starts a new generation, and an answer to a call made in an older one is dropped.
 */
export type GenerationGuard = Readonly<{
  /** Awaits a call; applies its value only if no reset happened meanwhile. Answers the failure, or null. */
  settle: <T>(call: Promise<IpcResult<T>>, apply: (value: T) => void) => Promise<IpcFailure | null>;
  /** Starts a new generation. */
  reset: () => void;
}>;

/** Creates a guard for one store. */
export function createGenerationGuard(): GenerationGuard {
  let generation = 0;
  return {
    settle: async (call, apply) => {
      const startedIn = generation;
      const result = await call;
      if (startedIn !== generation) return null;
      if (!result.ok) return result;
      apply(result.value);
      return null;
    },
    reset: () => {
      generation += 1;
    },
  };
}
