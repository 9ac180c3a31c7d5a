import { describe, expect, it } from 'vitest';
import { availableActions, canWaitForCustomer, decideTransition, ticketActions, ticketStatuses, type TicketAction, type TicketStatus, type TransitionContext } from './workflow';

const base: TransitionContext = { status: 'new', callbackRequired: true, callbackReached: false, callbackFailures: 0, actorRole: 'agent' };

// The legal moves, written out by hand so the table in workflow.ts is checked, not restated.
const legal: Record<string, TicketStatus> = {
  'new dispatch': 'dispatched',
  'new start': 'in_progress',
  'dispatched dispatch': 'dispatched',
  'dispatched start': 'in_progress',
  'in_progress dispatch': 'dispatched',
  'in_progress reply': 'replied',
  'in_progress resolve': 'resolved',
  'replied resolve': 'resolved',
  'resolved startCallback': 'callback',
  'resolved reopen': 'in_progress',
  'callback recordCallbackAttempt': 'callback',
  'callback reopen': 'in_progress',
  'closed reopen': 'in_progress',
};

describe('ticket workflow', () => {
  it('allows every legal transition and refuses every other one', () => {
    for (const status of ticketStatuses) {
      for (const action of ticketActions) {
        const decision = decideTransition({ ...base, status }, action);
        const expected = legal[`${status} ${action}`];
        if (expected !== undefined) expect(decision, `${status} ${action}`).toEqual({ ok: true, status: expected });
        else if (!(['close', 'closeUnreachable'] as TicketAction[]).includes(action)) {
          expect(decision, `${status} ${action}`).toEqual({ ok: false, code: 'TICKET_ILLEGAL_TRANSITION' });
        }
      }
    }
  });

  it('closes only after a call-back reached the customer, unless the category calls back never', () => {
    expect(decideTransition({ ...base, status: 'resolved' }, 'close')).toEqual({ ok: false, code: 'TICKET_CALLBACK_REQUIRED' });
    expect(decideTransition({ ...base, status: 'resolved', callbackRequired: false }, 'close')).toEqual({ ok: true, status: 'closed' });
    expect(decideTransition({ ...base, status: 'callback' }, 'close')).toEqual({ ok: false, code: 'TICKET_CALLBACK_REQUIRED' });
    expect(decideTransition({ ...base, status: 'callback', callbackReached: true }, 'close')).toEqual({ ok: true, status: 'closed' });
    for (const status of ['new', 'dispatched', 'in_progress', 'replied', 'closed'] as const) {
      expect(decideTransition({ ...base, status, callbackReached: true, callbackRequired: false }, 'close'), status).toEqual({
        ok: false,
        code: 'TICKET_ILLEGAL_TRANSITION',
      });
    }
  });

  it('lets a team lead close an unreachable call-back after three failed attempts', () => {
    const callback = { ...base, status: 'callback' as const };
    expect(decideTransition({ ...callback, callbackFailures: 3 }, 'closeUnreachable')).toEqual({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(decideTransition({ ...callback, callbackFailures: 2, actorRole: 'team_lead' }, 'closeUnreachable')).toEqual({
      ok: false,
      code: 'TICKET_CALLBACK_ATTEMPTS_NEEDED',
    });
    expect(decideTransition({ ...callback, callbackFailures: 3, actorRole: 'team_lead' }, 'closeUnreachable')).toEqual({ ok: true, status: 'closed' });
    expect(decideTransition({ ...base, status: 'resolved', callbackFailures: 3, actorRole: 'team_lead' }, 'closeUnreachable')).toEqual({
      ok: false,
      code: 'TICKET_ILLEGAL_TRANSITION',
    });
  });

  it('offers the actions that would be accepted, and pauses only while work is under way', () => {
    expect(availableActions({ ...base, status: 'new' })).toEqual(['dispatch', 'start']);
    expect(availableActions({ ...base, status: 'callback', callbackFailures: 3, actorRole: 'team_lead' })).toEqual([
      'recordCallbackAttempt',
      'closeUnreachable',
      'reopen',
    ]);
    expect(ticketStatuses.filter(canWaitForCustomer)).toEqual(['dispatched', 'in_progress', 'replied']);
  });
});
