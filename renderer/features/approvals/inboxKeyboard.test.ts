import { describe, expect, it } from 'vitest';
import { filterInbox, inboxKeyAction } from './inboxKeyboard';

const rows = [
  { id: 11, status: 'pending' as const },
  { id: 12, status: 'approved' as const },
  { id: 13, status: 'pending' as const },
];

describe('inbox keyboard', () => {
  it('moves the selection with the arrows and J/K, staying inside the list', () => {
    expect(inboxKeyAction('ArrowDown', -1, rows)).toEqual({ kind: 'select', index: 0 });
    expect(inboxKeyAction('ArrowDown', 0, rows)).toEqual({ kind: 'select', index: 1 });
    expect(inboxKeyAction('j', 2, rows)).toEqual({ kind: 'select', index: 2 });
    expect(inboxKeyAction('ArrowUp', 2, rows)).toEqual({ kind: 'select', index: 1 });
    expect(inboxKeyAction('K', 0, rows)).toEqual({ kind: 'select', index: 0 });
    expect(inboxKeyAction('ArrowDown', 0, [])).toBeNull();
  });

  it('approves with A and denies with D only a selected pending request', () => {
    expect(inboxKeyAction('a', 0, rows)).toEqual({ kind: 'decide', approvalId: 11, approve: true });
    expect(inboxKeyAction('D', 2, rows)).toEqual({ kind: 'decide', approvalId: 13, approve: false });
    expect(inboxKeyAction('a', 1, rows)).toBeNull();
    expect(inboxKeyAction('a', -1, rows)).toBeNull();
    expect(inboxKeyAction('x', 0, rows)).toBeNull();
  });

  it('filters by status, or shows all', () => {
    expect(filterInbox(rows, 'pending').map((row) => row.id)).toEqual([11, 13]);
    expect(filterInbox(rows, 'approved').map((row) => row.id)).toEqual([12]);
    expect(filterInbox(rows, 'expired')).toEqual([]);
    expect(filterInbox(rows, 'all')).toHaveLength(3);
    // A request just decided stays in the pending view, in its place.
    expect(filterInbox(rows, 'pending', new Set([12])).map((row) => row.id)).toEqual([11, 12, 13]);
  });
});
