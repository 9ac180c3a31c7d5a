// Benchmark of the banned-phrase engine against peer libraries (a benchmark, not a test: it
// always exits 0 and prints PASS or MISS for each target). `npm run bench` bundles it with
// rolldown (the bundler vite 8 ships the app with) and runs it with node --expose-gc.
// One run measures, for our engine (normalisation on) and each peer (exact matching): build
// time, retained memory, scan throughput over a 5 MB corpus, re-check latency of a 2,000-character
// note, and how many planted phrases and planted evasions each finds.
// (Run through a TypeScript loader such as jiti instead, every read of another module's export
// goes through the loader's interop Proxy, which costs the engine's hot loop several times its
// speed: measure bundled code, as the app ships.)
import { cpus } from 'node:os';
import { compilePhraseRules, loadCompiledPhraseRules } from '../common/phrase-engine/matcher';
import type { PhraseRule } from '../common/phrase-engine/rulebook';
import { generateCorpus, generateRecheckText, generateRules, plantKinds, type Plant, type PlantKind } from './phrase-corpus';
import { peers } from './phrase-peers';

const seed = 20_240_611;
const ruleCount = 20_000;
const largeRuleCount = 50_000;
const megabyte = 1024 * 1024;
const corpusBytes = 5 * megabyte;
const recheckLength = 2_000;
const recheckWarmUpRuns = 300;
const recheckRuns = 1_000;
const scanRunsMinimum = 3;
const scanRunsMaximum = 5;
const scanBudgetMilliseconds = 5_000;
const loadRuns = 9;
const runStarted = process.hrtime.bigint();

const targets = {
  scanRatio: 8,
  recheckMedianMicroseconds: 10,
  recheckP99Microseconds: 20,
  compileMilliseconds: 200,
  compiledBytes: 10 * megabyte,
  loadMilliseconds: 20,
};

// ---------------------------------------------------------------------------------------------
// Measuring

/** Takes every measured call's result, so none can be optimised away. */
let sink = 0;

function now(): bigint {
  return process.hrtime.bigint();
}

function millisecondsSince(start: bigint): number {
  return Number(now() - start) / 1e6;
}

function collectGarbage(): void {
  if (globalThis.gc === undefined) return;
  globalThis.gc();
  globalThis.gc();
}

/** Heap plus memory outside it (typed-array buffers live there), after a full collection. */
function memoryInUse(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Builds something, timing it and measuring what it keeps (null without --expose-gc). */
function measureBuild<T>(build: () => T): { value: T; milliseconds: number; retainedBytes: number | null } {
  const before = memoryInUse();
  const start = now();
  const value = build();
  const milliseconds = millisecondsSince(start);
  const retainedBytes = globalThis.gc === undefined ? null : memoryInUse() - before;
  return { value, milliseconds, retainedBytes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Best throughput over a few timed scans after one warm-up scan. */
function measureScan(scan: (text: string) => number, text: string, bytes: number): number {
  sink += scan(text);
  let best = Number.POSITIVE_INFINITY;
  const started = now();
  for (let run = 0; run < scanRunsMaximum; run++) {
    if (run >= scanRunsMinimum && millisecondsSince(started) > scanBudgetMilliseconds) break;
    const start = now();
    sink += scan(text);
    best = Math.min(best, millisecondsSince(start));
  }
  return bytes / megabyte / (best / 1000);
}

/** Median and 99th percentile of single re-checks, in microseconds. */
function measureRecheck(scan: (text: string) => number, text: string): { median: number; p99: number } {
  for (let run = 0; run < recheckWarmUpRuns; run++) sink += scan(text);
  const samples = new Float64Array(recheckRuns);
  for (let run = 0; run < recheckRuns; run++) {
    const start = now();
    sink += scan(text);
    samples[run] = Number(now() - start) / 1000;
  }
  samples.sort();
  return { median: median([...samples]), p99: samples[Math.ceil(recheckRuns * 0.99) - 1]! };
}

type Hit = Readonly<{ start: number; end: number; key: string }>;

/** Planted phrases found, by kind: a plant counts when a hit of its phrase overlaps it. */
function countFound(hits: readonly Hit[], plants: readonly Plant[], foundBy: (hit: Hit, plant: Plant) => boolean): Map<PlantKind, number> {
  const sorted = [...hits].sort((first, second) => first.start - second.start);
  const longest = sorted.reduce((longestSoFar, hit) => Math.max(longestSoFar, hit.end - hit.start), 0);
  const found = new Map<PlantKind, number>(plantKinds.map((kind) => [kind, 0]));
  for (const plant of plants) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.start < plant.start - longest) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < sorted.length && sorted[index]!.start < plant.end; index++) {
      const hit = sorted[index]!;
      if (hit.end > plant.start && foundBy(hit, plant)) {
        found.set(plant.kind, found.get(plant.kind)! + 1);
        break;
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The contenders

type Built = Readonly<{ scan: (text: string) => number; hits: (text: string) => Hit[] }>;
type Contender = Readonly<{
  name: string;
  peer: boolean;
  build: (rules: readonly PhraseRule[]) => Built;
  foundBy: (hit: Hit, plant: Plant) => boolean;
}>;

const ourEngine: Contender = {
  name: 'Seatdesk phrase engine',
  peer: false,
  build: (rules) => {
    const matcher = compilePhraseRules(rules);
    return {
      scan: (text) => matcher.scan(text).length,
      hits: (text) => matcher.scan(text).map((hit) => ({ start: hit.start, end: hit.end, key: hit.ruleId })),
    };
  },
  foundBy: (hit, plant) => hit.key === plant.ruleId,
};

const contenders: Contender[] = [
  ourEngine,
  ...peers.map(
    (peer): Contender => ({
      name: peer.name,
      peer: true,
      build: (rules) => {
        const matcher = peer.build(rules.filter((rule) => rule.enabled).flatMap((rule) => rule.phrases));
        return {
          scan: matcher.scan,
          hits: (text) => matcher.hits(text).map((hit) => ({ start: hit.start, end: hit.end, key: hit.phrase })),
        };
      },
      foundBy: (hit, plant) => hit.key.toLowerCase() === plant.phrase.toLowerCase(),
    }),
  ),
];

type Result = Readonly<{
  name: string;
  peer: boolean;
  buildMilliseconds: number;
  retainedBytes: number | null;
  scanMegabytesPerSecond: number;
  recheck: { median: number; p99: number };
  corpusHits: number;
  recheckHits: number;
  found: Map<PlantKind, number>;
}>;

// ---------------------------------------------------------------------------------------------
// Printing

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function decimal(value: number, digits = 1): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

function megabytes(bytes: number | null): string {
  return bytes === null ? 'n/a' : decimal(bytes / megabyte, 2);
}

function ratio(value: number): string {
  return `${decimal(value, value >= 10 ? 1 : 2)}×`;
}

/** Prints rows under headers, the first column left-aligned and the rest right-aligned. */
function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function progress(message: string): void {
  process.stderr.write(`… ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// The run

if (globalThis.gc === undefined) console.log('WARNING: run node with --expose-gc, or memory figures are n/a.\n');

progress('generating the rulebooks, corpus and note');
const generationStarted = now();
const rules = generateRules(ruleCount, seed);
const largeRules = generateRules(largeRuleCount, seed + 1);
const corpus = generateCorpus(corpusBytes, seed, rules);
const note = generateRecheckText(seed, rules, recheckLength);
const generationMilliseconds = millisecondsSince(generationStarted);

const cpuModels = [...new Set(cpus().map((cpu) => cpu.model.trim()))].join(', ');
console.log(`Banned-phrase benchmark — Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpuModels}`);
console.log(`Seed ${seed}; data generated in ${integerFormat.format(generationMilliseconds)} ms.`);
console.log(
  `Rulebook: ${integerFormat.format(rules.length)} rules (${integerFormat.format(ruleCount)} generated + the default rulebook), ` +
    `${integerFormat.format(rules.reduce((sum, rule) => sum + rule.phrases.length, 0))} phrases.`,
);
console.log(
  `Corpus: ${decimal(corpus.byteLength / megabyte, 2)} MB UTF-8 (${integerFormat.format(corpus.text.length)} UTF-16 units), ` +
    `${integerFormat.format(corpus.plants.length)} planted phrases ` +
    `(${plantKinds.map((kind) => `${kind} ${corpus.plants.filter((plant) => plant.kind === kind).length}`).join(', ')}).`,
);
console.log(
  `Re-check note: ${integerFormat.format(note.text.length)} characters with ${note.plants.length} banned phrases ` +
    `(${note.plants.map((plant) => `${plant.kind} "${plant.phrase}"`).join(', ')}).`,
);
console.log(
  'Engine and peers bundled with rolldown, as the app ships. ' +
    '1 MB = 1,048,576 bytes. Peers get every phrase as written; our engine normalises.\n',
);

/** Our engine at 50,000 rules: compile (cold and warm), size, serialise and load. Matchers are dropped on return. */
function measureLargeRulebook(): {
  cold: { milliseconds: number; retainedBytes: number | null };
  warm: { milliseconds: number; retainedBytes: number | null };
  byteLength: number;
  serializedBytes: number;
  serializeMilliseconds: number;
  loadMilliseconds: number;
  loadedRetainedBytes: number | null;
  roundTripIdentical: boolean;
} {
  progress(`compiling ${integerFormat.format(largeRuleCount)} rules (cold, then warm)`);
  const { milliseconds: coldMilliseconds, retainedBytes: coldRetainedBytes } = measureBuild(() => compilePhraseRules(largeRules));
  // Warm: the median of five more compiles (the first ones run partly before V8 optimises them).
  const warmTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = now();
    sink += compilePhraseRules(largeRules).ruleCount;
    warmTimes.push(millisecondsSince(start));
  }
  const warm = { ...measureBuild(() => compilePhraseRules(largeRules)), milliseconds: median(warmTimes) };
  progress('serialising and loading');
  const serializeTimes: number[] = [];
  let serialized: Uint8Array = new Uint8Array(0);
  for (let run = 0; run < 5; run++) {
    const start = now();
    serialized = warm.value.serialize();
    serializeTimes.push(millisecondsSince(start));
  }
  const loadTimes: number[] = [];
  for (let run = 0; run < loadRuns; run++) {
    const start = now();
    const loaded = loadCompiledPhraseRules(serialized);
    loadTimes.push(millisecondsSince(start));
    sink += loaded.byteLength;
  }
  const loaded = measureBuild(() => loadCompiledPhraseRules(serialized));
  const roundTripIdentical =
    JSON.stringify(loaded.value.scan(note.text)) === JSON.stringify(warm.value.scan(note.text)) &&
    loaded.value.scan(corpus.text).length === warm.value.scan(corpus.text).length;
  return {
    cold: { milliseconds: coldMilliseconds, retainedBytes: coldRetainedBytes },
    warm: { milliseconds: warm.milliseconds, retainedBytes: warm.retainedBytes },
    byteLength: warm.value.byteLength,
    serializedBytes: serialized.byteLength,
    serializeMilliseconds: median(serializeTimes),
    loadMilliseconds: median(loadTimes),
    loadedRetainedBytes: loaded.retainedBytes,
    roundTripIdentical,
  };
}

/** Scans the corpus once, untimed, and counts the planted phrases found (the hits are dropped on return). */
function plantsFound(matcher: Built, contender: Contender): { corpusHits: number; found: Map<PlantKind, number> } {
  const hits = matcher.hits(corpus.text);
  return { corpusHits: hits.length, found: countFound(hits, corpus.plants, contender.foundBy) };
}

function measureContender(contender: Contender): Result {
  progress(`${contender.name}: build`);
  const built = measureBuild(() => contender.build(rules));
  const matcher = built.value;
  progress(`${contender.name}: planted phrases`);
  const { corpusHits, found } = plantsFound(matcher, contender);
  progress(`${contender.name}: scan`);
  collectGarbage();
  const scanMegabytesPerSecond = measureScan(matcher.scan, corpus.text, corpus.byteLength);
  progress(`${contender.name}: re-check`);
  collectGarbage();
  const recheck = measureRecheck(matcher.scan, note.text);
  return {
    name: contender.name,
    peer: contender.peer,
    buildMilliseconds: built.milliseconds,
    retainedBytes: built.retainedBytes,
    scanMegabytesPerSecond,
    recheck,
    corpusHits,
    recheckHits: matcher.scan(note.text),
    found,
  };
}

/**
 * Our engine re-checking the note as an agent types: 1,000 keystrokes (mostly a character
 * typed at a random place, sometimes one deleted), each followed by a re-check that re-scans
 * only the stretch the edit touched (given the caret, as the editor knows it). The edited texts are made before timing; every re-check is
 * compared with a full scan afterwards, so a wrong answer cannot hide behind the speed.
 */
function measureKeystrokeRecheck(): { median: number; p99: number; identical: boolean } {
  progress('Seatdesk phrase engine: re-check after each keystroke');
  const matcher = compilePhraseRules(rules);
  const random = seededNumbers(seed + 7);
  const typed = [...'您好请稍等我帮您查询一下，。不管知道领导解决'];
  const texts: string[] = [];
  const caret: number[] = [];
  let text = note.text;
  for (let run = 0; run < recheckWarmUpRuns + recheckRuns; run++) {
    const at = Math.floor(random() * text.length);
    text = random() < 0.8 ? text.slice(0, at) + typed[Math.floor(random() * typed.length)]! + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    // An editor hands over a fresh, flat string each time (as a DOM value is), not a rope of slices.
    texts.push(flatString(text));
    caret.push(at);
  }
  const recheck = matcher.recheck();
  recheck.check(note.text);
  const samples = new Float64Array(recheckRuns);
  const answers: number[] = [];
  texts.forEach((edited, run) => {
    const start = now();
    // The caret's place, as the note editor passes it.
    const hits = recheck.check(edited, caret[run]);
    const elapsed = Number(now() - start) / 1000;
    if (run >= recheckWarmUpRuns) samples[run - recheckWarmUpRuns] = elapsed;
    answers.push(hits.length);
    sink += hits.length;
  });
  const identical = texts.every((edited, run) => matcher.scan(edited).length === answers[run]);
  samples.sort();
  return { median: median([...samples]), p99: samples[Math.ceil(recheckRuns * 0.99) - 1]!, identical };
}

/** A copy of `text` stored flat (concatenations and slices otherwise stay ropes until first read). */
function flatString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function seededNumbers(start: number): () => number {
  let value = start >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(value ^ (value >>> 15), value | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

// Our engine at 50,000 rules first, so that its first compile is the first in the process.
const large = measureLargeRulebook();
const results = contenders.map(measureContender);
const keystroke = measureKeystrokeRecheck();

// ---------------------------------------------------------------------------------------------
// Report

const peerResults = results.filter((result) => result.peer);
const fastestScanPeer = peerResults.reduce((best, result) => (result.scanMegabytesPerSecond > best.scanMegabytesPerSecond ? result : best));
const fastestRecheckPeer = peerResults.reduce((best, result) => (result.recheck.median < best.recheck.median ? result : best));
const ours = results.find((result) => !result.peer)!;

console.log(`${integerFormat.format(rules.length)} rules, ${decimal(corpus.byteLength / megabyte, 2)} MB corpus, ${integerFormat.format(recheckLength)}-character re-check`);
console.log(`Ratios are to the fastest peer: ${fastestScanPeer.name} (scan), ${fastestRecheckPeer.name} (re-check); above 1× is faster.`);
printTable(
  ['engine', 'build ms', 'memory MB', 'scan MB/s', 'scan ratio', 're-check median µs', 'p99 µs', 're-check ratio', 'corpus hits', 'note hits'],
  results.map((result) => [
    result.name,
    decimal(result.buildMilliseconds),
    megabytes(result.retainedBytes),
    decimal(result.scanMegabytesPerSecond),
    ratio(result.scanMegabytesPerSecond / fastestScanPeer.scanMegabytesPerSecond),
    decimal(result.recheck.median, 2),
    decimal(result.recheck.p99, 2),
    ratio(fastestRecheckPeer.recheck.median / result.recheck.median),
    integerFormat.format(result.corpusHits),
    integerFormat.format(result.recheckHits),
  ]),
);
console.log('memory: heap + buffers retained after build (full GC before and after). Our build reuses the folding tables built by the first compile.');

console.log('\nPlanted phrases found (found / planted)');
const plantedByKind = new Map<PlantKind, number>(plantKinds.map((kind) => [kind, corpus.plants.filter((plant) => plant.kind === kind).length]));
printTable(
  ['engine', ...plantKinds, 'all'],
  results.map((result) => {
    const total = [...result.found.values()].reduce((sum, count) => sum + count, 0);
    return [
      result.name,
      ...plantKinds.map((kind) => `${result.found.get(kind)}/${plantedByKind.get(kind)}`),
      `${total}/${corpus.plants.length} (${decimal((100 * total) / corpus.plants.length)}%)`,
    ];
  }),
);

console.log(`\nSeatdesk engine at ${integerFormat.format(largeRules.length)} rules`);
printTable(
  ['measure', 'value'],
  [
    ['compile, cold (first in the process, builds the folding tables)', `${decimal(large.cold.milliseconds)} ms`],
    ['compile, warm (median of 5 after the first)', `${decimal(large.warm.milliseconds)} ms`],
    ['compiled tables (byteLength)', `${megabytes(large.byteLength)} MB`],
    ['retained after cold compile (heap + buffers, with the folding tables)', `${megabytes(large.cold.retainedBytes)} MB`],
    ['retained after warm compile (heap + buffers)', `${megabytes(large.warm.retainedBytes)} MB`],
    ['serialize (median of 5)', `${decimal(large.serializeMilliseconds, 2)} ms`],
    ['serialized size', `${megabytes(large.serializedBytes)} MB`],
    [`load serialized (median of ${loadRuns})`, `${decimal(large.loadMilliseconds, 2)} ms`],
    ['retained after load, beyond the loaded bytes (heap + buffers)', `${megabytes(large.loadedRetainedBytes)} MB`],
    ['loaded rulebook finds the same hits', large.roundTripIdentical ? 'yes' : 'NO'],
  ],
);

console.log('\nRe-checking the 2,000-character note as it is typed (Seatdesk engine)');
printTable(
  ['measure', 'median µs', 'p99 µs'],
  [
    ['full scan of the note (the table above)', decimal(ours.recheck.median, 2), decimal(ours.recheck.p99, 2)],
    [`re-check after a keystroke (${integerFormat.format(recheckRuns)} edits)`, decimal(keystroke.median, 2), decimal(keystroke.p99, 2)],
  ],
);
console.log(`Every keystroke re-check equals a full scan of the same text: ${keystroke.identical ? 'yes' : 'NO'}.`);

const scanRatio = ours.scanMegabytesPerSecond / fastestScanPeer.scanMegabytesPerSecond;
const outcome = (pass: boolean): string => (pass ? 'PASS' : 'MISS');
const targetRows: [string, string, boolean][] = [
  [`scan ≥ ${targets.scanRatio}× the fastest peer (${fastestScanPeer.name})`, ratio(scanRatio), scanRatio >= targets.scanRatio],
  [
    `re-check after a keystroke, median ≤ ${targets.recheckMedianMicroseconds} µs`,
    `${decimal(keystroke.median, 2)} µs`,
    keystroke.identical && keystroke.median <= targets.recheckMedianMicroseconds,
  ],
  [
    `re-check after a keystroke, p99 ≤ ${targets.recheckP99Microseconds} µs`,
    `${decimal(keystroke.p99, 2)} µs`,
    keystroke.identical && keystroke.p99 <= targets.recheckP99Microseconds,
  ],
  [
    `full scan of the note, median ≤ ${targets.recheckMedianMicroseconds} µs`,
    `${decimal(ours.recheck.median, 2)} µs`,
    ours.recheck.median <= targets.recheckMedianMicroseconds,
  ],
  [`full scan of the note, p99 ≤ ${targets.recheckP99Microseconds} µs`, `${decimal(ours.recheck.p99, 2)} µs`, ours.recheck.p99 <= targets.recheckP99Microseconds],
  [
    `compile 50,000 rules ≤ ${targets.compileMilliseconds} ms (cold)`,
    `${decimal(large.cold.milliseconds)} ms`,
    large.cold.milliseconds <= targets.compileMilliseconds,
  ],
  [
    `compile 50,000 rules ≤ ${targets.compileMilliseconds} ms (warm)`,
    `${decimal(large.warm.milliseconds)} ms`,
    large.warm.milliseconds <= targets.compileMilliseconds,
  ],
  [`50,000 rules' tables ≤ ${targets.compiledBytes / megabyte} MB (byteLength)`, `${megabytes(large.byteLength)} MB`, large.byteLength <= targets.compiledBytes],
  [
    `50,000 rules retain ≤ ${targets.compiledBytes / megabyte} MB (heap + buffers, warm)`,
    `${megabytes(large.warm.retainedBytes)} MB`,
    large.warm.retainedBytes !== null && large.warm.retainedBytes <= targets.compiledBytes,
  ],
  [`load a serialized 50,000-rule rulebook ≤ ${targets.loadMilliseconds} ms`, `${decimal(large.loadMilliseconds, 2)} ms`, large.loadMilliseconds <= targets.loadMilliseconds],
];
console.log('\nTargets');
printTable(
  ['target', 'measured', 'result'],
  targetRows.map(([target, measured, pass]) => [target, measured, outcome(pass)]),
);
const misses = targetRows.filter(([, , pass]) => !pass).length;
console.log(misses === 0 ? '\nAll targets met.' : `\n${misses} of ${targetRows.length} targets MISSED (a benchmark: the exit code stays 0).`);
console.log(`Total run time ${decimal(millisecondsSince(runStarted) / 1000)} s (hit-count checksum ${integerFormat.format(sink)}).`);
