import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuditArchiveError,
  appendAuditEntry,
  archiveAuditEntries,
  auditCheckpointSchema,
  canonicalAuditEncoding,
  compareAuditCheckpoint,
  countAuditEntries,
  createAuditCheckpoint,
  genesisHash,
  listAuditEntries,
  startAuditChainWalk,
  verifyAuditChain,
  type AuditEntry,
  type AuditOutcome,
  type AuditVerification,
  type NewAuditEntry,
} from './audit-log';
import { openEncryptedDatabase, type Db } from './connection';
import { createTestDatabase, type TestDatabase } from './test-support';

const auditKey = randomBytes(32);
const workstationId = 'WS-07';
const clockStart = Date.parse('2026-03-14T09:00:00.000Z');
/** Far enough back to be archivable by any clock this suite will run under. */
const oldClockStart = Date.parse('2025-01-10T02:00:00.000Z');
const agents = ['1001', '1002', 'ab-9'] as const;
const outcomes: readonly AuditOutcome[] = ['success', 'refused', 'failed'];
const updatableColumns = [
  'occurred_at',
  'time_zone',
  'utc_offset_minutes',
  'workstation_id',
  'agent_id',
  'role',
  'action',
  'object_type',
  'object_id',
  'outcome',
  'code',
  'details',
  'previous_hash',
  'hash',
] as const;

const opened: TestDatabase[] = [];
afterEach(() => {
  for (const test of opened.splice(0)) test.cleanup();
});

function database(): TestDatabase {
  const test = createTestDatabase();
  opened.push(test);
  return test;
}

/** The entry that becomes seq `index` in a fresh log: varied actors, outcomes and details. */
function sampleEntry(index: number, clock = clockStart): NewAuditEntry {
  const outcome = outcomes[index % outcomes.length] ?? 'success';
  return {
    occurredAt: new Date(clock + index * 60_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    utcOffsetMinutes: 480,
    workstationId,
    agentId: index % 5 === 0 ? null : (agents[index % agents.length] ?? null),
    role: index % 5 === 0 ? null : 'agent',
    action: index % 2 === 0 ? 'customer.view' : 'account.sign-in',
    objectType: index % 2 === 0 ? 'customer' : null,
    objectId: index % 2 === 0 ? String(1000 + index) : null,
    outcome,
    code: outcome === 'success' ? null : 'SEAT_LOCKED',
    details: { reason: `客户来电核实身份 #${index}`, attempt: index, masked: index % 2 === 0, note: null, '10': 'ten', '2': '二' },
  };
}

function appendEntries(db: Db, count: number, clock = clockStart): AuditEntry[] {
  const first = countAuditEntries(db) + 1;
  return db.transaction(() =>
    Array.from({ length: count }, (_, offset) => appendAuditEntry(db, auditKey, sampleEntry(first + offset, clock))),
  )();
}

/** Changes the file through a second connection, as someone holding the database key could. */
function tamper(test: TestDatabase, change: (raw: Db) => void): void {
  const raw = openEncryptedDatabase({ file: test.file, key: test.key, mode: 'open', scratchDirectory: test.directory });
  try {
    change(raw);
  } finally {
    raw.close();
  }
}

function dropAuditTriggers(raw: Db): void {
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

/** Moves every row above `afterSeq` by `shift` (through negative seqs, so no two rows collide). */
function renumber(raw: Db, afterSeq: number, shift: number): void {
  raw.prepare('UPDATE audit_log SET seq = -seq WHERE seq > ?').run(afterSeq);
  raw.prepare('UPDATE audit_log SET seq = -seq + ? WHERE seq < 0').run(shift);
}

function copyRowContent(raw: Db, row: Record<string, unknown>, targetSeq: number): void {
  const assignments = updatableColumns.map((column) => `${column} = @${column}`).join(', ');
  const values = Object.fromEntries(updatableColumns.map((column) => [column, row[column]]));
  raw.prepare(`UPDATE audit_log SET ${assignments} WHERE seq = @seq`).run({ ...values, seq: targetSeq });
}

function insertForgedEntry(raw: Db, seq: number, previousHash: string): void {
  const forged = sampleEntry(seq);
  raw
    .prepare(
      `INSERT INTO audit_log (seq, occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id, role,
         action, object_type, object_id, outcome, code, details, previous_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'account.delete', ?, ?, 'success', NULL, '{"reason":"伪造"}', ?, ?)`,
    )
    .run(
      seq,
      forged.occurredAt,
      forged.timeZone,
      forged.utcOffsetMinutes,
      forged.workstationId,
      '1001',
      'admin',
      'account',
      '1002',
      previousHash,
      createHash('sha256').update('made up').digest('hex'),
    );
}

function expectedHash(entry: AuditEntry, key = auditKey): string {
  return createHmac('sha256', key).update(entry.previousHash).update(canonicalAuditEncoding(entry)).digest('hex');
}

describe('canonicalAuditEncoding', () => {
  it('is deterministic, sorts detail keys as text and leaves out seq', () => {
    const entry = sampleEntry(3);
    const reordered: NewAuditEntry = { ...entry, details: { note: null, '2': '二', masked: false, attempt: 3, reason: entry.details.reason ?? '', '10': 'ten' } };
    const encoding = canonicalAuditEncoding(entry);
    expect(canonicalAuditEncoding(reordered)).toBe(encoding);
    expect(encoding).toBe(
      '["2026-03-14T09:03:00.000Z","Asia/Shanghai",480,"WS-07","1001","agent","account.sign-in",null,null,"success",null,' +
        '{"10":"ten","2":"二","attempt":3,"masked":false,"note":null,"reason":"客户来电核实身份 #3"}]',
    );
    expect(encoding).toBe(canonicalAuditEncoding({ ...entry, seq: 99 } as NewAuditEntry));
  });
});

describe('appendAuditEntry', () => {
  it('chains every entry to the one before, from genesis, with HMAC-SHA256 over the canonical encoding', () => {
    const { db } = database();
    const entries = appendEntries(db, 20);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(entries[0]?.previousHash).toBe(genesisHash);
    entries.forEach((entry, index) => {
      expect(entry.hash).toBe(expectedHash(entry));
      if (index > 0) expect(entry.previousHash).toBe(entries[index - 1]?.hash);
    });
    const stored = listAuditEntries(db, { limit: 500 }).reverse();
    expect(stored).toEqual(entries);
    stored.forEach((entry) => expect(expectedHash(entry)).toBe(entry.hash));
    expect(db.prepare('SELECT details FROM audit_log WHERE seq = 4').pluck().get()).toBe(
      '{"10":"ten","2":"二","attempt":4,"masked":true,"note":null,"reason":"客户来电核实身份 #4"}',
    );
  });

  it('refuses an audit key that is not 32 bytes and a malformed entry, writing nothing', () => {
    const { db } = database();
    expect(() => appendAuditEntry(db, randomBytes(16), sampleEntry(1))).toThrow(RangeError);
    expect(() => appendAuditEntry(db, auditKey, { ...sampleEntry(1), occurredAt: '2026-03-14 09:00' })).toThrow(TypeError);
    expect(() => appendAuditEntry(db, auditKey, { ...sampleEntry(1), details: { ratio: Number.NaN } })).toThrow(TypeError);
    expect(() => appendAuditEntry(db, auditKey, { ...sampleEntry(1), objectId: 'bad \ud800' })).toThrow(/surrogate/);
    expect(countAuditEntries(db)).toBe(0);
  });
});

describe('append-only triggers', () => {
  it('refuse UPDATE and DELETE through the normal connection', () => {
    const { db } = database();
    appendEntries(db, 3);
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'failed' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/keeps every entry/);
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ status: 'intact', checked: 3 });
  });
});

describe('verifyAuditChain', () => {
  it('reports an intact chain with its range and head', () => {
    const { db } = database();
    expect(verifyAuditChain(db, auditKey)).toEqual({
      status: 'intact',
      checked: 0,
      firstSeq: null,
      lastSeq: null,
      headHash: genesisHash,
    });
    const entries = appendEntries(db, 20);
    expect(verifyAuditChain(db, auditKey)).toEqual({
      status: 'intact',
      checked: 20,
      firstSeq: 1,
      lastSeq: 20,
      headHash: entries[19]?.hash,
    });
  });

  it('fails at entry 1 with the wrong audit key', () => {
    const { db } = database();
    appendEntries(db, 5);
    expect(verifyAuditChain(db, randomBytes(32))).toMatchObject({
      status: 'broken',
      checked: 0,
      intactUpTo: null,
      brokenAt: 1,
      problem: 'edited',
    });
  });

  it('reports progress every 10,240 entries and at the end', () => {
    const { db } = database();
    appendEntries(db, 10_241);
    const calls: Array<[number, number]> = [];
    const result = verifyAuditChain(db, auditKey, { onProgress: (checked, total) => calls.push([checked, total]) });
    expect(result.status).toBe('intact');
    expect(calls).toEqual([
      [10_240, 10_241],
      [10_241, 10_241],
    ]);
    // Every whole block it verified is sealed.
    expect(db.prepare('SELECT count(*) FROM audit_seals').pluck().get()).toBe(10);
  });
});

type TamperCase = Readonly<{
  name: string;
  change: (raw: Db, entries: readonly AuditEntry[]) => void;
  brokenAt: number;
  problem: string;
  intactUpTo: number | null;
  message: RegExp;
}>;

const tamperCases: readonly TamperCase[] = [
  {
    name: 'details of entry 7 edited',
    change: (raw) => raw.prepare(`UPDATE audit_log SET details = '{"reason":"客户要求删除记录"}' WHERE seq = 7`).run(),
    brokenAt: 7,
    problem: 'edited',
    intactUpTo: 6,
    message: /^Entry 7 was edited after it was written\.$/,
  },
  {
    name: 'outcome of entry 7 edited',
    change: (raw) => raw.prepare(`UPDATE audit_log SET outcome = 'success' WHERE seq = 7`).run(),
    brokenAt: 7,
    problem: 'edited',
    intactUpTo: 6,
    message: /Entry 7 was edited/,
  },
  {
    name: 'entry 8 deleted',
    change: (raw) => raw.prepare('DELETE FROM audit_log WHERE seq = 8').run(),
    brokenAt: 9,
    problem: 'missing',
    intactUpTo: 7,
    message: /^Entry 8 is missing: entry 9 does not follow entry 7\.$/,
  },
  {
    name: 'entries 8 to 10 deleted',
    change: (raw) => raw.prepare('DELETE FROM audit_log WHERE seq BETWEEN 8 AND 10').run(),
    brokenAt: 11,
    problem: 'missing',
    intactUpTo: 7,
    message: /Entries 8 to 10 are missing/,
  },
  {
    name: 'entry 1 deleted',
    change: (raw) => raw.prepare('DELETE FROM audit_log WHERE seq = 1').run(),
    brokenAt: 2,
    problem: 'missing',
    intactUpTo: null,
    message: /Entry 1 is missing: entry 2 does not follow the start of the log/,
  },
  {
    name: 'entry 8 deleted and the later entries renumbered to close the gap',
    change: (raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq = 8').run();
      renumber(raw, 8, -1);
    },
    brokenAt: 8,
    problem: 'missing',
    intactUpTo: 7,
    message: /missing between entry 7 and entry 8; the later entries were renumbered/,
  },
  {
    name: 'a forged entry appended at the tail (indistinguishable from an edited newest entry)',
    change: (raw, entries) => insertForgedEntry(raw, 21, entries[19]?.hash ?? ''),
    brokenAt: 21,
    problem: 'edited',
    intactUpTo: 20,
    message: /Entry 21 does not match its hash: it was edited after it was written, or forged and appended/,
  },
  {
    name: 'a forged entry inserted after entry 10, the later entries renumbered to make room',
    change: (raw, entries) => {
      renumber(raw, 10, 1);
      insertForgedEntry(raw, 11, entries[9]?.hash ?? '');
    },
    brokenAt: 11,
    problem: 'inserted',
    intactUpTo: 10,
    message: /^Entry 11 was inserted/,
  },
  {
    name: 'entries 5 and 6 swapped',
    change: (raw) => {
      const fifth = raw.prepare('SELECT * FROM audit_log WHERE seq = 5').get() as Record<string, unknown>;
      const sixth = raw.prepare('SELECT * FROM audit_log WHERE seq = 6').get() as Record<string, unknown>;
      copyRowContent(raw, sixth, 5);
      copyRowContent(raw, fifth, 6);
    },
    brokenAt: 5,
    problem: 'reordered',
    intactUpTo: 4,
    message: /^Entry 5 is out of order: it was written after entry 6/,
  },
  {
    name: 'a real entry copied and appended again at the tail',
    change: (raw) => {
      const columns = updatableColumns.join(', ');
      raw.prepare(`INSERT INTO audit_log (seq, ${columns}) SELECT 21, ${columns} FROM audit_log WHERE seq = 5`).run();
    },
    brokenAt: 21,
    problem: 'inserted',
    intactUpTo: 20,
    message: /^Entry 21 is a copy of another entry/,
  },
  {
    // A walk that went through every empty block on the way would take hours (and hold main).
    name: 'a real entry copied to a far seq, leaving a gap of a billion blocks',
    change: (raw) => {
      const columns = updatableColumns.join(', ');
      raw.prepare(`INSERT INTO audit_log (seq, ${columns}) SELECT ?, ${columns} FROM audit_log WHERE seq = 5`).run(2 ** 40);
    },
    brokenAt: 2 ** 40,
    problem: 'inserted',
    intactUpTo: 20,
    message: /^Entry 1099511627776 is a copy of another entry/,
  },
  {
    // Beyond what a JavaScript number holds exactly: a walk by numbers could never reach it.
    name: 'an entry inserted at seq 2^60',
    change: (raw) => {
      const columns = updatableColumns.join(', ');
      raw.prepare(`INSERT INTO audit_log (seq, ${columns}) SELECT ?, ${columns} FROM audit_log WHERE seq = 5`).run(2n ** 60n);
    },
    brokenAt: 2 ** 60,
    problem: 'inserted',
    intactUpTo: null,
    message: /^Entry 1152921504606846976 was inserted: the log numbers its entries from 1 up to 9007199254740991\.$/,
  },
  {
    name: 'an entry inserted at seq -1',
    change: (raw) => {
      const columns = updatableColumns.join(', ');
      raw.prepare(`INSERT INTO audit_log (seq, ${columns}) SELECT -1, ${columns} FROM audit_log WHERE seq = 5`).run();
    },
    brokenAt: -1,
    problem: 'inserted',
    intactUpTo: null,
    message: /^Entry -1 was inserted/,
  },
];

describe('verifyAuditChain on a tampered log', () => {
  it.each(tamperCases)('$name → $problem at $brokenAt', ({ change, brokenAt, problem, intactUpTo, message }) => {
    const test = database();
    const entries = appendEntries(test.db, 20);
    // The normal connection cannot do any of this: the triggers refuse.
    expect(() => test.db.prepare(`UPDATE audit_log SET outcome = 'failed' WHERE seq = 7`).run()).toThrow(/append-only/);
    expect(() => test.db.prepare('DELETE FROM audit_log WHERE seq = 8').run()).toThrow(/keeps every entry/);
    tamper(test, (raw) => {
      dropAuditTriggers(raw);
      change(raw, entries);
    });
    const result = verifyAuditChain(test.db, auditKey);
    expect(result).toMatchObject({ status: 'broken', brokenAt, problem, intactUpTo, checked: intactUpTo ?? 0 });
    expect(result.status === 'broken' ? result.message : '').toMatch(message);
    // Walked in slices of three, with the connection used between them, the answer is the same.
    const walk = startAuditChainWalk(test.db, auditKey);
    let sliced: AuditVerification | undefined;
    while (sliced === undefined) {
      sliced = walk.step(3);
      test.db.prepare('SELECT count(*) FROM accounts').get();
    }
    expect(sliced).toEqual(result);
  });
});

describe('startAuditChainWalk', () => {
  it('walks in slices, reports how far it got, and leaves entries appended meanwhile to the next walk', () => {
    const { db } = database();
    const entries = appendEntries(db, 20);
    const walk = startAuditChainWalk(db, auditKey);
    expect(walk.total).toBe(20);
    expect(walk.step(8)).toBeUndefined();
    expect(walk.checked()).toBe(8);
    appendEntries(db, 5, clockStart + 3_600_000);
    expect(walk.step(8)).toBeUndefined();
    expect(walk.checked()).toBe(16);
    expect(walk.step(8)).toEqual({ status: 'intact', checked: 20, firstSeq: 1, lastSeq: 20, headHash: entries[19]?.hash });
    // Over is over: asking again gives the same answer.
    expect(walk.step(8)).toMatchObject({ status: 'intact', checked: 20 });
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ status: 'intact', checked: 25 });
  });
});

describe('audit checkpoints', () => {
  const createdAt = '2026-03-15T00:00:00.000Z';

  it('match the untouched log and count the entries written since', () => {
    const { db } = database();
    const empty = createAuditCheckpoint(db, auditKey, createdAt, workstationId);
    expect(empty).toMatchObject({ seq: 0, hash: genesisHash });
    const entries = appendEntries(db, 20);
    const checkpoint = createAuditCheckpoint(db, auditKey, createdAt, workstationId);
    expect(checkpoint).toMatchObject({ format: 'seatdesk-audit-checkpoint', version: 1, workstationId, seq: 20, hash: entries[19]?.hash });
    expect(compareAuditCheckpoint(db, auditKey, checkpoint, workstationId)).toMatchObject({ status: 'match', seq: 20, newerEntries: 0 });
    appendEntries(db, 3);
    expect(compareAuditCheckpoint(db, auditKey, checkpoint, workstationId)).toMatchObject({ status: 'match', seq: 20, newerEntries: 3 });
    expect(compareAuditCheckpoint(db, auditKey, empty, workstationId)).toMatchObject({ status: 'match', seq: 0, newerEntries: 23 });
  });

  it('prove a cut tail that verification alone cannot see', () => {
    const test = database();
    appendEntries(test.db, 20);
    const checkpoint = createAuditCheckpoint(test.db, auditKey, createdAt, workstationId);
    tamper(test, (raw) => {
      dropAuditTriggers(raw);
      raw.prepare('DELETE FROM audit_log WHERE seq >= 17').run();
    });
    expect(verifyAuditChain(test.db, auditKey)).toMatchObject({ status: 'intact', checked: 16, lastSeq: 16 });
    const comparison = compareAuditCheckpoint(test.db, auditKey, checkpoint, workstationId);
    expect(comparison).toMatchObject({ status: 'mismatch', problem: 'truncated', seq: 16 });
    expect(comparison.message).toMatch(/ends at entry 16.*entry 20/);
    // Writing on after the cut puts other entries at 17 to 20.
    appendEntries(test.db, 5, clockStart + 3_600_000);
    expect(compareAuditCheckpoint(test.db, auditKey, checkpoint, workstationId)).toMatchObject({
      status: 'mismatch',
      problem: 'diverged',
      seq: 20,
    });
  });

  it('refuse an altered or foreign checkpoint', () => {
    const { db } = database();
    const entries = appendEntries(db, 20);
    const checkpoint = createAuditCheckpoint(db, auditKey, createdAt, workstationId);
    const altered = [
      { ...checkpoint, seq: 19 },
      { ...checkpoint, hash: entries[18]?.hash ?? '' },
      { ...checkpoint, createdAt: '2026-03-16T00:00:00.000Z' },
      { ...checkpoint, workstationId: 'WS-08' },
      { ...checkpoint, signature: checkpoint.signature.slice(0, 62) },
      createAuditCheckpoint(db, randomBytes(32), createdAt, workstationId),
    ];
    for (const forged of altered) {
      expect(compareAuditCheckpoint(db, auditKey, forged, workstationId)).toMatchObject({ status: 'mismatch', problem: 'bad-signature' });
    }
    expect(compareAuditCheckpoint(db, auditKey, checkpoint, 'WS-08')).toMatchObject({
      status: 'mismatch',
      problem: 'other-workstation',
      seq: 20,
    });
  });

  it('parse from an uploaded file with the strict schema', () => {
    const { db } = database();
    appendEntries(db, 2);
    const checkpoint = createAuditCheckpoint(db, auditKey, createdAt, workstationId);
    const uploaded: unknown = JSON.parse(JSON.stringify(checkpoint));
    expect(auditCheckpointSchema.parse(uploaded)).toEqual(checkpoint);
    expect(auditCheckpointSchema.safeParse({ ...checkpoint, extra: 1 }).success).toBe(false);
    expect(auditCheckpointSchema.safeParse({ ...checkpoint, hash: 'xyz' }).success).toBe(false);
    expect(auditCheckpointSchema.safeParse({ ...checkpoint, seq: -1 }).success).toBe(false);
  });
});

describe('archiveAuditEntries', () => {
  const realNow = () => new Date().toISOString();

  it('refuses when there is nothing to archive', () => {
    const { db } = database();
    expect(() => archiveAuditEntries(db, auditKey, { upToSeq: 10, now: realNow(), approvalId: null })).toThrow(
      expect.objectContaining({ reason: 'NOTHING_TO_ARCHIVE' }),
    );
  });

  it('refuses entries younger than the minimum age, by the given time and by the database clock', () => {
    const { db } = database();
    appendEntries(db, 20);
    const tooSoon = () => archiveAuditEntries(db, auditKey, { upToSeq: 10, now: '2026-06-01T00:00:00.000Z', approvalId: 1 });
    expect(tooSoon).toThrow(AuditArchiveError);
    expect(tooSoon).toThrow(expect.objectContaining({ reason: 'TOO_YOUNG' }));

    const recent = database().db;
    appendEntries(recent, 5, Date.now() - 10 * 86_400_000);
    // `now` claims a year later; the delete trigger still goes by SQLite's real clock.
    const future = new Date(Date.now() + 400 * 86_400_000).toISOString();
    expect(() => archiveAuditEntries(recent, auditKey, { upToSeq: 5, now: future, approvalId: 1 })).toThrow(
      expect.objectContaining({ reason: 'TOO_YOUNG' }),
    );
    expect(countAuditEntries(recent)).toBe(5);
    expect(recent.prepare('SELECT count(*) FROM audit_anchors').pluck().get()).toBe(0);
  });

  it('refuses a chain that does not verify', () => {
    const test = database();
    appendEntries(test.db, 20, oldClockStart);
    tamper(test, (raw) => {
      dropAuditTriggers(raw);
      raw.prepare(`UPDATE audit_log SET agent_id = '1002' WHERE seq = 3`).run();
    });
    expect(() => archiveAuditEntries(test.db, auditKey, { upToSeq: 10, now: realNow(), approvalId: 1 })).toThrow(
      expect.objectContaining({ reason: 'CHAIN_BROKEN', message: 'Entry 3 was edited after it was written.' }),
    );
    expect(countAuditEntries(test.db)).toBe(20);
  });

  it('archives old entries behind a signed anchor from which the remaining chain verifies', () => {
    const { db } = database();
    const entries = appendEntries(db, 5, oldClockStart);
    const atFive = createAuditCheckpoint(db, auditKey, realNow(), workstationId);
    entries.push(...appendEntries(db, 5, oldClockStart));
    const atTen = createAuditCheckpoint(db, auditKey, realNow(), workstationId);
    entries.push(...appendEntries(db, 10, oldClockStart));
    const now = realNow();

    const result = archiveAuditEntries(db, auditKey, { upToSeq: 10, now, approvalId: 42 });

    expect(result).toMatchObject({ entryCount: 10, upToSeq: 10, headHash: entries[9]?.hash });
    expect(result.digest).toBe(createHash('sha256').update(result.archive, 'utf8').digest('hex'));
    const lines = result.archive.split('\n');
    expect(lines.pop()).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      format: 'seatdesk-audit-archive',
      version: 1,
      fromSeq: 1,
      upToSeq: 10,
      headHash: entries[9]?.hash,
      entryCount: 10,
      archivedAt: now,
    });
    expect(lines.slice(1).map((line) => JSON.parse(line) as unknown)).toEqual(entries.slice(0, 10));
    expect(db.prepare('SELECT up_to_seq, head_hash, entry_count, archive_digest, approval_id, archived_at FROM audit_anchors').all()).toEqual([
      { up_to_seq: 10, head_hash: entries[9]?.hash, entry_count: 10, archive_digest: result.digest, approval_id: 42, archived_at: now },
    ]);

    expect(countAuditEntries(db)).toBe(10);
    expect(verifyAuditChain(db, auditKey)).toEqual({ status: 'intact', checked: 10, firstSeq: 11, lastSeq: 20, headHash: entries[19]?.hash });
    expect(() => db.prepare('DELETE FROM audit_anchors').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_anchors SET approval_id = 7').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 11').run()).toThrow(/keeps every entry/);

    expect(compareAuditCheckpoint(db, auditKey, atFive, workstationId)).toMatchObject({ status: 'mismatch', problem: 'archived', seq: 5 });
    expect(compareAuditCheckpoint(db, auditKey, atTen, workstationId)).toMatchObject({ status: 'match', seq: 10, newerEntries: 10 });
    expect(() => archiveAuditEntries(db, auditKey, { upToSeq: 10, now, approvalId: 42 })).toThrow(
      expect.objectContaining({ reason: 'NOTHING_TO_ARCHIVE' }),
    );
  });

  it('continues numbering and chaining after archiving every entry', () => {
    const { db } = database();
    const entries = appendEntries(db, 20, oldClockStart);
    const result = archiveAuditEntries(db, auditKey, { upToSeq: 1_000, now: realNow(), approvalId: null });
    expect(result).toMatchObject({ entryCount: 20, upToSeq: 20, headHash: entries[19]?.hash });
    expect(verifyAuditChain(db, auditKey)).toEqual({ status: 'intact', checked: 0, firstSeq: null, lastSeq: null, headHash: entries[19]?.hash });
    const next = appendAuditEntry(db, auditKey, sampleEntry(21));
    expect(next).toMatchObject({ seq: 21, previousHash: entries[19]?.hash });
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ status: 'intact', checked: 1, firstSeq: 21, lastSeq: 21 });
  });

  it('lets verification catch tampering after the anchor, inside the archived range, and a forged anchor', () => {
    const test = database();
    appendEntries(test.db, 20, oldClockStart);
    const result = archiveAuditEntries(test.db, auditKey, { upToSeq: 10, now: realNow(), approvalId: 3 });
    const archivedThird = JSON.parse(result.archive.split('\n')[3] ?? '') as AuditEntry;
    tamper(test, (raw) => {
      dropAuditTriggers(raw);
      raw.prepare(`UPDATE audit_log SET role = 'admin' WHERE seq = 11`).run();
    });
    expect(verifyAuditChain(test.db, auditKey)).toMatchObject({ status: 'broken', brokenAt: 11, problem: 'edited', intactUpTo: 10, checked: 0 });

    tamper(test, (raw) => {
      raw.prepare(`UPDATE audit_log SET role = 'agent' WHERE seq = 11`).run();
      raw
        .prepare(
          `INSERT INTO audit_log (seq, occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id, role, action,
             object_type, object_id, outcome, code, details, previous_hash, hash)
           VALUES (@seq, @occurredAt, @timeZone, @utcOffsetMinutes, @workstationId, @agentId, @role, @action,
             @objectType, @objectId, @outcome, @code, @details, @previousHash, @hash)`,
        )
        .run({ ...archivedThird, details: JSON.stringify(archivedThird.details) });
    });
    const restored = verifyAuditChain(test.db, auditKey);
    expect(restored).toMatchObject({ status: 'broken', brokenAt: 3, problem: 'inserted', intactUpTo: 10 });
    expect(restored.status === 'broken' ? restored.message : '').toMatch(/inside the archived range/);

    tamper(test, (raw) => raw.prepare('DELETE FROM audit_log WHERE seq = 3').run());
    expect(verifyAuditChain(test.db, auditKey)).toMatchObject({ status: 'intact', firstSeq: 11 });
    test.db
      .prepare(
        `INSERT INTO audit_anchors (up_to_seq, head_hash, entry_count, archive_digest, approval_id, archived_at, signature)
         VALUES (15, ?, 5, ?, NULL, ?, ?)`,
      )
      .run('a'.repeat(64), 'b'.repeat(64), realNow(), 'c'.repeat(64));
    expect(verifyAuditChain(test.db, auditKey)).toMatchObject({
      status: 'broken',
      brokenAt: 15,
      problem: 'anchor-forged',
      intactUpTo: null,
      checked: 0,
    });
  });
});

describe('listAuditEntries', () => {
  it('pages backwards, newest first, and filters by actor', () => {
    const { db } = database();
    appendEntries(db, 20);
    const seqs = (entries: readonly AuditEntry[]) => entries.map((entry) => entry.seq);
    expect(seqs(listAuditEntries(db, { limit: 7 }))).toEqual([20, 19, 18, 17, 16, 15, 14]);
    expect(seqs(listAuditEntries(db, { limit: 7, beforeSeq: 14 }))).toEqual([13, 12, 11, 10, 9, 8, 7]);
    expect(seqs(listAuditEntries(db, { limit: 7, beforeSeq: 7 }))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(seqs(listAuditEntries(db, { limit: 7, beforeSeq: 1 }))).toEqual([]);

    const byActor = listAuditEntries(db, { limit: 500, agentIds: ['1002', 'ab-9'] });
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((entry) => entry.agentId === '1002' || entry.agentId === 'ab-9')).toBe(true);
    expect(byActor).toHaveLength(listAuditEntries(db, { limit: 500 }).filter((entry) => entry.agentId === '1002' || entry.agentId === 'ab-9').length);
    expect(seqs(listAuditEntries(db, { limit: 2, agentIds: ['1001'], beforeSeq: 10 }))).toEqual([9, 6]);
    expect(listAuditEntries(db, { limit: 500, agentIds: [] })).toEqual([]);

    expect(listAuditEntries(db, { limit: 0 })).toHaveLength(1);
    expect(listAuditEntries(db, { limit: 10_000 })).toHaveLength(20);
    expect(countAuditEntries(db)).toBe(20);
  });
});
