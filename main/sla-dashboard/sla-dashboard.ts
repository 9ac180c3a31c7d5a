import {
  handleTimeTargetSeconds,
  overdueTicketListLimit,
  type DateRange,
  type OverdueTicket,
  type SlaDashboard,
} from '../../common/ipc/sla-dashboard';
import { AppError } from '../../common/ipc/result';
import type { TicketCategory } from '../../common/tickets/categories';
import type { SlaTargetKind } from '../../common/tickets/sla-policy';
import { unreachableAfterAttempts, type TicketStatus } from '../../common/tickets/workflow';
import { findAccountByAgentId } from '../../db/accounts';
import {
  countCallbacks,
  countFirstResponses,
  countOpenTickets,
  countOverdueTicketsOf,
  listDashboardPeople,
  listOverdueTicketsOf,
  listTeams,
  sumHandleTimes,
  type DashboardTeam,
} from '../../db/sla-dashboard';
import type { DeskContext, SignedInCaller } from '../desk-context';
import { callbackFigures, firstResponseFigures, handleTimeFigures, monthOf, openFigures, rangeInstants } from './dashboard-figures';

/**
 * The team a caller's dashboard counts: a team lead's own (naming another is refused with
 * `FORBIDDEN_ROLE`); for an administrator the team named, or every team (null) when none is.
 */
function scopeOf(caller: SignedInCaller, requested: string | undefined): DashboardTeam {
  if (caller.account.role === 'admin') return requested ?? null;
  if (requested !== undefined && requested !== caller.account.team) {
    throw new AppError('FORBIDDEN_ROLE', 'A team lead sees the dashboard of their own team only.');
  }
  return caller.account.team;
}

/**
 * The SLA dashboard of the caller's scope, all figures read in one transaction (one snapshot):
 * - open and overdue tickets now, by category and by agent (not limited by the range);
 * - first-response compliance of the tickets created in the range whose target applied: on time
 *   out of on time, late and missed (no response, deadline passed); those not due yet are pending
 *   and left out of the share;
 * - the call-back rate of the tickets resolved in the range whose category calls back, with
 *   those closed unreachable after 3 failed attempts apart;
 * - the mean handle time (answer to end) of the calls answered in the range, against 3 minutes.
 * The range is days in the desk's zone (default: this month). Not audited: no customer data.
 */
export function slaDashboardSummary(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ range?: DateRange | undefined; team?: string | undefined }>): SlaDashboard {
  const team = scopeOf(caller, request.team);
  const now = desk.now();
  const range = request.range ?? monthOf(now.getTime(), desk.timeZone);
  const instants = rangeInstants(range, desk.timeZone);
  if (!instants.ok) throw new AppError('DATE_RANGE_INVALID', instants.problem);
  const db = desk.store.connection();
  const nowText = now.toISOString();
  return db.transaction(() => {
    const people = new Map(listDashboardPeople(db).map((person) => [person.id, person]));
    return {
      range,
      timeZone: desk.timeZone,
      now: nowText,
      team,
      teams: caller.account.role === 'admin' ? listTeams(db) : [caller.account.team],
      open: openFigures(countOpenTickets(db, team, nowText), people),
      firstResponse: firstResponseFigures(countFirstResponses(db, team, instants.instants, nowText)),
      callback: callbackFigures(countCallbacks(db, team, instants.instants, unreachableAfterAttempts)),
      handleTime: handleTimeFigures(sumHandleTimes(db, team, instants.instants, handleTimeTargetSeconds), people, handleTimeTargetSeconds),
    };
  })();
}

/**
 * One agent's overdue tickets in the caller's scope (what the agent's overdue count stands for),
 * the most overdue first, at most 200, with the count of all of them. No customer data.
 */
export function listAgentOverdueTickets(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ agentId: string; team?: string | undefined }>,
): { tickets: OverdueTicket[]; overdue: number; now: string } {
  const team = scopeOf(caller, request.team);
  const db = desk.store.connection();
  const owner = findAccountByAgentId(db, request.agentId);
  if (owner === undefined) throw new AppError('ACCOUNT_NOT_FOUND', `No agent ${request.agentId}.`);
  const now = desk.now().toISOString();
  return db.transaction(() => ({
    tickets: listOverdueTicketsOf(db, owner.id, team, now, overdueTicketListLimit).map((row) => ({
      id: row.id,
      number: row.number,
      category: row.category as TicketCategory,
      status: row.status as TicketStatus,
      createdAt: row.createdAt,
      target: row.nextDueKind as SlaTargetKind | null,
      dueAt: row.nextDueAt,
    })),
    overdue: countOverdueTicketsOf(db, owner.id, team, now),
    now,
  }))();
}
