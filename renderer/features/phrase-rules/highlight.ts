/** A range of UTF-16 offsets, `start` inclusive, `end` exclusive. */
export type TextRange = Readonly<{ start: number; end: number }>;

/** A piece of a text, marked when a hit covers it. */
export type TextSegment = Readonly<{ text: string; start: number; end: number; marked: boolean }>;

/**
 * The ranges to mark: clamped to the text, empty ones dropped, sorted, and overlapping ones
 * merged (two rules can hit the same words; one `<mark>` must not open inside another).
 * Ranges that only touch stay apart, so two hits side by side still show as two.
 */
export function mergeRanges(ranges: readonly TextRange[], length: number): TextRange[] {
  const clamped = ranges
    .map((range) => ({ start: Math.max(0, Math.min(range.start, length)), end: Math.max(0, Math.min(range.end, length)) }))
    .filter((range) => range.end > range.start)
    .sort((left, right) => left.start - right.start || left.end - right.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of clamped) {
    const last = merged.at(-1);
    if (last !== undefined && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Cuts a text into marked and unmarked segments by the (merged) hit ranges. */
export function segmentText(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const range of mergeRanges(ranges, text.length)) {
    if (range.start > position) segments.push({ text: text.slice(position, range.start), start: position, end: range.start, marked: false });
    segments.push({ text: text.slice(range.start, range.end), start: range.start, end: range.end, marked: true });
    position = range.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), start: position, end: text.length, marked: false });
  return segments;
}
