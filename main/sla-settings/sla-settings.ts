import { calendarYearSchema, workingCalendarOf, type WorkingCalendar } from '../../common/deadline-calendar/working-calendar';
import { slaPolicySchema, type SlaPolicy } from '../../common/tickets/sla-policy';
import type { Db } from '../../db/connection';
import { listCalendarYearRows, listSlaPolicyRows } from '../../db/sla-settings';

type LoadedSettings = { calendar: WorkingCalendar; policies: SlaPolicy[] };

// Every ticket read and write needs the calendar and the policies; parsing them each time cost
// more than the ticket's own SQL. They change only through this module's saves, which forget them.
const loaded = new WeakMap<Db, LoadedSettings>();

function settingsOf(db: Db): LoadedSettings {
  let settings = loaded.get(db);
  if (settings === undefined) {
    const years = listCalendarYearRows(db).flatMap((row) => {
      const parsed = calendarYearSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    const policies = listSlaPolicyRows(db).flatMap((row) => {
      const parsed = slaPolicySchema.safeParse({ category: row.category, ...(row.policy as object) });
      return parsed.success ? [parsed.data] : [];
    });
    settings = { calendar: workingCalendarOf(years), policies };
    loaded.set(db, settings);
  }
  return settings;
}

/** The working-day calendar as stored; a year that no longer validates is left out (weekends only). */
export function loadWorkingCalendar(db: Db): WorkingCalendar {
  return settingsOf(db).calendar;
}

/** The SLA policies stored and still valid (a category without one gets the default through `policyFor`). */
export function loadSlaPolicies(db: Db): readonly SlaPolicy[] {
  return settingsOf(db).policies;
}

/** Drops the loaded calendar and policies of `db`; call after any change to them. */
export function forgetLoadedSlaSettings(db: Db): void {
  loaded.delete(db);
}
