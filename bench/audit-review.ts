// Benchmark of the team lead's audit review on a large log (a benchmark, not a test: it always
// exits 0 and prints PASS or MISS for each target). `npm run bench` bundles it with rolldown as
// CommonJS, like main's bundle (the verification's helper thread finds SQLite's module from it),
// and runs it with node. One SQLCipher 4 store gets 10,000,000 chained audit entries of 500
// agents over two years (SEATDESK_BENCH_AUDIT sets a smaller log for a quick run). It measures:
// - a filtered page (one agent, a 30-day range, 100 rows, newest first), as the review table
//   asks for it; baseline: the same 100 rows read by seq, no filter;
// - verifying the whole hash chain in entries per second: the first walk (every entry's HMAC,
//   sealing each block of 1,024 entries), then the walk of the sealed log with its two helper
//   threads (the target), on one thread, and without the audit-seals SQLite extension (plain
//   SQL, as on Windows); baseline: reading every row without hashing;
// - exporting 100,000 rows to XLSX through the streaming writer, with the heap growth, against
//   the same rows to CSV.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalAuditEncoding, genesisHash, startAuditChainWalk, verifyAuditChain, type AuditVerification, type NewAuditEntry } from '../db/audit-log';
import { auditSealBlockSize, loadAuditSealsExtension, usesAuditSealsExtension } from '../db/audit-seals';
import { findAuditPage, type AuditQuery } from '../db/audit-queries';
import { openAuditReader, openEncryptedDatabase, type Db } from '../db/connection';
import { auditSealsExtensionFile } from '../main/audit/audit-seals-extension';
import { startParallelSealCheck } from '../main/audit/parallel-seal-check';
import { migrations, runMigrations } from '../db/migrations';
import { randomDatabaseKey } from '../db/test-support';
import { writeAuditCsv, writeAuditXlsx } from '../main/audit/audit-export';
import { elapsedMilliseconds, formatMilliseconds, percentile } from './timing';

const entryCount = Number(process.env.SEATDESK_BENCH_AUDIT ?? 10_000_000);
const agentCount = 500;
const pageRuns = 300;
const exportRows = 100_000;
const targets = { pageMilliseconds: 10, verifiedPerSecond: 1_000_000 };
const benchStarted = process.hrtime.bigint();
const end = Date.parse('2026-11-22T02:00:00.000Z');
const span = 730 * 86_400_000;
const actions = ['customer.view', 'customer.search', 'customer.reveal', 'ticket.create', 'call.take', 'call.finish', 'session.signIn', 'session.lock'] as const;

const format = formatMilliseconds;
const agentIdOf = (index: number) => String(5000 + (index % agentCount));

function entryAt(index: number): NewAuditEntry {
  const action = actions[index % actions.length]!;
  const customerId = (index * 7919) % 200_000;
  return {
    occurredAt: new Date(end - span + Math.floor((index / entryCount) * span)).toISOString(),
    timeZone: 'Asia/Shanghai',
    utcOffsetMinutes: 480,
    workstationId: `WS-${String(index % 40).padStart(4, '0')}`,
    agentId: agentIdOf(index),
    role: 'agent',
    action,
    objectType: action.startsWith('customer') ? 'customer' : action.startsWith('ticket') ? 'ticket' : null,
    objectId: action.startsWith('customer') || action.startsWith('ticket') ? String(customerId) : null,
    outcome: index % 97 === 0 ? 'refused' : 'success',
    code: index % 97 === 0 ? 'APPROVAL_REQUIRED' : null,
    details: action === 'customer.reveal' ? { field: 'phone', index: 0 } : { source: 'desk' },
  };
}

async function main(): Promise<void> {
  console.log(`Audit review benchmark: ${entryCount.toLocaleString('en')} chained audit entries of ${agentCount} agents in a SQLCipher 4 store.`);
  const directory = mkdtempSync(join(tmpdir(), 'seatdesk-audit-review-bench-'));
  const databaseKey = randomDatabaseKey();
  const db = openEncryptedDatabase({ file: join(directory, 'audit.db'), key: databaseKey, mode: 'create', scratchDirectory: directory });
  runMigrations(db, migrations);
  const auditKey = randomBytes(32);

  // Seeded with the chain's own rule (HMAC-SHA256 of the previous hash and the canonical
  // encoding) in large transactions; the walk below proves every entry is right.
  let started = process.hrtime.bigint();
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id, role, action,
       object_type, object_id, outcome, code, details, previous_hash, hash)
     VALUES (@seq, @occurredAt, @timeZone, @utcOffsetMinutes, @workstationId, @agentId, @role, @action,
       @objectType, @objectId, @outcome, @code, @details, @previousHash, @hash)`,
  );
  let previousHash = genesisHash;
  const batch = 50_000;
  for (let first = 0; first < entryCount; first += batch) {
    db.transaction(() => {
      for (let index = first; index < Math.min(entryCount, first + batch); index += 1) {
        const entry = entryAt(index);
        const encoding = canonicalAuditEncoding(entry);
        const hash = createHmac('sha256', auditKey).update(previousHash).update(encoding).digest('hex');
        // The details text is the tail of the canonical encoding: `[…,{…}]`.
        const details = encoding.slice(encoding.lastIndexOf(',{') + 1, -1);
        insert.run({ ...entry, seq: index + 1, details, previousHash, hash });
        previousHash = hash;
      }
    })();
    if ((first / batch) % 40 === 39) console.log(`  … ${(first + batch).toLocaleString('en')} entries`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  console.log(`  seeded in ${(elapsedMilliseconds(started) / 1000).toFixed(1)} s`);

  // A lead looks at one agent's month, newest first, as the review table's first page.
  const pageSamples: number[] = [];
  const baselineSamples: number[] = [];
  const newestFirst = db.prepare('SELECT * FROM audit_log WHERE seq <= ? ORDER BY seq DESC LIMIT 100');
  let rowsSeen = 0;
  for (let run = 0; run < pageRuns; run += 1) {
    const agentId = agentIdOf(run * 37);
    const to = end - ((run * 104_729) % (span - 30 * 86_400_000));
    const query: AuditQuery = {
      scope: { kind: 'all' },
      filter: { agentId, from: new Date(to - 30 * 86_400_000).toISOString(), to: new Date(to).toISOString() },
      order: 'desc',
    };
    started = process.hrtime.bigint();
    const page = findAuditPage(db, query, { limit: 100 });
    pageSamples.push(elapsedMilliseconds(started));
    rowsSeen += page.entries.length;
    if (page.entries.some((entry) => entry.agentId !== agentId)) throw new Error('the filter let another agent through');
    started = process.hrtime.bigint();
    newestFirst.all(entryCount - ((run * 104_729) % (entryCount - 100)));
    baselineSamples.push(elapsedMilliseconds(started));
  }
  // Each agent writes about entryCount / agentCount entries in two years: a month holds 100 at 10M.
  const expectedPerPage = Math.min(100, Math.floor(((entryCount / agentCount) * 30) / 730));
  if (rowsSeen < pageRuns * expectedPerPage * 0.5) throw new Error(`pages too short (${rowsSeen} rows in ${pageRuns} pages)`);
  console.log(`  filtered pages held ${(rowsSeen / pageRuns).toFixed(1)} rows on average`);

  // Verification walks every entry through the desk's read-only audit reader, as the lead's
  // "verify integrity" does. The first walk finds no seals: it checks every entry's HMAC and
  // seals each block of 1,024 entries behind it. The second walk is the one a lead waits for on
  // a desk in use (every earlier walk left its seals): sealed blocks are checked at a query each.
  // The baseline reads every row into JavaScript through the same reader, without hashing.
  const reader = openAuditReader(db, databaseKey);
  const extensionFile = auditSealsExtensionFile();
  const extension = extensionFile === undefined ? { loaded: false as const, reason: `not built on ${process.platform}` } : loadAuditSealsExtension(reader, extensionFile);
  console.log(`  audit-seals extension: ${extension.loaded ? `loaded (${extensionFile})` : `NOT loaded, plain SQL (${extension.reason})`}`);
  started = process.hrtime.bigint();
  let readRows = 0;
  for (const row of reader.prepare('SELECT * FROM audit_log ORDER BY seq').raw().iterate()) if (row !== undefined) readRows += 1;
  const readMilliseconds = elapsedMilliseconds(started);
  started = process.hrtime.bigint();
  const firstWalk = verifyAuditChain(db, auditKey, { reader });
  const firstWalkMilliseconds = elapsedMilliseconds(started);
  if (firstWalk.status !== 'intact' || firstWalk.checked !== entryCount) throw new Error(`verification: ${JSON.stringify(firstWalk)}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  // The sealed log, walked as the lead's verification walks it: two helper threads check sealed
  // blocks from both ends while the walk links them in order; then the same walk on one thread.
  const walkSealed = (through: Db, parallel: boolean) => {
    const walkStarted = process.hrtime.bigint();
    const helperExtension = usesAuditSealsExtension(through) && extensionFile !== undefined ? { extensionFile } : {};
    const helper = parallel ? startParallelSealCheck({ reader: through, key: databaseKey, auditKey, firstSeq: 1, lastSeq: entryCount, ...helperExtension }) : undefined;
    const walk = startAuditChainWalk(db, auditKey, { reader: through, ...(helper === undefined ? {} : { sealsCheckedElsewhere: helper.checkedElsewhere }) });
    let result: AuditVerification | undefined;
    while (result === undefined) result = walk.step(10 * auditSealBlockSize);
    helper?.stop();
    const milliseconds = elapsedMilliseconds(walkStarted);
    if (result.status !== 'intact' || result.checked !== entryCount) throw new Error(`verification: ${JSON.stringify(result)}`);
    return { milliseconds, bySeal: walk.checkedBySeal(), helperBlocks: helper?.blocksFromHelper() ?? 0, helpersWithExtension: helper?.helpersWithExtension() ?? 0 };
  };
  const sealedAlone = walkSealed(reader, false);
  const sealedParallel = walkSealed(reader, true);
  const verifyMilliseconds = sealedParallel.milliseconds;
  const checkedBySeal = sealedParallel.bySeal;
  reader.close();
  // The same walk where the extension is not built (Windows): the block layout in plain SQL.
  const plainReader = openAuditReader(db, databaseKey);
  const sealedPlain = walkSealed(plainReader, true);
  plainReader.close();

  // Export the newest 100,000 rows of every agent, newest first (entries lie seconds apart).
  const exportQuery: AuditQuery = {
    scope: { kind: 'all' },
    filter: { from: entryAt(Math.max(0, entryCount - exportRows)).occurredAt },
    order: 'desc',
  };
  global.gc?.();
  let heapBefore = process.memoryUsage().heapUsed;
  started = process.hrtime.bigint();
  const csv = await writeAuditCsv(db, exportQuery, exportRows);
  const csvMilliseconds = elapsedMilliseconds(started);
  const csvHeap = process.memoryUsage().heapUsed - heapBefore;
  global.gc?.();
  heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 5);
  started = process.hrtime.bigint();
  const xlsx = await writeAuditXlsx(db, exportQuery, exportRows, () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  });
  const xlsxMilliseconds = elapsedMilliseconds(started);
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);

  console.log('');
  console.log(['what', 'p50 / figure', 'p99', 'baseline', 'ratio'].join(' | '));
  const pageP50 = percentile(pageSamples, 0.5);
  const pageP99 = percentile(pageSamples, 0.99);
  console.log(
    [`filtered page: one agent, 30 days, 100 rows (${pageRuns} runs)`, format(pageP50), format(pageP99),
      `100 rows by seq: ${format(percentile(baselineSamples, 0.5))}`, `${(pageP50 / percentile(baselineSamples, 0.5)).toFixed(2)}×`].join(' | '),
  );
  const verifiedPerSecond = entryCount / (verifyMilliseconds / 1000);
  const firstWalkPerSecond = entryCount / (firstWalkMilliseconds / 1000);
  const readPerSecond = readRows / (readMilliseconds / 1000);
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} entries/s`;
  console.log(
    [`verify the chain (${entryCount.toLocaleString('en')} entries, ${checkedBySeal.toLocaleString('en')} through seals, ${sealedParallel.helperBlocks.toLocaleString('en')} blocks by the helper threads, ${sealedParallel.helpersWithExtension} of them with the extension)`, perSecond(verifiedPerSecond), `${(verifyMilliseconds / 1000).toFixed(1)} s`,
      `read every row: ${Math.round(readPerSecond).toLocaleString('en')} rows/s`, `${(verifiedPerSecond / readPerSecond).toFixed(2)}×`].join(' | '),
  );
  for (const [what, run] of [['the same on one thread', sealedAlone], ['the same without the extension (plain SQL, helper threads)', sealedPlain]] as const) {
    console.log(
      [what, perSecond(entryCount / (run.milliseconds / 1000)), `${(run.milliseconds / 1000).toFixed(1)} s`,
        `read every row: ${Math.round(readPerSecond).toLocaleString('en')} rows/s`, `${(entryCount / (run.milliseconds / 1000) / readPerSecond).toFixed(2)}×`].join(' | '),
    );
  }
  console.log(
    ['first walk, every entry hashed, blocks sealed', perSecond(firstWalkPerSecond), `${(firstWalkMilliseconds / 1000).toFixed(1)} s`,
      `read every row: ${Math.round(readPerSecond).toLocaleString('en')} rows/s`, `${(firstWalkPerSecond / readPerSecond).toFixed(2)}×`].join(' | '),
  );
  console.log(
    [`export ${xlsx.rowCount.toLocaleString('en')} rows to XLSX (streamed)`, format(xlsxMilliseconds), `${(xlsx.content.length / 1e6).toFixed(1)} MB, heap peak +${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB`,
      `CSV: ${format(csvMilliseconds)}, ${(csv.content.length / 1e6).toFixed(1)} MB, heap +${(csvHeap / 1e6).toFixed(1)} MB`, `${(xlsxMilliseconds / csvMilliseconds).toFixed(2)}×`].join(' | '),
  );
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  console.log('');
  console.log(`${verdict(pageP99 <= targets.pageMilliseconds)} filtered page p99 ${format(pageP99)} (target ≤ ${targets.pageMilliseconds} ms)`);
  console.log(`${verdict(verifiedPerSecond >= targets.verifiedPerSecond)} chain verification ${Math.round(verifiedPerSecond).toLocaleString('en')} entries/s (target ≥ ${targets.verifiedPerSecond.toLocaleString('en')})`);
  console.log(`${verdict(xlsx.rowCount === Math.min(exportRows, entryCount))} XLSX export of ${xlsx.rowCount.toLocaleString('en')} rows streamed (heap peak +${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB for a ${(xlsx.content.length / 1e6).toFixed(1)} MB file)`);
  console.log(`(${(elapsedMilliseconds(benchStarted) / 1000).toFixed(0)} s in all)`);
  db.close();
  rmSync(directory, { recursive: true, force: true });
}

void main();
