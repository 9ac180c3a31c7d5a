import {
  astralSymbol,
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

/** Hits found by the automaton before boundaries and exceptions are applied. */
class RawHits {
  patterns = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;

  addRecord(records: Int32Array, recordPlusOne: number, end: number): void {
    for (let record = recordPlusOne - 1; record >= 0; record = records[record + records[record]! + 1]!) {
      const count = records[record]!;
      for (let index = 1; index <= count; index++) this.add(records[record + index]!, end);
    }
  }

  private add(pattern: number, end: number): void {
    if (this.count === this.patterns.length) {
      const patterns = new Int32Array(this.count * 2);
      patterns.set(this.patterns);
      this.patterns = patterns;
      const ends = new Int32Array(this.count * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.patterns[this.count] = pattern;
    this.ends[this.count] = end;
    this.count++;
  }
}

/**
 * Runs the automaton over `text[from, to)` starting in `state`; returns the state after.
 * This is the hot loop: one table lookup folds, skips or resets each code unit.
 */
function advance(tables: AutomatonTables, text: string, from: number, to: number, startState: number, hits: RawHits): number {
  const { symbolOf, base, check, fail, output, outputRecords } = tables;
  let state = startState;
  for (let index = from; index < to; index++) {
    let symbol = symbolOf[text.charCodeAt(index)]!;
    if (symbol < firstPhraseSymbol) {
      if (symbol === symbolSkip) continue;
      if (symbol === symbolReset) {
        state = 0;
        continue;
      }
      symbol = pairSymbol(tables, text, index, to);
      if (symbol === symbolSkip) {
        index++;
        continue;
      }
      if (symbol === symbolReset) {
        state = 0;
        continue;
      }
      index++;
    }
    for (;;) {
      const next = base[state]! + symbol;
      if (check[next] === state) {
        state = next;
        break;
      }
      if (state === 0) break;
      state = fail[state]!;
    }
    const found = output[state]!;
    if (found !== 0) hits.addRecord(outputRecords, found, index + 1);
  }
  return state;
}

/**
 * The symbol of the surrogate pair starting at `index` (a high surrogate). A high surrogate
 * without its low half resets; the caller steps over a pair whose symbol is skip or a phrase
 * character.
 */
function pairSymbol(tables: AutomatonTables, text: string, index: number, to: number): number {
  if (index + 1 >= to) return symbolReset;
  const low = text.charCodeAt(index + 1);
  if (low < 0xdc00 || low > 0xdfff) return symbolReset;
  const codePoint = ((text.charCodeAt(index) - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  const symbol = astralSymbol(tables, codePoint);
  // A pair that resets is consumed as one character too; report it as reset after stepping.
  return symbol;
}

/** The symbol of the character ending at `end` (exclusive) and its width, read backwards. */
function symbolBefore(tables: AutomatonTables, text: string, end: number): { symbol: number; width: number } {
  const code = text.charCodeAt(end - 1);
  if (code >= 0xdc00 && code <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) {
      const codePoint = ((high - 0xd800) << 10) + (code - 0xdc00) + 0x10000;
      return { symbol: astralSymbol(tables, codePoint), width: 2 };
    }
  }
  return { symbol: tables.symbolOf[code]!, width: 1 };
}

/** Where a match of `length` phrase characters ending at `end` starts: walks back over skipped characters. */
function matchStart(tables: AutomatonTables, text: string, end: number, length: number): number {
  let position = end;
  let remaining = length;
  while (remaining > 0 && position > 0) {
    const { symbol, width } = symbolBefore(tables, text, position);
    position -= width;
    if (symbol !== symbolSkip) remaining--;
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

/** Orders hits by start, then end, then the rule's place in the rulebook. */
function inTextOrder(hits: RuledHit[]): PhraseHit[] {
  return hits
    .sort((first, second) => first.hit.start - second.hit.start || first.hit.end - second.hit.end || first.rule - second.rule)
    .map((entry) => entry.hit);
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
    this.raw.count = 0;
    this.state = advance(tables, buffer, this.processed, limit, this.state, this.raw);
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
        symbol = pairSymbol(this.tables, this.buffer, index, this.processed);
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
      const { symbol, width } = symbolBefore(this.tables, this.buffer, keepFrom);
      if (symbol === symbolReset) break;
      keepFrom -= width;
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

/** A compiled rulebook: scans text for banned phrases. */
export class PhraseMatcher {
  private readonly raw = new RawHits();

  constructor(private readonly tables: AutomatonTables) {}

  /** Every hit in `text`, ordered by start, then end. */
  scan(text: string): PhraseHit[] {
    const tables = this.tables;
    const raw = this.raw;
    raw.count = 0;
    advance(tables, text, 0, text.length, 0, raw);
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
    return this.tables.base.length;
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
        tables.base,
        tables.check,
        tables.fail,
        tables.output,
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
