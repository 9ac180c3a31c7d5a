import type { ApprovalView } from '../../../common/ipc/approvals';

/** What a key press in the approvals inbox asks for. */
export type InboxKeyAction =
  | Readonly<{ kind: 'select'; index: number }>
  | Readonly<{ kind: 'decide'; approvalId: number; approve: boolean }>
  | null;

/**
 * The inbox's keyboard: ↑/↓ (or K/J) move the selection, A approves and D denies the selected
 * request when it is still pending. Other keys, and A/D on a decided request, do nothing.
 */
export function inboxKeyAction(key: string, selectedIndex: number, rows: readonly Pick<ApprovalView, 'id' | 'status'>[]): InboxKeyAction {
  if (rows.length === 0) return null;
  const current = Math.min(Math.max(selectedIndex, 0), rows.length - 1);
  switch (key.toLowerCase()) {
    case 'arrowdown':
    case 'j':
      return { kind: 'select', index: selectedIndex < 0 ? 0 : Math.min(current + 1, rows.length - 1) };
    case 'arrowup':
    case 'k':
      return { kind: 'select', index: Math.max(current - 1, 0) };
    case 'a':
    case 'd': {
      const row = selectedIndex < 0 ? undefined : rows[current];
      if (row === undefined || row.status !== 'pending') return null;
      return { kind: 'decide', approvalId: row.id, approve: key.toLowerCase() === 'a' };
    }
    default:
      return null;
  }
}

/** Inbox filters: one status, or every request. */
export const inboxFilters = ['pending', 'approved', 'denied', 'expired', 'all'] as const;

/** One of {@link inboxFilters}. */
export type InboxFilter = (typeof inboxFilters)[number];

/** The requests a filter shows, in the inbox's order, plus those in `keep` whatever their status. */
export function filterInbox<Row extends Pick<ApprovalView, 'id' | 'status'>>(
  rows: readonly Row[],
  filter: InboxFilter,
  keep: ReadonlySet<number> = new Set(),
): Row[] {
  return rows.filter((row) => filter === 'all' || row.status === filter || keep.has(row.id));
}
