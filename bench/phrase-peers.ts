// Peer libraries for the banned-phrase benchmark, behind one shape. Peers match exactly: they get
// every phrase as written in the rulebook and no normalisation.
import { AhoCorasick as MapAhoCorasick } from '@monyone/aho-corasick';
import { AhoCorasick as DoubleArrayAhoCorasick } from '@monyone/aho-corasick/fast';
import FastScanner from 'fastscan';
import { Mint } from 'mint-filter';

/** One hit: UTF-16 offsets (end exclusive) and the phrase found, as the peer reports it. */
export type PeerHit = Readonly<{ start: number; end: number; phrase: string }>;

/** A peer built from a phrase list. */
export type PeerMatcher = Readonly<{
  /** One scan as the library does it; returns the number of hits (so the work cannot be skipped). */
  scan: (text: string) => number;
  /** The hits with their offsets (not timed). */
  hits: (text: string) => PeerHit[];
}>;

export type Peer = Readonly<{ name: string; build: (phrases: string[]) => PeerMatcher }>;

export const peers: readonly Peer[] = [
  {
    name: '@monyone/aho-corasick/fast',
    build: (phrases) => {
      const automaton = new DoubleArrayAhoCorasick(phrases);
      return {
        scan: (text) => automaton.matchInText(text).length,
        hits: (text) => automaton.matchInText(text).map((hit) => ({ start: hit.begin, end: hit.end, phrase: hit.keyword })),
      };
    },
  },
  {
    name: '@monyone/aho-corasick',
    build: (phrases) => {
      const automaton = new MapAhoCorasick(phrases);
      return {
        scan: (text) => automaton.matchInText(text).length,
        hits: (text) => automaton.matchInText(text).map((hit) => ({ start: hit.begin, end: hit.end, phrase: hit.keyword })),
      };
    },
  },
  {
    name: 'fastscan',
    build: (phrases) => {
      const scanner = new FastScanner(phrases);
      return {
        scan: (text) => scanner.search(text).length,
        hits: (text) => scanner.search(text).map(([offset, word]) => ({ start: offset, end: offset + word.length, phrase: word })),
      };
    },
  },
  {
    name: 'mint-filter',
    build: (phrases) => {
      const mint = new Mint(phrases);
      return {
        scan: (text) => mint.filter(text, { replace: false }).words.length,
        hits: (text) => locateInOrder(text, mint.filter(text, { replace: false }).words),
      };
    },
  },
];

/**
 * mint-filter reports the words it found (as they appear in the text), not where: its hits come
 * in order of where they end, so each is the first occurrence ending at or after the previous one.
 */
function locateInOrder(text: string, words: readonly string[]): PeerHit[] {
  const hits: PeerHit[] = [];
  let previousEnd = 0;
  for (const word of words) {
    const start = text.indexOf(word, Math.max(0, previousEnd - word.length));
    if (start < 0) continue;
    previousEnd = start + word.length;
    hits.push({ start, end: previousEnd, phrase: word });
  }
  return hits;
}
