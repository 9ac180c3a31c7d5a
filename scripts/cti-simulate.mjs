// Plays a scripted call into the desk's CTI endpoint, as telephony middleware would:
//   npm run cti:simulate -- [--port 5179] [--data-dir .seatdesk-data] [--caller 13812345678]
// The secret comes from SEATDESK_CTI_SECRET or the data folder's cti-secret file.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1] : fallback;
};
const port = Number(flag('port', process.env.SEATDESK_CTI_PORT ?? '5179'));
const dataDirectory = resolve(flag('data-dir', process.env.SEATDESK_DATA_DIR ?? '.seatdesk-data'));
const caller = flag('caller', '13812345678');
const pause = Number(flag('pause', '800'));

let secret = process.env.SEATDESK_CTI_SECRET || undefined;
if (secret === undefined) {
  try {
    secret = readFileSync(join(dataDirectory, 'cti-secret'), 'utf8').trim();
  } catch {
    console.error(`No CTI secret in ${dataDirectory}: set SEATDESK_CTI_SECRET, or start the desk with that data folder and open its store (the desk writes cti-secret then).`);
    process.exit(2);
  }
}

const callId = `SIM-${Date.now()}`;
const call = { callId, callerNumber: caller, calledNumber: '96777', queue: '客服热线' };
const steps = [
  { type: 'ring', ...call },
  { type: 'answer', ...call },
  { type: 'transcript', callId, speaker: 'agent', text: '您好，城市燃气，工号 1001 为您服务。' },
  { type: 'transcript', callId, speaker: 'customer', text: '你好，我家燃气灶打不着火了，你们什么时候能来修？' },
  { type: 'transcript', callId, speaker: 'agent', text: '这个我解决不了，你找领导去。' },
  { type: 'transcript', callId, speaker: 'agent', text: '不管怎样，我先帮您登记报修。' },
  { type: 'hangup', ...call },
];

const client = new WebSocket(`ws://127.0.0.1:${port}/`, { headers: { authorization: `Bearer ${secret}` } });
client.on('unexpected-response', (_request, response) => {
  console.error(`The desk refused the connection (HTTP ${response.statusCode}): check the secret.`);
  process.exit(1);
});
client.on('error', (error) => {
  console.error(`Cannot reach the CTI endpoint on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});
client.on('open', async () => {
  for (const step of steps) {
    const reply = await new Promise((resolveReply) => {
      client.once('message', (data) => resolveReply(JSON.parse(data.toString())));
      client.send(JSON.stringify(step));
    });
    console.log(`${step.type.padEnd(10)} ${step.text ?? step.callerNumber} → ${reply.ok ? 'ok' : `${reply.code}: ${reply.message}`}`);
    await new Promise((wait) => setTimeout(wait, pause));
  }
  client.close();
});
