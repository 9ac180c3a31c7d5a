import type { CtiMessage, CtiReply } from '../../common/cti/messages';
import type { PhraseStream } from '../../common/phrase-engine/matcher';
import { findCallByKey, insertCall, insertCallPhraseHits, markCallAnswered, markCallEnded, type CallPhraseHit } from '../../db/calls';
import { findCustomerIdsByIdentifier } from '../../db/customers';
import type { DeskContext } from '../desk-context';
import { currentPhraseMatcher } from '../phrase-rules/phrase-rules';

type Speaker = 'agent' | 'customer';

/**
 * Handles the CTI endpoint's messages against the store: a ring stores the call (and the one
 * customer the caller's number finds), an answer and a hang-up complete it with outcome and talk
 * time, and transcript lines run through the banned-phrase matcher in streaming mode, one stream
 * per speaker, storing each hit's rule and time but not the words.
 */
export function createCtiCallHandler(desk: DeskContext): (message: CtiMessage) => CtiReply {
  const streams = new Map<string, Map<Speaker, PhraseStream>>();

  function store(callId: number, speaker: Speaker, hits: readonly { ruleId: string; severity: 'warn' | 'block' }[]): void {
    if (hits.length === 0) return;
    const foundAt = desk.now().toISOString();
    const rows: CallPhraseHit[] = hits.map((hit) => ({ ruleId: hit.ruleId, severity: hit.severity, source: speaker, foundAt }));
    insertCallPhraseHits(desk.store.connection(), callId, rows);
  }

  return (message) => {
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
    if (call.endedAt !== null) return { ok: false, code: 'CALL_ENDED', message: `Call ${message.callId} has ended.` };
    if (message.type === 'answer') {
      markCallAnswered(db, call.id, now);
      return { ok: true };
    }
    if (message.type === 'transcript') {
      let speakers = streams.get(message.callId);
      if (speakers === undefined) {
        speakers = new Map();
        streams.set(message.callId, speakers);
      }
      let stream = speakers.get(message.speaker);
      if (stream === undefined) {
        stream = currentPhraseMatcher(desk).stream();
        speakers.set(message.speaker, stream);
      }
      // Each transcript line is a sentence of its own: the line break settles its hits.
      store(call.id, message.speaker, stream.push(`${message.text}\n`));
      return { ok: true };
    }
    for (const [speaker, stream] of streams.get(message.callId) ?? []) store(call.id, speaker, stream.end());
    streams.delete(message.callId);
    const answered = call.answeredAt !== null;
    const durationSeconds = answered ? Math.max(0, Math.round((Date.parse(now) - Date.parse(call.answeredAt)) / 1000)) : 0;
    markCallEnded(db, call.id, now, answered ? 'answered' : 'missed', durationSeconds);
    return { ok: true };
  };
}
