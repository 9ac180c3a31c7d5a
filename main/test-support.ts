import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcResult } from '../common/ipc/result';
import { appendAuditEntry } from '../db/audit-log';
import type { Keychain } from './security/database-key';
import { createDeskServices, type DeskServices } from './desk-services';

/** Cheap scrypt costs for tests; every hash records its own cost, so nothing else changes. */
export const testCost = { logN: 10, r: 8, p: 1 } as const;

/** A fake keychain standing in for Electron's safeStorage (which cannot run here). */
export function createFakeKeychain(backend = 'gnome_libsecret'): Keychain & { setBackend: (name: string) => void } {
  let currentBackend = backend;
  const mask = 0x5c;
  return {
    backend: () => currentBackend,
    isAvailable: () => true,
    encrypt: (plainText) => Buffer.from(Buffer.from(`fake:${plainText}`).map((byte) => byte ^ mask)),
    decrypt: (cipherText) => {
      const text = Buffer.from(cipherText.map((byte) => byte ^ mask)).toString();
      if (!text.startsWith('fake:')) throw new Error('not ours');
      return text.slice(5);
    },
    setBackend: (name) => {
      currentBackend = name;
    },
  };
}

/** Services over a temp data directory, plus helpers to restart them on the same directory. */
export type TestDesk = DeskServices &
  Readonly<{
    dataDirectory: string;
    errors: unknown[];
    restart: (keychain?: Keychain) => TestDesk;
    cleanup: () => void;
  }>;

/** A clock tests move by hand. */
export type FakeClock = Readonly<{ now: () => Date; advance: (milliseconds: number) => void; set: (iso: string) => void }>;

/** A fake clock starting at `start`. */
export function createFakeClock(start = '2026-11-22T02:00:00.000Z'): FakeClock {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (iso) => {
      current = Date.parse(iso);
    },
  };
}

/**
 * Creates desk services in a fresh temp folder (no keychain unless given, like the preview).
 * With a clock, time is the clock's and the idle-lock timer does not run (tests call `tick`).
 */
export function createTestDesk(keychain?: Keychain, dataDirectory?: string, clock?: FakeClock): TestDesk {
  const directory = dataDirectory ?? mkdtempSync(join(tmpdir(), 'seatdesk-desk-'));
  const errors: unknown[] = [];
  const services = createDeskServices({
    dataDirectory: directory,
    keychain,
    reportError: (_channel, error) => errors.push(error),
    passwordCost: testCost,
    passphraseCost: testCost,
    timeZone: 'Asia/Shanghai',
    ...(clock === undefined ? {} : { now: clock.now, tickSeatLocks: false }),
  });
  return {
    ...services,
    dataDirectory: directory,
    errors,
    restart: (nextKeychain) => {
      services.close();
      return createTestDesk(nextKeychain ?? keychain, directory, clock);
    },
    cleanup: () => {
      services.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A strong password that passes the policy, different per label. */
export function strongPassword(label: string): string {
  return `Seat-${label}-desk-2026!`;
}

/** The scenario password of an agent: unique per person, never containing the agent ID. */
export function personalPassword(agentId: string): string {
  return strongPassword(agentId.replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)] ?? 'z'));
}

/** A desk with people in it, signed in on their own clients, and helpers to call channels. */
export type Scenario = Readonly<{
  desk: TestDesk;
  clock: FakeClock;
  /** Calls a channel as a client; the result as the renderer would get it. */
  call: (channel: string, payload: unknown, clientKey: string) => Promise<IpcResult<any>>;
  /** Calls a channel and returns its value, failing the test on an error result. */
  value: (channel: string, payload: unknown, clientKey: string) => Promise<any>;
}>;

/** Who the scenario creates: agent ID → role and team. Each signs in on a client named by the agent ID. */
export const scenarioPeople = [
  { agentId: '8001', role: 'admin', team: '' },
  { agentId: '2001', role: 'team_lead', team: '一组' },
  { agentId: '2002', role: 'team_lead', team: '一组' },
  { agentId: '2003', role: 'team_lead', team: '二组' },
  { agentId: '1001', role: 'agent', team: '一组' },
  { agentId: '1002', role: 'agent', team: '二组' },
] as const;

/**
 * Sets up a desk with an administrator, team leads and agents (each with a password of their
 * own, `personalPassword(agentId)`), each signed in on the client named by their agent ID.
 */
export async function createScenario(clock = createFakeClock()): Promise<Scenario> {
  const desk = createTestDesk(undefined, undefined, clock);
  const call = (channel: string, payload: unknown, clientKey: string) => desk.dispatch(channel, payload, clientKey);
  const value = async (channel: string, payload: unknown, clientKey: string) => {
    const result = await call(channel, payload, clientKey);
    if (!result.ok) throw new Error(`${channel} failed for ${clientKey}: ${result.code} ${result.message}`);
    return result.value;
  };
  await value(
    'app:setup.createAdministrator',
    { agentId: '8001', displayName: '管理员', team: '', password: personalPassword('8001'), databasePassphrase: 'branch-counter-passphrase' },
    '8001',
  );
  for (const person of scenarioPeople.slice(1)) {
    await value(
      'app:agents.create',
      { agentId: person.agentId, displayName: `员工${person.agentId}`, role: person.role, team: person.team, temporaryPassword: strongPassword('temporary') },
      '8001',
    );
    await value('app:session.signIn', { agentId: person.agentId, password: strongPassword('temporary') }, person.agentId);
    await value(
      'app:session.changePassword',
      { currentPassword: strongPassword('temporary'), newPassword: personalPassword(person.agentId) },
      person.agentId,
    );
  }
  return { desk, clock, call, value };
}

/** Appends `count` agent entries straight into the scenario's audit chain, as a long-running desk would have. */
export function fillAuditLog(current: Scenario, count: number): void {
  const db = current.desk.desk.store.connection();
  const auditKey = current.desk.desk.store.auditKey();
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      appendAuditEntry(db, auditKey, {
        occurredAt: '2026-11-22T01:00:00.000Z',
        timeZone: 'Asia/Shanghai',
        utcOffsetMinutes: 480,
        workstationId: 'WS-0001',
        agentId: '1001',
        role: 'agent',
        action: 'customer.view',
        objectType: 'customer',
        objectId: String(index),
        outcome: 'success',
        code: null,
        details: { index },
      });
    }
  })();
}
