import type { PhraseHit } from './matcher';
import { characterKinds, foldCodePointOf, foldingTables, kindOfCodePoint, normalizePhrase } from './normalization';
import type { PhraseRule } from './rulebook';

/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same cases. */
export function seededRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let mixed = value;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rule with defaults for the fields a test does not care about. */
export function testRule(id: string, phrases: string[], extra: Partial<PhraseRule> = {}): PhraseRule {
  return { id, phrases, category: 'custom', severity: 'warn', exceptions: [], suggestions: [], enabled: true, note: '', ...extra };
}

type Consumed = { folded: number; start: number; end: number };

/**
 * The slow, obvious matcher the automaton is checked against: folds the text character by
 * character, then tries every phrase at every position.
 */
export function referenceScan(rules: readonly PhraseRule[], text: string): PhraseHit[] {
  const tables = foldingTables();
  const consumed: Consumed[] = [];
  let offset = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const kind = kindOfCodePoint(tables, codePoint);
    if (kind === characterKinds.sentenceEnd) consumed.push({ folded: -1, start: offset, end: offset + character.length });
    else if (kind === characterKinds.text) consumed.push({ folded: foldCodePointOf(tables, codePoint), start: offset, end: offset + character.length });
    offset += character.length;
  }
  const isWord = (index: number) => index >= 0 && index < text.length && tables.bmpWord[text.charCodeAt(index)] === 1;
  type Found = { rule: number; start: number; end: number };
  const results: { rule: number; hit: PhraseHit }[] = [];
  rules
    .filter((rule) => rule.enabled)
    .forEach((rule, ruleIndex) => {
      const find = (phrase: string): Found[] => {
        const { codePoints, sentenceEndInside } = normalizePhrase(phrase);
        if (codePoints.length === 0 || sentenceEndInside) return [];
        const found: Found[] = [];
        for (let first = 0; first + codePoints.length <= consumed.length; first++) {
          if (!codePoints.every((codePoint, index) => consumed[first + index]!.folded === codePoint)) continue;
          const start = consumed[first]!.start;
          const end = consumed[first + codePoints.length - 1]!.end;
          if (tables.bmpWord[codePoints[0]!] === 1 && codePoints[0]! <= 0xffff && isWord(start - 1)) continue;
          if (tables.bmpWord[codePoints.at(-1)!] === 1 && codePoints.at(-1)! <= 0xffff && isWord(end)) continue;
          found.push({ rule: ruleIndex, start, end });
        }
        return found;
      };
      const allowed = rule.exceptions.flatMap(find);
      for (const hit of rule.phrases.flatMap(find)) {
        if (allowed.some((exception) => exception.start <= hit.start && exception.end >= hit.end)) continue;
        let end = hit.end;
        while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
        if (results.some((other) => other.rule === ruleIndex && other.hit.start === hit.start && other.hit.end === end)) continue;
        results.push({ rule: ruleIndex, hit: { ruleId: rule.id, severity: rule.severity, start: hit.start, end, text: text.slice(hit.start, end) } });
      }
    });
  return results
    .sort((first, second) => first.hit.start - second.hit.start || first.hit.end - second.hit.end || first.rule - second.rule)
    .map((entry) => entry.hit);
}
