import type { Dayjs } from 'dayjs';
import type { RequestOf } from '../../../common/ipc/contract';

/** The filter of a review as the list and export channels take it. */
export type AuditFilterRequest = NonNullable<RequestOf<'audit', 'list'>['filter']>;

/** Newest first, or oldest first. */
export type AuditOrder = 'desc' | 'asc';

/** The review form's fields. */
export type AuditFilterValues = Readonly<{
  agentId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  outcome?: 'success' | 'refused' | 'failed' | undefined;
  time?: readonly [Dayjs | null, Dayjs | null] | null | undefined;
}>;

/** Action families and common actions offered in the action field (any other action may be typed). */
export const auditActionSuggestions = [
  'customer.*',
  'customer.reveal',
  'customer.view',
  'customer.search',
  'customer.openFullFile',
  'customer.export',
  'customer.print',
  'customer.create',
  'customer.note.create',
  'ticket.*',
  'ticket.create',
  'session.*',
  'session.signIn',
  'session.lock',
  'session.unlock',
  'approval.*',
  'account.*',
  'audit.*',
  'audit.read',
  'audit.export',
] as const;

/** Object types offered in the object type field, each with a message key of its own. */
export const auditObjectTypes = ['customer', 'ticket', 'account', 'approval', 'call', 'audit'] as const;

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The filter main gets from the form: text trimmed, empty fields left out, the time range in UTC
 * to the second, its end second included (main's end is exclusive).
 */
export function toAuditFilter(values: AuditFilterValues): AuditFilterRequest {
  const filter: AuditFilterRequest = {};
  const agentId = text(values.agentId);
  const action = text(values.action);
  const objectType = text(values.objectType);
  const objectId = text(values.objectId);
  if (agentId !== undefined) filter.agentId = agentId;
  if (action !== undefined) filter.action = action;
  if (objectType !== undefined) filter.objectType = objectType;
  if (objectId !== undefined) filter.objectId = objectId;
  if (values.outcome !== undefined) filter.outcome = values.outcome;
  const [start, end] = values.time ?? [null, null];
  if (start !== null) filter.from = start.millisecond(0).toISOString();
  if (end !== null) filter.to = end.millisecond(0).add(1, 'second').toISOString();
  return filter;
}

/** Whether a scrolled list is close enough to its end (within `margin` pixels) to fetch the next page. */
export function nearListEnd(scroll: Readonly<{ scrollTop: number; clientHeight: number; scrollHeight: number }>, margin: number): boolean {
  return scroll.scrollHeight - scroll.scrollTop - scroll.clientHeight <= margin;
}

/** The workstation's wall-clock time of an entry, `2026-11-22 10:00:00 +08:00`, from its UTC time and offset. */
export function workstationTime(occurredAt: string, utcOffsetMinutes: number): string {
  const shifted = new Date(Date.parse(occurredAt) + utcOffsetMinutes * 60_000).toISOString();
  const magnitude = Math.abs(utcOffsetMinutes);
  const offset = `${utcOffsetMinutes < 0 ? '-' : '+'}${String(Math.floor(magnitude / 60)).padStart(2, '0')}:${String(magnitude % 60).padStart(2, '0')}`;
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} ${offset}`;
}
