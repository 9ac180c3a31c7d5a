// Benchmark of tickets in a full store (a benchmark, not a test: it always exits 0 and prints
// PASS or MISS for each target). `npm run bench` bundles it with rolldown and runs it with node.
// Two stores get the same 1,000,000 tickets, each with its chained audit entry: Seatdesk's
// SQLCipher 4 store and, as the baseline, a plain SQLite file with the same pragmas (WAL,
// synchronous=FULL, foreign keys, the same 2048-byte pages); a third store, plain with SQLite's
// default 4096-byte pages, shows that the smaller pages do not flatter the baseline. On all, in
// alternation, it measures:
// - creating a ticket from the click to the commit: main's `createTicket` (phrase check, policy,
//   number, deadlines, insert, audit entry, the view sent back), one durable transaction each;
// - one agent's queue: the SQL query alone, and the whole `tickets.mine` answer with countdowns;
// - a team lead's SLA dashboard for this month (every figure, all 500 agents' tickets and calls);
// - the WAL checkpoint main's timer runs between clicks (not part of a click, shown apart).
// SEATDESK_BENCH_TICKETS sets a smaller store for a quick run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ticketCategories, type TicketCategory } from '../common/tickets/categories';
import { defaultSlaPolicies } from '../common/tickets/sla-policy';
import { findAccountById } from '../db/accounts';
import { appendAuditEntry } from '../db/audit-log';
import { checkpointWal, sqlcipherPageSize, walPagesBeforeCommitCheckpoint, type Db } from '../db/connection';
import { migrations, runMigrations } from '../db/migrations';
import { listOwnerQueue, listTeamOverdue } from '../db/tickets';
import type { DeskContext, SignedInCaller } from '../main/desk-context';
import { slaDashboardSummary } from '../main/sla-dashboard/sla-dashboard';
import { createScenario } from '../main/test-support';
import { createTicket, listMyTickets } from '../main/tickets/tickets';
import { elapsedMilliseconds, formatMilliseconds, percentile } from './timing';

const ticketCount = Number(process.env.SEATDESK_BENCH_TICKETS ?? 1_000_000);
const ownerCount = 500;
/** Of each owner's tickets, this many are still open (the rest closed, as after two years of work). */
const openPerOwner = 120;
const createRuns = 2_000;
const queueRuns = 500;
const dashboardRuns = 20;
const targets = { createP99Milliseconds: 5, encryptionOverhead: 0.15, queueQueryMilliseconds: 5 };
const benchStarted = process.hrtime.bigint();

const format = formatMilliseconds;

/** A plain store: the same schema and pragmas as the encrypted store (db/connection.ts), no key. */
function openPlainStore(file: string, pageSize: number): Db {
  const db = new Database(file);
  db.pragma(`page_size = ${pageSize}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma(`wal_autocheckpoint = ${walPagesBeforeCommitCheckpoint}`);
  runMigrations(db, migrations);
  return db;
}

/** Copies a table's rows (the scenario's accounts and settings) so all stores start alike. */
function copyRows(from: Db, to: Db, table: string): void {
  const rows = from.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  to.prepare(`DELETE FROM ${table}`).run();
  for (const row of rows) {
    const columns = Object.keys(row);
    to.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(row);
  }
}

/**
 * Fills a store with `ticketCount` tickets spread over `ownerCount` agents (the scenario's agent
 * 1001 first), created over two years, each with its audit entry in the chain.
 */
function seedTickets(db: Db, auditKey: Buffer, firstOwnerId: number, extraOwnerIds: readonly number[]): void {
  const owners = [firstOwnerId, ...extraOwnerIds];
  const perOwner = Math.ceil(ticketCount / owners.length);
  const insert = db.prepare(
    `INSERT INTO tickets (number, channel, customer_id, category, status, summary, preconditions, owner_account_id, owner_team,
       department, targets, due, next_due_at, next_due_kind, created_at, first_responded_at, resolved_at, closed_at)
     VALUES (?, 'phone', NULL, ?, ?, ?, '{}', ?, '一组', '', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const targetsOf = new Map<string, string>(
    defaultSlaPolicies.map((policy) => [
      policy.category,
      JSON.stringify({ firstResponse: policy.firstResponse, reply: policy.reply, resolve: policy.resolve, callback: policy.callback }),
    ]),
  );
  const end = Date.parse('2026-11-22T02:00:00.000Z');
  const perDay = new Map<string, number>();
  const span = 730 * 86_400_000;
  const batch = 20_000;
  for (let start = 0; start < ticketCount; start += batch) {
    db.transaction(() => {
      for (let index = start; index < Math.min(ticketCount, start + batch); index += 1) {
        const owner = owners[index % owners.length]!;
        const ordinal = Math.floor(index / owners.length);
        const open = ordinal >= perOwner - openPerOwner;
        const createdAt = end - span + Math.floor((index / ticketCount) * span);
        const created = new Date(createdAt).toISOString();
        const category = ticketCategories[index % ticketCategories.length] as TicketCategory;
        const due = new Date(createdAt + 48 * 3_600_000).toISOString();
        // Numbered per Beijing day as main numbers them (GD20261122-0001).
        const day = new Date(createdAt + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
        const sequence = (perDay.get(day) ?? 0) + 1;
        perDay.set(day, sequence);
        const number = `GD${day}-${String(sequence).padStart(4, '0')}`;
        insert.run(
          number,
          category,
          open ? 'in_progress' : 'closed',
          '客户反映宽带晚间频繁掉线，已排查光猫指示灯正常，需上门检测线路。',
          owner,
          targetsOf.get(category) ?? '{}',
          JSON.stringify({ firstResponse: due, reply: null, resolve: null, callback: null }),
          open ? due : null,
          open ? 'firstResponse' : null,
          created,
          created,
          open ? null : due,
          open ? null : due,
        );
        appendAuditEntry(db, auditKey, {
          occurredAt: created,
          timeZone: 'Asia/Shanghai',
          utcOffsetMinutes: 480,
          workstationId: 'WS-BENCH',
          agentId: String(owner),
          role: 'agent',
          action: 'ticket.create',
          objectType: 'ticket',
          objectId: String(index + 1),
          outcome: 'success',
          code: null,
          details: { number, category, channel: 'phone', customerId: null, callId: null },
        });
      }
    })();
  }
}

function addOwners(db: Db, count: number): number[] {
  const now = '2026-11-22T02:00:00.000Z';
  const insert = db.prepare(
    `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash, must_change_password, created_at, updated_at, password_changed_at)
     VALUES (?, ?, 'agent', '一组', 'active', 'x', 0, ?, ?, ?)`,
  );
  const ids: number[] = [];
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      ids.push(Number(insert.run(String(5000 + index), `坐席${index}`, now, now, now).lastInsertRowid));
    }
  })();
  return ids;
}

type Store = Readonly<{ name: string; desk: DeskContext; db: Db }>;

async function main(): Promise<void> {
  console.log(`Ticket benchmark: ${ticketCount.toLocaleString('en')} tickets and audit entries per store, ${ownerCount} agents.`);
  const scenario = await createScenario();
  const encryptedDesk = scenario.desk.desk;
  const encrypted = encryptedDesk.store.connection();
  const directory = mkdtempSync(join(tmpdir(), 'seatdesk-ticket-bench-'));
  const plainStores = [
    { name: `baseline: plain SQLite, ${sqlcipherPageSize}-byte pages`, db: openPlainStore(join(directory, 'plain.db'), sqlcipherPageSize) },
    { name: 'plain SQLite, 4096-byte pages (its default)', db: openPlainStore(join(directory, 'plain-4096.db'), 4096) },
  ];
  // The customer the counter tickets are for, the same row in every store, opened by the agent.
  const customer = {
    fullName: '王小明',
    gender: 'male',
    phones: ['13812345678'],
    accountNumbers: [],
    idType: 'resident_id',
    idNumber: '110105194912310021',
    address: '北京市朝阳区建国路88号',
  };
  const created = await scenario.value('app:customers.create', customer, '1001');
  const customerId = created.customer.id as number;
  for (const { db: plain } of plainStores) {
    plain.pragma('foreign_keys = OFF');
    for (const table of ['accounts', 'settings', 'customers']) copyRows(encrypted, plain, table);
    for (const table of ['customer_phones', 'customer_accounts']) {
      const exists = encrypted.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
      if (exists !== undefined) copyRows(encrypted, plain, table);
    }
    plain.pragma('foreign_keys = ON');
  }
  const agent = findAccountById(encrypted, 2 + 3)!;
  if (agent.agentId !== '1001') throw new Error(`expected agent 1001, found ${agent.agentId}`);
  const caller: SignedInCaller = { clientKey: '1001', account: agent };

  const stores: Store[] = [
    { name: `Seatdesk: SQLCipher 4, ${sqlcipherPageSize}-byte pages`, desk: encryptedDesk, db: encrypted },
    ...plainStores.map(({ name, db }) => ({
      name,
      db,
      desk: { ...encryptedDesk, store: { ...encryptedDesk.store, connection: () => db, connectionIfOpen: () => db } },
    })),
  ];
  const auditKey = encryptedDesk.store.auditKey();
  const seededTicketIds = new Map<string, number>();
  for (const store of stores) {
    const started = process.hrtime.bigint();
    const extra = addOwners(store.db, ownerCount - 1);
    seedTickets(store.db, auditKey, agent.id, extra);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.exec('ANALYZE');
    seededTicketIds.set(store.name, store.db.prepare('SELECT max(id) FROM tickets').pluck().get() as number);
    console.log(`  seeded "${store.name}" in ${(elapsedMilliseconds(started) / 1000).toFixed(1)} s`);
  }

  const request = {
    customerId,
    channel: 'counter' as const,
    category: 'complaint' as const,
    summary: '客户投诉营业厅办理过户等待时间过长，要求说明原因并改进。',
    preconditions: {},
  };
  const samples = new Map<string, { create: number[]; checkpoint: number[]; queueQuery: number[]; queueAnswer: number[]; teamOverdue: number[]; dashboard: number[] }>(
    stores.map((store) => [store.name, { create: [], checkpoint: [], queueQuery: [], queueAnswer: [], teamOverdue: [], dashboard: [] }]),
  );
  // How many pages one ticket writes (WAL frames per commit): what encryption has to encrypt.
  for (const store of stores) {
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    for (let run = 0; run < 20; run += 1) createTicket(store.desk, caller, request);
    const [status] = store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    console.log(`  ${store.name}: ${((status?.log ?? 0) / 20).toFixed(1)} pages written per ticket`);
  }
  // Warm up all, then alternate so that drift in the machine hits all alike.
  for (const store of stores) for (let run = 0; run < 50; run += 1) createTicket(store.desk, caller, request);
  for (let run = 0; run < createRuns; run += 1) {
    for (const store of stores) {
      const start = process.hrtime.bigint();
      createTicket(store.desk, caller, request);
      samples.get(store.name)!.create.push(elapsedMilliseconds(start));
      // Main's timer copies the WAL into the file between clicks (db/connection.ts checkpointWal).
      const checkpointStart = process.hrtime.bigint();
      checkpointWal(store.db);
      samples.get(store.name)!.checkpoint.push(elapsedMilliseconds(checkpointStart));
    }
  }
  // The agent's queue keeps what was seeded: the tickets just created are closed (as if worked).
  for (const store of stores) {
    store.db.prepare("UPDATE tickets SET status = 'closed', closed_at = created_at, next_due_at = NULL WHERE id > ?").run(seededTicketIds.get(store.name));
  }
  for (let run = 0; run < queueRuns; run += 1) {
    for (const store of stores) {
      let start = process.hrtime.bigint();
      const queue = listOwnerQueue(store.db, { ownerAccountId: agent.id, limit: 200 });
      samples.get(store.name)!.queueQuery.push(elapsedMilliseconds(start));
      if (queue.length === 0) throw new Error('empty queue');
      start = process.hrtime.bigint();
      listMyTickets(store.desk, caller, {});
      samples.get(store.name)!.queueAnswer.push(elapsedMilliseconds(start));
      start = process.hrtime.bigint();
      listTeamOverdue(store.db, '一组', '2026-11-22T02:00:00.000Z', 200);
      samples.get(store.name)!.teamOverdue.push(elapsedMilliseconds(start));
    }
  }
  // The team lead of 一组 (every seeded ticket's team) opens the dashboard: this month by default.
  const lead = findAccountById(encrypted, 2)!;
  if (lead.agentId !== '2001') throw new Error(`expected lead 2001, found ${lead.agentId}`);
  for (let run = 0; run < dashboardRuns; run += 1) {
    for (const store of stores) {
      const start = process.hrtime.bigint();
      slaDashboardSummary(store.desk, { clientKey: '2001', account: lead }, {});
      samples.get(store.name)!.dashboard.push(elapsedMilliseconds(start));
    }
  }
  const teamPlan = encrypted
    .prepare(
      `EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at IS NULL
         AND next_due_at < ? AND owner_team = ? ORDER BY next_due_at, id LIMIT 200`,
    )
    .all('2026-11-22T02:00:00.000Z', '一组') as { detail: string }[];
  console.log(`  team overdue plan: ${teamPlan.map((step) => step.detail).join('; ')}`);
  const plan = encrypted
    .prepare("EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE owner_account_id = ? AND closed_at IS NULL ORDER BY next_due_at IS NULL, next_due_at, id LIMIT 200")
    .all(agent.id) as { detail: string }[];
  console.log(`  queue query plan: ${plan.map((step) => step.detail).join('; ')}`);
  const openCount = encrypted.prepare('SELECT count(*) FROM tickets WHERE owner_account_id = ? AND closed_at IS NULL').pluck().get(agent.id) as number;
  const ticketTotal = encrypted.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
  const auditTotal = encrypted.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  console.log(`  store now: ${ticketTotal.toLocaleString('en')} tickets, ${auditTotal.toLocaleString('en')} audit entries; agent 1001 has ${openCount} open tickets`);

  const measures = [
    [`create, click to commit (${createRuns} runs)`, 'create'],
    ["WAL checkpoint between clicks (main's timer)", 'checkpoint'],
    [`queue query, one agent (${queueRuns} runs)`, 'queueQuery'],
    ['tickets.mine answer with countdowns', 'queueAnswer'],
    [`team overdue list, ${ownerCount} agents`, 'teamOverdue'],
    [`SLA dashboard, this month, ${ownerCount} agents (${dashboardRuns} runs)`, 'dashboard'],
  ] as const;
  const rows: string[][] = [];
  for (const [label, measure] of measures) {
    for (const store of stores) {
      const measured = samples.get(store.name)![measure];
      rows.push([label, store.name, format(percentile(measured, 0.5)), format(percentile(measured, 0.99))]);
    }
  }
  console.log('');
  console.log(['what', 'store', 'p50', 'p99'].join(' | '));
  for (const row of rows) console.log(row.join(' | '));

  const seatdesk = samples.get(stores[0]!.name)!;
  const baseline = samples.get(stores[1]!.name)!;
  const defaultPages = samples.get(stores[2]!.name)!;
  const createP99 = percentile(seatdesk.create, 0.99);
  const overhead = percentile(seatdesk.create, 0.5) / percentile(baseline.create, 0.5) - 1;
  const queueP99 = percentile(seatdesk.queueQuery, 0.99);
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  console.log('');
  console.log(`${verdict(createP99 <= targets.createP99Milliseconds)} create p99 ${format(createP99)} (target ≤ ${targets.createP99Milliseconds} ms)`);
  console.log(
    `${verdict(overhead <= targets.encryptionOverhead)} encryption overhead on create p50 ${(overhead * 100).toFixed(1)} % ` +
      `(${(percentile(seatdesk.create, 0.5) / percentile(baseline.create, 0.5)).toFixed(2)}× the baseline; target ≤ ${targets.encryptionOverhead * 100} %)`,
  );
  console.log(
    `     against plain SQLite with its default 4096-byte pages: ${(percentile(seatdesk.create, 0.5) / percentile(defaultPages.create, 0.5)).toFixed(2)}×; ` +
      `that baseline is ${(percentile(defaultPages.create, 0.5) / percentile(baseline.create, 0.5)).toFixed(2)}× the same-page one`,
  );
  console.log(`${verdict(queueP99 <= targets.queueQueryMilliseconds)} queue query p99 ${format(queueP99)} (target ≤ ${targets.queueQueryMilliseconds} ms)`);
  console.log(`(${(elapsedMilliseconds(benchStarted) / 1000).toFixed(0)} s in all)`);
  for (const { db } of plainStores) db.close();
  scenario.desk.cleanup();
  rmSync(directory, { recursive: true, force: true });
}

void main();
