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
 * Aho–Corasick machine stored as a double array: the child of `state` on `symbol` is
 * `base[state] + symbol` when `check` of that cell is `state`.
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
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  /** Per state: 0, or 1 + the index in `outputRecords` of its record. */
  output: Int32Array;
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

type PatternSource = { rule: number; exception: boolean; codePoints: number[] };

function collectPatterns(rules: readonly PhraseRule[]): { patterns: PatternSource[]; ruleIds: string[]; ruleBlocks: number[]; reach: number[] } {
  const patterns: PatternSource[] = [];
  const ruleIds: string[] = [];
  const ruleBlocks: number[] = [];
  const reach: number[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const ruleIndex = ruleIds.length;
    ruleIds.push(rule.id);
    ruleBlocks.push(rule.severity === 'block' ? 1 : 0);
    const seen = new Set<string>();
    let longestException = 0;
    const add = (phrase: string, exception: boolean) => {
      const normalized = normalizePhrase(phrase);
      if (normalized.codePoints.length === 0 || normalized.sentenceEndInside) return;
      const key = `${exception ? 'e' : 'p'}${String.fromCodePoint(...normalized.codePoints)}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (exception) longestException = Math.max(longestException, normalized.codePoints.length);
      patterns.push({ rule: ruleIndex, exception, codePoints: normalized.codePoints });
    };
    for (const phrase of rule.phrases) add(phrase, false);
    for (const exception of rule.exceptions) add(exception, true);
    reach.push(longestException);
  }
  return { patterns, ruleIds, ruleBlocks, reach };
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
    if (this.length === this.values.length) this.grow(this.length * 2);
    this.values[this.length++] = value;
  }
  grow(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.values.subarray(0, this.length));
    this.values = next;
  }
  trimmed(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * Compiles the enabled rules into automaton tables. Rules are expected to be valid
 * (`phraseRuleSchema`); a phrase that cannot match is ignored rather than refused here.
 */
export function compileAutomaton(rules: readonly PhraseRule[]): AutomatonTables {
  const folding = foldingTables();
  const { patterns, ruleIds, ruleBlocks, reach } = collectPatterns(rules);

  // Symbols: one per distinct folded phrase character, in order of first use.
  const symbolByFolded = new Map<number, number>();
  let symbolCount = firstPhraseSymbol;
  const sequences: Int32Array[] = patterns.map((pattern) => {
    const sequence = new Int32Array(pattern.codePoints.length);
    pattern.codePoints.forEach((codePoint, index) => {
      let symbol = symbolByFolded.get(codePoint);
      if (symbol === undefined) {
        symbol = symbolCount++;
        symbolByFolded.set(codePoint, symbol);
      }
      sequence[index] = symbol;
    });
    return sequence;
  });
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

  // Trie from the patterns in sorted order: children come out contiguous and ascending.
  const order = sequences.map((_, index) => index);
  order.sort((first, second) => {
    const a = sequences[first]!;
    const b = sequences[second]!;
    const shared = Math.min(a.length, b.length);
    for (let index = 0; index < shared; index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
    return a.length - b.length;
  });
  const nodeSymbol = new IntList(1024);
  const firstChild = new IntList(1024);
  const nextSibling = new IntList(1024);
  const lastChild = new IntList(1024);
  const nodeOfPattern = new Int32Array(patterns.length);
  const newNode = (symbol: number): number => {
    nodeSymbol.push(symbol);
    firstChild.push(-1);
    nextSibling.push(-1);
    lastChild.push(-1);
    return nodeSymbol.length - 1;
  };
  newNode(0);
  const path: number[] = [0];
  let previous: Int32Array | undefined;
  for (const patternIndex of order) {
    const sequence = sequences[patternIndex]!;
    let shared = 0;
    if (previous !== undefined) {
      const limit = Math.min(previous.length, sequence.length);
      while (shared < limit && previous[shared] === sequence[shared]) shared++;
    }
    path.length = shared + 1;
    for (let depth = shared; depth < sequence.length; depth++) {
      const parent = path[depth]!;
      const child = newNode(sequence[depth]!);
      const last = lastChild.values[parent]!;
      if (last < 0) firstChild.values[parent] = child;
      else nextSibling.values[last] = child;
      lastChild.values[parent] = child;
      path.push(child);
    }
    nodeOfPattern[patternIndex] = path[sequence.length]!;
    previous = sequence;
  }
  const nodeCount = nodeSymbol.length;

  // Double array, placing nodes breadth first; `nextFree` skips occupied cells quickly.
  let capacity = Math.max(1024, nodeCount * 2 + symbolCount);
  let used = new Uint8Array(capacity);
  let skipTo = new Int32Array(capacity);
  for (let index = 0; index < capacity; index++) skipTo[index] = index;
  const cellOfNode = new Int32Array(nodeCount);
  let base = new Int32Array(capacity);
  let check = new Int32Array(capacity).fill(-1);
  const ensure = (size: number) => {
    if (size <= capacity) return;
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
    ensure(from + 1);
    let cell = from;
    while (skipTo[cell] !== cell) {
      const next = skipTo[cell]!;
      ensure(next + 1);
      skipTo[cell] = skipTo[next]!;
      cell = next;
    }
    return cell;
  };
  const occupy = (cell: number) => {
    used[cell] = 1;
    ensure(cell + 2);
    skipTo[cell] = cell + 1;
  };
  occupy(0);
  let highestCell = 0;
  const queue = new Int32Array(nodeCount);
  let queueEnd = 0;
  queue[queueEnd++] = 0;
  const childSymbols: number[] = [];
  for (let head = 0; head < queueEnd; head++) {
    const node = queue[head]!;
    const cell = cellOfNode[node]!;
    childSymbols.length = 0;
    for (let child = firstChild.values[node]!; child >= 0; child = nextSibling.values[child]!) childSymbols.push(nodeSymbol.values[child]!);
    if (childSymbols.length === 0) continue;
    const firstSymbol = childSymbols[0]!;
    let candidate = nextFree(Math.max(firstSymbol, 1)) - firstSymbol;
    for (;;) {
      let fits = true;
      for (const symbol of childSymbols) {
        ensure(candidate + symbol + 1);
        if (used[candidate + symbol] === 1) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      candidate = nextFree(candidate + firstSymbol + 1) - firstSymbol;
    }
    base[cell] = candidate;
    for (let child = firstChild.values[node]!; child >= 0; child = nextSibling.values[child]!) {
      const childCell = candidate + nodeSymbol.values[child]!;
      occupy(childCell);
      check[childCell] = cell;
      cellOfNode[child] = childCell;
      if (childCell > highestCell) highestCell = childCell;
      queue[queueEnd++] = child;
    }
  }
  const stateCount = highestCell + 1;
  const finalBase = base.slice(0, stateCount);
  let highestBase = 0;
  for (let cell = 0; cell < stateCount; cell++) if (finalBase[cell]! > highestBase) highestBase = finalBase[cell]!;
  // Every `base[state] + symbol` must land inside `check`, so no read ever leaves the array.
  const finalCheck = new Int32Array(Math.max(stateCount, highestBase + symbolCount)).fill(-1);
  finalCheck.set(check.subarray(0, Math.min(stateCount, finalCheck.length)));

  // Failure links and outputs, breadth first (a state's failure is shallower, so it is done first).
  const fail = new Int32Array(stateCount);
  const output = new Int32Array(stateCount);
  const records = new IntList(patterns.length * 3 + 16);
  const patternsAtNode = new Map<number, number[]>();
  nodeOfPattern.forEach((node, pattern) => {
    const list = patternsAtNode.get(node);
    if (list === undefined) patternsAtNode.set(node, [pattern]);
    else list.push(pattern);
  });
  const childOf = (cell: number, symbol: number): number => {
    const next = finalBase[cell]! + symbol;
    return finalCheck[next] === cell ? next : -1;
  };
  for (let head = 0; head < queueEnd; head++) {
    const node = queue[head]!;
    const cell = cellOfNode[node]!;
    if (node !== 0) {
      const parentCell = finalCheck[cell]!;
      const symbol = nodeSymbol.values[node]!;
      let failure = 0;
      if (parentCell !== 0) {
        let candidate = fail[parentCell]!;
        for (;;) {
          const next = childOf(candidate, symbol);
          if (next >= 0) {
            failure = next;
            break;
          }
          if (candidate === 0) break;
          candidate = fail[candidate]!;
        }
      }
      fail[cell] = failure;
    }
    const own = patternsAtNode.get(node);
    const inherited = node === 0 ? 0 : output[fail[cell]!]!;
    if (own === undefined) {
      output[cell] = inherited;
    } else {
      output[cell] = records.length + 1;
      records.push(own.length);
      for (const pattern of own) records.push(pattern);
      records.push(inherited - 1);
    }
  }

  const { wordBits, markBits } = sharedSymbolTables();
  const patternRule = new Int32Array(patterns.length);
  const patternLength = new Int32Array(patterns.length);
  const patternFlag = new Uint8Array(patterns.length);
  let longestPattern = 0;
  patterns.forEach((pattern, index) => {
    patternRule[index] = pattern.rule;
    patternLength[index] = pattern.codePoints.length;
    longestPattern = Math.max(longestPattern, pattern.codePoints.length);
    const first = pattern.codePoints[0]!;
    const last = pattern.codePoints.at(-1)!;
    let flags = pattern.exception ? patternFlags.exception : 0;
    if (first <= 0xffff && hasBit(wordBits, first)) flags |= patternFlags.wordStart;
    if (last <= 0xffff && hasBit(wordBits, last)) flags |= patternFlags.wordEnd;
    patternFlag[index] = flags;
  });

  return {
    symbolOf,
    astralCodePoints,
    astralSymbols,
    wordBits,
    markBits,
    base: finalBase,
    check: finalCheck,
    fail,
    output,
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
