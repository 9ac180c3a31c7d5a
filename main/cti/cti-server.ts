import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ctiMessageSchema, type CtiMessage, type CtiReply } from '../../common/cti/messages';

/** A line for the log: a refusal or an event worth keeping, never message text. */
export type CtiLogEntry = Readonly<{ event: string; detail?: string; count?: number }>;

/** Where the endpoint listens, how callers prove themselves, and what handles a message. */
export type CtiServerOptions = Readonly<{
  port: number;
  /** The shared secret, or undefined while the desk cannot take calls (its store is not open). */
  secret: () => string | undefined;
  handle: (message: CtiMessage) => CtiReply;
  log: (entry: CtiLogEntry) => void;
}>;

/** A running endpoint. */
export type CtiServer = Readonly<{ port: number; close: () => Promise<void> }>;

const maximumMessageBytes = 16 * 1024;

function sameSecret(offered: string, expected: string): boolean {
  const offeredBytes = Buffer.from(offered);
  const expectedBytes = Buffer.from(expected);
  return offeredBytes.length === expectedBytes.length && timingSafeEqual(offeredBytes, expectedBytes);
}

/** Why an upgrade request is refused, or undefined to accept it. Browsers (an Origin header) are refused outright. */
export function refusalOfUpgrade(request: IncomingMessage, secret: string): string | undefined {
  const address = request.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(address)) return 'not from this machine';
  if (request.headers.origin !== undefined) return 'a browser page (Origin header)';
  const authorization = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(authorization);
  if (match === null || !sameSecret(match[1]!, secret)) return 'wrong or missing secret';
  return undefined;
}

/** Parses one message; a reply when it is refused. */
export function parseCtiMessage(data: RawData): { message: CtiMessage } | { reply: CtiReply } {
  let value: unknown;
  try {
    value = JSON.parse(data.toString());
  } catch {
    return { reply: { ok: false, code: 'MALFORMED', message: 'Not JSON.' } };
  }
  const parsed = ctiMessageSchema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(message)').join(', ');
    return { reply: { ok: false, code: 'MALFORMED', message: `Invalid fields: ${fields}.` } };
  }
  return { message: parsed.data };
}

/**
 * The CTI endpoint: a WebSocket on 127.0.0.1 for the telephony middleware, which presents the
 * shared secret as `Authorization: Bearer …`. Each message is one JSON object and gets one JSON
 * reply. A bad message is refused and counted (the log gets one line a second per connection,
 * not one per message, so a flood cannot flood the log); nothing a caller sends can throw out of
 * here.
 */
export async function startCtiServer(options: CtiServerOptions): Promise<CtiServer> {
  const server = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only.\n');
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maximumMessageBytes });
  server.on('upgrade', (request, socket: Socket, head) => {
    const secret = options.secret();
    if (secret === undefined) {
      options.log({ event: 'cti.refused', detail: 'store not open' });
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const refusal = refusalOfUpgrade(request, secret);
    if (refusal !== undefined) {
      options.log({ event: 'cti.refused', detail: refusal });
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client));
  });
  sockets.on('connection', (client: WebSocket) => {
    options.log({ event: 'cti.connected' });
    let refusedSinceLog = 0;
    let lastLog = 0;
    const noteRefusal = (detail: string) => {
      refusedSinceLog++;
      const now = Date.now();
      if (now - lastLog >= 1000) {
        options.log({ event: 'cti.message.refused', detail, count: refusedSinceLog });
        refusedSinceLog = 0;
        lastLog = now;
      }
    };
    client.on('message', (data) => {
      let reply: CtiReply;
      const parsed = parseCtiMessage(data);
      if ('reply' in parsed) {
        reply = parsed.reply;
      } else {
        try {
          reply = options.handle(parsed.message);
        } catch {
          reply = { ok: false, code: 'INTERNAL_ERROR', message: 'The desk could not handle this message.' };
        }
      }
      if (!reply.ok) noteRefusal(`${reply.code}: ${reply.message}`);
      if (client.readyState === client.OPEN) client.send(JSON.stringify(reply));
    });
    // Too large a message or a protocol error closes that connection only.
    client.on('error', (error) => options.log({ event: 'cti.connection.error', detail: error.message }));
    client.on('close', () => {
      if (refusedSinceLog > 0) options.log({ event: 'cti.message.refused', count: refusedSinceLog });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}
