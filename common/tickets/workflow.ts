/**
 * The ticket workflow: new → dispatched (to a department) → in progress → replied → resolved →
 * call-back → closed, with reopen. Decisions only; main stores the result and audits it.
 */

/** Where a ticket stands. */
export const ticketStatuses = ['new', 'dispatched', 'in_progress', 'replied', 'resolved', 'callback', 'closed'] as const;

/** One of {@link ticketStatuses}. */
export type TicketStatus = (typeof ticketStatuses)[number];

/** What can be done to a ticket. */
export const ticketActions = [
  'dispatch',
  'start',
  'reply',
  'resolve',
  'startCallback',
  'recordCallbackAttempt',
  'close',
  'closeUnreachable',
  'reopen',
] as const;

/** One of {@link ticketActions}. */
export type TicketAction = (typeof ticketActions)[number];

/** Failed call-back attempts after which a team lead may close the ticket without reaching the customer (001). */
export const unreachableAfterAttempts = 3;

/** Every legal move: from which statuses an action may be taken, and where it leads. */
const moves: Readonly<Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus | 'same' }>> = {
  // Dispatching again sends the ticket to another department.
  dispatch: { from: ['new', 'dispatched', 'in_progress'], to: 'dispatched' },
  start: { from: ['new', 'dispatched'], to: 'in_progress' },
  reply: { from: ['in_progress'], to: 'replied' },
  resolve: { from: ['in_progress', 'replied'], to: 'resolved' },
  startCallback: { from: ['resolved'], to: 'callback' },
  recordCallbackAttempt: { from: ['callback'], to: 'same' },
  // Closing after a call-back that reached the customer, or a resolved ticket its category calls back never.
  close: { from: ['resolved', 'callback'], to: 'closed' },
  closeUnreachable: { from: ['callback'], to: 'closed' },
  reopen: { from: ['resolved', 'callback', 'closed'], to: 'in_progress' },
};

/** What the decision needs to know of the ticket and the person acting. */
export type TransitionContext = Readonly<{
  status: TicketStatus;
  /** Whether the category has a call-back target (then closing needs a call-back that reached the customer). */
  callbackRequired: boolean;
  /** Call-back attempts so far: reached the customer or not. */
  callbackReached: boolean;
  callbackFailures: number;
  actorRole: 'agent' | 'team_lead' | 'admin';
}>;

/** Why a transition was refused. */
export type TransitionRefusal = 'TICKET_ILLEGAL_TRANSITION' | 'TICKET_CALLBACK_REQUIRED' | 'TICKET_CALLBACK_ATTEMPTS_NEEDED' | 'FORBIDDEN_ROLE';

/** The status an action leads to, or why it may not be taken. */
export function decideTransition(context: TransitionContext, action: TicketAction): { ok: true; status: TicketStatus } | { ok: false; code: TransitionRefusal } {
  const move = moves[action];
  if (!move.from.includes(context.status)) return { ok: false, code: 'TICKET_ILLEGAL_TRANSITION' };
  if (action === 'close') {
    const reached = context.status === 'callback' && context.callbackReached;
    const noCallbackNeeded = context.status === 'resolved' && !context.callbackRequired;
    if (!reached && !noCallbackNeeded) return { ok: false, code: 'TICKET_CALLBACK_REQUIRED' };
  }
  if (action === 'closeUnreachable') {
    if (context.actorRole !== 'team_lead') return { ok: false, code: 'FORBIDDEN_ROLE' };
    if (context.callbackFailures < unreachableAfterAttempts) return { ok: false, code: 'TICKET_CALLBACK_ATTEMPTS_NEEDED' };
  }
  return { ok: true, status: move.to === 'same' ? context.status : move.to };
}

/** The actions that may be offered for a ticket now (buttons); main decides again on each. */
export function availableActions(context: TransitionContext): TicketAction[] {
  return ticketActions.filter((action) => decideTransition(context, action).ok);
}

/** Whether the clock may be paused (waiting for the customer) in this status. */
export function canWaitForCustomer(status: TicketStatus): boolean {
  return status === 'dispatched' || status === 'in_progress' || status === 'replied';
}
