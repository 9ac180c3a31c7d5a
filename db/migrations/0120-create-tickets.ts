import type { Db } from '../connection';

// The seed as released (a literal copy, so later changes to the defaults in common/ never
// change what this step wrote): the 2024–2026 calendar and the SLA policies of BRIEF §5.
const seedCalendar = [
  {
    year: 2024,
    source: '国务院办公厅节假日安排通知；数据核对自 github.com/awfe/ChinaWorkingDay',
    holidays: [{"date": "2024-01-01", "name": "元旦"}, {"date": "2024-02-12", "name": "春节"}, {"date": "2024-02-13", "name": "春节"}, {"date": "2024-02-14", "name": "春节"}, {"date": "2024-02-15", "name": "春节"}, {"date": "2024-02-16", "name": "春节"}, {"date": "2024-04-04", "name": "清明节"}, {"date": "2024-04-05", "name": "清明节"}, {"date": "2024-05-01", "name": "劳动节"}, {"date": "2024-05-02", "name": "劳动节"}, {"date": "2024-05-03", "name": "劳动节"}, {"date": "2024-06-10", "name": "端午节"}, {"date": "2024-09-16", "name": "中秋节"}, {"date": "2024-09-17", "name": "中秋节"}, {"date": "2024-10-01", "name": "国庆节"}, {"date": "2024-10-02", "name": "国庆节"}, {"date": "2024-10-03", "name": "国庆节"}, {"date": "2024-10-04", "name": "国庆节"}, {"date": "2024-10-07", "name": "国庆节"}],
    makeUpWorkdays: [{"date": "2024-02-04", "name": "春节调休"}, {"date": "2024-02-18", "name": "春节调休"}, {"date": "2024-04-07", "name": "清明节调休"}, {"date": "2024-04-28", "name": "劳动节调休"}, {"date": "2024-05-11", "name": "劳动节调休"}, {"date": "2024-09-14", "name": "中秋节调休"}, {"date": "2024-09-29", "name": "国庆节调休"}, {"date": "2024-10-12", "name": "国庆节调休"}],
  },
  {
    year: 2025,
    source: '国务院办公厅节假日安排通知；数据核对自 github.com/awfe/ChinaWorkingDay',
    holidays: [{"date": "2025-01-01", "name": "元旦"}, {"date": "2025-01-28", "name": "春节"}, {"date": "2025-01-29", "name": "春节"}, {"date": "2025-01-30", "name": "春节"}, {"date": "2025-01-31", "name": "春节"}, {"date": "2025-02-03", "name": "春节"}, {"date": "2025-02-04", "name": "春节"}, {"date": "2025-04-04", "name": "清明节"}, {"date": "2025-05-01", "name": "劳动节"}, {"date": "2025-05-02", "name": "劳动节"}, {"date": "2025-05-05", "name": "劳动节"}, {"date": "2025-06-02", "name": "端午节"}, {"date": "2025-10-01", "name": "国庆节、中秋节"}, {"date": "2025-10-02", "name": "国庆节、中秋节"}, {"date": "2025-10-03", "name": "国庆节、中秋节"}, {"date": "2025-10-06", "name": "国庆节、中秋节"}, {"date": "2025-10-07", "name": "国庆节、中秋节"}, {"date": "2025-10-08", "name": "国庆节、中秋节"}],
    makeUpWorkdays: [{"date": "2025-01-26", "name": "春节调休"}, {"date": "2025-02-08", "name": "春节调休"}, {"date": "2025-04-27", "name": "劳动节调休"}, {"date": "2025-09-28", "name": "国庆节调休"}, {"date": "2025-10-11", "name": "国庆节调休"}],
  },
  {
    year: 2026,
    source: '国务院办公厅节假日安排通知；数据核对自 github.com/awfe/ChinaWorkingDay',
    holidays: [{"date": "2026-01-01", "name": "元旦"}, {"date": "2026-01-02", "name": "元旦"}, {"date": "2026-02-16", "name": "春节"}, {"date": "2026-02-17", "name": "春节"}, {"date": "2026-02-18", "name": "春节"}, {"date": "2026-02-19", "name": "春节"}, {"date": "2026-02-20", "name": "春节"}, {"date": "2026-02-23", "name": "春节"}, {"date": "2026-04-06", "name": "清明节"}, {"date": "2026-05-01", "name": "劳动节"}, {"date": "2026-05-04", "name": "劳动节"}, {"date": "2026-05-05", "name": "劳动节"}, {"date": "2026-06-19", "name": "端午节"}, {"date": "2026-09-25", "name": "中秋节"}, {"date": "2026-10-01", "name": "国庆节"}, {"date": "2026-10-02", "name": "国庆节"}, {"date": "2026-10-05", "name": "国庆节"}, {"date": "2026-10-06", "name": "国庆节"}, {"date": "2026-10-07", "name": "国庆节"}],
    makeUpWorkdays: [{"date": "2026-01-04", "name": "元旦调休"}, {"date": "2026-02-14", "name": "春节调休"}, {"date": "2026-02-28", "name": "春节调休"}, {"date": "2026-05-09", "name": "劳动节调休"}, {"date": "2026-09-20", "name": "国庆节调休"}, {"date": "2026-10-10", "name": "国庆节调休"}],
  },
];

const seedPolicies = [
  {"category": "consultation", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": {"amount": 2, "unit": "workingDays"}, "resolve": null, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "complaint", "firstResponse": {"amount": 48, "unit": "hours"}, "reply": {"amount": 72, "unit": "hours"}, "resolve": null, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "repair", "firstResponse": {"amount": 6, "unit": "hours"}, "reply": null, "resolve": {"amount": 24, "unit": "hours"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "emergency", "firstResponse": {"amount": 15, "unit": "minutes"}, "reply": null, "resolve": {"amount": 4, "unit": "hours"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "callback", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 72, "unit": "hours"}, "callback": null},
  {"category": "billing_dispute", "firstResponse": {"amount": 48, "unit": "hours"}, "reply": {"amount": 72, "unit": "hours"}, "resolve": null, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "spam_report", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": {"amount": 2, "unit": "workingDays"}, "resolve": null, "callback": null},
  {"category": "suggestion", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": {"amount": 2, "unit": "workingDays"}, "resolve": null, "callback": null},
  {"category": "new_service", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "transfer_ownership", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "number_change", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "cancellation", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "suspension", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "resumption", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "loss_report", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "loss_report_cancel", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "data_change", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "sim_replacement", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "prepayment_refund", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "bill_query", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "password_reset", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
  {"category": "account_unlock", "firstResponse": {"amount": 24, "unit": "hours"}, "reply": null, "resolve": {"amount": 2, "unit": "workingDays"}, "callback": {"amount": 72, "unit": "hours"}},
];

/**
 * Tickets, their clock pauses, deadline changes and workflow events; the SLA policy of each
 * category; the working-day calendar by year; and the per-day counter that numbers tickets.
 * A ticket keeps the targets it was created with (`targets`, JSON), so a policy changed later
 * does not move its deadlines; `due` (JSON) holds each target's computed deadline and `next_due_at`
 * the nearest one still open, which orders the queue.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE tickets (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      channel TEXT NOT NULL CHECK (channel IN ('phone', 'counter', 'callback')),
      call_id INTEGER REFERENCES calls (id),
      customer_id INTEGER REFERENCES customers (id),
      category TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new', 'dispatched', 'in_progress', 'replied', 'resolved', 'callback', 'closed')),
      summary TEXT NOT NULL,
      preconditions TEXT NOT NULL CHECK (json_valid(preconditions) AND json_type(preconditions) = 'object'),
      owner_account_id INTEGER NOT NULL REFERENCES accounts (id),
      owner_team TEXT NOT NULL,
      department TEXT NOT NULL DEFAULT '',
      targets TEXT NOT NULL CHECK (json_valid(targets) AND json_type(targets) = 'object'),
      due TEXT NOT NULL CHECK (json_valid(due) AND json_type(due) = 'object'),
      next_due_at TEXT,
      next_due_kind TEXT,
      waiting_since TEXT,
      created_at TEXT NOT NULL,
      first_responded_at TEXT,
      replied_at TEXT,
      resolved_at TEXT,
      closed_at TEXT,
      callback_failures INTEGER NOT NULL DEFAULT 0 CHECK (callback_failures >= 0),
      callback_reached INTEGER NOT NULL DEFAULT 0 CHECK (callback_reached IN (0, 1))
    ) STRICT;
    CREATE INDEX tickets_queue ON tickets (owner_account_id, closed_at, next_due_at);
    CREATE INDEX tickets_team_due ON tickets (owner_team, next_due_at) WHERE closed_at IS NULL;

    CREATE TABLE ticket_pauses (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      from_at TEXT NOT NULL,
      until_at TEXT,
      CHECK (until_at IS NULL OR until_at >= from_at)
    ) STRICT;
    CREATE INDEX ticket_pauses_by_ticket ON ticket_pauses (ticket_id);

    CREATE TABLE ticket_deadline_changes (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      target TEXT NOT NULL CHECK (target IN ('firstResponse', 'reply', 'resolve', 'callback')),
      due_at TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (length(reason) >= 2),
      changed_by INTEGER NOT NULL REFERENCES accounts (id),
      changed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ticket_deadline_changes_by_ticket ON ticket_deadline_changes (ticket_id);

    CREATE TABLE ticket_events (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      at TEXT NOT NULL,
      details TEXT NOT NULL CHECK (json_valid(details))
    ) STRICT;
    CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id);

    CREATE TABLE ticket_counters (day TEXT PRIMARY KEY, last INTEGER NOT NULL) STRICT, WITHOUT ROWID;

    CREATE TABLE sla_policies (
      category TEXT PRIMARY KEY,
      policy TEXT NOT NULL CHECK (json_valid(policy) AND json_type(policy) = 'object'),
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;

    CREATE TABLE calendar_years (
      year INTEGER PRIMARY KEY,
      holidays TEXT NOT NULL CHECK (json_valid(holidays) AND json_type(holidays) = 'array'),
      make_up_workdays TEXT NOT NULL CHECK (json_valid(make_up_workdays) AND json_type(make_up_workdays) = 'array'),
      source TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;
  `);
  const now = new Date().toISOString();
  const insertYear = db.prepare('INSERT INTO calendar_years (year, holidays, make_up_workdays, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, NULL)');
  for (const year of seedCalendar) insertYear.run(year.year, JSON.stringify(year.holidays), JSON.stringify(year.makeUpWorkdays), year.source, now);
  const insertPolicy = db.prepare('INSERT INTO sla_policies (category, policy, updated_at, updated_by) VALUES (?, ?, ?, NULL)');
  for (const { category, ...policy } of seedPolicies) insertPolicy.run(category, JSON.stringify(policy), now);
}
