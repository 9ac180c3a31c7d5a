import {
  astralSymbol,
  baseMask,
  cellStride,
  checkOffset,
  failOffset,
  outputOffset,
  compileAutomaton,
  firstPhraseSymbol,
  hasBit,
  patternFlags,
  ruleSeverity,
  symbolReset,
  symbolSkip,
  symbolSurrogate,
  type AutomatonTables,
} from './automaton';
import type { PhraseRule, PhraseSeverity } from './rulebook';
import { deserializeTables, serializeTables } from './serialization';

/** One banned phrase found in a text. */
export type PhraseHit = Readonly<{
  ruleId: string;
  severity: PhraseSeverity;
  /** UTF-16 offset of the first character of the match in the original text. */
  start: number;
  /** UTF-16 offset just after the last character (and the combining marks on it). */
  end: number;
  /** The original text of the match, as typed (spaces, punctuation and all). */
  text: string;
}>;

/**
 * Hits found by the automaton before boundaries and exceptions are applied. The scan loop only
 * notes each state with output and where (kept tiny so it stays out of the loop's way);
 * {@link RawHits.expand} turns those into patterns afterwards.
 */
class RawHits {
  patterns = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;
  private foundRecords = new Int32Array(64);
  private foundEnds = new Int32Array(64);
  private foundCount = 0;

  reset(): void {
    this.count = 0;
    this.foundCount = 0;
  }

  /** Notes a state's output record (1 + index) reached at `end`. */
  found(recordPlusOne: number, end: number): void {
    if (this.foundCount === this.foundRecords.length) {
      this.foundRecords = grown(this.foundRecords);
      this.foundEnds = grown(this.foundEnds);
    }
    this.foundRecords[this.foundCount] = recordPlusOne;
    this.foundEnds[this.foundCount++] = end;
  }

  /** Lists the patterns of every noted record (a record chains to its suffixes' records). */
  expand(records: Int32Array): void {
    for (let found = 0; found < this.foundCount; found++) {
      const end = this.foundEnds[found]!;
      for (let record = this.foundRecords[found]! - 1; record >= 0; record = records[record + records[record]! + 1]!) {
        const count = records[record]!;
        for (let index = 1; index <= count; index++) this.add(records[record + index]!, end);
      }
    }
    this.foundCount = 0;
  }

  private add(pattern: number, end: number): void {
    if (this.count === this.patterns.length) {
      this.patterns = grown(this.patterns);
      this.ends = grown(this.ends);
    }
    this.patterns[this.count] = pattern;
    this.ends[this.count] = end;
    this.count++;
  }
}

function grown(values: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(values.length * 2);
  next.set(values);
  return next;
}

/**
 * Runs the automaton over `text` from `from` to its end, starting in `state`; returns the state
 * after. (The loop runs to `text.length` itself, which lets V8 drop the bounds check of every
 * read: a separate end parameter made it ~15% slower; callers that stop earlier pass a slice.)
 * This is the hot loop: one table lookup folds, skips or resets each code unit; a state's
 * base, check, failure and output share a cache line, and the base's sign bit says whether the
 * state has output. A surrogate pair is read at its high half; the low half maps to "skip", so
 * the loop never moves its index by more than one (which keeps it fast).
 */
function advance(tables: AutomatonTables, text: string, from: number, startState: number, hits: RawHits): number {
  const { symbolOf, transitions } = tables;
  // Locals, not module bindings: a module constant read inside the loop costs a load each time.
  const mask = baseMask;
  const rootBase = transitions[0]!;
  let state = startState;
  let stateBase = transitions[state * cellStride]!;
  for (let index = from; index < text.length; index++) {
    let symbol = symbolOf[text.charCodeAt(index)]!;
    if (symbol < firstPhraseSymbol) {
      if (symbol === symbolSkip) continue;
      if (symbol === symbolReset) {
        state = 0;
        stateBase = rootBase;
        continue;
      }
      // A high surrogate (rare): the pair decides.
      symbol = pairSymbol(tables, text, index);
      if (symbol === symbolSkip) continue;
      if (symbol === symbolReset) {
        state = 0;
        stateBase = rootBase;
        continue;
      }
    }
    for (;;) {
      const next = (stateBase & mask) + symbol;
      if (transitions[next * cellStride + checkOffset] === state) {
        state = next;
        stateBase = transitions[next * cellStride]!;
        break;
      }
      if (state === 0) break;
      state = transitions[state * cellStride + failOffset]!;
      stateBase = transitions[state * cellStride]!;
    }
    if (stateBase < 0) {
      // A match ending in an astral character ends after its low half.
      const end = symbolOf[text.charCodeAt(index)] === symbolSurrogate ? index + 2 : index + 1;
      hits.found(transitions[state * cellStride + outputOffset]!, end);
    }
  }
  return state;
}

/** The symbol of the surrogate pair starting at `index` (a high surrogate); a high surrogate without its low half resets. */
function pairSymbol(tables: AutomatonTables, text: string, index: number): number {
  if (index + 1 >= text.length) return symbolReset;
  const low = text.charCodeAt(index + 1);
  if (low < 0xdc00 || low > 0xdfff) return symbolReset;
  const codePoint = ((text.charCodeAt(index) - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  return astralSymbol(tables, codePoint);
}

/** The symbol at `index`, a surrogate pair read whole at its high half (its low half is "skip"). */
function symbolAt(tables: AutomatonTables, text: string, index: number): number {
  const symbol = tables.symbolOf[text.charCodeAt(index)]!;
  return symbol === symbolSurrogate ? pairSymbol(tables, text, index) : symbol;
}

/** Where a match of `length` phrase characters ending at `end` starts: walks back over skipped characters. */
function matchStart(tables: AutomatonTables, text: string, end: number, length: number): number {
  let position = end;
  let remaining = length;
  while (remaining > 0 && position > 0) {
    position--;
    if (symbolAt(tables, text, position) !== symbolSkip) remaining--;
  }
  return position;
}

function isWordAt(tables: AutomatonTables, text: string, index: number): boolean {
  return index >= 0 && index < text.length && hasBit(tables.wordBits, text.charCodeAt(index));
}

/** Whether a hit's edges fall on word boundaries where its pattern needs them. */
function passesBoundaries(tables: AutomatonTables, text: string, pattern: number, start: number, end: number): boolean {
  const flags = tables.patternFlag[pattern]!;
  if ((flags & patternFlags.wordStart) !== 0 && isWordAt(tables, text, start - 1)) return false;
  if ((flags & patternFlags.wordEnd) !== 0 && isWordAt(tables, text, end)) return false;
  return true;
}

/** The end of a hit once the combining marks on its last character are taken in. */
function extendOverMarks(tables: AutomatonTables, text: string, end: number): number {
  let extended = end;
  while (extended < text.length && hasBit(tables.markBits, text.charCodeAt(extended))) extended++;
  return extended;
}

type Span = { pattern: number; rule: number; start: number; end: number };

function covered(hit: Span, exceptions: readonly Span[]): boolean {
  return exceptions.some((exception) => exception.rule === hit.rule && exception.start <= hit.start && exception.end >= hit.end);
}

type RuledHit = { rule: number; hit: PhraseHit };

function compareRuledHits(first: RuledHit, second: RuledHit): number {
  return first.hit.start - second.hit.start || first.hit.end - second.hit.end || first.rule - second.rule;
}

/** Orders hits by start, then end, then the rule's place in the rulebook (usually they come that way already). */
function inTextOrder(hits: RuledHit[]): PhraseHit[] {
  let sorted = true;
  for (let index = 1; index < hits.length && sorted; index++) sorted = compareRuledHits(hits[index - 1]!, hits[index]!) <= 0;
  if (!sorted) hits.sort(compareRuledHits);
  return hits.map((entry) => entry.hit);
}

/**
 * Live matching over appended chunks (a live transcript): offsets count from the first chunk.
 * A hit is reported once nothing later can change it: the character after it is known (for
 * whole-word rules and combining marks) and no exception of its rule can still cover it.
 */
export class PhraseStream {
  private state = 0;
  private buffer = '';
  /** Offset of `buffer[0]` in the whole stream. */
  private bufferStart = 0;
  /** Buffer index up to which the automaton has run. */
  private processed = 0;
  private ended = false;
  private readonly raw = new RawHits();
  private waiting: Span[] = [];
  private candidates: Span[] = [];
  private exceptions: Span[] = [];

  constructor(private readonly tables: AutomatonTables) {}

  /** Feeds the next chunk; returns the hits this chunk settled, in text order. */
  push(chunk: string): PhraseHit[] {
    if (this.ended) throw new Error('The stream has ended.');
    this.buffer += chunk;
    return this.run();
  }

  /** Ends the stream: the hits still waiting for what came next are settled now. */
  end(): PhraseHit[] {
    if (this.ended) return [];
    this.ended = true;
    return this.run();
  }

  private run(): PhraseHit[] {
    const tables = this.tables;
    const buffer = this.buffer;
    let limit = buffer.length;
    // A high surrogate at the very end waits for its low half.
    const last = buffer.charCodeAt(limit - 1);
    if (!this.ended && last >= 0xd800 && last <= 0xdbff) limit--;
    this.raw.reset();
    this.state = advance(tables, limit === buffer.length ? buffer : buffer.slice(0, limit), this.processed, this.state, this.raw);
    this.raw.expand(tables.outputRecords);
    this.processed = limit;
    for (let index = 0; index < this.raw.count; index++) {
      const pattern = this.raw.patterns[index]!;
      const end = this.raw.ends[index]!;
      const start = matchStart(tables, buffer, end, tables.patternLength[pattern]!);
      this.waiting.push({ pattern, rule: tables.patternRule[pattern]!, start: start + this.bufferStart, end: end + this.bufferStart });
    }
    this.settleBoundaries();
    const settled = this.settleCandidates();
    this.trimBuffer();
    return settled;
  }

  /** Applies word boundaries to the hits whose next character is known. */
  private settleBoundaries(): void {
    const known = this.bufferStart + this.processed;
    const stillWaiting: Span[] = [];
    for (const hit of this.waiting) {
      if (!this.ended && hit.end >= known) {
        stillWaiting.push(hit);
        continue;
      }
      const relativeStart = hit.start - this.bufferStart;
      const relativeEnd = hit.end - this.bufferStart;
      if (!passesBoundaries(this.tables, this.buffer, hit.pattern, relativeStart, relativeEnd)) continue;
      if ((this.tables.patternFlag[hit.pattern]! & patternFlags.exception) !== 0) this.exceptions.push(hit);
      else this.candidates.push(hit);
    }
    this.waiting = stillWaiting;
  }

  /** Whether no exception of the hit's rule can still arrive to cover it. */
  private exceptionWindowClosed(hit: Span): boolean {
    const longestException = this.tables.ruleExceptionReach[hit.rule]!;
    if (longestException === 0 || this.ended) return true;
    // A covering exception ends at most (its length − the hit's length) phrase characters
    // later, and whether it ends on a word boundary shows one character after that.
    const reach = longestException - this.tables.patternLength[hit.pattern]! + 1;
    let seen = 0;
    let index = hit.end - this.bufferStart;
    while (index < this.processed) {
      let symbol = this.tables.symbolOf[this.buffer.charCodeAt(index)]!;
      let width = 1;
      if (symbol === symbolSurrogate) {
        symbol = pairSymbol(this.tables, this.buffer, index);
        if (symbol !== symbolReset) width = 2;
      }
      if (symbol === symbolReset) return true;
      if (symbol !== symbolSkip && ++seen >= reach) return true;
      index += width;
    }
    return false;
  }

  private settleCandidates(): PhraseHit[] {
    const settled: RuledHit[] = [];
    const remaining: Span[] = [];
    const known = this.bufferStart + this.processed;
    for (const hit of this.candidates) {
      const relativeEnd = extendOverMarks(this.tables, this.buffer.slice(0, this.processed), hit.end - this.bufferStart);
      const extensionKnown = this.ended || relativeEnd + this.bufferStart < known;
      if (!extensionKnown || !this.exceptionWindowClosed(hit)) {
        remaining.push(hit);
        continue;
      }
      if (covered(hit, this.exceptions)) continue;
      const relativeStart = hit.start - this.bufferStart;
      settled.push({
        rule: hit.rule,
        hit: {
          ruleId: this.tables.ruleIds[hit.rule]!,
          severity: ruleSeverity(this.tables, hit.rule),
          start: hit.start,
          end: relativeEnd + this.bufferStart,
          text: this.buffer.slice(relativeStart, relativeEnd),
        },
      });
    }
    this.candidates = remaining;
    const earliestOpen = Math.min(...remaining.map((hit) => hit.end), ...this.waiting.map((hit) => hit.end), known);
    this.exceptions = this.exceptions.filter((exception) => exception.end >= earliestOpen);
    return inTextOrder(settled);
  }

  /** Drops the text no pending or future hit can reach back to. */
  private trimBuffer(): void {
    let keepFrom = this.processed;
    let phraseCharacters = 0;
    while (keepFrom > 0 && phraseCharacters < this.tables.longestPattern) {
      const symbol = symbolAt(this.tables, this.buffer, keepFrom - 1);
      if (symbol === symbolReset) break;
      keepFrom--;
      if (symbol !== symbolSkip) phraseCharacters++;
    }
    for (const hit of [...this.waiting, ...this.candidates]) keepFrom = Math.min(keepFrom, hit.start - this.bufferStart);
    // One character more, for the whole-word check before a match.
    keepFrom = Math.max(0, keepFrom - 2);
    if (keepFrom === 0) return;
    this.buffer = this.buffer.slice(keepFrom);
    this.bufferStart += keepFrom;
    this.processed -= keepFrom;
  }
}

/**
 * The hits in `text[from, to)`. `from` and `to` must be the text's ends or sit just after and at
 * characters no match can cross (see {@link PhraseRecheck}); the characters around the range
 * still count for word boundaries.
 */
function scanRange(tables: AutomatonTables, raw: RawHits, text: string, from: number, to: number): PhraseHit[] {
  raw.reset();
  advance(tables, to === text.length ? text : text.slice(0, to), from, 0, raw);
  raw.expand(tables.outputRecords);
  if (raw.count === 0) return [];
  const candidates: Span[] = [];
  const exceptions: Span[] = [];
  for (let index = 0; index < raw.count; index++) {
    const pattern = raw.patterns[index]!;
    const end = raw.ends[index]!;
    const start = matchStart(tables, text, end, tables.patternLength[pattern]!);
    if (!passesBoundaries(tables, text, pattern, start, end)) continue;
    const span = { pattern, rule: tables.patternRule[pattern]!, start, end };
    if ((tables.patternFlag[pattern]! & patternFlags.exception) !== 0) exceptions.push(span);
    else candidates.push(span);
  }
  const hits: RuledHit[] = [];
  for (const hit of candidates) {
    if (exceptions.length > 0 && covered(hit, exceptions)) continue;
    const end = extendOverMarks(tables, text, hit.end);
    hits.push({
      rule: hit.rule,
      hit: { ruleId: tables.ruleIds[hit.rule]!, severity: ruleSeverity(tables, hit.rule), start: hit.start, end, text: text.slice(hit.start, end) },
    });
  }
  return inTextOrder(hits);
}

/**
 * Length of the common start of two strings: a binary search of native comparisons of slices
 * (`startsWith` compares a sliced string character by character, many times slower).
 */
function commonPrefixLength(first: string, second: string): number {
  let low = 0;
  let high = Math.min(first.length, second.length);
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (first.slice(0, middle) === second.slice(0, middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Length of the common end of two strings, at most `limit`. */
function commonSuffixLength(first: string, second: string, limit: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (first.slice(first.length - middle) === second.slice(second.length - middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Re-checks a text as it is edited (an agent typing a note). A character that maps to "reset"
 * (a sentence end, or any character no phrase uses) is a wall no match, exception or word
 * check crosses, so after an edit only the stretch between the walls around it is scanned
 * again; the hits before it are kept and the hits after it are shifted.
 */
export class PhraseRecheck {
  private readonly raw = new RawHits();
  private text = '';
  private hits: PhraseHit[] = [];

  constructor(private readonly tables: AutomatonTables) {}

  /**
   * The hits in `text`, exactly as {@link PhraseMatcher.scan} finds them. `editStart` is where
   * the edit begins, when the caller knows (an editor knows its caret): it saves finding the
   * unchanged start by search. A wrong `editStart` costs time, never a wrong answer.
   */
  check(text: string, editStart?: number): PhraseHit[] {
    const previous = this.text;
    if (text === previous) return this.hits;
    const limit = Math.min(previous.length, text.length);
    let prefix: number;
    if (editStart !== undefined && editStart >= 0 && editStart <= limit && previous.slice(0, editStart) === text.slice(0, editStart)) {
      prefix = editStart;
      while (prefix < limit && previous.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    } else {
      prefix = commonPrefixLength(previous, text);
    }
    // One insertion or deletion leaves everything after it in common: try that first.
    const longestSuffix = limit - prefix;
    const suffix =
      previous.slice(previous.length - longestSuffix) === text.slice(text.length - longestSuffix)
        ? longestSuffix
        : commonSuffixLength(previous, text, longestSuffix);
    const symbolOf = this.tables.symbolOf;
    let from = prefix;
    while (from > 0 && symbolOf[text.charCodeAt(from - 1)] !== symbolReset) from--;
    let to = text.length - suffix;
    while (to < text.length && symbolOf[text.charCodeAt(to)] !== symbolReset) to++;
    const shift = text.length - previous.length;
    const hits: PhraseHit[] = [];
    for (const hit of this.hits) if (hit.end <= from) hits.push(hit);
    for (const hit of scanRange(this.tables, this.raw, text, from, to)) hits.push(hit);
    // A literal, not a spread: spreading objects that were spread before is many times slower.
    for (const hit of this.hits) {
      if (hit.start < to - shift) continue;
      hits.push({ ruleId: hit.ruleId, severity: hit.severity, start: hit.start + shift, end: hit.end + shift, text: hit.text });
    }
    this.text = text;
    this.hits = hits;
    return hits;
  }
}

/** A compiled rulebook: scans text for banned phrases. */
export class PhraseMatcher {
  private readonly raw = new RawHits();

  constructor(private readonly tables: AutomatonTables) {}

  /** Every hit in `text`, ordered by start, then end. */
  scan(text: string): PhraseHit[] {
    return scanRange(this.tables, this.raw, text, 0, text.length);
  }

  /** A re-checker for a text being edited: each check re-scans only what the edit touched. */
  recheck(): PhraseRecheck {
    return new PhraseRecheck(this.tables);
  }

  /** Starts a streaming scan (live transcripts arrive in chunks). */
  stream(): PhraseStream {
    return new PhraseStream(this.tables);
  }

  /** The compiled tables as bytes; {@link loadCompiledPhraseRules} reads them back without recompiling. */
  serialize(): Uint8Array {
    return serializeTables(this.tables);
  }

  /** How many enabled rules were compiled. */
  get ruleCount(): number {
    return this.tables.ruleIds.length;
  }

  /** How many phrases and exceptions were compiled. */
  get patternCount(): number {
    return this.tables.patternRule.length;
  }

  /** How many cells the automaton's double array has. */
  get stateCount(): number {
    return this.tables.stateCount;
  }

  /** Bytes held by the compiled tables. */
  get byteLength(): number {
    const tables = this.tables;
    return (
      [
        tables.symbolOf,
        tables.astralCodePoints,
        tables.astralSymbols,
        tables.wordBits,
        tables.markBits,
        tables.transitions,
        tables.outputRecords,
        tables.patternRule,
        tables.patternLength,
        tables.patternFlag,
        tables.ruleBlocks,
        tables.ruleExceptionReach,
      ].reduce((total, array) => total + array.byteLength, 0) + tables.ruleIds.reduce((total, id) => total + id.length * 2, 0)
    );
  }
}

/** Compiles the enabled rules of a rulebook into a matcher. */
export function compilePhraseRules(rules: readonly PhraseRule[]): PhraseMatcher {
  return new PhraseMatcher(compileAutomaton(rules));
}

/** Loads a matcher from {@link PhraseMatcher.serialize}'s bytes. Throws on bytes of another format or version. */
export function loadCompiledPhraseRules(bytes: Uint8Array): PhraseMatcher {
  return new PhraseMatcher(deserializeTables(bytes));
}
