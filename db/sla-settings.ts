import type { CalendarYear } from '../common/deadline-calendar/working-calendar';
import type { SlaPolicy } from '../common/tickets/sla-policy';
import type { Db } from './connection';

/** The stored SLA policies (JSON each), by category. */
export function listSlaPolicyRows(db: Db): { category: string; policy: unknown }[] {
  const rows = db.prepare('SELECT category, policy FROM sla_policies ORDER BY rowid').all() as { category: string; policy: string }[];
  return rows.map((row) => ({ category: row.category, policy: JSON.parse(row.policy) as unknown }));
}

/** The stored calendar years (JSON lists parsed; checked by the caller). */
export function listCalendarYearRows(db: Db): { year: number; holidays: unknown; makeUpWorkdays: unknown; source: string }[] {
  const rows = db.prepare('SELECT year, holidays, make_up_workdays AS makeUpWorkdays, source FROM calendar_years ORDER BY year').all() as {
    year: number;
    holidays: string;
    makeUpWorkdays: string;
    source: string;
  }[];
  return rows.map((row) => ({ ...row, holidays: JSON.parse(row.holidays) as unknown, makeUpWorkdays: JSON.parse(row.makeUpWorkdays) as unknown }));
}

/** When and by whom a policy or calendar year is written: an ISO time and the editor's agent ID. */
export type SlaSettingsStamp = Readonly<{ now: string; agentId: string }>;

/**
 * Stores one category's policy (validated by the caller), replacing the one stored before.
 * The category is the key; the targets are kept as JSON without it, as the seed wrote them.
 */
export function saveSlaPolicyRow(db: Db, policy: SlaPolicy, stamp: SlaSettingsStamp): void {
  const { category, ...targets } = policy;
  db.prepare(
    `INSERT INTO sla_policies (category, policy, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (category) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(category, JSON.stringify(targets), stamp.now, stamp.agentId);
}

/** Deletes the stored policy of a category, so the built-in default applies again. Returns whether there was one. */
export function removeSlaPolicyRow(db: Db, category: string): boolean {
  return db.prepare('DELETE FROM sla_policies WHERE category = ?').run(category).changes === 1;
}

/** Stores one calendar year (validated by the caller), replacing the one stored before. */
export function saveCalendarYearRow(db: Db, year: CalendarYear, stamp: SlaSettingsStamp): void {
  db.prepare(
    `INSERT INTO calendar_years (year, holidays, make_up_workdays, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET holidays = excluded.holidays, make_up_workdays = excluded.make_up_workdays,
       source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(year.year, JSON.stringify(year.holidays), JSON.stringify(year.makeUpWorkdays), year.source, stamp.now, stamp.agentId);
}

/** Deletes a calendar year (its days then count Monday–Friday). Returns whether there was one. */
export function removeCalendarYearRow(db: Db, year: number): boolean {
  return db.prepare('DELETE FROM calendar_years WHERE year = ?').run(year).changes === 1;
}
