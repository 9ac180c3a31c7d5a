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
