import type { Db } from '../connection';

/** Accounts of agents, team leads and administrators (工号, role, team, password hash). */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      agent_id TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(agent_id) BETWEEN 1 AND 16),
      display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
      role TEXT NOT NULL CHECK (role IN ('agent', 'team_lead', 'admin')),
      team TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
      password_hash TEXT NOT NULL,
      must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      password_changed_at TEXT NOT NULL,
      last_sign_in_at TEXT
    ) STRICT;
  `);
}
