import { characterKinds, foldingTables, kindOfCodePoint, normalizePhrase } from './normalization';
import type { PhraseRule, PhraseSeverity } from './rulebook';

/** A code unit that is no phrase character and not skipped: matching restarts after it. */
export const symbolReset = 0;
/** A code unit skipped between a phrase's characters. */
export const symbolSkip = 1;
/** A high surrogate: the pair's code point decides (looked up in the astral table). */
export const symbolSurrogate = 2;
/** The first symbol that stands for a phrase character. */
export const firstPhraseSymbol = 3;

/** Set in a state's base (its sign bit) for states with output. */
export const outputFlag = 0x80000000 | 0;
/** Masks the output flag off a state's base. */
export const baseMask = 0x7fffffff;

/** Numbers per cell in `transitions`, and the offset of each. */
export const cellStride = 4;
export const checkOffset = 1;
export const failOffset = 2;
export const outputOffset = 3;

/** Bits of a pattern's flags. */
export const patternFlags = {
  /** The pattern is an exception (an allowed phrase) of its rule, not a banned phrase. */
  exception: 1,
  /** The pattern starts with a letter or digit: the character before a match must not be one. */
  wordStart: 2,
  /** The pattern ends with a letter or digit: the character after a match must not be one. */
  wordEnd: 4,
} as const;

/**
 * A compiled rulebook: every table is a typed array, so it serialises byte for byte and loads
 * without recompiling.
 *
 * Normalisation is folded into `symbolOf`: each UTF-16 code unit maps straight to its symbol
 * (Traditional, full-width and upper-case forms share their Simplified / half-width / lower-case
 * form's symbol; spaces, punctuation, symbols and zero-width characters map to `symbolSkip`;
 * sentence ends and every character no phrase uses map to `symbolReset`). The automaton is an
 * Aho–Corasick machine stored as a double array whose cells are four numbers side by side
 * (base, check, failure, output), so a state's whole entry sits in one cache line: the child
 * of `state` on `symbol` is `next = base(state) + symbol` when `check(next)` is `state`.
 */
export type AutomatonTables = Readonly<{
  symbolOf: Uint16Array;
  /** Astral code points that fold to a phrase character, sorted, with their symbols beside. */
  astralCodePoints: Int32Array;
  astralSymbols: Int32Array;
  /** Bit per BMP code unit: a letter or digit (whole-word English rules). */
  wordBits: Uint32Array;
  /** Bit per BMP code unit: a combining mark (a hit's span takes the marks after its last character). */
  markBits: Uint32Array;
  /**
   * Per cell, {@link cellStride} numbers: its base (where its children start, with
   * {@link outputFlag} set when the state has output), its check (its parent; -1 for a free
   * cell), its failure state, and its output (0, or 1 + the index in `outputRecords`).
   */
  transitions: Int32Array;
  /** How many cells are states (the rest only answer `check` reads). */
  stateCount: number;
  /** Records `[count, pattern…, next record index or -1]`: a state's patterns and its suffixes'. */
  outputRecords: Int32Array;
  patternRule: Int32Array;
  /** A pattern's length in phrase characters (code points, spaces and punctuation not counted). */
  patternLength: Int32Array;
  patternFlag: Uint8Array;
  /** Per rule: 1 for `block`, 0 for `warn`. */
  ruleBlocks: Uint8Array;
  /** Per rule: the longest exception's length (0 without exceptions); how far a stream must look ahead. */
  ruleExceptionReach: Int32Array;
  /** The longest pattern's length. */
  longestPattern: number;
  ruleIds: readonly string[];
}>;

/** The severity of a compiled rule. */
export function ruleSeverity(tables: AutomatonTables, rule: number): PhraseSeverity {
  return tables.ruleBlocks[rule] === 1 ? 'block' : 'warn';
}

const skippedAstral = /[\s\p{P}\p{S}\p{M}\p{Cf}\p{Cc}\p{Zs}]/u;

/** The symbol of an astral code point (rare: emoji, historic CJK extensions). */
export function astralSymbol(tables: AutomatonTables, codePoint: number): number {
  const codePoints = tables.astralCodePoints;
  let low = 0;
  let high = codePoints.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = codePoints[middle]!;
    if (value === codePoint) return tables.astralSymbols[middle]!;
    if (value < codePoint) low = middle + 1;
    else high = middle - 1;
  }
  return skippedAstral.test(String.fromCodePoint(codePoint)) ? symbolSkip : symbolReset;
}

/** Whether a BMP code unit's bit is set in one of the bit tables. */
export function hasBit(bits: Uint32Array, code: number): boolean {
  return ((bits[code >>> 5]! >>> (code & 31)) & 1) === 1;
}

/** Every enabled rule's phrases and exceptions, normalised, as runs of one flat array. */
type CollectedPatterns = {
  /** Folded code points of all patterns, one after another. */
  codePoints: IntList;
  /** Where each pattern starts in `codePoints`; one extra entry marks the end. */
  patternStart: IntList;
  patternRule: IntList;
  patternIsException: IntList;
  ruleIds: string[];
  ruleBlocks: number[];
  reach: number[];
};

/** Appends the normalised code points of `phrase`; returns how many, or -1 for a phrase that can never match. */
function appendNormalized(phrase: string, out: IntList): number {
  const { codePoints, sentenceEndInside } = normalizePhrase(phrase);
  if (codePoints.length === 0 || sentenceEndInside) return -1;
  for (const codePoint of codePoints) out.push(codePoint);
  return codePoints.length;
}

function sameRun(values: Int32Array, firstStart: number, secondStart: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (values[firstStart + index] !== values[secondStart + index]) return false;
  return true;
}

function collectPatterns(rules: readonly PhraseRule[]): CollectedPatterns {
  const collected: CollectedPatterns = {
    codePoints: new IntList(rules.length * 6),
    patternStart: new IntList(rules.length + 1),
    patternRule: new IntList(rules.length),
    patternIsException: new IntList(rules.length),
    ruleIds: [],
    ruleBlocks: [],
    reach: [],
  };
  const { codePoints, patternStart, patternRule, patternIsException } = collected;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const ruleIndex = collected.ruleIds.length;
    collected.ruleIds.push(rule.id);
    collected.ruleBlocks.push(rule.severity === 'block' ? 1 : 0);
    const firstPatternOfRule = patternRule.length;
    let longestException = 0;
    const add = (phrase: string, exception: boolean) => {
      const start = codePoints.length;
      const length = appendNormalized(phrase, codePoints);
      if (length < 0) return;
      // The same phrase twice in one rule (say, in both scripts) is one pattern.
      for (let other = firstPatternOfRule; other < patternRule.length; other++) {
        const otherStart = patternStart.values[other]!;
        const otherLength = (other + 1 < patternStart.length ? patternStart.values[other + 1]! : start) - otherStart;
        if (otherLength === length && (patternIsException.values[other] === 1) === exception && sameRun(codePoints.values, otherStart, start, length)) {
          codePoints.length = start;
          return;
        }
      }
      if (exception) longestException = Math.max(longestException, length);
      patternStart.push(start);
      patternRule.push(ruleIndex);
      patternIsException.push(exception ? 1 : 0);
    };
    for (const phrase of rule.phrases) add(phrase, false);
    for (const exception of rule.exceptions) add(exception, true);
    collected.reach.push(longestException);
  }
  patternStart.push(codePoints.length);
  return collected;
}

function bitTable(test: (code: number) => boolean): Uint32Array {
  const bits = new Uint32Array(0x10000 / 32);
  for (let code = 0; code < 0x10000; code++) if (test(code)) bits[code >>> 5]! |= 1 << (code & 31);
  return bits;
}

type SharedSymbolTables = {
  wordBits: Uint32Array;
  markBits: Uint32Array;
  /** Every code unit's symbol before any phrase is known: skip, surrogate or reset. */
  symbolTemplate: Uint16Array;
  /** The code units that fold to each BMP code unit (text characters only), grouped: `sources[sourcesStart[c] … sourcesStart[c + 1])`. */
  sourcesStart: Int32Array;
  sources: Uint16Array;
};

let sharedTables: SharedSymbolTables | undefined;

/** Tables every compile starts from, derived once from the folding tables. */
function sharedSymbolTables(): SharedSymbolTables {
  if (sharedTables !== undefined) return sharedTables;
  const folding = foldingTables();
  const characters = new TextDecoder('utf-16le').decode(Uint16Array.from({ length: 0x10000 }, (_, code) => (code >= 0xd800 && code <= 0xdfff ? 0 : code)));
  const marks = new Uint8Array(0x10000);
  for (const match of characters.matchAll(/\p{M}/gu)) marks[match.index] = 1;
  const symbolTemplate = new Uint16Array(0x10000);
  const counts = new Int32Array(0x10001);
  for (let code = 0; code < 0x10000; code++) {
    const kind = folding.bmpKind[code];
    if (code >= 0xd800 && code <= 0xdbff) symbolTemplate[code] = symbolSurrogate;
    else if (kind === characterKinds.skip) symbolTemplate[code] = symbolSkip;
    else if (kind === characterKinds.text && !(code >= 0xdc00 && code <= 0xdfff)) counts[folding.bmpFold[code]! + 1]!++;
  }
  for (let code = 0; code < 0x10000; code++) counts[code + 1]! += counts[code]!;
  const sourcesStart = counts.slice();
  const sources = new Uint16Array(counts[0x10000]!);
  for (let code = 0; code < 0x10000; code++) {
    const kind = folding.bmpKind[code];
    if (kind === characterKinds.text && !(code >= 0xd800 && code <= 0xdfff)) sources[counts[folding.bmpFold[code]!]!++] = code;
  }
  sharedTables = {
    wordBits: bitTable((code) => folding.bmpWord[code] === 1),
    markBits: bitTable((code) => marks[code] === 1),
    symbolTemplate,
    sourcesStart,
    sources,
  };
  return sharedTables;
}

/** A growable Int32Array. */
class IntList {
  values: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const next = new Int32Array(this.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = value;
  }
  trimmed(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** The trie of all patterns: nodes in arrays, children as linked lists, found through a hash of (parent, symbol). */
type Trie = {
  nodeCount: number;
  nodeSymbol: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  smallestChildSymbol: Int32Array;
  largestChildSymbol: Int32Array;
  /** Patterns ending at a node: `firstPattern[node]`, then `nextPattern[pattern]` (-1 ends). */
  firstPattern: Int32Array;
  nextPattern: Int32Array;
};

function buildTrie(symbols: Int32Array, patternStart: Int32Array, patternCount: number): Trie {
  const capacity = symbols.length + 1;
  const nodeSymbol = new Int32Array(capacity);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const smallestChildSymbol = new Int32Array(capacity).fill(0x7fffffff);
  const largestChildSymbol = new Int32Array(capacity);
  const firstPattern = new Int32Array(capacity).fill(-1);
  const nextPattern = new Int32Array(patternCount).fill(-1);
  let hashBits = 10;
  while (1 << hashBits < capacity * 2) hashBits++;
  const hashMask = (1 << hashBits) - 1;
  // Slots of three numbers side by side (parent, symbol, child), so a probe reads one cache line.
  const slots = new Int32Array((1 << hashBits) * 3).fill(-1);
  let nodeCount = 1;
  for (let pattern = 0; pattern < patternCount; pattern++) {
    let node = 0;
    for (let index = patternStart[pattern]!; index < patternStart[pattern + 1]!; index++) {
      const symbol = symbols[index]!;
      let slot = Math.imul(Math.imul(node, 0x01000193) ^ symbol, 0x9e3779b1) >>> (32 - hashBits);
      while (slots[slot * 3] !== -1 && (slots[slot * 3] !== node || slots[slot * 3 + 1] !== symbol)) slot = (slot + 1) & hashMask;
      if (slots[slot * 3] === -1) {
        const child = nodeCount++;
        slots[slot * 3] = node;
        slots[slot * 3 + 1] = symbol;
        slots[slot * 3 + 2] = child;
        nodeSymbol[child] = symbol;
        nextSibling[child] = firstChild[node]!;
        firstChild[node] = child;
        if (symbol < smallestChildSymbol[node]!) smallestChildSymbol[node] = symbol;
        if (symbol > largestChildSymbol[node]!) largestChildSymbol[node] = symbol;
      }
      node = slots[slot * 3 + 2]!;
    }
    nextPattern[pattern] = firstPattern[node]!;
    firstPattern[node] = pattern;
  }
  return { nodeCount, nodeSymbol, firstChild, nextSibling, smallestChildSymbol, largestChildSymbol, firstPattern, nextPattern };
}

/**
 * Places the trie in a double array, breadth first. A node's children need free cells at
 * `base + symbol` for each of their symbols. Nodes with several children start their search
 * where the last hard-to-place node ended up, so no node rescans the densely packed cells;
 * the many one-child nodes fill the holes left behind.
 */
function placeTrie(trie: Trie, symbolCount: number): { base: Int32Array; check: Int32Array; cellOfNode: Int32Array; order: Int32Array; stateCount: number } {
  let capacity = trie.nodeCount * 2 + symbolCount * 2 + 1024;
  let used = new Uint8Array(capacity);
  let skipTo = new Int32Array(capacity);
  let base = new Int32Array(capacity);
  let check = new Int32Array(capacity).fill(-1);
  for (let index = 0; index < capacity; index++) skipTo[index] = index;
  const grow = (size: number) => {
    const grown = Math.max(size, capacity * 2);
    const nextUsed = new Uint8Array(grown);
    nextUsed.set(used);
    const nextSkip = new Int32Array(grown);
    nextSkip.set(skipTo);
    for (let index = capacity; index < grown; index++) nextSkip[index] = index;
    const nextBase = new Int32Array(grown);
    nextBase.set(base);
    const nextCheck = new Int32Array(grown).fill(-1);
    nextCheck.set(check);
    used = nextUsed;
    skipTo = nextSkip;
    base = nextBase;
    check = nextCheck;
    capacity = grown;
  };
  const nextFree = (from: number): number => {
    if (from + 2 >= capacity) grow(from + 2);
    let cell = from;
    while (skipTo[cell] !== cell) {
      const next = skipTo[cell]!;
      skipTo[cell] = skipTo[next]!;
      cell = next;
    }
    return cell;
  };
  used[0] = 1;
  skipTo[0] = 1;
  let highestCell = 0;
  let wideBase = 0;
  const cellOfNode = new Int32Array(trie.nodeCount);
  const order = new Int32Array(trie.nodeCount);
  let orderEnd = 1;
  const { firstChild, nextSibling, nodeSymbol, smallestChildSymbol, largestChildSymbol } = trie;
  for (let head = 0; head < orderEnd; head++) {
    const node = order[head]!;
    if (firstChild[node]! < 0) continue;
    const smallest = smallestChildSymbol[node]!;
    const largest = largestChildSymbol[node]!;
    const wide = largest !== smallest;
    let candidate = nextFree(wide ? Math.max(smallest, wideBase + smallest) : smallest) - smallest;
    let attempts = 0;
    for (; ; attempts++) {
      if (candidate + largest + 2 >= capacity) grow(candidate + largest + 2);
      let collision = -1;
      for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
        if (used[candidate + nodeSymbol[child]!] === 1) {
          collision = nodeSymbol[child]!;
          break;
        }
      }
      if (collision < 0) break;
      // Move on until the child that collided lands on a free cell (always forward).
      candidate = nextFree(candidate + collision + 1) - collision;
    }
    // Nodes with several children skip the densely packed cells the next time.
    if (wide && attempts > 4) wideBase = Math.max(wideBase, candidate);
    const cell = cellOfNode[node]!;
    base[cell] = candidate;
    for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
      const childCell = candidate + nodeSymbol[child]!;
      used[childCell] = 1;
      skipTo[childCell] = childCell + 1;
      check[childCell] = cell;
      cellOfNode[child] = childCell;
      if (childCell > highestCell) highestCell = childCell;
      order[orderEnd++] = child;
    }
  }
  const stateCount = highestCell + 1;
  let highestBase = 0;
  for (let cell = 0; cell < stateCount; cell++) if (base[cell]! > highestBase) highestBase = base[cell]!;
  // Every `base[state] + symbol` must land inside `check`, so no read ever leaves the array.
  const checkLength = Math.max(stateCount, highestBase + symbolCount);
  const finalCheck = new Int32Array(checkLength).fill(-1);
  finalCheck.set(check.subarray(0, Math.min(checkLength, capacity)));
  return { base: base.slice(0, stateCount), check: finalCheck, cellOfNode, order, stateCount };
}

/**
 * Compiles the enabled rules into automaton tables. Rules are expected to be valid
 * (`phraseRuleSchema`); a phrase that cannot match is ignored rather than refused here.
 */
export function compileAutomaton(rules: readonly PhraseRule[]): AutomatonTables {
  const folding = foldingTables();
  const collected = collectPatterns(rules);
  const { ruleIds, ruleBlocks, reach } = collected;
  const patternCount = collected.patternRule.length;
  const patternStart = collected.patternStart.values;

  // Symbols: one per distinct folded phrase character, in order of first use.
  const symbolByFolded = new Map<number, number>();
  const bmpSymbol = new Int32Array(0x10000);
  let symbolCount = firstPhraseSymbol;
  const codePoints = collected.codePoints.values;
  const symbols = new Int32Array(collected.codePoints.length);
  for (let index = 0; index < symbols.length; index++) {
    const codePoint = codePoints[index]!;
    let symbol = codePoint <= 0xffff ? bmpSymbol[codePoint]! : (symbolByFolded.get(codePoint) ?? 0);
    if (symbol === 0) {
      symbol = symbolCount++;
      if (codePoint <= 0xffff) bmpSymbol[codePoint] = symbol;
      symbolByFolded.set(codePoint, symbol);
    }
    symbols[index] = symbol;
  }
  if (symbolCount > 0xffff) throw new RangeError('A rulebook may use at most 65,532 distinct characters.');

  const { symbolTemplate, sourcesStart, sources } = sharedSymbolTables();
  const symbolOf = symbolTemplate.slice();
  for (const [codePoint, symbol] of symbolByFolded) {
    if (codePoint > 0xffff) continue;
    for (let index = sourcesStart[codePoint]!; index < sourcesStart[codePoint + 1]!; index++) symbolOf[sources[index]!] = symbol;
  }
  const astral = new Map<number, number>();
  for (const [codePoint, symbol] of symbolByFolded) if (codePoint > 0xffff) astral.set(codePoint, symbol);
  for (const [source, target] of folding.astralFold) {
    const symbol = symbolByFolded.get(target);
    if (symbol !== undefined && kindOfCodePoint(folding, source) === characterKinds.text) astral.set(source, symbol);
  }
  const astralCodePoints = Int32Array.from([...astral.keys()].sort((first, second) => first - second));
  const astralSymbols = astralCodePoints.map((codePoint) => astral.get(codePoint)!);

  const trie = buildTrie(symbols, patternStart, patternCount);
  const { base: finalBase, check: finalCheck, cellOfNode, order, stateCount } = placeTrie(trie, symbolCount);

  // Failure links and outputs, breadth first (a state's failure is shallower, so it is done first).
  const fail = new Int32Array(stateCount);
  const output = new Int32Array(stateCount);
  const records = new IntList(patternCount * 3 + 16);
  for (let head = 1; head < trie.nodeCount; head++) {
    const node = order[head]!;
    const cell = cellOfNode[node]!;
    const parentCell = finalCheck[cell]!;
    const symbol = trie.nodeSymbol[node]!;
    let failure = 0;
    if (parentCell !== 0) {
      let candidate = fail[parentCell]!;
      for (;;) {
        const next = finalBase[candidate]! + symbol;
        if (finalCheck[next] === candidate) {
          failure = next;
          break;
        }
        if (candidate === 0) break;
        candidate = fail[candidate]!;
      }
    }
    fail[cell] = failure;
    const inherited = output[failure]!;
    if (trie.firstPattern[node]! < 0) {
      output[cell] = inherited;
    } else {
      output[cell] = records.length + 1;
      const countAt = records.length;
      records.push(0);
      let count = 0;
      for (let pattern = trie.firstPattern[node]!; pattern >= 0; pattern = trie.nextPattern[pattern]!) {
        records.push(pattern);
        count++;
      }
      records.values[countAt] = count;
      records.push(inherited - 1);
    }
  }

  const { wordBits, markBits } = sharedSymbolTables();
  const patternRule = collected.patternRule.trimmed();
  const patternLength = new Int32Array(patternCount);
  const patternFlag = new Uint8Array(patternCount);
  let longestPattern = 0;
  for (let pattern = 0; pattern < patternCount; pattern++) {
    const start = patternStart[pattern]!;
    const length = patternStart[pattern + 1]! - start;
    patternLength[pattern] = length;
    longestPattern = Math.max(longestPattern, length);
    const first = codePoints[start]!;
    const last = codePoints[start + length - 1]!;
    let flags = collected.patternIsException.values[pattern] === 1 ? patternFlags.exception : 0;
    if (first <= 0xffff && hasBit(wordBits, first)) flags |= patternFlags.wordStart;
    if (last <= 0xffff && hasBit(wordBits, last)) flags |= patternFlags.wordEnd;
    patternFlag[pattern] = flags;
  }

  // The sign bit of a base tells the scan loop a state has output, from the read it makes anyway.
  const transitions = new Int32Array(finalCheck.length * cellStride);
  for (let cell = 0; cell < finalCheck.length; cell++) {
    const entry = cell * cellStride;
    if (cell < stateCount) {
      transitions[entry] = finalBase[cell]! | (output[cell] !== 0 ? outputFlag : 0);
      transitions[entry + failOffset] = fail[cell]!;
      transitions[entry + outputOffset] = output[cell]!;
    }
    transitions[entry + checkOffset] = finalCheck[cell]!;
  }

  return {
    symbolOf,
    astralCodePoints,
    astralSymbols,
    wordBits,
    markBits,
    transitions,
    stateCount,
    outputRecords: records.trimmed(),
    patternRule,
    patternLength,
    patternFlag,
    ruleBlocks: Uint8Array.from(ruleBlocks),
    ruleExceptionReach: Int32Array.from(reach),
    longestPattern,
    ruleIds,
  };
}
