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
  auditSealsExtensionLibraries,
  loadAuditSealsExtension,
  saveAuditSeals,
  usesAuditSealsExtension,
} from './audit-seals';
import { DatabaseOpenError, openAuditReader, type Db } from './connection';
import { builtAuditSealsExtension, compileAuditSealsExtension, createTestDatabase, randomDatabaseKey, type TestDatabase } from './test-support';

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

/** Whether this platform has the extension (Linux and macOS; Windows walks with plain SQL). */
const extensionBuilt = auditSealsExtensionLibraries[process.platform] !== undefined;
/** audit_log's columns after seq, in the order the block layout takes them. */
const columnsAfterSeq = ['previous_hash', 'hash', 'occurred_at', 'time_zone', 'utc_offset_minutes', 'workstation_id', 'agent_id', 'role', 'action', 'object_type', 'object_id', 'outcome', 'code', 'details'];

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

  it.each([
    {
      // concat_ws skips NULL: this moved details into code and left the same bytes.
      name: 'NOT NULL dropped, then entry 300’s details moved into its code',
      from: 'details TEXT NOT NULL',
      to: 'details TEXT',
      change: `UPDATE audit_log SET code = CAST(code || CAST(x'ff' AS TEXT) || details AS TEXT), details = NULL WHERE seq = 300`,
    },
    {
      name: 'a column declared ANY, then entry 300’s object stored as the same bytes in a BLOB',
      from: 'object_id TEXT',
      to: 'object_id ANY',
      change: 'UPDATE audit_log SET object_id = CAST(object_id AS BLOB) WHERE seq = 300',
    },
    {
      name: 'STRICT dropped, then entry 300’s time zone stored as the same bytes in a BLOB',
      from: ') STRICT',
      to: ')',
      change: 'UPDATE audit_log SET time_zone = CAST(time_zone AS BLOB) WHERE seq = 300',
    },
  ])('do not hide a value changed under a schema written by hand: $name', ({ from, to, change }) => {
    const test = sealedDatabase();
    dropAuditTriggers(test.db);
    // As a SQLite shell would: better-sqlite3's defensive mode refuses schema writes.
    test.db.unsafeMode(true);
    test.db.pragma('writable_schema = ON');
    const edited = test.db
      .prepare(`UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'audit_log' AND instr(sql, ?) > 0`)
      .run(from, to, from);
    expect(edited.changes).toBe(1);
    test.db.pragma('writable_schema = RESET');
    test.db.exec(change);
    for (const withExtension of extensionBuilt ? [false, true] : [false]) {
      const after = walk(test.db, { reader: reader(test, withExtension) });
      expect(after.result).toMatchObject({ status: 'broken', brokenAt: 300, problem: 'edited' });
      expect(after.bySeal).toBe(0);
    }
  });

  it('see values of another type written under a schema that was changed and put back', () => {
    const test = sealedDatabase();
    dropAuditTriggers(test.db);
    test.db.unsafeMode(true);
    const original = test.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log'").pluck().get() as string;
    const writeSchema = (sql: string) => {
      test.db.pragma('writable_schema = ON');
      test.db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'audit_log'").run(sql);
      test.db.pragma('writable_schema = RESET');
    };
    writeSchema(original.replace(/\)\s*STRICT\s*$/, ')'));
    // The same bytes as before, as a BLOB: the layout is unchanged, the types are not.
    test.db.exec('UPDATE audit_log SET time_zone = CAST(time_zone AS BLOB) WHERE seq = 1500');
    writeSchema(original);
    for (const withExtension of extensionBuilt ? [false, true] : [false]) {
      const through = reader(test, withExtension);
      const after = walk(test.db, { reader: through });
      expect(after.result).toMatchObject({ status: 'broken', brokenAt: 1500, problem: 'edited' });
      // The first block is still checked by its seal; the second is not taken as sealed.
      expect(after.bySeal).toBe(auditSealBlockSize);
    }
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
    ...(extensionBuilt ? [{ layout: 'the audit-seals extension', withExtension: true }] : []),
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

describe.runIf(extensionBuilt)('the audit-seals extension', () => {
  it.each([
    { build: 'the installed library', checked: false },
    // Built with a 64-byte first buffer that grows on almost every row, and a check that each row
    // stays inside the room it reserved (a shortfall fails the query).
    { build: 'a build that checks each row’s room', checked: true },
  ])('lays out a block byte for byte as the SQL does, whatever the values hold: $build', ({ checked }) => {
    const test = createTestDatabase();
    opened.push(test);
    const connection = reader(test, !checked);
    if (checked) {
      const library = compileAuditSealsExtension(test.directory, ['-DSEATDESK_CHECK_ROOM', '-DFIRST_CAPACITY=64']);
      expect(loadAuditSealsExtension(connection, library)).toEqual({ loaded: true });
    }
    // A table without types or constraints in place of audit_log (a temporary table comes first
    // by name), so that every kind of value reaches both layouts: NULL in any column, REAL, BLOB,
    // the extreme integers, empty and NUL-, 0xFF- and 0xFE-holding text, and rows large enough
    // that the extension's buffer has to grow.
    connection.exec(`CREATE TEMP TABLE audit_log (seq INTEGER PRIMARY KEY, ${columnsAfterSeq.join(', ')})`);
    const insert = connection.prepare(`INSERT INTO audit_log VALUES (${['?', ...columnsAfterSeq.map(() => '?')].join(', ')})`);
    const large = (letter: string) => `{"large":"${letter.repeat(200_000)}"}`;
    const rows: readonly (readonly unknown[])[] = [
      [1, 'p', 'h', '2026-11-20T01:00:00.000Z', 'Asia/Shanghai', 480n, 'WS-0001', '1001', 'agent', 'customer.reveal', 'customer', '42', 'success', null, '{"field":"手机号"}'],
      [2, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      [3, '', '', '', '', -1n, '', '', '', '', '', '', '', '', '{"note":"繁體與简体 — 😀"}'],
      [4, Buffer.from([0x7b, 0x00, 0xff]), 1.5, -0.25, 1e300, 0, Buffer.alloc(0), 'a\u0000b', 'x', 'y', 'z', 'w', 'v', 'u', 't'],
      [5, 'p', 'h', large('a'), 'z', -9_223_372_036_854_775_808n, 'w', 'a', 'r', 'act', 't', 'o', 'c', 'code', large('b')],
      [6, 'p', 'h', 'o', 'z', 9_223_372_036_854_775_807n, 'w', null, null, 'act', null, null, 'c', null, large('c')],
      // A 19-digit seq and 14 NULLs: the row's own separators and markers take all the room it reserves.
      [9_223_372_036_854_775_806n, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      [9_223_372_036_854_775_807n, 'last', 'h', 'o', 'z', 0n, 'w', 'a', 'r', 'act', 't', 'o', 'c', 'code', '{}'],
    ];
    for (const row of rows) insert.run(...row);
    connection.prepare(`UPDATE audit_log SET details = CAST(x'7b00ff22fe7d' AS TEXT), workstation_id = CAST(x'ff' AS TEXT) WHERE seq = 3`).run();
    const plainLayout = connection.prepare(auditSealCheckRecipe.blockSql).raw().safeIntegers();
    const extensionLayout = connection.prepare(auditSealCheckRecipe.extensionBlockSql).pluck().safeIntegers();
    const ranges: readonly (readonly [bigint, bigint])[] = [
      [1n, 1n],
      [1n, 3n],
      [2n, 2n],
      [3n, 3n],
      [4n, 6n],
      [5n, 6n],
      [-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n],
      [7n, 100n],
    ];
    for (const [first, last] of ranges) {
      const [rowCount, nullCount, typeMismatches, bytes] = plainLayout.get(first, last) as [bigint, bigint, bigint, Buffer | null];
      const laidOut = extensionLayout.get(first, last) as Buffer | null;
      if (rowCount === 0n) {
        expect([laidOut, bytes]).toEqual([null, null]);
        continue;
      }
      expect(laidOut).not.toBeNull();
      const extensionMismatches = laidOut!.readUInt32LE(8);
      expect(laidOut!.readUInt32LE(0)).toBe(Number(rowCount));
      // Both see a type mismatch, or neither; without one they count the same NULLs. (With one,
      // the block is never sealed, and each counts in its own way.)
      expect(extensionMismatches > 0).toBe(typeMismatches > 0n);
      if (typeMismatches === 0n) expect(laidOut!.readUInt32LE(4)).toBe(Number(nullCount));
      expect(laidOut!.subarray(auditSealCheckRecipe.extensionPrefixLength).equals(bytes!)).toBe(true);
    }
    // The whole table, as the extension counts it: all 8 rows, 34 NULL values (1 in row 1, 14 in
    // row 2, 5 in row 6, 14 in row 7), 24 values not of their column's type (the 18 NULLs in NOT
    // NULL columns, row 4's 5 BLOBs and REALs, and its offset: a JavaScript number stays REAL in
    // this untyped table), over 600 KB.
    const whole = extensionLayout.get(-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n) as Buffer;
    expect([whole.readUInt32LE(0), whole.readUInt32LE(4), whole.readUInt32LE(8)]).toEqual([8, 34, 24]);
    expect(whole.length).toBeGreaterThan(600_000);
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

  it('from another build (another layout version) is not used', () => {
    const test = sealedDatabase();
    const stale = compileAuditSealsExtension(test.directory, ['-DLAYOUT_VERSION=0']);
    const connection = openAuditReader(test.db, test.key);
    readers.push(connection);
    expect(loadAuditSealsExtension(connection, stale)).toMatchObject({ loaded: false, reason: expect.stringContaining('version 0, not 2') });
    expect(usesAuditSealsExtension(connection)).toBe(false);
    expect(walk(test.db, { reader: connection }).bySeal).toBe(2 * auditSealBlockSize);
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
