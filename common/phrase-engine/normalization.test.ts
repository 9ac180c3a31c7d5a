import { describe, expect, it } from 'vitest';
import { characterKinds, foldingTables, kindOfCodePoint, normalizePhrase, normalizedPhraseText } from './normalization';

describe('folding', () => {
  const tables = foldingTables();

  it('is idempotent for every BMP code unit, so a folded phrase and folded text always agree', () => {
    const notIdempotent: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (tables.bmpFold[tables.bmpFold[code]!] !== tables.bmpFold[code]) notIdempotent.push(code);
    expect(notIdempotent).toEqual([]);
  });

  it.each([
    ['說', '说'],
    ['辦', '办'],
    ['著', '着'],
    ['麼', '么'],
    ['麽', '么'],
    ['幹', '干'],
    ['乾', '干'],
    ['後', '后'],
    ['Ａ', 'a'],
    ['ｚ', 'z'],
    ['Q', 'q'],
    ['１', '1'],
    ['，', ','],
  ])('folds %s to %s', (source, target) => {
    expect(String.fromCharCode(tables.bmpFold[source.charCodeAt(0)]!)).toBe(target);
  });

  it('leaves Simplified characters alone', () => {
    for (const character of '我解决不了您好请稍等') expect(tables.bmpFold[character.charCodeAt(0)]).toBe(character.charCodeAt(0));
  });
});

describe('kinds', () => {
  const tables = foldingTables();
  it.each([
    [' ', characterKinds.skip],
    ['\u3000', characterKinds.skip],
    ['，', characterKinds.skip],
    ['、', characterKinds.skip],
    ['*', characterKinds.skip],
    ['\u200b', characterKinds.skip],
    ['\u200d', characterKinds.skip],
    ['\u2060', characterKinds.skip],
    ['\ufeff', characterKinds.skip],
    ['\u0301', characterKinds.skip],
    ['😀', characterKinds.skip],
    ['。', characterKinds.sentenceEnd],
    ['！', characterKinds.sentenceEnd],
    ['？', characterKinds.sentenceEnd],
    ['!', characterKinds.sentenceEnd],
    ['?', characterKinds.sentenceEnd],
    ['\n', characterKinds.sentenceEnd],
    ['我', characterKinds.text],
    ['a', characterKinds.text],
    ['𠀀', characterKinds.text],
  ])('%j is %i', (character, kind) => {
    expect(kindOfCodePoint(tables, character.codePointAt(0)!)).toBe(kind);
  });

  it('marks Latin letters and digits as word characters, not Chinese ones', () => {
    expect(tables.bmpWord['a'.charCodeAt(0)]).toBe(1);
    expect(tables.bmpWord['Ｂ'.charCodeAt(0)]).toBe(1);
    expect(tables.bmpWord['7'.charCodeAt(0)]).toBe(1);
    expect(tables.bmpWord['我'.charCodeAt(0)]).toBe(0);
    expect(tables.bmpWord[' '.charCodeAt(0)]).toBe(0);
  });
});

describe('normalizePhrase', () => {
  it('drops spaces and punctuation and folds the rest', () => {
    expect(normalizedPhraseText('不能辦就是不能辦, 沒有為什麼，這是規矩')).toBe('不能办就是不能办没有为什么这是规矩');
    expect(normalizedPhraseText('ＳＨＵＴ ｕｐ')).toBe('shutup');
  });

  it('drops sentence ends at the edges and reports them inside', () => {
    expect(normalizePhrase('我解决不了。')).toMatchObject({ sentenceEndInside: false });
    expect(normalizePhrase('不。管')).toMatchObject({ sentenceEndInside: true });
  });
});
