import type { Db } from '../connection';

/**
 * Calls get the agent who took them, the intent the agent classified, the script followed and
 * when the agent finished the call's wrap-up; each ticked script step is stored with its time,
 * so QA can see which steps were done and when.
 */
export function migrate(db: Db): void {
  db.exec(`
    ALTER TABLE calls ADD COLUMN agent_account_id INTEGER REFERENCES accounts (id);
    ALTER TABLE calls ADD COLUMN intent TEXT;
    ALTER TABLE calls ADD COLUMN script_id TEXT;
    ALTER TABLE calls ADD COLUMN closed_at TEXT;
    CREATE INDEX calls_open_by_agent ON calls (agent_account_id, closed_at);

    CREATE TABLE call_script_steps (
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      script_id TEXT NOT NULL,
      step_id TEXT NOT NULL,
      done_at TEXT NOT NULL,
      PRIMARY KEY (call_id, script_id, step_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
