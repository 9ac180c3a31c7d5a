import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { listCallPhraseHits } from '../../db/calls';
import WebSocket from 'ws';
import { createScenario, createTestDesk, type Scenario } from '../test-support';
import { ctiSecret, startCtiEndpoint } from './cti-endpoint';
import type { CtiServer } from './cti-server';

const run = promisify(execFile);

let scenario: Scenario | undefined;
let server: CtiServer | undefined;
const folders: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  scenario?.desk.cleanup();
  scenario = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'seatdesk-cti-'));
  folders.push(path);
  return path;
}

describe('the CTI endpoint as the desk starts it', () => {
  it('keeps one secret in the data folder, readable by its owner only; the environment may set it', () => {
    const directory = join(folder(), 'data');
    const secret = ctiSecret(directory, {});
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ctiSecret(directory, {})).toBe(secret);
    expect(statSync(join(directory, 'cti-secret')).mode & 0o777).toBe(0o600);
    expect(ctiSecret(directory, { SEATDESK_CTI_SECRET: 'from-the-environment-1234' })).toBe('from-the-environment-1234');
  });

  it('writes nothing and takes no calls while the store is not open', async () => {
    const desk = createTestDesk();
    try {
      const directory = folder();
      server = await startCtiEndpoint(desk.desk, { dataDirectory: directory, port: 0, environment: {} }, () => undefined);
      const status = await new Promise<number>((resolve) => {
        const client = new WebSocket(`ws://127.0.0.1:${server!.port}/`, { headers: { authorization: 'Bearer anything-at-all' } });
        client.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        client.once('error', () => resolve(-1));
      });
      expect(status).toBe(503);
      expect(readdirSync(directory)).toEqual([]);
    } finally {
      desk.cleanup();
    }
  });

  it('reports a port in use instead of failing the desk', async () => {
    const current = (scenario = await createScenario());
    const lines: string[] = [];
    server = await startCtiEndpoint(current.desk.desk, { dataDirectory: folder(), port: 0, environment: {} }, (line) => lines.push(line));
    const second = await startCtiEndpoint(current.desk.desk, { dataDirectory: folder(), port: server!.port, environment: {} }, (line) => lines.push(line));
    expect(second).toBeUndefined();
    expect(lines.at(-1)).toMatch(/CTI endpoint not started: .*EADDRINUSE/);
  });

  it('takes the scripted call of npm run cti:simulate', async () => {
    const current = (scenario = await createScenario());
    const directory = folder();
    server = await startCtiEndpoint(current.desk.desk, { dataDirectory: directory, port: 0, environment: {} }, () => undefined);
    const { stdout } = await run(process.execPath, ['scripts/cti-simulate.mjs', '--port', String(server!.port), '--data-dir', directory, '--pause', '0'], {
      env: { ...process.env, SEATDESK_CTI_SECRET: '' },
    });
    expect(stdout.split('\n').filter((line) => line.endsWith('→ ok'))).toHaveLength(7);
    const db = current.desk.desk.store.connection();
    const call = db.prepare('SELECT id, outcome FROM calls').get() as { id: number; outcome: string };
    expect(call.outcome).toBe('answered');
    expect(listCallPhraseHits(db, call.id).map((hit) => hit.ruleId)).toEqual(['SL-10', 'SL-02']);
    expect(readFileSync(join(directory, 'cti-secret'), 'utf8').trim().length).toBe(32);
  });
});
