import type { SlipLabels } from '../../common/ipc/tickets';
import { preconditions } from '../../common/tickets/categories';
import type { TargetStanding } from '../../common/tickets/ticket-deadlines';
import type { CustomerRecord } from '../../db/customers';
import type { TicketRecord } from '../../db/tickets';
import { idTypeOf } from '../customers/customers';
import { maskFreeText, maskIdNumber, maskName, maskPhone } from '../customers/masking';
import type { SlipDocument, SlipRow } from './pdf-document';

/** What a slip is made of besides the ticket: who prints it, where and when. */
export type SlipContext = Readonly<{
  labels: SlipLabels;
  /** The unit's name (a branch's counter), else the company's; may be empty. */
  unitName: string;
  agentId: string;
  now: Date;
  timeZone: string;
}>;

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-22 10:05` in the desk's zone. */
function formatLocalMinute(instant: string | Date, timeZone: string): string {
  let formatter = minuteFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormatters.set(timeZone, formatter);
  }
  return formatter.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The deadlines still open, one per line (`答复  2026-11-25 10:00`); while waiting for the customer, says so. */
function deadlineLines(targets: readonly TargetStanding[], waiting: boolean, context: SlipContext): string {
  const lines = targets.flatMap((target) =>
    target.met || target.due === null ? [] : [`${context.labels.targetNames[target.kind]}  ${formatLocalMinute(target.due, context.timeZone)}`],
  );
  if (waiting) lines.push(context.labels.waiting);
  return lines.join('\n');
}

/**
 * The customer's acceptance slip for a ticket: its number, when and how it was accepted, the
 * customer masked (name, first phone, document number), the request (masked like notes), the
 * checks done for a business request, the deadlines still open (as the queue shows them), who
 * accepted it, signature lines for both. Nothing unmasked leaves on paper.
 */
export function acceptanceSlipDocument(
  ticket: TicketRecord,
  targets: readonly TargetStanding[],
  customer: CustomerRecord | undefined,
  context: SlipContext,
): SlipDocument {
  const { labels } = context;
  const rows: SlipRow[] = [
    { label: labels.number, value: ticket.number },
    { label: labels.acceptedAt, value: formatLocalMinute(ticket.createdAt, context.timeZone) },
    { label: labels.channel, value: labels.channelName },
  ];
  if (customer !== undefined) {
    rows.push({ label: labels.customer, value: maskName(customer.fullName, customer.gender) });
    const phone = customer.phones[0];
    if (phone !== undefined) rows.push({ label: labels.phone, value: maskPhone(phone) });
    if (customer.idNumber.trim() !== '') rows.push({ label: labels.idNumber, value: maskIdNumber(idTypeOf(customer), customer.idNumber) });
  }
  rows.push({ label: labels.category, value: labels.categoryName }, { label: labels.request, value: maskFreeText(ticket.summary) });
  const checked = preconditions.filter((name) => ticket.preconditions[name] === true).map((name) => `√ ${labels.preconditionNames[name]}`);
  if (checked.length > 0) rows.push({ label: labels.checked, value: checked.join('\n') });
  const deadlines = deadlineLines(targets, ticket.waitingSince !== null, context);
  if (deadlines !== '') rows.push({ label: labels.deadlines, value: deadlines });
  rows.push({ label: labels.agent, value: context.agentId });
  return {
    title: labels.title,
    unitName: context.unitName,
    rows,
    notice: labels.notice,
    signatureLabels: [labels.customerSignature, labels.agentSignature],
    footer: `${labels.printedAt} ${formatLocalMinute(context.now, context.timeZone)} · ${context.agentId}`,
    documentTitle: ticket.number,
    createdAt: context.now,
  };
}
