import { z } from 'zod';
import { targetUnits, type ServiceTarget } from '../deadline-calendar/deadline';
import { businessCategories, ticketCategories, type TicketCategory } from './categories';

/** The targets of a ticket, in the order they fall due. */
export const slaTargetKinds = ['firstResponse', 'reply', 'resolve', 'callback'] as const;

/** One of {@link slaTargetKinds}; `callback` counts from the resolution, the others from creation. */
export type SlaTargetKind = (typeof slaTargetKinds)[number];

const targetSchema = z.strictObject({ amount: z.number().int().min(1).max(10_000), unit: z.enum(targetUnits) });

/** A category's targets; a target left null does not apply. */
export const slaPolicySchema = z.strictObject({
  category: z.enum(ticketCategories),
  firstResponse: targetSchema.nullable(),
  reply: targetSchema.nullable(),
  resolve: targetSchema.nullable(),
  callback: targetSchema.nullable(),
});

/** A category's SLA policy. */
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

const hours = (amount: number): ServiceTarget => ({ amount, unit: 'hours' });
const workingDays = (amount: number): ServiceTarget => ({ amount, unit: 'workingDays' });
const minutes = (amount: number): ServiceTarget => ({ amount, unit: 'minutes' });
// 001: a call-back within 72 h of the resolution, for every ticket.
const callbackAfterResolution = hours(72);

const servicePolicies: Readonly<Record<string, Omit<SlaPolicy, 'category'>>> = {
  // 000: any request gets a first answer within 24 h; 004: an unanswerable consultation within 2 working days.
  consultation: { firstResponse: hours(24), reply: workingDays(2), resolve: null, callback: callbackAfterResolution },
  // 002: first reply within 48 h, holidays included; 004: answered within 72 h.
  complaint: { firstResponse: hours(48), reply: hours(72), resolve: null, callback: callbackAfterResolution },
  // 004: customer equipment fault handled within 6 h, repaired within 24 h.
  repair: { firstResponse: hours(6), reply: null, resolve: hours(24), callback: callbackAfterResolution },
  // 004: emergencies are dispatched at once (15 minutes), an ordinary pipeline fault fixed within 4 h.
  emergency: { firstResponse: minutes(15), reply: null, resolve: hours(4), callback: callbackAfterResolution },
  callback: { firstResponse: hours(24), reply: null, resolve: hours(72), callback: null },
  // 002: a billing dispute is a complaint (first reply 48 h), answered within 72 h.
  billing_dispute: { firstResponse: hours(48), reply: hours(72), resolve: null, callback: callbackAfterResolution },
  spam_report: { firstResponse: hours(24), reply: workingDays(2), resolve: null, callback: null },
  suggestion: { firstResponse: hours(24), reply: workingDays(2), resolve: null, callback: null },
};

// 000: a first answer within 24 h; the business done within 2 working days.
const businessPolicy: Omit<SlaPolicy, 'category'> = { firstResponse: hours(24), reply: null, resolve: workingDays(2), callback: callbackAfterResolution };

/** The policies a new desk starts with, from the commitments of BRIEF §5; administrators change them. */
export const defaultSlaPolicies: readonly SlaPolicy[] = ticketCategories.map((category) => ({
  category,
  ...((businessCategories as readonly string[]).includes(category) ? businessPolicy : servicePolicies[category]!),
}));

/** The policy of a category from a list, or the default. */
export function policyFor(policies: readonly SlaPolicy[], category: TicketCategory): SlaPolicy {
  return policies.find((policy) => policy.category === category) ?? defaultSlaPolicies.find((policy) => policy.category === category)!;
}
