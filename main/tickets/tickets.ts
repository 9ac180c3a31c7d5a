import type { WorkingCalendar } from '../../common/deadline-calendar/working-calendar';
import { localDateOf } from '../../common/deadline-calendar/zoned-time';
import type { SlipLabels, TicketView } from '../../common/ipc/tickets';
import { AppError } from '../../common/ipc/result';
import type { Precondition, TicketCategory } from '../../common/tickets/categories';
import { policyFor, type SlaTargetKind } from '../../common/tickets/sla-policy';
import { nextDue, targetStandings, ticketDeadlines, type TicketClock } from '../../common/tickets/ticket-deadlines';
import { dueSoonLead } from '../../common/tickets/due-soon';
import { canWaitForCustomer, decideTransition, type TicketAction, type TicketStatus } from '../../common/tickets/workflow';
import { findCallById } from '../../db/calls';
import type { Db } from '../../db/connection';
import { findCustomerById } from '../../db/customers';
import {
  closeTicketPause,
  findTicketById,
  insertTicket,
  insertTicketDeadlineChange,
  insertTicketEvent,
  listOwnerQueue,
  listTicketClockChanges,
  listTeamOverdue,
  nextTicketNumber,
  openTicketPause,
  updateTicket,
  type TicketChanges,
  type TicketRecord,
} from '../../db/tickets';
import { recordAudit } from '../audit/audit-trail';
import { refuseBlockedText } from '../calls/calls';
import { maskFreeText, maskName } from '../customers/masking';
import { loadSlaPolicies, loadWorkingCalendar } from '../sla-settings/sla-settings';
import { loadDeskSettings } from '../settings/desk-settings';
import { acceptanceSlipDocument } from '../slips/acceptance-slip';
import { renderSlipPdf } from '../slips/pdf-document';
import { sessionOf, type DeskContext, type SignedInCaller } from '../desk-context';

/** The queue shows this many tickets at most. */
const queueLimit = 200;

type ClockChanges = Readonly<{ pauses: TicketClock['pauses']; changes: TicketClock['changes'] }>;

function clockOf(ticket: TicketRecord, clockChanges: ClockChanges): TicketClock {
  return {
    targets: ticket.targets as TicketClock['targets'],
    createdAt: ticket.createdAt,
    resolvedAt: ticket.resolvedAt,
    metAt: {
      firstResponse: ticket.firstRespondedAt,
      reply: ticket.repliedAt,
      resolve: ticket.resolvedAt,
      callback: ticket.callbackReached || ticket.closedAt !== null ? (ticket.closedAt ?? ticket.resolvedAt) : null,
    },
    pauses: clockChanges.pauses,
    changes: clockChanges.changes,
  };
}

function clockChangesOf(db: Db, ticketId: number): ClockChanges {
  return listTicketClockChanges(db, [ticketId]).get(ticketId)!;
}

/** Recomputes the stored deadlines and the queue order after any change. */
function refreshDeadlines(desk: DeskContext, db: Db, ticketId: number): void {
  const ticket = findTicketById(db, ticketId)!;
  const clock = clockOf(ticket, clockChangesOf(db, ticketId));
  const due = ticketDeadlines(clock, loadWorkingCalendar(db), desk.timeZone);
  const next = ticket.closedAt === null ? nextDue(clock, due) : null;
  updateTicket(db, ticketId, { due, nextDueAt: next?.at ?? null, nextDueKind: next?.kind ?? null });
}

function toTicketView(desk: DeskContext, ticket: TicketRecord, clockChanges: ClockChanges, calendar: WorkingCalendar, now: number): TicketView {
  const clock = clockOf(ticket, clockChanges);
  return {
    id: ticket.id,
    number: ticket.number,
    channel: ticket.channel,
    callId: ticket.callId,
    customerId: ticket.customerId,
    customerName: ticket.customerFullName === null ? '' : maskName(ticket.customerFullName, ticket.customerGender),
    category: ticket.category as TicketCategory,
    status: ticket.status as TicketStatus,
    // Agents type numbers into tickets as into notes: masked the same way.
    summary: maskFreeText(ticket.summary),
    preconditions: ticket.preconditions,
    ownerAgentId: ticket.ownerAgentId,
    department: ticket.department,
    createdAt: ticket.createdAt,
    waiting: ticket.waitingSince !== null,
    nextDue: ticket.nextDueAt === null || ticket.nextDueKind === null ? null : { kind: ticket.nextDueKind as SlaTargetKind, at: ticket.nextDueAt },
    targets: ticket.closedAt === null ? targetStandings(clock, calendar, desk.timeZone, now) : [],
    callbackFailures: ticket.callbackFailures,
    callbackReached: ticket.callbackReached,
    callbackRequired: callbackRequiredOf(ticket),
  };
}

/** The views of a list of tickets: their pauses and hand-set deadlines read in two queries. */
function toTicketViews(desk: DeskContext, db: Db, tickets: readonly TicketRecord[]): TicketView[] {
  const calendar = loadWorkingCalendar(db);
  const now = desk.now().getTime();
  const clocks = listTicketClockChanges(
    db,
    tickets.map((ticket) => ticket.id),
  );
  return tickets.map((ticket) => toTicketView(desk, ticket, clocks.get(ticket.id)!, calendar, now));
}

function callbackRequiredOf(ticket: TicketRecord): boolean {
  return ticket.targets.callback !== null && ticket.targets.callback !== undefined;
}

function viewOf(desk: DeskContext, db: Db, ticketId: number): { ticket: TicketView } {
  const ticket = findTicketById(db, ticketId)!;
  return { ticket: toTicketView(desk, ticket, clockChangesOf(db, ticketId), loadWorkingCalendar(db), desk.now().getTime()) };
}

/** The ticket, if the caller may work it: its owner, or a team lead of the owner's team. */
function requireWorkable(db: Db, caller: SignedInCaller, ticketId: number): TicketRecord {
  const ticket = findTicketById(db, ticketId);
  const allowed =
    ticket !== undefined &&
    (ticket.ownerAccountId === caller.account.id || (caller.account.role === 'team_lead' && caller.account.team === ticket.ownerTeam));
  if (!allowed) throw new AppError('TICKET_NOT_FOUND', `Ticket ${ticketId} is not yours to work.`);
  return ticket;
}

/**
 * Creates a ticket: from the caller's call (its customer and channel) or for a customer the
 * session may open. Deadlines come from the category's policy at this moment. One transaction
 * with the audit entry; the summary is phrase-checked first (typed hits stored for the call).
 */
export function createTicket(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{
    callId?: number | undefined;
    customerId?: number | undefined;
    channel: TicketView['channel'];
    category: TicketCategory;
    summary: string;
    preconditions: Partial<Record<Precondition, boolean>>;
  }>,
): { ticket: TicketView } {
  const session = sessionOf(desk, caller);
  refuseBlockedText(desk, caller, request.summary, 'The ticket');
  const db = desk.store.connection();
  return db.transaction(() => {
    let customerId = request.customerId ?? null;
    if (request.callId !== undefined) {
      const call = findCallById(db, request.callId);
      if (call === undefined || call.agentAccountId !== caller.account.id) throw new AppError('CALL_NOT_FOUND', `Call ${request.callId} is not on this desk.`);
      customerId ??= call.customerId;
    }
    if (customerId !== null && (!session.accessibleCustomerIds.has(customerId) || findCustomerById(db, customerId) === undefined)) {
      throw new AppError('CUSTOMER_NOT_ACCESSIBLE', 'Find the customer by phone, account or ID number first.');
    }
    const now = desk.now();
    const policy = policyFor(loadSlaPolicies(db), request.category);
    const number = nextTicketNumber(db, localDateOf(now.getTime(), desk.timeZone).replaceAll('-', ''));
    const targets = { firstResponse: policy.firstResponse, reply: policy.reply, resolve: policy.resolve, callback: policy.callback };
    // A new ticket has no pauses, hand-set deadlines or met targets yet: its deadlines go in with it.
    const clock: TicketClock = { targets, createdAt: now.toISOString(), resolvedAt: null, metAt: {}, pauses: [], changes: [] };
    const due = ticketDeadlines(clock, loadWorkingCalendar(db), desk.timeZone);
    const next = nextDue(clock, due);
    const id = insertTicket(db, {
      number,
      channel: request.channel,
      callId: request.callId ?? null,
      customerId,
      category: request.category,
      status: 'new',
      summary: request.summary,
      preconditions: request.preconditions as Record<string, boolean>,
      ownerAccountId: caller.account.id,
      ownerTeam: caller.account.team,
      department: '',
      targets,
      due,
      nextDueAt: next?.at ?? null,
      nextDueKind: next?.kind ?? null,
      createdAt: clock.createdAt,
    });
    recordAudit(desk, caller.account, {
      action: 'ticket.create',
      objectType: 'ticket',
      objectId: id,
      details: { number, category: request.category, channel: request.channel, customerId, callId: request.callId ?? null },
    });
    return viewOf(desk, db, id);
  })();
}

/** The caller's open tickets, nearest deadline first. */
export function listMyTickets(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ statuses?: readonly string[] | undefined; categories?: readonly string[] | undefined }>,
): { tickets: TicketView[]; now: string } {
  const db = desk.store.connection();
  const tickets = listOwnerQueue(db, { ownerAccountId: caller.account.id, statuses: request.statuses, categories: request.categories, limit: queueLimit });
  return { tickets: toTicketViews(desk, db, tickets), now: desk.now().toISOString() };
}

/** The lead's team's overdue tickets. */
export function listTeamOverdueTickets(desk: DeskContext, caller: SignedInCaller): { tickets: TicketView[]; now: string } {
  const db = desk.store.connection();
  const now = desk.now().toISOString();
  const tickets = listTeamOverdue(db, caller.account.team, now, queueLimit);
  return { tickets: toTicketViews(desk, db, tickets), now };
}

/** One workflow step, decided by the workflow table; recorded as an event and audited. */
export function transitionTicket(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ ticketId: number; action: TicketAction; department?: string | undefined; reached?: boolean | undefined; note?: string | undefined }>,
): { ticket: TicketView } {
  const db = desk.store.connection();
  return db.transaction(() => {
    const ticket = requireWorkable(db, caller, request.ticketId);
    const decision = decideTransition(
      {
        status: ticket.status as TicketStatus,
        callbackRequired: callbackRequiredOf(ticket),
        callbackReached: ticket.callbackReached,
        callbackFailures: ticket.callbackFailures,
        actorRole: caller.account.role,
      },
      request.action,
    );
    if (!decision.ok) throw new AppError(decision.code, `${request.action} is not possible for ticket ${ticket.number} (${ticket.status}).`);
    if (request.action === 'dispatch' && request.department === undefined) {
      throw new AppError('TICKET_DETAILS_MISSING', 'Dispatching needs the department it goes to.');
    }
    if (request.action === 'recordCallbackAttempt' && request.reached === undefined) {
      throw new AppError('TICKET_DETAILS_MISSING', 'Say whether the customer was reached.');
    }
    const now = desk.now().toISOString();
    const changes: { -readonly [Field in keyof TicketChanges]: TicketChanges[Field] } = { status: decision.status };
    if (ticket.firstRespondedAt === null) changes.firstRespondedAt = now;
    if (request.action === 'dispatch') changes.department = request.department!;
    if (request.action === 'reply') changes.repliedAt = now;
    if (request.action === 'resolve') changes.resolvedAt = now;
    if (request.action === 'recordCallbackAttempt') {
      if (request.reached === true) changes.callbackReached = true;
      else changes.callbackFailures = ticket.callbackFailures + 1;
    }
    if (decision.status === 'closed') changes.closedAt = now;
    if (request.action === 'reopen') {
      Object.assign(changes, { resolvedAt: null, closedAt: null, callbackReached: false, callbackFailures: 0 });
    }
    // Waiting for the customer ends with any step that is not about waiting.
    if (ticket.waitingSince !== null && !canWaitForCustomer(decision.status)) {
      closeTicketPause(db, ticket.id, now);
      changes.waitingSince = null;
    }
    updateTicket(db, ticket.id, changes);
    insertTicketEvent(db, ticket.id, {
      action: request.action,
      fromStatus: ticket.status,
      toStatus: decision.status,
      accountId: caller.account.id,
      at: now,
      details: { department: request.department ?? null, reached: request.reached ?? null, note: request.note ?? '' },
    });
    refreshDeadlines(desk, db, ticket.id);
    recordAudit(desk, caller.account, {
      action: `ticket.${request.action}`,
      objectType: 'ticket',
      objectId: ticket.id,
      details: { number: ticket.number, from: ticket.status, to: decision.status, department: request.department ?? null, reached: request.reached ?? null },
    });
    return viewOf(desk, db, ticket.id);
  })();
}

/** Starts or ends waiting for the customer: the clock stands still meanwhile and the pause is added back. */
export function setTicketWaiting(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ ticketId: number; waiting: boolean }>): { ticket: TicketView } {
  const db = desk.store.connection();
  return db.transaction(() => {
    const ticket = requireWorkable(db, caller, request.ticketId);
    const now = desk.now().toISOString();
    if (request.waiting === (ticket.waitingSince !== null)) return viewOf(desk, db, ticket.id);
    if (request.waiting) {
      if (!canWaitForCustomer(ticket.status as TicketStatus)) throw new AppError('TICKET_ILLEGAL_TRANSITION', `Ticket ${ticket.number} is ${ticket.status}: nothing to wait for.`);
      openTicketPause(db, ticket.id, now);
      updateTicket(db, ticket.id, { waitingSince: now });
    } else {
      closeTicketPause(db, ticket.id, now);
      updateTicket(db, ticket.id, { waitingSince: null });
    }
    refreshDeadlines(desk, db, ticket.id);
    recordAudit(desk, caller.account, {
      action: request.waiting ? 'ticket.wait' : 'ticket.resume',
      objectType: 'ticket',
      objectId: ticket.id,
      details: { number: ticket.number },
    });
    return viewOf(desk, db, ticket.id);
  })();
}

/** Sets a target's deadline by hand (team leads), with a reason; audited with the old and new time. */
export function changeTicketDeadline(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ ticketId: number; target: SlaTargetKind; dueAt: string; reason: string }>,
): { ticket: TicketView } {
  const db = desk.store.connection();
  return db.transaction(() => {
    const ticket = requireWorkable(db, caller, request.ticketId);
    if (ticket.closedAt !== null) throw new AppError('TICKET_ILLEGAL_TRANSITION', `Ticket ${ticket.number} is closed.`);
    if ((ticket.targets[request.target] ?? null) === null || (request.target === 'callback' && ticket.resolvedAt === null)) {
      throw new AppError('TICKET_DETAILS_MISSING', `Ticket ${ticket.number} has no running ${request.target} target to move.`);
    }
    const dueAt = new Date(request.dueAt).toISOString();
    const now = desk.now().toISOString();
    insertTicketDeadlineChange(db, ticket.id, { target: request.target, dueAt, reason: request.reason, changedBy: caller.account.id, changedAt: now });
    refreshDeadlines(desk, db, ticket.id);
    recordAudit(desk, caller.account, {
      action: 'ticket.deadline.change',
      objectType: 'ticket',
      objectId: ticket.id,
      details: { number: ticket.number, target: request.target, from: ticket.due[request.target] ?? null, to: dueAt, reason: request.reason },
    });
    return viewOf(desk, db, ticket.id);
  })();
}

/**
 * The customer's acceptance slip as a PDF (masked data only), audited as it leaves main; in
 * Electron also sent to the printer. No approval: it is the customer's own slip.
 */
export async function printTicketSlip(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ ticketId: number; labels: SlipLabels }>,
): Promise<{ fileName: string; pdfBase64: string; sentToPrinter: boolean }> {
  const db = desk.store.connection();
  const { pdf, number } = db.transaction(() => {
    const ticket = requireWorkable(db, caller, request.ticketId);
    const customer = ticket.customerId === null ? undefined : findCustomerById(db, ticket.customerId);
    const settings = loadDeskSettings(db);
    const { targets } = viewOf(desk, db, ticket.id).ticket;
    const document = acceptanceSlipDocument(ticket, targets, customer, {
      labels: request.labels,
      unitName: [settings.companyName, settings.unitName].filter((name) => name !== '').join(' '),
      agentId: caller.account.agentId,
      now: desk.now(),
      timeZone: desk.timeZone,
    });
    const rendered = renderSlipPdf(document);
    recordAudit(desk, caller.account, {
      action: 'ticket.slip.print',
      objectType: 'ticket',
      objectId: ticket.id,
      details: { number: ticket.number, customerId: ticket.customerId, bytes: rendered.length, printer: desk.documentPrinter !== undefined },
    });
    return { pdf: rendered, number: ticket.number };
  })();
  const sentToPrinter = desk.documentPrinter === undefined ? false : await desk.documentPrinter.printPdf(pdf, number).catch(() => false);
  return { fileName: `${number}.pdf`, pdfBase64: pdf.toString('base64'), sentToPrinter };
}

/**
 * A desktop notification that a ticket's target is about to be missed: only for a ticket the
 * caller works, a target still running and within its warning lead (so a page cannot raise
 * notifications at will). Not audited: it shows nothing but the page's own words.
 */
export function notifyTicketDue(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ ticketId: number; target: SlaTargetKind; title: string; body: string }>,
): { shown: boolean } {
  const db = desk.store.connection();
  const ticket = requireWorkable(db, caller, request.ticketId);
  const { ticket: view } = viewOf(desk, db, ticket.id);
  const standing = view.targets.find((target) => target.kind === request.target);
  const dueSoon = standing !== undefined && !standing.met && standing.state !== 'paused' && standing.remainingClock <= dueSoonLead(standing.targetClock) + dueSoonSlackMilliseconds;
  if (!dueSoon) throw new AppError('TICKET_DETAILS_MISSING', `Ticket ${ticket.number}'s ${request.target} target is not about to be missed.`);
  if (desk.desktopNotifier === undefined) return { shown: false };
  desk.desktopNotifier.notify(request.title, request.body);
  return { shown: true };
}

/** The page's clock may run a little ahead of main's: a warning that early still counts. */
const dueSoonSlackMilliseconds = 60_000;
