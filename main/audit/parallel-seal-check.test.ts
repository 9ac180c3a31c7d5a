import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEntry, startAuditChainWalk, verifyAuditChain, type AuditVerification } from '../../db/audit-log';
import { auditSealBlockSize, auditSealsExtensionLibraries, loadAuditSealsExtension } from '../../db/audit-seals';
import { openAuditReader, type Db } from '../../db/connection';
import { builtAuditSealsExtension, compileAuditSealsExtension, createTestDatabase, randomDatabaseKey, type TestDatabase } from '../../db/test-support';
import { startParallelSealCheck, type ParallelSealCheck } from './parallel-seal-check';

const auditKey = randomBytes(32);
const blockCount = 6;
const entryCount = blockCount * auditSealBlockSize + 10;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function sealedStore(): TestDatabase {
  const test = createTestDatabase();
  cleanups.push(test.cleanup);
  test.db.transaction(() => {
    for (let index = 1; index <= entryCount; index += 1) {
      appendAuditEntry(test.db, auditKey, {
        occurredAt: new Date(Date.parse('2026-11-20T01:00:00.000Z') + index * 1000).toISOString(),
        timeZone: 'Asia/Shanghai',
        utcOffsetMinutes: 480,
        workstationId: 'WS-0001',
        agentId: index % 5 === 0 ? null : '1001',
        role: 'agent',
        action: 'customer.reveal',
        objectType: 'customer',
        objectId: String(index),
        outcome: 'success',
        code: null,
        details: { field: '手机号' },
      });
    }
  })();
  expect(verifyAuditChain(test.db, auditKey)).toMatchObject({ status: 'intact', checked: entryCount });
  return test;
}

function reader(test: TestDatabase, withExtension = false): Db {
  const connection = openAuditReader(test.db, test.key);
  cleanups.push(() => connection.close());
  if (withExtension) expect(loadAuditSealsExtension(connection, builtAuditSealsExtension())).toEqual({ loaded: true });
  return connection;
}

function walkWith(test: TestDatabase, through: Db, helper: ParallelSealCheck | undefined) {
  const walk = startAuditChainWalk(test.db, auditKey, {
    reader: through,
    ...(helper === undefined ? {} : { sealsCheckedElsewhere: helper.checkedElsewhere }),
  });
  let result: AuditVerification | undefined;
  while (result === undefined) result = walk.step(2 * auditSealBlockSize);
  helper?.stop();
  return { result, bySeal: walk.checkedBySeal() };
}

describe.each([
  { layout: 'plain SQL', withExtension: false },
  // Not built on Windows, where the walk always uses plain SQL.
  ...(auditSealsExtensionLibraries[process.platform] === undefined ? [] : [{ layout: 'the audit-seals extension', withExtension: true }]),
])('parallel seal check, blocks laid out by $layout', ({ withExtension }) => {
  const extension = (): { extensionFile?: string } => (withExtension ? { extensionFile: builtAuditSealsExtension() } : {});

  it('gives the walk the same answer while helper threads check sealed blocks from both ends', async () => {
    const test = sealedStore();
    const through = reader(test, withExtension);
    const alone = walkWith(test, through, undefined);
    const helper = startParallelSealCheck({ reader: through, key: test.key, auditKey, firstSeq: 1, lastSeq: entryCount, ...extension() });
    // Give the helper time to take blocks from the end before the walk starts from the front.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const together = walkWith(test, through, helper);
    expect(together).toEqual(alone);
    expect(together.bySeal).toBe(blockCount * auditSealBlockSize);
    expect(helper.blocksFromHelper()).toBeGreaterThan(0);
    expect(helper.blocksFromHelper()).toBeLessThanOrEqual(blockCount);
    expect(helper.helpersWithExtension()).toBe(withExtension ? 2 : 0);
  });

  it('lets the walk find an entry edited in a block the helper checked, as without it', async () => {
    const test = sealedStore();
    test.db.exec('DROP TRIGGER audit_log_no_update');
    const edited = (blockCount - 1) * auditSealBlockSize + 17;
    test.db.prepare(`UPDATE audit_log SET object_id = '1' WHERE seq = ?`).run(edited);
    const through = reader(test, withExtension);
    const helper = startParallelSealCheck({ reader: through, key: test.key, auditKey, firstSeq: 1, lastSeq: entryCount, ...extension() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const together = walkWith(test, through, helper);
    expect(together.result).toMatchObject({ status: 'broken', brokenAt: edited, problem: 'edited' });
    // The helper found the last block's seal broken: the walk checked it entry by entry.
    expect(helper.blocksFromHelper()).toBeGreaterThan(0);
    expect(together).toEqual(walkWith(test, through, undefined));
  });
});

describe('parallel seal check', () => {
  it('helps with plain SQL when its threads cannot load the extension', async () => {
    const test = sealedStore();
    const through = reader(test);
    const helper = startParallelSealCheck({
      reader: through,
      key: test.key,
      auditKey,
      firstSeq: 1,
      lastSeq: entryCount,
      extensionFile: `${test.directory}/no-such-library.so`,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const together = walkWith(test, through, helper);
    expect(together).toEqual(walkWith(test, through, undefined));
    expect(together.bySeal).toBe(blockCount * auditSealBlockSize);
    expect(helper.blocksFromHelper()).toBeGreaterThan(0);
    expect(helper.helpersWithExtension()).toBe(0);
  });

  it.runIf(auditSealsExtensionLibraries[process.platform] !== undefined)('helps with plain SQL when the library is from another build', async () => {
    const test = sealedStore();
    const through = reader(test);
    const stale = compileAuditSealsExtension(test.directory, ['-DLAYOUT_VERSION=0']);
    const helper = startParallelSealCheck({ reader: through, key: test.key, auditKey, firstSeq: 1, lastSeq: entryCount, extensionFile: stale });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const together = walkWith(test, through, helper);
    expect(together).toEqual(walkWith(test, through, undefined));
    expect(helper.blocksFromHelper()).toBeGreaterThan(0);
    expect(helper.helpersWithExtension()).toBe(0);
  });

  it('costs the walk only a short wait when the helpers cannot open the store', () => {
    const test = sealedStore();
    const through = reader(test);
    const helper = startParallelSealCheck({ reader: through, key: randomDatabaseKey(), auditKey, firstSeq: 1, lastSeq: entryCount });
    const started = performance.now();
    const together = walkWith(test, through, helper);
    expect(together).toEqual(walkWith(test, through, undefined));
    expect(helper.blocksFromHelper()).toBe(0);
    // One wait for the rising helper at the most, not one per block.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('has nothing to do for a log of less than two blocks', () => {
    const test = createTestDatabase();
    cleanups.push(test.cleanup);
    const helper = startParallelSealCheck({ reader: test.db, key: test.key, auditKey, firstSeq: 1, lastSeq: auditSealBlockSize + 5 });
    expect(helper.checkedElsewhere(1)).toBeUndefined();
    expect(helper.blocksFromHelper()).toBe(0);
  });
});
