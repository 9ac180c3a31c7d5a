// fastscan ships no type declarations: what bench/phrase-peers.ts uses of it.
declare module 'fastscan' {
  export default class FastScanner {
    constructor(words: string[]);
    /** Every hit as [UTF-16 offset, word]. */
    search(content: string, options?: { quick?: boolean; longest?: boolean }): [number, string][];
  }
}
