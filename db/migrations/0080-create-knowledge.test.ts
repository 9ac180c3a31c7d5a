import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0080 create-knowledge', () => {
  it('creates the answers table and keeps the trigram index in step with it', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 70);
    insertAccountRow(db, { agentId: '2001', role: 'team_lead' });
    runMigrations(db, migrations, 80);
    const insert = db.prepare(
      `INSERT INTO knowledge_answers (title, body, tags, category, valid_from, valid_to, author_account_id, created_at, updated_at, updated_by_account_id)
       VALUES (?, ?, ?, '咨询', '2026-01-01', NULL, 1, 't', 't', 1)`,
    );
    insert.run('停水通知', '明天停水', '[]');
    expect(() => insert.run('x', 'y', '{}')).toThrow(/CHECK/);
    const matches = () => db.prepare(`SELECT rowid FROM knowledge_search WHERE knowledge_search MATCH '"停水通"'`).pluck().all();
    expect(matches()).toEqual([1]);
    db.prepare(`UPDATE knowledge_answers SET title = '停电通知' WHERE id = 1`).run();
    expect(matches()).toEqual([]);
    db.prepare('DELETE FROM knowledge_answers WHERE id = 1').run();
    expect(db.prepare(`SELECT count(*) FROM knowledge_search WHERE knowledge_search MATCH '"停电通"'`).pluck().get()).toBe(0);
  });
});
