import type { z } from 'zod';
import { parseCalendarYearsJson, pathOf, type CalendarFileProblem } from '../../common/deadline-calendar/calendar-file';
import type { ServiceTarget } from '../../common/deadline-calendar/deadline';
import { calendarYearSchema, workingCalendarOf, type CalendarYear, type WorkingCalendar } from '../../common/deadline-calendar/working-calendar';
import { localDateOf } from '../../common/deadline-calendar/zoned-time';
import {
  calendarImportProblemLimit,
  calendarProblemsMessage,
  type CalendarYearView,
  type SlaPolicyView,
} from '../../common/ipc/sla-settings';
import { AppError } from '../../common/ipc/result';
import { ticketCategories, type TicketCategory } from '../../common/tickets/categories';
import { policyFor, slaPolicySchema, slaTargetKinds, type SlaPolicy } from '../../common/tickets/sla-policy';
import type { AuditDetails } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import {
  listCalendarYearRows,
  listSlaPolicyRows,
  removeCalendarYearRow,
  removeSlaPolicyRow,
  saveCalendarYearRow,
  saveSlaPolicyRow,
} from '../../db/sla-settings';
import { recordAudit, refuseAudited } from '../audit/audit-trail';
import { stampOf, type DeskContext, type SignedInCaller } from '../desk-context';

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
      const parsed = slaPolicySchema.safeParse(policyInput(row));
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

/** A stored row's fields as the schemas read them (a policy is stored without its category). */
function policyInput(row: { category: string; policy: unknown }): unknown {
  return typeof row.policy === 'object' && row.policy !== null ? { category: row.category, ...row.policy } : row.policy;
}

/** `holidays[2].date: a date as YYYY-MM-DD`, or the message alone for a problem of the whole. */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = pathOf('', issue.path);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
}

function targetsOf(policy: SlaPolicy): Pick<SlaPolicy, 'firstResponse' | 'reply' | 'resolve' | 'callback'> {
  return { firstResponse: policy.firstResponse, reply: policy.reply, resolve: policy.resolve, callback: policy.callback };
}

function samePolicy(first: SlaPolicy, second: SlaPolicy): boolean {
  return JSON.stringify(targetsOf(first)) === JSON.stringify(targetsOf(second));
}

const unitAbbreviations = { minutes: 'min', hours: 'h', workingDays: 'wd' } as const;

/** `firstResponse 48h, reply 72h, resolve -, callback 72h`: a policy in one short audit field. */
function policySummary(policy: SlaPolicy): string {
  const target = (value: ServiceTarget | null) => (value === null ? '-' : `${value.amount}${unitAbbreviations[value.unit]}`);
  return slaTargetKinds.map((kind) => `${kind} ${target(policy[kind])}`).join(', ');
}

function policyView(policy: SlaPolicy, problems: string[]): SlaPolicyView {
  const builtIn = policyFor([], policy.category);
  return { ...targetsOf(policy), category: policy.category, isDefault: samePolicy(policy, builtIn), defaultTargets: targetsOf(builtIn), problems };
}

/** The stored row of a category: absent, valid, or with the problems that keep it from being used. */
function storedPolicyOf(db: Db, category: TicketCategory): { policy: SlaPolicy; problems: [] } | { policy: undefined; problems: string[] } | undefined {
  const row = listSlaPolicyRows(db).find((candidate) => candidate.category === category);
  if (row === undefined) return undefined;
  const parsed = slaPolicySchema.safeParse(policyInput(row));
  return parsed.success ? { policy: parsed.data, problems: [] } : { policy: undefined, problems: describeIssues(parsed.error) };
}

/** The {date, name} entries of a stored list that still read as such (of a year that fails to parse). */
function readableDays(list: unknown): { date: string; name: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((day: unknown) => {
    if (typeof day !== 'object' || day === null) return [];
    const { date, name } = day as Record<string, unknown>;
    return typeof date === 'string' && typeof name === 'string' ? [{ date, name }] : [];
  });
}

function calendarYearViews(db: Db): CalendarYearView[] {
  return listCalendarYearRows(db).map((row) => {
    const parsed = calendarYearSchema.safeParse(row);
    if (parsed.success) return { ...parsed.data, problems: [] };
    return {
      year: row.year,
      holidays: readableDays(row.holidays),
      makeUpWorkdays: readableDays(row.makeUpWorkdays),
      source: row.source,
      problems: describeIssues(parsed.error),
    };
  });
}

/**
 * What the SLA settings page shows: every ticket category with the policy new tickets get (the
 * stored one, else the built-in default) and whether it is the default; every stored calendar
 * year (one that no longer validates is listed with its problems, not hidden); the time zone
 * deadlines are computed in and today's date there.
 */
export function listSlaSettings(desk: DeskContext): {
  policies: SlaPolicyView[];
  years: CalendarYearView[];
  timeZone: string;
  today: string;
} {
  const db = desk.store.connection();
  const rows = listSlaPolicyRows(db);
  const policies = loadSlaPolicies(db);
  return {
    policies: ticketCategories.map((category) => {
      const row = rows.find((candidate) => candidate.category === category);
      const parsed = row === undefined ? undefined : slaPolicySchema.safeParse(policyInput(row));
      return policyView(policyFor(policies, category), parsed === undefined || parsed.success ? [] : describeIssues(parsed.error));
    }),
    years: calendarYearViews(db),
    timeZone: desk.timeZone,
    today: localDateOf(desk.now().getTime(), desk.timeZone),
  };
}

/** Runs a change in one transaction with its audit entry; the loaded settings are dropped even when it throws. */
function changeSettings<Result>(db: Db, change: () => Result): Result {
  try {
    return db.transaction(change)();
  } finally {
    forgetLoadedSlaSettings(db);
  }
}

/**
 * Sets a category's targets. A ticket keeps the targets it was created with, so the change
 * applies to tickets created afterwards only. Saving what is already in force changes nothing
 * and records nothing; otherwise audited (`slaPolicy.save`) with the targets before and after.
 */
export function saveSlaPolicy(desk: DeskContext, caller: SignedInCaller, request: { policy: SlaPolicy }): { policy: SlaPolicyView } {
  const db = desk.store.connection();
  const { policy } = request;
  return changeSettings(db, () => {
    const stored = storedPolicyOf(db, policy.category);
    const before = stored?.policy ?? policyFor([], policy.category);
    // A stored row that no longer reads is rewritten even with the default's targets.
    const unreadable = stored !== undefined && stored.policy === undefined;
    if (!unreadable && samePolicy(before, policy)) return { policy: policyView(policy, []) };
    saveSlaPolicyRow(db, policy, stampOf(desk, caller));
    recordAudit(desk, caller.account, {
      action: 'slaPolicy.save',
      objectType: 'slaPolicy',
      objectId: policy.category,
      details: { before: policySummary(before), after: policySummary(policy), isDefault: samePolicy(policy, policyFor([], policy.category)) },
    });
    return { policy: policyView(policy, []) };
  });
}

/**
 * Removes a category's stored policy so the built-in default applies again (to tickets created
 * afterwards). Without a stored policy nothing changes; otherwise audited (`slaPolicy.reset`).
 */
export function resetSlaPolicy(desk: DeskContext, caller: SignedInCaller, request: { category: TicketCategory }): { policy: SlaPolicyView } {
  const db = desk.store.connection();
  const builtIn = policyFor([], request.category);
  return changeSettings(db, () => {
    const stored = storedPolicyOf(db, request.category);
    if (stored === undefined) return { policy: policyView(builtIn, []) };
    removeSlaPolicyRow(db, request.category);
    recordAudit(desk, caller.account, {
      action: 'slaPolicy.reset',
      objectType: 'slaPolicy',
      objectId: request.category,
      details: { before: stored.policy === undefined ? `unreadable: ${stored.problems.length} problems` : policySummary(stored.policy), after: policySummary(builtIn) },
    });
    return { policy: policyView(builtIn, []) };
  });
}

const listedDatesLimit = 10;

/** `2027-01-01,2027-01-02 (+3 more)`: dates for an audit field, never a long list. */
function listedDates(dates: readonly string[]): string {
  const shown = dates.slice(0, listedDatesLimit).join(',');
  return dates.length > listedDatesLimit ? `${shown} (+${dates.length - listedDatesLimit} more)` : shown;
}

/** What changed in a year, for the audit entry: counts before and after, and the dates added and removed. */
function calendarChanges(before: { holidays: unknown; makeUpWorkdays: unknown; source: string } | undefined, after: CalendarYear): AuditDetails {
  const details: Record<string, string | number | boolean> = {};
  for (const [field, list] of [
    ['holidays', after.holidays],
    ['makeUpWorkdays', after.makeUpWorkdays],
  ] as const) {
    const old = readableDays(before?.[field]);
    const oldDates = old.map((day) => day.date);
    const newDates = list.map((day) => day.date);
    details[field] = `${old.length} -> ${list.length}`;
    details[`${field}Added`] = listedDates(newDates.filter((date) => !oldDates.includes(date)));
    details[`${field}Removed`] = listedDates(oldDates.filter((date) => !newDates.includes(date)));
    details[`${field}Renamed`] = list.filter((day) => old.some((oldDay) => oldDay.date === day.date && oldDay.name !== day.name)).length;
  }
  details.sourceChanged = before?.source !== after.source;
  return details;
}

function sameYear(before: { holidays: unknown; makeUpWorkdays: unknown; source: string }, after: CalendarYear): boolean {
  return (
    JSON.stringify([before.holidays, before.makeUpWorkdays, before.source]) === JSON.stringify([after.holidays, after.makeUpWorkdays, after.source])
  );
}

/**
 * Adds or replaces one calendar year after checking it with `calendarYearSchema` (dates in the
 * year, each listed once, make-up working days on a Saturday or Sunday). Problems are refused
 * with `CALENDAR_YEAR_INVALID`, each named in the message; the refusal is audited. Deadlines of
 * open tickets counted in working days follow the new calendar when next computed. Audited
 * (`calendarYear.save`) with the dates added and removed.
 */
export function saveCalendarYear(
  desk: DeskContext,
  caller: SignedInCaller,
  request: { calendarYear: CalendarYear },
): { calendarYear: CalendarYearView; created: boolean } {
  const db = desk.store.connection();
  const parsed = calendarYearSchema.safeParse(request.calendarYear);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw refuseAudited(
      desk,
      caller.account,
      { action: 'calendarYear.save', objectType: 'calendarYear', objectId: request.calendarYear.year, code: 'CALENDAR_YEAR_INVALID', details: { problems: problems.length } },
      calendarProblemsMessage(request.calendarYear.year, problems),
    );
  }
  const year = parsed.data;
  return changeSettings(db, () => {
    const before = listCalendarYearRows(db).find((row) => row.year === year.year);
    if (before !== undefined && sameYear(before, year)) return { calendarYear: { ...year, problems: [] }, created: false };
    saveCalendarYearRow(db, year, stampOf(desk, caller));
    recordAudit(desk, caller.account, {
      action: 'calendarYear.save',
      objectType: 'calendarYear',
      objectId: year.year,
      details: { created: before === undefined, ...calendarChanges(before, year) },
    });
    return { calendarYear: { ...year, problems: [] }, created: before === undefined };
  });
}

/** Removes a calendar year (its days then count Monday–Friday); `CALENDAR_YEAR_NOT_FOUND`. Audited. */
export function removeCalendarYear(desk: DeskContext, caller: SignedInCaller, request: { year: number }): Record<string, never> {
  const db = desk.store.connection();
  return changeSettings(db, () => {
    const before = listCalendarYearRows(db).find((row) => row.year === request.year);
    if (before === undefined) throw new AppError('CALENDAR_YEAR_NOT_FOUND', `The calendar holds no year ${request.year}.`);
    removeCalendarYearRow(db, request.year);
    recordAudit(desk, caller.account, {
      action: 'calendarYear.remove',
      objectType: 'calendarYear',
      objectId: request.year,
      details: { holidays: readableDays(before.holidays).length, makeUpWorkdays: readableDays(before.makeUpWorkdays).length, source: before.source.slice(0, 200) },
    });
    return {};
  });
}

type CalendarImportResult =
  | { imported: true; years: number[]; added: number; updated: number }
  | { imported: false; problems: CalendarFileProblem[]; moreProblems: number };

/**
 * Imports a JSON file of one year or a list of years (at most 20), all or nothing: a file with
 * any problem imports nothing and lists the problems. Each year replaces the stored year of its
 * number. Both outcomes are audited (`calendarYears.import`).
 */
export function importCalendarYears(desk: DeskContext, caller: SignedInCaller, request: { content: string }): CalendarImportResult {
  const db = desk.store.connection();
  const parsed = parseCalendarYearsJson(request.content);
  if (!parsed.ok) {
    recordAudit(desk, caller.account, {
      action: 'calendarYears.import',
      objectType: 'calendarYears',
      outcome: 'failed',
      details: { problems: parsed.problems.length },
    });
    return {
      imported: false,
      problems: parsed.problems.slice(0, calendarImportProblemLimit),
      moreProblems: Math.max(0, parsed.problems.length - calendarImportProblemLimit),
    };
  }
  return changeSettings(db, (): CalendarImportResult => {
    const stored = new Set(listCalendarYearRows(db).map((row) => row.year));
    const stamp = stampOf(desk, caller);
    for (const year of parsed.years) saveCalendarYearRow(db, year, stamp);
    const years = parsed.years.map((year) => year.year);
    const added = years.filter((year) => !stored.has(year)).length;
    recordAudit(desk, caller.account, {
      action: 'calendarYears.import',
      objectType: 'calendarYears',
      details: { years: years.join(','), added, updated: years.length - added },
    });
    return { imported: true, years, added, updated: years.length - added };
  });
}
