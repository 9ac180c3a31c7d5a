import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { findCallByKey, listCallPhraseHits } from '../../db/calls';
import { createCtiCallHandler } from '../calls/cti-calls';
import { createScenario, type Scenario } from '../test-support';
import { startCtiServer, type CtiLogEntry, type CtiServer } from './cti-server';

let scenario: Scenario | undefined;
let server: CtiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  scenario?.desk.cleanup();
  scenario = undefined;
});

const secret = 'cti-secret-for-tests-0123456789';

async function start(): Promise<{ current: Scenario; log: CtiLogEntry[] }> {
  const current = (scenario = await createScenario());
  const log: CtiLogEntry[] = [];
  server = await startCtiServer({ port: 0, secret: () => secret, handle: createCtiCallHandler(current.desk.desk), log: (entry) => log.push(entry) });
  return { current, log };
}

function connect(headers: Record<string, string> = { authorization: `Bearer ${secret}` }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const client = new WebSocket(`ws://127.0.0.1:${server!.port}/`, { headers });
    client.once('open', () => resolve(client));
    client.once('unexpected-response', (_request, response) => reject(new Error(`refused ${response.statusCode}`)));
    client.once('error', reject);
  });
}

/** Sends messages and collects as many replies. */
function exchange(client: WebSocket, messages: readonly unknown[]): Promise<unknown[]> {
  return new Promise((resolve) => {
    const replies: unknown[] = [];
    const onMessage = (data: WebSocket.RawData) => {
      replies.push(JSON.parse(data.toString()));
      if (replies.length === messages.length) {
        client.off('message', onMessage);
        resolve(replies);
      }
    };
    client.on('message', onMessage);
    for (const message of messages) client.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

const call = { callId: 'C-1001', callerNumber: '13812345678', calledNumber: '96777', queue: '燃气客服' };

describe('the CTI endpoint', () => {
  it('refuses a wrong or missing secret and browser pages, and logs it', async () => {
    const { log } = await start();
    await expect(connect({})).rejects.toThrow(/refused 401/);
    await expect(connect({ authorization: 'Bearer wrong' })).rejects.toThrow(/refused 401/);
    await expect(connect({ authorization: `Bearer ${secret}`, origin: 'http://evil.example' })).rejects.toThrow(/refused 401/);
    expect(log.map((entry) => entry.detail)).toEqual(['wrong or missing secret', 'wrong or missing secret', 'a browser page (Origin header)']);
  });

  it('stores a call from ring to hang-up with the caller found, its talk time and the phrases heard', async () => {
    const { current } = await start();
    const customer = await current.value(
      'app:customers.create',
      { fullName: '王小明', gender: 'male', phones: ['13812345678'], idType: 'resident_id', idNumber: '110105194912310021', address: '北京市朝阳区建国路88号', accountNumbers: [] },
      '1001',
    );
    const client = await connect();
    expect(await exchange(client, [{ type: 'ring', ...call }, { type: 'answer', ...call }])).toEqual([{ ok: true }, { ok: true }]);
    current.clock.advance(95_000);
    const replies = await exchange(client, [
      { type: 'transcript', callId: call.callId, speaker: 'customer', text: '你们怎么还不来修' },
      { type: 'transcript', callId: call.callId, speaker: 'agent', text: '这个我解决不了，你找领导去' },
      { type: 'transcript', callId: call.callId, speaker: 'agent', text: '不管怎样我都会帮您登记' },
      { type: 'hangup', ...call },
    ]);
    expect(replies).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    client.close();
    const db = current.desk.desk.store.connection();
    const stored = findCallByKey(db, call.callId)!;
    expect(stored).toMatchObject({ customerId: customer.customer.id, outcome: 'answered', durationSeconds: 95, queue: '燃气客服' });
    expect(listCallPhraseHits(db, stored.id).map((hit) => `${hit.source}:${hit.ruleId}`)).toEqual(['agent:SL-10', 'agent:SL-02']);
  });

  it('refuses malformed messages and unknown or ended calls, with a reply each', async () => {
    await start();
    const client = await connect();
    const replies = await exchange(client, [
      'not json',
      { type: 'ring', callId: 'bad id with spaces', callerNumber: '1', calledNumber: '2', queue: 'q' },
      { type: 'dial', ...call },
      { type: 'answer', ...call },
      { type: 'ring', ...call },
      { type: 'ring', ...call },
      { type: 'hangup', ...call },
      { type: 'transcript', callId: call.callId, speaker: 'agent', text: '您好' },
    ]);
    expect(replies.map((reply) => (reply as { ok: boolean; code?: string }).code ?? 'ok')).toEqual([
      'MALFORMED',
      'MALFORMED',
      'MALFORMED',
      'UNKNOWN_CALL',
      'ok',
      'DUPLICATE_CALL',
      'ok',
      'CALL_ENDED',
    ]);
    client.close();
  });

  it('answers a flood of 10,000 messages, good and bad, logs a line a second at most, and stays up', async () => {
    const { current, log } = await start();
    const client = await connect();
    const flood: unknown[] = [{ type: 'ring', ...call }];
    for (let index = 1; index < 10_000; index++) {
      flood.push(index % 3 === 0 ? '{"type":' : { type: 'transcript', callId: call.callId, speaker: 'customer', text: index % 100 === 1 ? '我不知道' : `第${index}句，好的` });
    }
    const replies = await exchange(client, flood);
    expect(replies).toHaveLength(10_000);
    expect(replies.filter((reply) => (reply as { ok: boolean }).ok)).toHaveLength(1 + 10_000 - 1 - Math.floor(9_999 / 3));
    expect(log.filter((entry) => entry.event === 'cti.message.refused').length).toBeLessThan(60);
    expect(await exchange(client, [{ type: 'hangup', ...call }])).toEqual([{ ok: true }]);
    client.close();
    const stored = findCallByKey(current.desk.desk.store.connection(), call.callId)!;
    expect(stored.outcome).toBe('missed');
    const planted = Array.from({ length: 9_999 }, (_, offset) => offset + 1).filter((index) => index % 3 !== 0 && index % 100 === 1).length;
    expect(listCallPhraseHits(current.desk.desk.store.connection(), stored.id)).toHaveLength(planted);
  });
});
