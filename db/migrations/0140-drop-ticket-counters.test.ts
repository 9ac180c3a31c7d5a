import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { nextTicketNumber } from '../tickets';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0140 drop-ticket-counters', () => {
  it('drops the day counters and numbering goes on after the tickets already given out', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 130);
    const owner = insertAccountRow(db, { agentId: '1001', team: '一组' });
    db.prepare("INSERT INTO ticket_counters (day, last) VALUES ('20261122', 7)").run();
    db.prepare(
      `INSERT INTO tickets (number, channel, category, status, summary, preconditions, owner_account_id, owner_team, targets, due, created_at)
       VALUES ('GD20261122-0007', 'phone', 'consultation', 'new', '咨询', '{}', ?, '一组', '{}', '{}', '2026-11-22T02:00:00.000Z')`,
    ).run(owner);
    runMigrations(db, migrations, 140);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ticket_counters'").get()).toBeUndefined();
    expect(nextTicketNumber(db, '20261122')).toBe('GD20261122-0008');
  });
});
