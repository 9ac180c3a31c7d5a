import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0150 create-handovers', () => {
  it('creates the log append-only: entries, ticket links and one acknowledgment, never by the author', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 140);
    const author = insertAccountRow(db, { agentId: '2001', role: 'team_lead', team: '一组' });
    const incoming = insertAccountRow(db, { agentId: '2002', role: 'team_lead', team: '一组' });
    const ticket = Number(
      db
        .prepare(
          `INSERT INTO tickets (number, channel, category, status, summary, preconditions, owner_account_id, owner_team, targets, due, created_at)
           VALUES ('GD20261122-0001', 'phone', 'complaint', 'new', '投诉', '{}', ?, '一组', '{}', '{}', '2026-11-22T02:00:00.000Z')`,
        )
        .run(author).lastInsertRowid,
    );
    runMigrations(db, migrations, 150);

    const insert = db.prepare(
      `INSERT INTO handovers (team, shift_date, shift, equipment_state, equipment_note, open_issues, staffing_changes, notes,
         corrects_id, author_account_id, written_at, search_text)
       VALUES (@team, @shiftDate, @shift, @equipmentState, @equipmentNote, @openIssues, '', '', NULL, @author, 't', '')`,
    );
    const entry = { team: '一组', shiftDate: '2026-11-22', shift: 'evening', equipmentState: 'normal', equipmentNote: '', openIssues: '王先生投诉未结', author };
    const id = Number(insert.run(entry).lastInsertRowid);
    // Nothing to say, a problem without a note, a shift or team the log does not know: refused.
    expect(() => insert.run({ ...entry, openIssues: '  ' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...entry, equipmentState: 'problems' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...entry, shift: 'lunch' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...entry, team: '' })).toThrow(/CHECK/);

    db.prepare('INSERT INTO handover_tickets (handover_id, ticket_id, position) VALUES (?, ?, 0)').run(id, ticket);
    expect(() => db.prepare('INSERT INTO handover_tickets (handover_id, ticket_id, position) VALUES (?, 999, 1)').run(id)).toThrow(/FOREIGN KEY/);

    const acknowledge = db.prepare(
      "INSERT INTO handover_acknowledgments (handover_id, account_id, acknowledged_at, note, search_text) VALUES (?, ?, 't', '', '')",
    );
    expect(() => acknowledge.run(id, author)).toThrow(/author of a handover cannot acknowledge/);
    acknowledge.run(id, incoming);
    expect(() => acknowledge.run(id, incoming)).toThrow(/UNIQUE|PRIMARY KEY/);

    expect(() => db.prepare("UPDATE handovers SET notes = '改' WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM handovers WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE handover_tickets SET position = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM handover_tickets').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE handover_acknowledgments SET note = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM handover_acknowledgments').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT open_issues FROM handovers WHERE id = ?').pluck().get(id)).toBe('王先生投诉未结');
  });
});
