import { segmentText, type TextRange, type TextSegment } from '../phrase-rules/highlight';

/**
 * The text lower-cased one code point at a time, with where each of its UTF-16 units came from:
 * a code point whose lower case has another length (such as "İ") still maps back to itself,
 * and a surrogate pair is never split.
 */
function foldWithOrigins(text: string): { folded: string; starts: number[]; ends: number[]; boundary: boolean[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  // boundary[k]: a code point of the original text begins at folded offset k.
  const boundary: boolean[] = [];
  let offset = 0;
  for (const character of text) {
    const lower = character.toLowerCase();
    for (let unit = 0; unit < lower.length; unit += 1) {
      starts.push(offset);
      ends.push(offset + character.length);
      boundary.push(unit === 0);
    }
    folded += lower;
    offset += character.length;
  }
  boundary.push(true);
  return { folded, starts, ends, boundary };
}

/** Lower-cases a query the same way (per code point) so its folded form matches the text's. */
function foldQuery(query: string): string {
  let folded = '';
  for (const character of query) folded += character.toLowerCase();
  return folded;
}

/**
 * Every occurrence of the query in the text, case-insensitive, as UTF-16 ranges of the original
 * text; one character is enough. The query is trimmed (as main trims it); occurrences do not overlap.
 * A match never starts or ends inside a code point (half of an emoji's surrogate pair, say).
 */
export function findQueryRanges(text: string, query: string): TextRange[] {
  const needle = foldQuery(query.trim());
  if (needle === '' || text === '') return [];
  const { folded, starts, ends, boundary } = foldWithOrigins(text);
  const ranges: TextRange[] = [];
  let from = 0;
  while (from <= folded.length - needle.length) {
    const found = folded.indexOf(needle, from);
    if (found < 0) break;
    const end = found + needle.length;
    if (boundary[found] === true && boundary[end] === true) {
      ranges.push({ start: starts[found]!, end: ends[end - 1]! });
      from = end;
    } else {
      from = found + 1;
    }
  }
  return ranges;
}

/** The text cut into plain and marked pieces, each occurrence of the query marked. */
export function highlightQuery(text: string, query: string): TextSegment[] {
  return segmentText(text, findQueryRanges(text, query));
}
