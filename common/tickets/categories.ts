import type { CallIntent } from '../calls/intents';

/** The service categories of BRIEF §6 that are not business requests. */
export const serviceCategories = [
  'consultation',
  'complaint',
  'repair',
  'emergency',
  'callback',
  'billing_dispute',
  'spam_report',
  'suggestion',
] as const;

/** The business requests of the Unicom catalogue (BRIEF §6). */
export const businessCategories = [
  'new_service',
  'transfer_ownership',
  'number_change',
  'cancellation',
  'suspension',
  'resumption',
  'loss_report',
  'loss_report_cancel',
  'data_change',
  'sim_replacement',
  'prepayment_refund',
  'bill_query',
  'password_reset',
  'account_unlock',
] as const;

/** Every ticket category. */
export const ticketCategories = [...serviceCategories, ...businessCategories] as const;

/** One of {@link ticketCategories}. */
export type TicketCategory = (typeof ticketCategories)[number];

/** What must be checked before a business request is taken (a checklist on the ticket). */
export const preconditions = ['identity_seen', 'arrears_cleared', 'company_seal'] as const;

/** One of {@link preconditions}. `company_seal` applies to group (company) customers only. */
export type Precondition = (typeof preconditions)[number];

/** The checklist of each business request; every one needs the customer's identity document seen. */
export const preconditionsByCategory: Readonly<Partial<Record<TicketCategory, readonly Precondition[]>>> = {
  new_service: ['identity_seen', 'company_seal'],
  transfer_ownership: ['identity_seen', 'arrears_cleared', 'company_seal'],
  number_change: ['identity_seen', 'arrears_cleared'],
  cancellation: ['identity_seen', 'arrears_cleared', 'company_seal'],
  suspension: ['identity_seen', 'arrears_cleared'],
  resumption: ['identity_seen', 'arrears_cleared'],
  loss_report: ['identity_seen'],
  loss_report_cancel: ['identity_seen'],
  data_change: ['identity_seen', 'company_seal'],
  sim_replacement: ['identity_seen'],
  prepayment_refund: ['identity_seen', 'arrears_cleared', 'company_seal'],
  bill_query: ['identity_seen'],
  password_reset: ['identity_seen'],
  account_unlock: ['identity_seen'],
};

/** The category a new ticket starts with, guessed from the intent the agent classified (editable). */
export function categoryForIntent(intent: CallIntent | null): TicketCategory {
  switch (intent) {
    case 'complaint':
    case 'repair':
    case 'emergency':
    case 'callback':
    case 'billing_dispute':
    case 'spam_report':
    case 'suggestion':
      return intent;
    // A business request needs the agent to pick which one; data change is the most common.
    case 'business':
      return 'data_change';
    default:
      return 'consultation';
  }
}
