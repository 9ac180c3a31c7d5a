import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { auditSealBlockSize, auditSealCheckRecipe, deriveAuditSealKey, type SealedBlock } from '../../db/audit-seals';
import { auditReaderPragmas, type DatabaseKey, type Db } from '../../db/connection';

/** Two helper threads checking sealed blocks for a walk: one from the start of the log, one from its end. */
export type ParallelSealCheck = Readonly<{
  /** For the walk's `sealsCheckedElsewhere`: the helper's finding for this block, or undefined to check it on this thread. */
  checkedElsewhere: (firstSeq: number) => SealedBlock | null | undefined;
  /** Blocks the walk took from the helpers so far. */
  blocksFromHelper: () => number;
  /** Helpers that loaded the audit-seals extension so far (0, 1 or 2). */
  helpersWithExtension: () => number;
  /** Ends the helpers (each stops after its current block). */
  stop: () => void;
}>;

/**
 * Block states shared with the helper, one Int32 each; one more slot at the end asks it to stop,
 * and a last one counts the helpers that loaded the extension.
 */
const free = 0;
const checking = 1;
const sealed = 2;
const notSealed = 3;
const claimedHere = 4;
/** A block's first previous hash and last hash, 64 hex characters each. */
const hashBytes = 64;
/**
 * How long the walk waits for a block a helper is checking (a block takes a few milliseconds)
 * before checking it itself, so that a stalled helper never holds main's event loop for long.
 * The helper's late finding for that block is then simply not used.
 */
const longestWaitMilliseconds = 200;
/** The most blocks the helpers take on: 128 Mi entries, 16.5 MB of shared memory. */
const mostBlocks = 131_072;
/** How long the walk waits for the rising helper to take a block before taking it itself. */
const claimWaitMilliseconds = 250;

/**
 * The helpers' program. Each runs in a worker thread on its own read-only connection (the same
 * pragmas as `openAuditReader`, and the audit-seals extension of main's layout version when main
 * has one) and takes blocks one by one, upwards from the first or
 * downwards from the last (\`job.step\`), claiming each with a compare-and-swap; it stops at the
 * first block already claimed (by the other helper or by the walk): they met. For each
 * block it computes the seal's tag exactly as `checkAuditSeal` does (same queries, same header,
 * from `auditSealCheckRecipe`) and, when it matches, writes the two boundary hashes. Plain
 * JavaScript in a string, so that it runs the same from the bundled app, the preview, the
 * benchmark and the tests without a file of its own.
 */
const helperProgram = `
const { workerData: job } = require('node:worker_threads');
const { createCipheriv, timingSafeEqual } = require('node:crypto');
const Database = require(job.sqliteModule);
const states = new Int32Array(job.states);
const hashes = Buffer.from(job.hashes);
const stopSlot = job.blockCount;
const extensionSlot = job.blockCount + 1;
const reader = new Database(job.file, { readonly: true, fileMustExist: true });
try {
  for (const pragma of job.pragmas) reader.pragma(pragma);
  let withExtension = false;
  if (job.extensionFile !== undefined) {
    try {
      reader.loadExtension(job.extensionFile);
      withExtension = reader.prepare(job.recipe.extensionVersionSql).pluck().get() === job.recipe.extensionVersion;
      if (withExtension) Atomics.add(states, extensionSlot, 1);
    } catch {
      // Plain SQL gives the same bytes.
    }
  }
  const sealQuery = reader.prepare(job.recipe.sealSql).raw();
  const blockQuery = withExtension ? reader.prepare(job.recipe.extensionBlockSql).pluck() : reader.prepare(job.recipe.blockSql).raw();
  const boundaryQuery = reader.prepare(job.recipe.boundarySql).raw();
  const readBlock = reader.transaction((first, last) => [blockQuery.get(first, last), boundaryQuery.get(first, last)]);
  const laidOutBlock = (result) => {
    if (!withExtension) return result;
    if (result === null) return [0, 0, 0, null];
    return [result.readUInt32LE(0), result.readUInt32LE(4), result.readUInt32LE(8), result.subarray(job.recipe.extensionPrefixLength)];
  };
  for (let index = job.step > 0 ? 0 : job.blockCount - 1; index >= 0 && index < job.blockCount; index += job.step) {
    if (Atomics.load(states, stopSlot) !== 0) break;
    if (Atomics.compareExchange(states, index, ${free}, ${checking}) !== ${free}) break;
    let state = ${notSealed};
    try {
      const first = job.firstSeq + index * job.blockSize;
      const last = first + job.blockSize - 1;
      const seal = sealQuery.get(first);
      if (seal !== undefined && seal[0] === last && seal[1].length === job.recipe.nonceLength) {
        const [laidOut, [firstPrevious, lastHash]] = readBlock(first, last);
        const [rows, nulls, typeMismatches, bytes] = laidOutBlock(laidOut);
        if (rows === job.blockSize && typeMismatches === 0 && typeof firstPrevious === 'string' && typeof lastHash === 'string') {
          const header = job.recipe.headerTemplate.replace('{first}', first).replace('{last}', last).replace('{rows}', rows).replace('{nulls}', nulls);
          const cipher = createCipheriv('aes-256-gcm', Buffer.from(job.sealKey), seal[1]);
          cipher.setAAD(Buffer.concat([Buffer.from(header), bytes ?? Buffer.alloc(0)]));
          cipher.final();
          const tag = cipher.getAuthTag();
          const fits = /^[0-9a-f]{${hashBytes}}$/.test(firstPrevious) && /^[0-9a-f]{${hashBytes}}$/.test(lastHash);
          if (fits && seal[2].length === tag.length && timingSafeEqual(seal[2], tag)) {
            hashes.write(firstPrevious, index * ${2 * hashBytes}, 'latin1');
            hashes.write(lastHash, index * ${2 * hashBytes} + ${hashBytes}, 'latin1');
            state = ${sealed};
          }
        }
      }
    } finally {
      Atomics.store(states, index, state);
      Atomics.notify(states, index);
    }
  }
} finally {
  reader.close();
}
`;

const noHelp: ParallelSealCheck = {
  checkedElsewhere: () => undefined,
  blocksFromHelper: () => 0,
  helpersWithExtension: () => 0,
  stop: () => undefined,
};

/**
 * Starts two helper threads that check the sealed blocks of `firstSeq`..`lastSeq`, one from the
 * start and one from the end, while the walk (given `checkedElsewhere`) takes their findings in
 * order and only links blocks: on two cores a sealed log verifies more than twice as fast as on
 * the walk's thread alone, which also builds the walk's own bookkeeping. Each helper opens its own
 * read-only connection to the store `reader` is open on, with `key`. Anything going wrong in a
 * helper only means the walk checks those blocks itself.
 */
export function startParallelSealCheck(
  request: Readonly<{
    reader: Db;
    key: DatabaseKey;
    auditKey: Buffer;
    firstSeq: number;
    lastSeq: number;
    /** The audit-seals extension for the helpers' connections (see `loadAuditSealsExtension`); without it they use plain SQL. */
    extensionFile?: string;
  }>,
): ParallelSealCheck {
  const firstBlockSeq = Math.ceil((request.firstSeq - 1) / auditSealBlockSize) * auditSealBlockSize + 1;
  // Capped, so that a log with a far-off seq (a gap, which the walk reports) cannot ask for
  // gigabytes of shared memory; past the cap the walk checks blocks itself.
  const blockCount = Math.min(mostBlocks, Math.floor(request.lastSeq / auditSealBlockSize) - (firstBlockSeq - 1) / auditSealBlockSize);
  if (blockCount < 2) return noHelp;
  const statesBuffer = new SharedArrayBuffer(4 * (blockCount + 2));
  const hashesBuffer = new SharedArrayBuffer(2 * hashBytes * blockCount);
  const states = new Int32Array(statesBuffer);
  const hashes = Buffer.from(hashesBuffer);
  const pageSize = request.reader.pragma('page_size', { simple: true }) as number;
  const workerData = {
    sqliteModule: '',
    file: request.reader.name,
    pragmas: auditReaderPragmas(request.key, pageSize),
    recipe: auditSealCheckRecipe,
    sealKey: deriveAuditSealKey(request.auditKey),
    firstSeq: firstBlockSeq,
    blockSize: auditSealBlockSize,
    blockCount,
    states: statesBuffer,
    hashes: hashesBuffer,
    extensionFile: request.extensionFile,
  };
  let helpersRunning = 0;
  try {
    workerData.sqliteModule = createRequire(__filename).resolve('better-sqlite3-multiple-ciphers');
    for (const step of [1, -1]) {
      const worker = new Worker(helperProgram, { eval: true, workerData: { ...workerData, step } });
      // A helper that fails to start or dies leaves its blocks free (or marks the one it was on
      // not sealed): the walk then checks them itself.
      worker.on('error', () => undefined);
      worker.unref();
      helpersRunning += 1;
    }
  } catch {
    if (helpersRunning === 0) return noHelp;
  }

  let taken = 0;
  // Cleared once the rising helper lets a wait run out: it is gone or far behind, and the walk
  // stops waiting for it.
  let waitForRisingHelper = true;

  function checkedElsewhere(firstSeq: number): SealedBlock | null | undefined {
    const index = (firstSeq - firstBlockSeq) / auditSealBlockSize;
    if (!Number.isInteger(index) || index < 0 || index >= blockCount) return undefined;
    // The rising helper is usually about to take this block: give it a moment first.
    if (waitForRisingHelper && Atomics.load(states, index) === free) {
      waitForRisingHelper = Atomics.wait(states, index, free, claimWaitMilliseconds) !== 'timed-out';
    }
    let state = Atomics.compareExchange(states, index, free, claimedHere);
    const waitUntil = performance.now() + longestWaitMilliseconds;
    while (state === checking && performance.now() < waitUntil) {
      Atomics.wait(states, index, checking, Math.max(1, waitUntil - performance.now()));
      state = Atomics.load(states, index);
    }
    if (state === sealed || state === notSealed) taken += 1;
    if (state === sealed) {
      const offset = index * 2 * hashBytes;
      return {
        firstPreviousHash: hashes.toString('latin1', offset, offset + hashBytes),
        lastHash: hashes.toString('latin1', offset + hashBytes, offset + 2 * hashBytes),
      };
    }
    return state === notSealed ? null : undefined;
  }

  return {
    checkedElsewhere,
    blocksFromHelper: () => taken,
    helpersWithExtension: () => Atomics.load(states, blockCount + 1),
    stop: () => {
      Atomics.store(states, blockCount, 1);
    },
  };
}
