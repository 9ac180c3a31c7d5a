import { localDateOf } from '../../common/deadline-calendar/zoned-time';
import {
  handoverTextFields,
  type EquipmentState,
  type HandoverInput,
  type HandoverShift,
  type HandoverView,
  type LinkedTicket,
} from '../../common/ipc/handovers';
import { AppError, type ErrorCode } from '../../common/ipc/result';
import type { TicketCategory } from '../../common/tickets/categories';
import type { TicketStatus } from '../../common/tickets/workflow';
import type { AuditDetails } from '../../db/audit-log';
import type { AccountRecord } from '../../db/accounts';
import type { Db } from '../../db/connection';
import {
  countUnacknowledgedHandovers,
  findHandover,
  findHandoverTicket,
  insertHandover,
  insertHandoverAcknowledgment,
  listHandoverAuthors,
  listHandoverTeams,
  listHandoverTickets,
  searchHandovers,
  type HandoverRecord,
  type HandoverTicketRecord,
} from '../../db/handovers';
import { recordAudit, refuseAudited } from '../audit/audit-trail';
import { maskFreeText } from '../customers/masking';
import type { DeskContext, SignedInCaller } from '../desk-context';

/**
 * A ticket number inside free text (its date part shaped like a date, so a landline number
 * cannot pass for one), kept as typed when the text around it is masked.
 */
const ticketNumberInText = /GD(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{4,5}(?!\d)/gi;

/**
 * Masks free text of the handover log as ticket summaries and notes are masked (runs of 7 digits
 * or more that may be phone, ID or account numbers keep their last 4), except the ticket
 * numbers in it: they name no customer and the next shift needs them whole.
 */
export function maskHandoverText(text: string): string {
  let masked = '';
  let from = 0;
  for (const match of text.matchAll(ticketNumberInText)) {
    masked += maskFreeText(text.slice(from, match.index)) + match[0];
    from = match.index + match[0].length;
  }
  return masked + maskFreeText(text.slice(from));
}

/** Text as the search compares it: full-width forms folded, lower case. */
export function searchableText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Why a caller may not acknowledge an entry, or that they may. */
export type AcknowledgmentDecision =
  | Readonly<{ ok: true }>
  | Readonly<{ ok: false; code: Extract<ErrorCode, 'HANDOVER_NOT_FOUND' | 'HANDOVER_OWN_ENTRY' | 'HANDOVER_ALREADY_ACKNOWLEDGED'> }>;

/**
 * Who acknowledges an entry: the incoming lead, that is a team lead of the entry's team other
 * than its author, once. An entry of another team is, to that lead, not there at all.
 */
export function decideAcknowledgment(
  entry: Readonly<{ team: string; authorAccountId: number; acknowledged: boolean }> | undefined,
  caller: Readonly<{ id: number; role: string; team: string }>,
): AcknowledgmentDecision {
  if (entry === undefined || caller.role !== 'team_lead' || caller.team === '' || caller.team !== entry.team) {
    return { ok: false, code: 'HANDOVER_NOT_FOUND' };
  }
  if (entry.authorAccountId === caller.id) return { ok: false, code: 'HANDOVER_OWN_ENTRY' };
  if (entry.acknowledged) return { ok: false, code: 'HANDOVER_ALREADY_ACKNOWLEDGED' };
  return { ok: true };
}

/** Whether a caller reads a team's log: administrators every team's, team leads their own. */
function readsTeam(account: AccountRecord, team: string): boolean {
  return account.role === 'admin' || (account.role === 'team_lead' && account.team !== '' && account.team === team);
}

function refuse(
  desk: DeskContext,
  caller: SignedInCaller,
  record: Readonly<{ action: string; objectId?: number; code: ErrorCode; details?: AuditDetails }>,
  message: string,
): AppError {
  return refuseAudited(desk, caller.account, { objectType: 'handover', ...record }, message);
}

/** The caller's team: a lead without one has no log to write to. */
function teamOf(desk: DeskContext, caller: SignedInCaller, action: string): string {
  if (caller.account.team === '') {
    throw refuse(desk, caller, { action, code: 'HANDOVER_NO_TEAM' }, 'The handover log is kept per team, and this account has none.');
  }
  return caller.account.team;
}

function linkedTicketOf(ticket: HandoverTicketRecord): LinkedTicket {
  return { number: ticket.number, status: ticket.status as TicketStatus, category: ticket.category as TicketCategory };
}

function toHandoverView(entry: HandoverRecord, tickets: readonly HandoverTicketRecord[], caller: SignedInCaller): HandoverView {
  const person = (who: { agentId: string; displayName: string }) => ({ agentId: who.agentId, displayName: who.displayName });
  return {
    id: entry.id,
    team: entry.team,
    shiftDate: entry.shiftDate,
    shift: entry.shift as HandoverShift,
    equipmentState: entry.equipmentState as EquipmentState,
    equipmentNote: maskHandoverText(entry.equipmentNote),
    openIssues: maskHandoverText(entry.openIssues),
    tickets: tickets.map(linkedTicketOf),
    staffingChanges: maskHandoverText(entry.staffingChanges),
    notes: maskHandoverText(entry.notes),
    correctsId: entry.correctsId,
    author: person(entry.author),
    writtenAt: entry.writtenAt,
    acknowledgment:
      entry.acknowledgment === null
        ? null
        : { by: person(entry.acknowledgment.by), at: entry.acknowledgment.at, note: maskHandoverText(entry.acknowledgment.note) },
    canAcknowledge: decideAcknowledgment(acknowledgmentSubject(entry), caller.account).ok,
  };
}

function acknowledgmentSubject(entry: HandoverRecord): { team: string; authorAccountId: number; acknowledged: boolean } {
  return { team: entry.team, authorAccountId: entry.author.accountId, acknowledged: entry.acknowledgment !== null };
}

function viewOf(db: Db, id: number, caller: SignedInCaller): { entry: HandoverView } {
  const entry = findHandover(db, id)!;
  return { entry: toHandoverView(entry, listHandoverTickets(db, [id]).get(id) ?? [], caller) };
}

/** A ticket an entry may link: it exists and is the team's; else the code that says which is wrong. */
function linkableTicket(db: Db, number: string, team: string): HandoverTicketRecord | { code: ErrorCode; message: string } {
  const ticket = findHandoverTicket(db, number);
  if (ticket === undefined) return { code: 'HANDOVER_TICKET_NOT_FOUND', message: `There is no ticket ${number}.` };
  if (ticket.ownerTeam !== team) return { code: 'HANDOVER_TICKET_OTHER_TEAM', message: `Ticket ${number} belongs to another team.` };
  return ticket;
}

/**
 * A ticket the lead means to link, with its current status and category: refused as `write`
 * would refuse it (`HANDOVER_TICKET_NOT_FOUND`, `HANDOVER_TICKET_OTHER_TEAM`), the refusal
 * audited. A lookup that succeeds is not: it shows no customer data.
 */
export function lookupHandoverTicket(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ number: string }>): { ticket: LinkedTicket } {
  const action = 'handover.lookupTicket';
  const team = teamOf(desk, caller, action);
  const found = linkableTicket(desk.store.connection(), request.number, team);
  if ('code' in found) throw refuse(desk, caller, { action, code: found.code, details: { ticket: request.number } }, found.message);
  return { ticket: linkedTicketOf(found) };
}

/**
 * Writes an entry of the caller's team's log. Each linked ticket must exist and be the team's;
 * a corrected entry must be the team's; the shift cannot start after today. A refusal is
 * audited with its code and writes nothing. The entry and its audit entry (`handover.write`,
 * with the shift, the equipment state, the linked ticket numbers and which fields were
 * filled, never the text) go in one transaction.
 */
export function writeHandover(desk: DeskContext, caller: SignedInCaller, request: HandoverInput): { entry: HandoverView } {
  const action = 'handover.write';
  const db = desk.store.connection();
  const team = teamOf(desk, caller, action);
  const today = localDateOf(desk.now().getTime(), desk.timeZone);
  if (request.shiftDate > today) {
    throw refuse(desk, caller, { action, code: 'HANDOVER_SHIFT_IN_FUTURE', details: { shiftDate: request.shiftDate, today } }, `The shift of ${request.shiftDate} has not started yet.`);
  }
  const numbers = [...new Set(request.ticketNumbers)];
  const tickets = numbers.map((number) => {
    const found = linkableTicket(db, number, team);
    if ('code' in found) throw refuse(desk, caller, { action, code: found.code, details: { ticket: number } }, found.message);
    return found;
  });
  if (request.correctsId !== undefined) {
    const corrected = findHandover(db, request.correctsId);
    if (corrected === undefined || corrected.team !== team) {
      throw refuse(desk, caller, { action, objectId: request.correctsId, code: 'HANDOVER_NOT_FOUND' }, `Entry ${request.correctsId} is not in this team's log.`);
    }
  }
  const text = { equipmentNote: request.equipmentNote, openIssues: request.openIssues, staffingChanges: request.staffingChanges, notes: request.notes };
  return db.transaction(() => {
    const id = insertHandover(db, {
      team,
      shiftDate: request.shiftDate,
      shift: request.shift,
      equipmentState: request.equipmentState,
      ...text,
      correctsId: request.correctsId ?? null,
      authorAccountId: caller.account.id,
      writtenAt: desk.now().toISOString(),
      ticketIds: tickets.map((ticket) => ticket.id),
      // What the search matches is what the desk shows: a typed phone number cannot find an entry.
      searchText: searchableText([...handoverTextFields.map((field) => maskHandoverText(text[field])), ...numbers].join('\n')),
    });
    recordAudit(desk, caller.account, {
      action,
      objectType: 'handover',
      objectId: id,
      details: {
        team,
        shiftDate: request.shiftDate,
        shift: request.shift,
        equipmentState: request.equipmentState,
        tickets: numbers.join(','),
        fields: handoverTextFields.filter((field) => text[field] !== '').join(','),
        correctsId: request.correctsId ?? null,
      },
    });
    return viewOf(db, id, caller);
  })();
}

/**
 * The incoming lead acknowledges an entry, optionally with a note: a team lead of its team other
 * than its author, once (`HANDOVER_NOT_FOUND`, `HANDOVER_OWN_ENTRY`,
 * `HANDOVER_ALREADY_ACKNOWLEDGED`, each audited). The acknowledgment and its audit entry
 * (`handover.acknowledge`) go in one transaction.
 */
export function acknowledgeHandover(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ handoverId: number; note: string }>,
): { entry: HandoverView } {
  const action = 'handover.acknowledge';
  const db = desk.store.connection();
  const entry = findHandover(db, request.handoverId);
  const decision = decideAcknowledgment(entry === undefined ? undefined : acknowledgmentSubject(entry), caller.account);
  if (!decision.ok) {
    const messages = {
      HANDOVER_NOT_FOUND: `Entry ${request.handoverId} is not in this team's log.`,
      HANDOVER_OWN_ENTRY: 'The incoming lead acknowledges an entry, not its author.',
      HANDOVER_ALREADY_ACKNOWLEDGED: `Entry ${request.handoverId} was acknowledged already.`,
    };
    throw refuse(desk, caller, { action, objectId: request.handoverId, code: decision.code }, messages[decision.code]);
  }
  return db.transaction(() => {
    insertHandoverAcknowledgment(db, {
      handoverId: request.handoverId,
      accountId: caller.account.id,
      at: desk.now().toISOString(),
      note: request.note,
      searchText: searchableText(maskHandoverText(request.note)),
    });
    recordAudit(desk, caller.account, {
      action,
      objectType: 'handover',
      objectId: request.handoverId,
      details: { team: entry!.team, shiftDate: entry!.shiftDate, shift: entry!.shift, author: entry!.author.agentId, note: request.note !== '' },
    });
    return viewOf(db, request.handoverId, caller);
  })();
}

/** A search of the log as the channel takes it. */
export type HandoverSearchRequest = Readonly<{
  text: string;
  from?: string | undefined;
  to?: string | undefined;
  authorAgentId?: string | undefined;
  team?: string | undefined;
  unacknowledgedOnly: boolean;
  page: number;
  pageSize: number;
}>;

/**
 * One page of the log, newest written first. Team leads read their own team's (asking for
 * another team is `FORBIDDEN_ROLE`); administrators every team's, or the one they name. The
 * text matches any free-text field, the acknowledgment note or a linked ticket number, as shown.
 */
export function searchHandoverLog(
  desk: DeskContext,
  caller: SignedInCaller,
  request: HandoverSearchRequest,
): {
  entries: HandoverView[];
  total: number;
  page: number;
  pageSize: number;
  unacknowledged: number;
  authors: { agentId: string; displayName: string }[];
  teams: string[];
  today: string;
} {
  const db = desk.store.connection();
  let team: string | null;
  let teams: string[];
  if (caller.account.role === 'admin') {
    team = request.team ?? null;
    teams = listHandoverTeams(db);
  } else {
    team = teamOf(desk, caller, 'handover.search');
    if (request.team !== undefined && !readsTeam(caller.account, request.team)) {
      throw new AppError('FORBIDDEN_ROLE', 'Team leads read their own team’s handover log.');
    }
    teams = [team];
  }
  const { entries, total } = searchHandovers(db, {
    team,
    text: searchableText(request.text),
    from: request.from ?? null,
    to: request.to ?? null,
    authorAgentId: request.authorAgentId ?? null,
    unacknowledgedOnly: request.unacknowledgedOnly,
    limit: request.pageSize,
    offset: (request.page - 1) * request.pageSize,
  });
  const tickets = listHandoverTickets(
    db,
    entries.map((entry) => entry.id),
  );
  return {
    entries: entries.map((entry) => toHandoverView(entry, tickets.get(entry.id) ?? [], caller)),
    total,
    page: request.page,
    pageSize: request.pageSize,
    unacknowledged: countUnacknowledgedHandovers(db, team),
    authors: listHandoverAuthors(db, team),
    teams,
    today: localDateOf(desk.now().getTime(), desk.timeZone),
  };
}
