import { create } from 'zustand';
import type { CallIntent } from '../../../common/calls/intents';
import type { CallView, TranscriptLine } from '../../../common/ipc/calls';
import type { IpcFailure } from '../../../common/ipc/result';
import { getApi } from '../../api/api';
import { createGenerationGuard } from '../../stores/generationGuard';

/** Transcript lines the page keeps for the call on screen (main keeps up to 1,000). */
const transcriptLinesShown = 500;

type CallState = {
  /** The call on this desk, or null. */
  call: CallView | null;
  /** Its live transcript so far. */
  transcript: TranscriptLine[];
  /** The surname the agent typed for a caller without a record (or to correct it). */
  typedSurname: string;
  typedGender: 'male' | 'female' | 'unknown';
  /** Asks main for the call and the transcript lines not seen yet. */
  refresh: () => Promise<IpcFailure | null>;
  start: (direction: 'walk_in' | 'outbound', customerId?: number) => Promise<IpcFailure | null>;
  classify: (intent: CallIntent) => Promise<IpcFailure | null>;
  chooseScript: (scriptId: string) => Promise<IpcFailure | null>;
  recordStep: (scriptId: string, stepId: string, done: boolean) => Promise<IpcFailure | null>;
  finish: () => Promise<IpcFailure | null>;
  setTypedTitle: (surname: string, gender: 'male' | 'female' | 'unknown') => void;
  /** Forgets the call at once (lock, sign-out): what the caller said may not stay in the page. */
  reset: () => void;
};

/** The call on the agent's desk: state, masked caller, screen-pop hits, transcript, steps. */
export const useCallStore = create<CallState>()((set, get) => {
  const { settle, reset } = createGenerationGuard();
  let refreshing: Promise<IpcFailure | null> | undefined;
  let askedAgain = false;

  // The intent being saved: an answer that left before it (a poll) must not undo it on screen.
  let pendingIntent: { callId: number; intent: CallIntent } | null = null;

  function applyCall(answer: CallView | null): void {
    const call = answer !== null && pendingIntent?.callId === answer.id ? { ...answer, intent: pendingIntent.intent } : answer;
    const previous = get().call;
    if (call?.id !== previous?.id) set({ call, transcript: [], typedSurname: '', typedGender: 'unknown' });
    else set({ call });
  }

  async function fetchOnce(): Promise<IpcFailure | null> {
    const last = get().transcript.at(-1);
    // A line still arriving in chunks is asked for again, until it is final.
    const transcriptFrom = last === undefined ? 0 : last.final ? last.index + 1 : last.index;
    return settle(getApi().calls.current({ transcriptFrom }), (value) => {
      const sameCall = value.call !== null && value.call.id === get().call?.id;
      applyCall(value.call);
      // Lines asked from the previous call's position belong to a new call: ask again from its start.
      if (!sameCall && transcriptFrom > 0) askedAgain = true;
      if (value.call === null || value.transcript.length === 0 || (!sameCall && transcriptFrom > 0)) return;
      const first = value.transcript[0]!.index;
      const lines = sameCall ? [...get().transcript.filter((line) => line.index < first), ...value.transcript] : value.transcript;
      set({ transcript: lines.slice(-transcriptLinesShown) });
    });
  }

  return {
    call: null,
    transcript: [],
    typedSurname: '',
    typedGender: 'unknown',
    refresh: () => {
      // One request at a time: a push and a poll arriving together ask once more, not twice.
      if (refreshing !== undefined) {
        askedAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        try {
          let failure: IpcFailure | null;
          do {
            askedAgain = false;
            failure = await fetchOnce();
          } while (askedAgain);
          return failure;
        } finally {
          refreshing = undefined;
        }
      })();
      return refreshing;
    },
    start: (direction, customerId) =>
      settle(getApi().calls.start(customerId === undefined ? { direction } : { direction, customerId }), (value) => applyCall(value.call)),
    classify: (intent) => {
      const call = get().call;
      if (call === null) return Promise.resolve(null);
      // Shown at once: a ticket made right after classifying takes the new intent's category.
      pendingIntent = { callId: call.id, intent };
      set({ call: { ...call, intent } });
      return settle(getApi().calls.update({ callId: call.id, intent }), (value) => {
        pendingIntent = null;
        applyCall(value.call);
      }).then(async (failure) => {
        if (failure === null) return null;
        pendingIntent = null;
        await get().refresh();
        return failure;
      });
    },
    chooseScript: (scriptId) => {
      const call = get().call;
      if (call === null) return Promise.resolve(null);
      return settle(getApi().calls.update({ callId: call.id, scriptId }), (value) => applyCall(value.call));
    },
    recordStep: (scriptId, stepId, done) => {
      const call = get().call;
      if (call === null) return Promise.resolve(null);
      return settle(getApi().calls.recordStep({ callId: call.id, scriptId, stepId, done }), (value) => applyCall(value.call));
    },
    finish: async () => {
      const call = get().call;
      if (call === null) return null;
      const failure = await settle(getApi().calls.finish({ callId: call.id }), () => set({ call: null, transcript: [] }));
      await get().refresh();
      return failure;
    },
    setTypedTitle: (surname, gender) => set({ typedSurname: surname, typedGender: gender }),
    reset: () => {
      reset();
      pendingIntent = null;
      set({ call: null, transcript: [], typedSurname: '', typedGender: 'unknown' });
    },
  };
});
