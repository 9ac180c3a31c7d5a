import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendAuditEntry,
  sealNewAuditBlocks,
  startAuditChainWalk,
  verifyAuditChain,
  type AuditVerification,
  type NewAuditEntry,
} from './audit-log';
import {
  auditSealBlockSize,
  auditSealCheckRecipe,
  loadAuditSealsExtension,
  saveAuditSeals,
  usesAuditSealsExtension,
} from './audit-seals';
import { DatabaseOpenError, openAuditReader, type Db } from './connection';
import { builtAuditSealsExtension, createTestDatabase, randomDatabaseKey, type TestDatabase } from './test-support';

const auditKey = randomBytes(32);
/** Two whole blocks and a part of a third. */
const entryCount = 2 * auditSealBlockSize + 100;

const opened: TestDatabase[] = [];
const readers: Db[] = [];
afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
  for (const test of opened.splice(0)) test.cleanup();
});

function entry(index: number): NewAuditEntry {
  return {
    occurredAt: new Date(Date.parse('2026-11-20T01:00:00.000Z') + index * 1000).toISOString(),
    timeZone: 'Asia/Shanghai',
    utcOffsetMinutes: 480,
    workstationId: 'WS-0001',
    agentId: index % 7 === 0 ? null : '1001',
    role: index % 7 === 0 ? null : 'agent',
    action: index % 2 === 0 ? 'customer.reveal' : 'session.signIn',
    objectType: index % 2 === 0 ? 'customer' : null,
    objectId: index % 2 === 0 ? String(index) : null,
    outcome: index % 3 === 0 ? 'refused' : 'success',
    code: index % 3 === 0 ? 'APPROVAL_REQUIRED' : null,
    details: { field: '手机号', index },
  };
}

function filledDatabase(): TestDatabase {
  const test = createTestDatabase();
  opened.push(test);
  test.db.transaction(() => {
    for (let index = 1; index <= entryCount; index += 1) appendAuditEntry(test.db, auditKey, entry(index));
  })();
  return test;
}

type WalkOutcome = Readonly<{ result: AuditVerification; bySeal: number; sealed: readonly [number, number][] }>;

/** Walks the whole log in steps of `stepEntries`; stores the seals it makes when `save` is set. */
function walk(db: Db, options: Readonly<{ reader?: Db; save?: boolean; stepEntries?: number }> = {}): WalkOutcome {
  const chainWalk = startAuditChainWalk(db, auditKey, options.reader === undefined ? undefined : { reader: options.reader });
  const sealed: [number, number][] = [];
  for (;;) {
    const result = chainWalk.step(options.stepEntries ?? 4 * auditSealBlockSize);
    const seals = chainWalk.takeSeals();
    sealed.push(...seals.map((seal): [number, number] => [seal.firstSeq, seal.lastSeq]));
    if (options.save === true) saveAuditSeals(db, seals);
    if (result !== undefined) return { result, bySeal: chainWalk.checkedBySeal(), sealed };
  }
}

function sealedDatabase(): TestDatabase {
  const test = filledDatabase();
  walk(test.db, { save: true });
  return test;
}

/** An audit reader, with the audit-seals extension loaded or with plain SQL. */
function reader(test: TestDatabase, withExtension: boolean): Db {
  const connection = openAuditReader(test.db, test.key);
  readers.push(connection);
  if (withExtension) expect(loadAuditSealsExtension(connection, builtAuditSealsExtension())).toEqual({ loaded: true });
  return connection;
}

function dropAuditTriggers(db: Db): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('audit seals', () => {
  it('are made for every whole block a walk verified, and let the next walk check those blocks with the same result', () => {
    const { db } = filledDatabase();
    const first = walk(db, { save: true });
    expect(first.result).toMatchObject({ status: 'intact', checked: entryCount, firstSeq: 1, lastSeq: entryCount });
    expect(first.bySeal).toBe(0);
    expect(first.sealed).toEqual([
      [1, auditSealBlockSize],
      [auditSealBlockSize + 1, 2 * auditSealBlockSize],
    ]);
    expect(db.prepare('SELECT count(*) FROM audit_seals').pluck().get()).toBe(2);
    const second = walk(db);
    expect(second.result).toEqual(first.result);
    expect(second.bySeal).toBe(2 * auditSealBlockSize);
    // Sealed blocks are not sealed again; the partial block at the end never is.
    expect(second.sealed).toEqual([]);
    expect(verifyAuditChain(db, auditKey)).toEqual(first.result);
  });

  it('are made for every whole block whatever the step size, a step reading a block whole past its budget', () => {
    const { db } = filledDatabase();
    // Steps of 1000 (or 1500) end inside blocks: each whole block is still read, and sealed, in one go.
    for (const stepEntries of [1000, 1500]) {
      db.exec('DELETE FROM audit_seals');
      const sliced = walk(db, { stepEntries });
      expect(sliced.result).toMatchObject({ status: 'intact', checked: entryCount });
      expect(sliced.sealed).toEqual([
        [1, auditSealBlockSize],
        [auditSealBlockSize + 1, 2 * auditSealBlockSize],
      ]);
    }
  });

  it('are checked through the read-only reader, which refuses writes and a wrong key', () => {
    const test = sealedDatabase();
    const reader = openAuditReader(test.db, test.key);
    readers.push(reader);
    const throughReader = walk(test.db, { reader });
    expect(throughReader.bySeal).toBe(2 * auditSealBlockSize);
    expect(throughReader.result).toEqual(walk(test.db).result);
    expect(() => reader.prepare('DELETE FROM audit_seals').run()).toThrow(/readonly/);
    expect(() => openAuditReader(test.db, randomDatabaseKey())).toThrow(DatabaseOpenError);
  });

  it('lost or damaged, cost only speed: the block is walked entry by entry and sealed again', () => {
    const { db } = sealedDatabase();
    db.prepare('UPDATE audit_seals SET tag = randomblob(16) WHERE first_seq = 1').run();
    db.prepare('DELETE FROM audit_seals WHERE first_seq = ?').run(auditSealBlockSize + 1);
    const after = walk(db, { save: true });
    expect(after.result).toMatchObject({ status: 'intact', checked: entryCount });
    expect(after.bySeal).toBe(0);
    expect(after.sealed).toEqual([
      [1, auditSealBlockSize],
      [auditSealBlockSize + 1, 2 * auditSealBlockSize],
    ]);
    expect(walk(db).bySeal).toBe(2 * auditSealBlockSize);
  });

  type SealedTamper = Readonly<{ name: string; change: (db: Db) => void; brokenAt: number; problem: string }>;
  const cases: readonly SealedTamper[] = [
    {
      name: 'details of entry 700 edited',
      change: (db) => db.prepare(`UPDATE audit_log SET details = '{"field":"身份证号","index":700}' WHERE seq = 700`).run(),
      brokenAt: 700,
      problem: 'edited',
    },
    {
      name: 'entry 800 deleted',
      change: (db) => db.prepare('DELETE FROM audit_log WHERE seq = 800').run(),
      brokenAt: 801,
      problem: 'missing',
    },
    {
      name: 'entries 1500 and 1501 swapped (second block)',
      change: (db) => {
        db.exec('UPDATE audit_log SET seq = -1 WHERE seq = 1500; UPDATE audit_log SET seq = 1500 WHERE seq = 1501; UPDATE audit_log SET seq = 1501 WHERE seq = -1;');
      },
      brokenAt: 1500,
      problem: 'reordered',
    },
    {
      name: 'the hash column alone of entry 600 replaced',
      change: (db) => db.prepare(`UPDATE audit_log SET hash = ? WHERE seq = 600`).run(randomBytes(32).toString('hex')),
      brokenAt: 600,
      problem: 'edited',
    },
    {
      // NULL is the byte 0xFE in a block's bytes: the text "\xFE" gives the same bytes, but not the same NULL count.
      name: 'a NULL agent of entry 7 replaced by the text 0xFE',
      change: (db) => db.prepare(`UPDATE audit_log SET agent_id = CAST(x'fe' AS TEXT) WHERE seq = 7`).run(),
      brokenAt: 7,
      problem: 'edited',
    },
    {
      // The block's bytes and NULL count stay the same (entry 906 has no NULL column; its fields,
      // 0xFF-separated, follow in entry 905's details), but the block holds one entry less.
      name: 'entry 906 folded into the details of entry 905',
      change: (db) => {
        const folded = db
          .prepare(
            `SELECT CAST(x'ff' || concat_ws(x'ff', seq, previous_hash, hash, occurred_at, time_zone, utc_offset_minutes,
               workstation_id, ifnull(agent_id, x'fe'), ifnull(role, x'fe'), action, ifnull(object_type, x'fe'), ifnull(object_id, x'fe'),
               outcome, ifnull(code, x'fe'), details) AS BLOB) FROM audit_log WHERE seq = 906`,
          )
          .pluck()
          .get() as Buffer;
        const details = db.prepare('SELECT details FROM audit_log WHERE seq = 905').pluck().get() as string;
        db.prepare('DELETE FROM audit_log WHERE seq = 906').run();
        db.prepare('UPDATE audit_log SET details = CAST(? AS TEXT) WHERE seq = 905').run(Buffer.concat([Buffer.from(details), folded]));
      },
      brokenAt: 905,
      problem: 'edited',
    },
  ];

  describe.each([
    { layout: 'plain SQL', withExtension: false },
    { layout: 'the audit-seals extension', withExtension: true },
  ])('read through $layout', ({ withExtension }) => {
    it.each(cases)('do not hide tampering: $name → $problem at $brokenAt, as without seals', ({ change, brokenAt, problem }) => {
      const test = sealedDatabase();
      dropAuditTriggers(test.db);
      change(test.db);
      const through = reader(test, withExtension);
      const withSeals = walk(test.db, { reader: through });
      expect(withSeals.result).toMatchObject({ status: 'broken', brokenAt, problem });
      // The blocks before the damaged one were still checked by their seals.
      expect(withSeals.bySeal).toBe(Math.floor((brokenAt - 1) / auditSealBlockSize) * auditSealBlockSize);
      test.db.exec('DELETE FROM audit_seals');
      expect(walk(test.db, { reader: through }).result).toEqual(withSeals.result);
    });
  });
});

describe('the audit-seals extension', () => {
  /** The two layouts of seq `first`..`last` on the two readers: [rows, nulls, bytes] each. */
  function layouts(plain: Db, extended: Db, first: number, last: number) {
    const [rows, nulls, bytes] = plain.prepare(auditSealCheckRecipe.blockSql).raw().get(first, last) as [number, number, Buffer | null];
    const laidOut = extended.prepare(auditSealCheckRecipe.extensionBlockSql).pluck().get(first, last) as Buffer | null;
    return {
      sql: { rows, nulls, bytes },
      extension:
        laidOut === null
          ? { rows: 0, nulls: 0, bytes: null }
          : { rows: laidOut.readUInt32LE(0), nulls: laidOut.readUInt32LE(4), bytes: laidOut.subarray(auditSealCheckRecipe.extensionPrefixLength) },
    };
  }

  it('lays out a block byte for byte as the SQL does, whatever the values hold', () => {
    const test = createTestDatabase();
    opened.push(test);
    const insert = test.db.prepare(
      `INSERT INTO audit_log (seq, occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id, role, action,
         object_type, object_id, outcome, code, details, previous_hash, hash)
       VALUES (?, ?, 'Asia/Shanghai', ?, ?, ?, ?, 'customer.reveal', ?, ?, 'success', ?, ?, 'p', 'h')`,
    );
    const rows: readonly (readonly unknown[])[] = [
      [1, '2026-11-20T01:00:00.000Z', 480, 'WS-0001', '1001', 'agent', 'customer', '42', null, '{"field":"手机号"}'],
      [2, '', -720, '', null, null, null, null, null, '{}'],
      [3, '2026-11-20T01:00:02.000Z', -1, '工位-三', '', '', '', '', '', '{"note":"繁體與简体 — 😀"}'],
      [-9_223_372_036_854_775_807n, 'x', -9_223_372_036_854_775_807n, 'w', 'a', 'r', 't', 'o', 'c', '{"large":"' + 'd'.repeat(70_000) + '"}'],
      [9_223_372_036_854_775_807n, 'y', 9_223_372_036_854_775_807n, 'w', 'a', 'r', 't', 'o', 'c', '{}'],
    ];
    for (const row of rows) insert.run(...row);
    // Bytes only a byte-level edit stores: 0xFF, 0xFE and NUL inside text.
    dropAuditTriggers(test.db);
    test.db.prepare(`UPDATE audit_log SET details = CAST(x'7b00ff22fe7d' AS TEXT), workstation_id = CAST(x'ff' AS TEXT) WHERE seq = 2`).run();
    const plain = reader(test, false);
    const extended = reader(test, true);
    expect(usesAuditSealsExtension(extended)).toBe(true);
    expect(usesAuditSealsExtension(plain)).toBe(false);
    for (const [first, last] of [
      [1, 3],
      [2, 2],
      [-9_223_372_036_854_775_807n, 9_223_372_036_854_775_807n],
      [3, 9_223_372_036_854_775_807n],
    ] as const) {
      const { sql, extension } = layouts(plain, extended, Number(first), Number(last));
      expect(extension.rows).toBe(sql.rows);
      expect(extension.nulls).toBe(sql.nulls);
      expect(extension.bytes?.equals(sql.bytes!)).toBe(true);
    }
    // The full range, read as BigInt bounds, holds all five rows and the NULLs of row 2 (and row 1's code).
    const all = extended.prepare(auditSealCheckRecipe.extensionBlockSql).pluck().safeIntegers().get(-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n) as Buffer;
    expect([all.readUInt32LE(0), all.readUInt32LE(4)]).toEqual([5, 6]);
    // No row: NULL, as group_concat gives.
    expect(layouts(plain, extended, 100, 200)).toEqual({ sql: { rows: 0, nulls: 0, bytes: null }, extension: { rows: 0, nulls: 0, bytes: null } });
  });

  it('makes seals that plain SQL checks, and checks the seals plain SQL made', () => {
    const test = filledDatabase();
    const extended = reader(test, true);
    const plain = reader(test, false);
    const sealedThroughExtension = walk(test.db, { reader: extended, save: true });
    expect(sealedThroughExtension.sealed).toHaveLength(2);
    expect(walk(test.db, { reader: plain }).bySeal).toBe(2 * auditSealBlockSize);
    test.db.exec('DELETE FROM audit_seals');
    walk(test.db, { reader: plain, save: true });
    const checkedThroughExtension = walk(test.db, { reader: extended });
    expect(checkedThroughExtension.bySeal).toBe(2 * auditSealBlockSize);
    expect(checkedThroughExtension.result).toEqual(sealedThroughExtension.result);
  });

  it('that cannot be loaded leaves the reader on plain SQL, and SQL itself can load nothing', () => {
    const test = sealedDatabase();
    const connection = openAuditReader(test.db, test.key);
    readers.push(connection);
    const missing = loadAuditSealsExtension(connection, `${test.directory}/no-such-library.so`);
    expect(missing).toMatchObject({ loaded: false, reason: expect.stringContaining('no-such-library') });
    expect(usesAuditSealsExtension(connection)).toBe(false);
    expect(walk(test.db, { reader: connection }).bySeal).toBe(2 * auditSealBlockSize);
    // Loading goes through the C API only: SQL's load_extension() stays refused on both connections.
    expect(() => connection.prepare(`SELECT load_extension(?)`).get(builtAuditSealsExtension())).toThrow(/not authorized/);
    expect(() => test.db.prepare(`SELECT load_extension(?)`).get(builtAuditSealsExtension())).toThrow(/not authorized/);
  });
});

describe('sealNewAuditBlocks', () => {
  it('seals the whole blocks written since the newest seal, a few at a time, never the partial tail', () => {
    const { db } = filledDatabase();
    expect(sealNewAuditBlocks(db, auditKey, { maxBlocks: 1 })).toBe(1);
    expect(db.prepare('SELECT first_seq FROM audit_seals').pluck().all()).toEqual([1]);
    expect(sealNewAuditBlocks(db, auditKey, { maxBlocks: 5 })).toBe(1);
    expect(sealNewAuditBlocks(db, auditKey, { maxBlocks: 5 })).toBe(0);
    db.transaction(() => {
      for (let index = entryCount + 1; index <= 3 * auditSealBlockSize; index += 1) appendAuditEntry(db, auditKey, entry(index));
    })();
    expect(sealNewAuditBlocks(db, auditKey, { maxBlocks: 5 })).toBe(1);
    const next = walk(db);
    expect(next.result).toMatchObject({ status: 'intact', checked: 3 * auditSealBlockSize });
    expect(next.bySeal).toBe(3 * auditSealBlockSize);
  });

  it('seals nothing past a broken entry, and the walk still reports it', () => {
    const { db } = filledDatabase();
    dropAuditTriggers(db);
    db.prepare(`UPDATE audit_log SET outcome = 'failed' WHERE seq = 1100`).run();
    expect(sealNewAuditBlocks(db, auditKey, { maxBlocks: 5 })).toBe(1);
    expect(walk(db).result).toMatchObject({ status: 'broken', brokenAt: 1100, problem: 'edited' });
  });
});
