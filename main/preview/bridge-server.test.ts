import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeClientHeader, bridgeSecretHeader, bridgeSecretPlaceholder } from '../../common/ipc/bridge';
import { createTestDesk, type TestDesk } from '../test-support';
import { assertLoopbackBindAddress, startBridgeServer, type BridgeServer } from './bridge-server';
import { parsePreviewOptions } from './preview-options';

let desk: TestDesk;
let server: BridgeServer;
let rendererDirectory: string;
let parentDirectory: string;
const clientId = 'client-0123456789';

beforeAll(async () => {
  desk = createTestDesk();
  parentDirectory = mkdtempSync(join(tmpdir(), 'seatdesk-bridge-'));
  rendererDirectory = join(parentDirectory, 'renderer');
  mkdirSync(join(rendererDirectory, 'assets'), { recursive: true });
  writeFileSync(join(rendererDirectory, 'index.html'), `<meta name="seatdesk-bridge-secret" content="${bridgeSecretPlaceholder}">`);
  writeFileSync(join(rendererDirectory, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(parentDirectory, 'seatdesk-outside.txt'), 'secret outside');
  server = await startBridgeServer({ host: '127.0.0.1', port: 0, rendererDirectory, dispatch: desk.dispatch });
});

afterAll(async () => {
  await server.close();
  desk.cleanup();
  rmSync(parentDirectory, { recursive: true, force: true });
});

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP request, so tests control Host and paths exactly (fetch would normalise them). */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function callHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json',
    [bridgeSecretHeader]: server.secret,
    [bridgeClientHeader]: clientId,
    ...overrides,
  };
}

describe('loopback bridge', () => {
  it('refuses every bind address but 127.0.0.1', async () => {
    for (const host of ['0.0.0.0', '::', '::1', 'localhost', '192.168.1.20', '127.0.0.2']) {
      expect(() => assertLoopbackBindAddress(host)).toThrow(/127\.0\.0\.1 only/);
      await expect(startBridgeServer({ host, port: 0, rendererDirectory, dispatch: desk.dispatch })).rejects.toThrow();
    }
    expect(() => parsePreviewOptions(['--port', 'x'], {}, '/tmp')).toThrow(/Invalid port/);
  });

  it('serves the page with the per-run secret and a strict CSP', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${server.secret}"`);
    expect(page.body).not.toContain(bridgeSecretPlaceholder);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toContain('text/javascript');
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const path of ['/../seatdesk-outside.txt', '/%2e%2e/seatdesk-outside.txt', '/assets/..%2f..%2fseatdesk-outside.txt', '/..%5cseatdesk-outside.txt']) {
      const answer = await send({ path });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('secret outside');
    }
  });

  it('carries the contract with the same codes as IPC', async () => {
    const status = await send({ method: 'POST', path: '/ipc/app:store.status', headers: callHeaders(), body: '{}' });
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
    const unknown = await send({ method: 'POST', path: '/ipc/app:store.drop', headers: callHeaders(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    const malformed = await send({ method: 'POST', path: '/ipc/app:session.signIn', headers: callHeaders(), body: '{"agentId":1}' });
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const notJson = await send({ method: 'POST', path: '/ipc/app:session.signIn', headers: callHeaders(), body: '{agentId' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const huge = await send({ method: 'POST', path: '/ipc/app:store.unlock', headers: callHeaders(), body: JSON.stringify({ passphrase: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
  });

  it('refuses calls without the secret, from another origin or through another host name', async () => {
    const cases: Array<[Record<string, string>, number]> = [
      [callHeaders({ [bridgeSecretHeader]: 'wrong' }), 403],
      [{ 'content-type': 'application/json', [bridgeClientHeader]: clientId }, 403],
      [callHeaders({ [bridgeClientHeader]: 'x' }), 403],
      [callHeaders({ origin: 'http://evil.example' }), 403],
      [callHeaders({ host: `attacker.example:${server.port}` }), 421],
      [callHeaders({ host: `localhost:${server.port}` }), 421],
      [callHeaders({ 'content-type': 'text/plain' }), 415],
    ];
    for (const [headers, status] of cases) {
      const answer = await send({ method: 'POST', path: '/ipc/app:store.status', headers, body: '{}' });
      expect(answer.status, JSON.stringify(headers)).toBe(status);
    }
    expect((await send({ method: 'DELETE', path: '/' })).status).toBe(405);
  });
});
