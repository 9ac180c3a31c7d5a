import type { PhraseHit } from '../../../common/phrase-engine/matcher';
import type { PhraseSeverity } from '../../../common/phrase-engine/rulebook';
import { segmentText } from '../phrase-rules/highlight';

/** A piece of an edited text: plain, or marked with the hits that cover it. */
export type PhraseMarkSegment = Readonly<{
  text: string;
  start: number;
  end: number;
  /** The hits covering this piece; empty for plain text. */
  hits: readonly PhraseHit[];
  /** The strongest severity of those hits; undefined for plain text. */
  severity: PhraseSeverity | undefined;
}>;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset that falls inside a surrogate pair back to the pair's start (never splits an emoji). */
function codePointStart(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))
    ? offset - 1
    : offset;
}

/** Moves an offset that falls inside a surrogate pair forward to the pair's end. */
function codePointEnd(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))
    ? offset + 1
    : offset;
}

/**
 * Cuts a text into plain and marked pieces by its hits. Overlapping hits share one mark (a
 * `<mark>` must not open inside another); the mark is `block` when any hit under it blocks.
 * Offsets inside a surrogate pair are widened to the whole character.
 */
export function markSegments(text: string, hits: readonly PhraseHit[]): PhraseMarkSegment[] {
  const ranges = hits.map((hit) => ({ start: codePointStart(text, hit.start), end: codePointEnd(text, hit.end) }));
  return segmentText(text, ranges).map((segment) => {
    if (!segment.marked) return { text: segment.text, start: segment.start, end: segment.end, hits: [], severity: undefined };
    const covering = hits.filter((hit, index) => ranges[index]!.start < segment.end && ranges[index]!.end > segment.start);
    const severity: PhraseSeverity = covering.some((hit) => hit.severity === 'block') ? 'block' : 'warn';
    return { text: segment.text, start: segment.start, end: segment.end, hits: covering, severity };
  });
}

/** True when any hit blocks sending. */
export function hasBlockingHit(hits: readonly PhraseHit[]): boolean {
  return hits.some((hit) => hit.severity === 'block');
}

/**
 * The hit a keyboard shortcut acts on: the one the caret is in or touches (the last to start,
 * when several are), else the nearest one ending before the caret, else the first hit.
 */
export function hitAtCaret<Hit extends PhraseHit>(hits: readonly Hit[], caret: number): Hit | undefined {
  let containing: Hit | undefined;
  let before: Hit | undefined;
  for (const hit of hits) {
    if (hit.start <= caret && caret <= hit.end) {
      if (containing === undefined || hit.start >= containing.start) containing = hit;
    } else if (hit.end <= caret) {
      if (before === undefined || hit.end >= before.end) before = hit;
    }
  }
  return containing ?? before ?? hits[0];
}

/** The text with a hit's words replaced by a suggestion, and the caret just after it. */
export function applySuggestion(text: string, hit: Pick<PhraseHit, 'start' | 'end'>, suggestion: string): { text: string; caret: number } {
  const start = codePointStart(text, Math.max(0, Math.min(hit.start, text.length)));
  const end = codePointEnd(text, Math.max(start, Math.min(hit.end, text.length)));
  return { text: text.slice(0, start) + suggestion + text.slice(end), caret: start + suggestion.length };
}

/**
 * The hits to show while an IME composes (they are not re-checked until it commits): those
 * before the composed range stay, those after it move with the text, those touching it go.
 * `before` is the text when composition started, `selectionStart..selectionEnd` its selection.
 */
export function hitsWhileComposing(
  before: Readonly<{ text: string; hits: readonly PhraseHit[]; selectionStart: number; selectionEnd: number }>,
  text: string,
): PhraseHit[] {
  const shift = text.length - before.text.length;
  const kept: PhraseHit[] = [];
  for (const hit of before.hits) {
    if (hit.end <= before.selectionStart) kept.push(hit);
    else if (hit.start >= before.selectionEnd && text.slice(hit.start + shift, hit.end + shift) === hit.text) {
      kept.push({ ...hit, start: hit.start + shift, end: hit.end + shift });
    }
  }
  return kept;
}
