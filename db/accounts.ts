import type { AccountStatus, Role } from '../common/roles';
import { cachedStatement, type Db } from './connection';

/** An account row as main sees it, including the password hash that never leaves main. */
export type AccountRecord = Readonly<{
  id: number;
  agentId: string;
  displayName: string;
  role: Role;
  team: string;
  status: AccountStatus;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
  lastSignInAt: string | null;
  /** Failed sign-ins and unlocks since the last success or lockout. */
  failedAttempts: number;
  /** Until when (ISO-8601 UTC) sign-in and unlock are refused, or null. */
  lockedUntil: string | null;
}>;

type AccountRow = {
  id: number;
  agent_id: string;
  display_name: string;
  role: Role;
  team: string;
  status: AccountStatus;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  last_sign_in_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
};

function toRecord(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    agentId: row.agent_id,
    displayName: row.display_name,
    role: row.role,
    team: row.team,
    status: row.status,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
    lastSignInAt: row.last_sign_in_at,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
  };
}

/** Fields of a new account. `now` is an ISO-8601 UTC timestamp supplied by the caller. */
export type NewAccount = Readonly<{
  agentId: string;
  displayName: string;
  role: Role;
  team: string;
  passwordHash: string;
  mustChangePassword: boolean;
  now: string;
}>;

/**
 * Inserts an active account and returns it. Throws SQLite's `SQLITE_CONSTRAINT_UNIQUE` when the
 * agent ID exists already (compared without regard to case); callers check first for a clear code.
 */
export function insertAccount(db: Db, account: NewAccount): AccountRecord {
  const result = db
    .prepare(
      `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash,
         must_change_password, created_at, updated_at, password_changed_at)
       VALUES (@agentId, @displayName, @role, @team, 'active', @passwordHash,
         @mustChangePassword, @now, @now, @now)`,
    )
    .run({ ...account, mustChangePassword: account.mustChangePassword ? 1 : 0 });
  const created = findAccountById(db, Number(result.lastInsertRowid));
  if (created === undefined) throw new Error('Inserted account vanished.');
  return created;
}

/** The account with this row id, or `undefined`. */
export function findAccountById(db: Db, id: number): AccountRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** The account with this agent ID (case-insensitive), or `undefined`. */
export function findAccountByAgentId(db: Db, agentId: string): AccountRecord | undefined {
  const row = db.prepare('SELECT * FROM accounts WHERE agent_id = ?').get(agentId) as
    | AccountRow
    | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** Every account, ordered by agent ID. */
export function listAccounts(db: Db): AccountRecord[] {
  const rows = db.prepare('SELECT * FROM accounts ORDER BY agent_id').all() as AccountRow[];
  return rows.map(toRecord);
}

/** How many accounts exist; zero means first-run setup has not happened. */
export function countAccounts(db: Db): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}

/** How many active administrators exist (there must always be at least one). */
export function countActiveAdministrators(db: Db): number {
  return db
    .prepare(`SELECT count(*) FROM accounts WHERE role = 'admin' AND status = 'active'`)
    .pluck()
    .get() as number;
}

/** Changes the name, role and team of an account. */
export function updateAccountProfile(
  db: Db,
  id: number,
  profile: Readonly<{ displayName: string; role: Role; team: string; now: string }>,
): void {
  db.prepare(
    `UPDATE accounts SET display_name = @displayName, role = @role, team = @team, updated_at = @now
     WHERE id = @id`,
  ).run({ ...profile, id });
}

/** Disables or re-enables an account. */
export function setAccountStatus(db: Db, id: number, status: AccountStatus, now: string): void {
  db.prepare('UPDATE accounts SET status = @status, updated_at = @now WHERE id = @id').run({
    id,
    status,
    now,
  });
}

/**
 * Stores a new password hash; `mustChangePassword` marks an administrator-set temporary one.
 * With `replacingHash`, writes only if the stored hash is still that one (compare-and-set, so a
 * slow change cannot overwrite a reset made meanwhile). Returns whether the row changed.
 */
export function setAccountPassword(
  db: Db,
  id: number,
  password: Readonly<{ passwordHash: string; mustChangePassword: boolean; now: string; replacingHash?: string }>,
): boolean {
  const result = db
    .prepare(
      `UPDATE accounts SET password_hash = @passwordHash, must_change_password = @mustChange,
         password_changed_at = @now, updated_at = @now
       WHERE id = @id AND (@replacingHash IS NULL OR password_hash = @replacingHash)`,
    )
    .run({
      id,
      passwordHash: password.passwordHash,
      mustChange: password.mustChangePassword ? 1 : 0,
      now: password.now,
      replacingHash: password.replacingHash ?? null,
    });
  return result.changes === 1;
}

/** Records a successful sign-in time. */
export function recordSignIn(db: Db, id: number, now: string): void {
  db.prepare('UPDATE accounts SET last_sign_in_at = @now WHERE id = @id').run({ id, now });
}

/** Stores the lockout counters of an account (see main's lockout policy). */
export function setAccountLockout(
  db: Db,
  id: number,
  lockout: Readonly<{ failedAttempts: number; lockedUntil: string | null }>,
): void {
  db.prepare('UPDATE accounts SET failed_attempts = @failedAttempts, locked_until = @lockedUntil WHERE id = @id').run({
    id,
    ...lockout,
  });
}

/** The agent IDs of every account in a team. */
export function listAgentIdsOfTeam(db: Db, team: string): string[] {
  return db.prepare('SELECT agent_id FROM accounts WHERE team = ? ORDER BY agent_id').pluck().all(team) as string[];
}
