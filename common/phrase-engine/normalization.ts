import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import compatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import taiwanVariants from 'opencc-js/dict/TWVariantsRev';

/** How the matcher treats a character once it is folded. */
export const characterKinds = {
  /** An ordinary character: it can be part of a phrase. */
  text: 0,
  /** Spaces, punctuation, symbols, zero-width and combining characters: skipped between a phrase's characters. */
  skip: 1,
  /** Sentence ends (。！？!? and line breaks): a phrase never bridges one. */
  sentenceEnd: 2,
} as const;

/** One of {@link characterKinds}. */
export type CharacterKind = (typeof characterKinds)[keyof typeof characterKinds];

/**
 * The folding of every code point the matcher looks at: Traditional → Simplified (from
 * opencc-js's character dictionaries), full-width → half-width, case folding; plus each folded
 * character's kind. Built once per process (a few milliseconds) and shared by every compiled
 * rulebook; nothing here runs per scan.
 */
export type FoldingTables = Readonly<{
  /** Folded UTF-16 code unit of every BMP code unit. */
  bmpFold: Uint16Array;
  /** {@link characterKinds} of every BMP code unit, after folding. */
  bmpKind: Uint8Array;
  /** Whether a BMP code unit, folded, is a letter or digit (for whole-word English rules). */
  bmpWord: Uint8Array;
  /** Folding of the astral code points that have one (Traditional characters outside the BMP). */
  astralFold: ReadonlyMap<number, number>;
}>;

const sentenceEnds = '。！？!?\n\r\u2028\u2029\u3002\uff61\ufe12\ufe56\ufe57';
// Zero-width characters are format characters (\p{Cf}); combining marks are \p{M}.
const skipPattern = /[\s\p{P}\p{S}\p{M}\p{Cf}\p{Cc}\p{Zs}]/u;

let cachedTables: FoldingTables | undefined;

function codePointLength(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** Reads the dictionary's one-character → one-character entries ("source target|…"). */
function parseDictionary(dictionary: string, pairs: number[]): void {
  let offset = 0;
  while (offset < dictionary.length) {
    let entryEnd = dictionary.indexOf('|', offset);
    if (entryEnd < 0) entryEnd = dictionary.length;
    const source = dictionary.codePointAt(offset)!;
    const separator = offset + codePointLength(source);
    if (dictionary.charCodeAt(separator) === 0x20) {
      const target = dictionary.codePointAt(separator + 1)!;
      const sourceIsOneCharacter = separator + 1 + codePointLength(target) === entryEnd;
      if (sourceIsOneCharacter && source !== target) pairs.push(source, target);
    }
    offset = entryEnd + 1;
  }
}

/**
 * Every character that opencc-js relates (a Traditional character, its Simplified form, its
 * Taiwan and Hong Kong variants, a compatibility ideograph) folds to one representative: the
 * Simplified form where there is one. Folding through the dictionaries one after another would
 * not be idempotent (麼 → 么 by one, 么 → 幺 by another), so the text and the phrase could fold
 * apart; a representative per group cannot.
 */
function characterFoldMap(): Map<number, number> {
  const variantPairs: number[] = [];
  const simplifiedPairs: number[] = [];
  parseDictionary(taiwanVariants, variantPairs);
  parseDictionary(hongKongVariants, variantPairs);
  parseDictionary(compatibilityIdeographs, variantPairs);
  parseDictionary(traditionalToSimplified, simplifiedPairs);
  const parent = new Map<number, number>();
  const find = (codePoint: number): number => {
    let root = codePoint;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let walker = codePoint;
    while (walker !== root) {
      const next = parent.get(walker)!;
      parent.set(walker, root);
      walker = next;
    }
    return root;
  };
  const score = new Map<number, number>();
  const allPairs = [...variantPairs, ...simplifiedPairs];
  for (let index = 0; index < allPairs.length; index += 2) {
    const source = allPairs[index]!;
    const target = allPairs[index + 1]!;
    if (!parent.has(source)) parent.set(source, source);
    if (!parent.has(target)) parent.set(target, target);
    parent.set(find(source), find(target));
    score.set(target, Math.max(score.get(target) ?? 0, 1));
  }
  for (let index = 1; index < simplifiedPairs.length; index += 2) score.set(simplifiedPairs[index]!, 2);
  const representative = new Map<number, number>();
  for (const codePoint of parent.keys()) {
    const root = find(codePoint);
    const current = representative.get(root);
    const better =
      current === undefined ||
      (score.get(codePoint) ?? 0) > (score.get(current) ?? 0) ||
      ((score.get(codePoint) ?? 0) === (score.get(current) ?? 0) && codePoint < current);
    if (better) representative.set(root, codePoint);
  }
  const folds = new Map<number, number>();
  for (const codePoint of parent.keys()) {
    const target = representative.get(find(codePoint))!;
    if (target !== codePoint) folds.set(codePoint, target);
  }
  return folds;
}

/** The kind of an already folded code point. */
function kindOfFolded(codePoint: number): CharacterKind {
  const character = String.fromCodePoint(codePoint);
  if (sentenceEnds.includes(character)) return characterKinds.sentenceEnd;
  if (skipPattern.test(character)) return characterKinds.skip;
  // Unassigned and private-use astral code points are text, not skipped.
  return characterKinds.text;
}

/** Every BMP code unit in order (surrogates as NUL), so one regular-expression pass classifies them all. */
function allBmpCharacters(): string {
  const codes = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) codes[code] = code >= 0xd800 && code <= 0xdfff ? 0 : code;
  return new TextDecoder('utf-16le').decode(codes);
}

function markMatches(text: string, pattern: RegExp, into: Uint8Array, value: number): void {
  for (const match of text.matchAll(pattern)) into[match.index] = value;
}

/** The shared folding tables (built on first use, in a few milliseconds: one regular-expression pass per property). */
export function foldingTables(): FoldingTables {
  if (cachedTables !== undefined) return cachedTables;
  const characterFolds = characterFoldMap();
  const bmpFold = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) bmpFold[code] = code;
  for (let code = 0xff01; code <= 0xff5e; code++) bmpFold[code] = code - 0xfee0;
  bmpFold[0x3000] = 0x20;
  const characters = allBmpCharacters();
  for (const match of characters.matchAll(/\p{Lu}|\p{Lt}/gu)) {
    const lower = match[0].toLowerCase();
    if (lower.length === 1) bmpFold[match.index] = lower.charCodeAt(0);
  }
  for (let code = 0xff21; code <= 0xff3a; code++) bmpFold[code] = code - 0xfee0 + 0x20;
  for (const [source, target] of characterFolds) {
    // A fold across the BMP boundary would change the text's length; those stay as they are.
    if (source <= 0xffff && target <= 0xffff) bmpFold[source] = target;
  }
  for (let code = 0; code < 0x10000; code++) {
    const folded = bmpFold[code]!;
    if (folded !== code && characterFolds.has(folded) && characterFolds.get(folded)! <= 0xffff) {
      bmpFold[code] = characterFolds.get(folded)!;
    }
  }
  const bmpKind = new Uint8Array(0x10000);
  const bmpWord = new Uint8Array(0x10000);
  const kindByFolded = new Uint8Array(0x10000);
  markMatches(characters, new RegExp(skipPattern.source, 'gu'), kindByFolded, characterKinds.skip);
  markMatches(characters, /[\u200b-\u200d\u2060\ufeff]/gu, kindByFolded, characterKinds.skip);
  for (const character of sentenceEnds) kindByFolded[character.charCodeAt(0)] = characterKinds.sentenceEnd;
  const wordByFolded = new Uint8Array(0x10000);
  markMatches(characters, /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}](?<=[\p{L}\p{Nd}])/gu, wordByFolded, 1);
  for (let code = 0; code < 0x10000; code++) {
    const folded = bmpFold[code]!;
    // A lone high surrogate is text (it breaks a match); a low surrogate is skipped, which lets
    // the scan loop read a pair at its high half and simply step over the low half.
    if (code >= 0xdc00 && code <= 0xdfff) bmpKind[code] = characterKinds.skip;
    else if (code >= 0xd800 && code <= 0xdbff) bmpKind[code] = characterKinds.text;
    else bmpKind[code] = kindByFolded[folded]!;
    bmpWord[code] = wordByFolded[folded]!;
  }
  const astralFold = new Map<number, number>();
  for (const [source, target] of characterFolds) if (source > 0xffff) astralFold.set(source, target);
  cachedTables = { bmpFold, bmpKind, bmpWord, astralFold };
  return cachedTables;
}

/** Folds one code point (BMP or astral) the way the matcher does. */
export function foldCodePointOf(tables: FoldingTables, codePoint: number): number {
  if (codePoint <= 0xffff) return tables.bmpFold[codePoint]!;
  return tables.astralFold.get(codePoint) ?? codePoint;
}

/** The kind of a code point (BMP or astral) after folding. */
export function kindOfCodePoint(tables: FoldingTables, codePoint: number): CharacterKind {
  if (codePoint <= 0xffff) return tables.bmpKind[codePoint] as CharacterKind;
  return kindOfFolded(foldCodePointOf(tables, codePoint));
}

/**
 * A phrase as the matcher sees it: its folded code points with skipped characters removed.
 * `sentenceEndInside` tells whether a sentence end sits between two of its characters (such a
 * phrase could never match); sentence ends at either edge are simply dropped.
 */
export function normalizePhrase(phrase: string): { codePoints: number[]; sentenceEndInside: boolean } {
  const tables = foldingTables();
  const codePoints: number[] = [];
  let pendingSentenceEnd = false;
  let sentenceEndInside = false;
  for (const character of phrase) {
    const codePoint = character.codePointAt(0)!;
    const folded = foldCodePointOf(tables, codePoint);
    const kind = kindOfCodePoint(tables, codePoint);
    if (kind === characterKinds.skip) continue;
    if (kind === characterKinds.sentenceEnd) {
      pendingSentenceEnd = codePoints.length > 0;
      continue;
    }
    if (pendingSentenceEnd) sentenceEndInside = true;
    codePoints.push(folded);
  }
  return { codePoints, sentenceEndInside };
}

/** The normalised form of a phrase as a string (for comparing phrases and finding exceptions' cores). */
export function normalizedPhraseText(phrase: string): string {
  return String.fromCodePoint(...normalizePhrase(phrase).codePoints);
}
