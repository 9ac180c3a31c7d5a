import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from './test-support';
import { insertTicket, nextTicketNumber } from './tickets';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

function storeWithAgent(): { db: TestDatabase['db']; ownerAccountId: number } {
  current = createTestDatabase();
  return { db: current.db, ownerAccountId: insertAccountRow(current.db, { agentId: '1001', team: '一组' }) };
}

function addTicket(db: TestDatabase['db'], ownerAccountId: number, number: string): void {
  insertTicket(db, {
    number,
    channel: 'phone',
    callId: null,
    customerId: null,
    category: 'consultation',
    status: 'new',
    summary: '咨询套餐资费',
    preconditions: {},
    ownerAccountId,
    ownerTeam: '一组',
    department: '',
    targets: {},
    due: {},
    nextDueAt: null,
    nextDueKind: null,
    createdAt: '2026-11-22T02:00:00.000Z',
  });
}

describe('nextTicketNumber', () => {
  it('numbers each day from 0001 on, following the tickets already stored that day', () => {
    const { db, ownerAccountId } = storeWithAgent();
    expect(nextTicketNumber(db, '20261122')).toBe('GD20261122-0001');
    addTicket(db, ownerAccountId, nextTicketNumber(db, '20261122'));
    addTicket(db, ownerAccountId, nextTicketNumber(db, '20261122'));
    expect(nextTicketNumber(db, '20261122')).toBe('GD20261122-0003');
    // Another day starts again; the neighbouring days do not leak into it.
    expect(nextTicketNumber(db, '20261121')).toBe('GD20261121-0001');
    addTicket(db, ownerAccountId, 'GD20261123-0042');
    expect(nextTicketNumber(db, '20261122')).toBe('GD20261122-0003');
    expect(nextTicketNumber(db, '20261123')).toBe('GD20261123-0043');
  });

  it('keeps counting past 9,999 a day although "-10000" sorts before "-9999" as text', () => {
    const { db, ownerAccountId } = storeWithAgent();
    addTicket(db, ownerAccountId, 'GD20261122-9999');
    expect(nextTicketNumber(db, '20261122')).toBe('GD20261122-10000');
    addTicket(db, ownerAccountId, 'GD20261122-10000');
    expect(nextTicketNumber(db, '20261122')).toBe('GD20261122-10001');
  });
});
