import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bridgeClientHeader,
  bridgeClientIdPattern,
  bridgeMaximumBodyBytes,
  bridgePathPrefix,
  bridgeSecretHeader,
  bridgeSecretPlaceholder,
} from '../../common/ipc/bridge';
import { failure, type IpcResult } from '../../common/ipc/result';
import type { Dispatch } from '../ipc/dispatcher';
import { securityHeaders } from '../security/content-security-policy';
import { contentTypeOf, resolveAssetPath } from '../security/static-assets';

/** The only address the preview binds to. */
export const loopbackAddress = '127.0.0.1';

/** Throws unless `host` is exactly 127.0.0.1: the bridge must never be reachable from the network. */
export function assertLoopbackBindAddress(host: string): void {
  if (host !== loopbackAddress) {
    throw new Error(`The preview binds to ${loopbackAddress} only; refusing "${host}".`);
  }
}

/** Options of {@link startBridgeServer}. */
export type BridgeServerOptions = Readonly<{
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDirectory: string;
  dispatch: Dispatch;
}>;

/** A running bridge. */
export type BridgeServer = Readonly<{ url: string; port: number; secret: string; close: () => Promise<void> }>;

function sameSecret(offered: string | string[] | undefined, secret: string): boolean {
  if (typeof offered !== 'string') return false;
  const offeredBytes = Buffer.from(offered);
  const secretBytes = Buffer.from(secret);
  return offeredBytes.length === secretBytes.length && timingSafeEqual(offeredBytes, secretBytes);
}

function sendJson(response: ServerResponse, status: number, body: IpcResult<unknown>): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Reads the body; `undefined` when it exceeds the limit (the rest is drained, not kept). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= bridgeMaximumBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > bridgeMaximumBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Serves the built renderer and carries the IPC contract over HTTP, on 127.0.0.1 only.
 * Every call must present the per-run secret (handed to the page inside its HTML), come with
 * our own Host (against DNS rebinding) and, when the browser sends one, our own Origin. The
 * same dispatcher as Electron's ipcMain runs the call, so validation, roles and error codes
 * are identical.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  assertLoopbackBindAddress(options.host);
  const secret = randomBytes(32).toString('base64url');
  let expectedHost = '';
  let expectedOrigin = '';

  async function serveAsset(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const file = resolveAssetPath(options.rendererDirectory, path);
    let body: Buffer | undefined;
    if (file !== undefined) body = await readFile(file).catch(() => undefined);
    if (file === undefined || body === undefined) {
      response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const contentType = contentTypeOf(file);
    const payload = contentType.startsWith('text/html')
      ? Buffer.from(body.toString('utf8').replaceAll(bridgeSecretPlaceholder, secret))
      : body;
    response.writeHead(200, { ...securityHeaders, 'content-type': contentType, 'content-length': payload.length });
    response.end(request.method === 'HEAD' ? undefined : payload);
  }

  async function serveCall(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== expectedOrigin) {
      sendJson(response, 403, failure('FORBIDDEN_SENDER', 'Calls are accepted only from the Seatdesk page.'));
      return;
    }
    if (!sameSecret(request.headers[bridgeSecretHeader], secret)) {
      sendJson(response, 403, failure('FORBIDDEN_SENDER', 'Missing or wrong bridge secret.'));
      return;
    }
    const clientId = request.headers[bridgeClientHeader];
    if (typeof clientId !== 'string' || !bridgeClientIdPattern.test(clientId)) {
      sendJson(response, 403, failure('FORBIDDEN_SENDER', 'Missing or malformed client id.'));
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, failure('VALIDATION_FAILED', 'Requests must be application/json.'));
      return;
    }
    const text = await readBody(request);
    if (text === undefined) {
      sendJson(response, 413, failure('VALIDATION_FAILED', 'The request is too large.'));
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      sendJson(response, 400, failure('VALIDATION_FAILED', 'The request is not valid JSON.'));
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(path.slice(bridgePathPrefix.length));
    } catch {
      channel = '';
    }
    sendJson(response, 200, await options.dispatch(channel, payload, `bridge:${clientId}`));
  }

  function route(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method === 'POST' && path.startsWith(bridgePathPrefix)) return serveCall(request, response, path);
    if (request.method === 'GET' || request.method === 'HEAD') return serveAsset(request, response, path);
    response.writeHead(405, { allow: 'GET, HEAD, POST' });
    response.end();
    return Promise.resolve();
  }

  const server: Server = createServer((request, response) => {
    if (request.headers.host !== expectedHost) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Wrong host');
      return;
    }
    const path = new URL(request.url ?? '/', expectedOrigin).pathname;
    route(request, response, path).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL_ERROR', 'The bridge failed.'));
      console.error('[seatdesk preview]', error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `${options.host}:${port}`;
  expectedOrigin = `http://${expectedHost}`;
  return {
    url: `${expectedOrigin}/`,
    port,
    secret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
