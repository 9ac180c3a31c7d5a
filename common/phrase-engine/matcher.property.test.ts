import { describe, expect, it } from 'vitest';
import { compilePhraseRules, loadCompiledPhraseRules, type PhraseHit } from './matcher';
import type { PhraseRule } from './rulebook';
import { referenceScan, seededRandom, testRule } from './test-support';

// Phrase characters (with Traditional and full-width forms of some), words, and every kind of
// character the matcher treats specially: skipped, sentence ends, surrogate pairs, marks.
const phraseCharacters = ['不', '管', '知', '道', '办', '说', '我', 'a', 'b', 'o', '𠀀'];
const textExtras = ['辦', '說', 'Ａ', 'B', 'ｏ', ' ', '\u3000', '，', ',', '、', '·', '\u200b', '\ufeff', '。', '!', '\n', '😀', '\u0301', 'x', '1', '你', '\ud800'];
const wordPhrases = ['ab', 'a b', 'bo', 'oba'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomPhrase(random: () => number, maximum: number): string {
  if (random() < 0.15) return pick(random, wordPhrases);
  const length = 1 + Math.floor(random() * maximum);
  let phrase = '';
  for (let index = 0; index < length; index++) phrase += pick(random, phraseCharacters.slice(0, 7)) + (random() < 0.1 ? '，' : '');
  return phrase;
}

function randomRulebook(random: () => number): PhraseRule[] {
  const rules: PhraseRule[] = [];
  const count = 1 + Math.floor(random() * 5);
  for (let index = 0; index < count; index++) {
    const phrases = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomPhrase(random, 3));
    if (random() < 0.05) phrases.push('𠀀' + pick(random, ['不', '管']));
    const exceptions = random() < 0.3 ? [] : Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
      const core = pick(random, phrases);
      return (random() < 0.5 ? pick(random, phraseCharacters) : '') + core + pick(random, phraseCharacters);
    });
    rules.push(testRule(`R${index}`, phrases, { exceptions, enabled: random() > 0.1, severity: random() < 0.5 ? 'warn' : 'block' }));
  }
  return rules;
}

function randomText(random: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += random() < 0.6 ? pick(random, phraseCharacters) : pick(random, textExtras);
  return text;
}

function streamed(rules: readonly PhraseRule[], text: string, random: () => number): PhraseHit[] {
  const stream = compilePhraseRules(rules).stream();
  const hits: PhraseHit[] = [];
  let offset = 0;
  while (offset < text.length) {
    // Chunks of 0–6 code units: surrogate pairs get split across chunks too.
    const size = Math.floor(random() * 7);
    hits.push(...stream.push(text.slice(offset, offset + size)));
    offset += size;
  }
  hits.push(...stream.end());
  return hits.sort((first, second) => first.start - second.start || first.end - second.end || first.ruleId.localeCompare(second.ruleId));
}

function byPosition(hits: PhraseHit[]): PhraseHit[] {
  return [...hits].sort((first, second) => first.start - second.start || first.end - second.end || first.ruleId.localeCompare(second.ruleId));
}

describe('the automaton agrees with the brute-force matcher', () => {
  it.each([1, 2, 3, 4])('on 1,000 random rulebooks and texts (seed %i)', (seed) => {
    const random = seededRandom(seed);
    let hitsSeen = 0;
    let exceptionsApplied = 0;
    for (let round = 0; round < 1000; round++) {
      const rules = randomRulebook(random);
      const text = randomText(random, 1 + Math.floor(random() * 60));
      const expected = referenceScan(rules, text);
      const matcher = compilePhraseRules(rules);
      const actual = matcher.scan(text);
      expect(actual, JSON.stringify({ rules, text })).toEqual(expected);
      expect(loadCompiledPhraseRules(matcher.serialize()).scan(text)).toEqual(expected);
      expect(streamed(rules, text, random), JSON.stringify({ rules, text, stream: true })).toEqual(byPosition(expected));
      hitsSeen += expected.length;
      const withoutExceptions = referenceScan(rules.map((rule) => ({ ...rule, exceptions: [] })), text);
      exceptionsApplied += withoutExceptions.length - expected.length;
    }
    // The cases must exercise the interesting paths, or the agreement proves little.
    expect(hitsSeen).toBeGreaterThan(1000);
    expect(exceptionsApplied).toBeGreaterThan(40);
  });
});

describe('re-checking an edited text', () => {
  it.each([11, 12])('finds what a full scan finds after each of 3,000 random edits (seed %i)', (seed) => {
    const random = seededRandom(seed);
    let partialRescans = 0;
    for (let round = 0; round < 150; round++) {
      const rules = randomRulebook(random);
      const matcher = compilePhraseRules(rules);
      const recheck = matcher.recheck();
      let text = randomText(random, 40);
      for (let edit = 0; edit < 20; edit++) {
        const at = Math.floor(random() * (text.length + 1));
        const removed = random() < 0.4 ? Math.floor(random() * 4) : 0;
        const inserted = random() < 0.7 ? randomText(random, 1 + Math.floor(random() * 3)) : '';
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        const expected = matcher.scan(text);
        // Half the time with the edit's place, sometimes a wrong one: it must not matter.
        const hint = random() < 0.5 ? undefined : random() < 0.8 ? at : Math.floor(random() * (text.length + 2));
        expect(recheck.check(text, hint), JSON.stringify({ rules, text, hint })).toEqual(expected);
        if (expected.length > 0) partialRescans++;
      }
    }
    expect(partialRescans).toBeGreaterThan(500);
  });
});
