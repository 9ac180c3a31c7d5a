import type { TranscriptLine } from '../../common/ipc/calls';

/** Lines kept per call: a long call drops its oldest lines (their indexes stay counted). */
const linesPerCall = 1000;
/** Calls kept: a desk that never finishes its calls forgets the oldest transcripts. */
const callsKept = 20;

/**
 * The live transcripts of calls in progress, in main's memory only: what a caller says is
 * customer data, so it is shown while the call is on the desk and never written to the store
 * (only each banned phrase's rule and time are, for QA).
 */
export type LiveTranscripts = Readonly<{
  /** Adds a line; returns its index (0 for the first line of the call). */
  append: (callId: number, line: Omit<TranscriptLine, 'index'>) => number;
  /** Adds a chunk to a line that is still arriving; `final` closes it. */
  extend: (callId: number, index: number, text: string, final: boolean) => void;
  /** Lines from `index` on, at most `limit`. */
  from: (callId: number, index: number, limit: number) => TranscriptLine[];
  /** Drops a call's transcript (its wrap-up finished). */
  forget: (callId: number) => void;
}>;

/** Creates an empty set of live transcripts. */
export function createLiveTranscripts(): LiveTranscripts {
  const calls = new Map<number, { next: number; lines: TranscriptLine[] }>();
  return {
    append: (callId, line) => {
      let transcript = calls.get(callId);
      if (transcript === undefined) {
        transcript = { next: 0, lines: [] };
        calls.set(callId, transcript);
        if (calls.size > callsKept) calls.delete(calls.keys().next().value!);
      }
      const index = transcript.next;
      transcript.next += 1;
      // A copy of the line, but the same `hits` array: hits found after it was added appear in it.
      transcript.lines.push({ ...line, index });
      if (transcript.lines.length > linesPerCall) transcript.lines.splice(0, transcript.lines.length - linesPerCall);
      return index;
    },
    extend: (callId, index, text, final) => {
      const line = calls.get(callId)?.lines.find((candidate) => candidate.index === index);
      if (line === undefined) return;
      line.text += text;
      line.final = final;
    },
    from: (callId, index, limit) => {
      const lines = calls.get(callId)?.lines ?? [];
      const first = lines.findIndex((line) => line.index >= index);
      return first < 0 ? [] : lines.slice(first, first + limit);
    },
    forget: (callId) => {
      calls.delete(callId);
    },
  };
}
