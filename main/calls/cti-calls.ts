import type { CtiMessage, CtiReply } from '../../common/cti/messages';
import type { TranscriptLine } from '../../common/ipc/calls';
import type { PhraseStream } from '../../common/phrase-engine/matcher';
import { findCallByKey, insertCall, insertCallPhraseHits, markCallAnswered, type CallPhraseHit } from '../../db/calls';
import { findCustomerIdsByIdentifier } from '../../db/customers';
import type { DeskContext } from '../desk-context';
import { currentPhraseMatcher } from '../phrase-rules/phrase-rules';
import { endCall } from './calls';

type Speaker = 'agent' | 'customer';

/** One speaker's matcher stream, and where each of their recent lines starts in it. */
type SpeakerLine = { index: number; start: number; hits: TranscriptLine['hits'] };
type SpeakerStream = { stream: PhraseStream; consumed: number; lines: SpeakerLine[]; open: SpeakerLine | undefined };

/** Lines of a speaker a late hit may still belong to (a hit settles at the latest one line on). */
const linesRemembered = 4;

/**
 * Handles the CTI endpoint's messages against the store: a ring stores the call (and the one
 * customer the caller's number finds), an answer and a hang-up complete it with outcome and talk
 * time, and transcript lines run through the banned-phrase matcher in streaming mode, one stream
 * per speaker, storing each hit's rule and time but not the words.
 */
export function createCtiCallHandler(desk: DeskContext): (message: CtiMessage) => CtiReply {
  const streams = new Map<string, Map<Speaker, SpeakerStream>>();

  function announce(): void {
    for (const session of desk.sessions.all()) desk.events.emit(session.clientKey, 'callChanged');
  }

  function store(callId: number, speaker: Speaker, hits: readonly { ruleId: string; severity: 'warn' | 'block' }[]): void {
    if (hits.length === 0) return;
    const foundAt = desk.now().toISOString();
    const rows: CallPhraseHit[] = hits.map((hit) => ({ ruleId: hit.ruleId, severity: hit.severity, source: speaker, foundAt }));
    insertCallPhraseHits(desk.store.connection(), callId, rows);
  }

  /** Stores what a call's streams still held, and drops them. */
  function settleStreams(callId: number, callKey: string): void {
    for (const [speaker, current] of streams.get(callKey) ?? []) store(callId, speaker, current.stream.end());
    streams.delete(callKey);
  }

  function transcribe(callId: number, callKey: string, speaker: Speaker, text: string, final: boolean): void {
    let speakers = streams.get(callKey);
    if (speakers === undefined) {
      speakers = new Map();
      streams.set(callKey, speakers);
    }
    let current = speakers.get(speaker);
    if (current === undefined) {
      current = { stream: currentPhraseMatcher(desk).stream(), consumed: 0, lines: [], open: undefined };
      speakers.set(speaker, current);
    }
    let line = current.open;
    if (line === undefined) {
      const hits: TranscriptLine['hits'] = [];
      const index = desk.liveTranscripts.append(callId, { speaker, text, at: desk.now().toISOString(), final, hits });
      line = { index, start: current.consumed, hits };
      current.lines.push(line);
      if (current.lines.length > linesRemembered) current.lines.shift();
    } else {
      desk.liveTranscripts.extend(callId, line.index, text, final);
    }
    current.open = final ? undefined : line;
    // A finished line is a sentence of its own: the line break settles its hits. A chunk of a
    // line still arriving goes in as it is, so a phrase split across chunks is found.
    const found = current.stream.push(final ? `${text}\n` : text);
    current.consumed += text.length + (final ? 1 : 0);
    for (const hit of found) {
      const owner = current.lines.findLast((candidate) => candidate.start <= hit.start);
      if (owner !== undefined) owner.hits.push({ ruleId: hit.ruleId, severity: hit.severity, start: hit.start - owner.start, end: hit.end - owner.start });
    }
    store(callId, speaker, found);
  }

  return (message) => {
    const reply = handle(message);
    if (reply.ok) announce();
    return reply;
  };

  function handle(message: CtiMessage): CtiReply {
    const db = desk.store.connectionIfOpen();
    if (db === undefined) return { ok: false, code: 'STORE_NOT_READY', message: 'The desk store is not open.' };
    const now = desk.now().toISOString();
    const call = findCallByKey(db, message.callId);
    if (message.type === 'ring') {
      if (call !== undefined) return { ok: false, code: 'DUPLICATE_CALL', message: `Call ${message.callId} rang before.` };
      const customers = message.callerNumber === '' ? [] : findCustomerIdsByIdentifier(db, 'phone', message.callerNumber.replaceAll('-', ''));
      insertCall(db, {
        callKey: message.callId,
        direction: 'inbound',
        callerNumber: message.callerNumber,
        calledNumber: message.calledNumber,
        queue: message.queue,
        customerId: customers.length === 1 ? customers[0]! : null,
        rangAt: now,
      });
      return { ok: true };
    }
    if (call === undefined) return { ok: false, code: 'UNKNOWN_CALL', message: `No call ${message.callId} rang.` };
    if (call.endedAt !== null) {
      // The desk may have ended the call itself: its streams go with it.
      settleStreams(call.id, message.callId);
      return { ok: false, code: 'CALL_ENDED', message: `Call ${message.callId} has ended.` };
    }
    if (message.type === 'answer') {
      markCallAnswered(db, call.id, now);
      return { ok: true };
    }
    if (message.type === 'transcript') {
      transcribe(call.id, message.callId, message.speaker, message.text, message.final ?? true);
      return { ok: true };
    }
    settleStreams(call.id, message.callId);
    endCall(db, call, new Date(now));
    return { ok: true };
  }
}
