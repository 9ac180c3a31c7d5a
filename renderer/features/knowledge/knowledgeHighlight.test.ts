import { describe, expect, it } from 'vitest';
import { findQueryRanges, highlightQuery } from './knowledgeHighlight';

const pieces = (text: string, query: string) => highlightQuery(text, query).map((segment) => [segment.text, segment.marked]);

describe('highlightQuery', () => {
  it('marks every occurrence of a two-character query', () => {
    expect(pieces('缴费可以在线缴费，也可到营业厅缴费', '缴费')).toEqual([
      ['缴费', true],
      ['可以在线', false],
      ['缴费', true],
      ['，也可到营业厅', false],
      ['缴费', true],
    ]);
  });

  it('marks a one-character query too', () => {
    expect(pieces('燃气费缴纳方式', '费')).toEqual([
      ['燃气', false],
      ['费', true],
      ['缴纳方式', false],
    ]);
  });

  it('ignores case and keeps the text as written', () => {
    expect(pieces('Pay by APP or app', 'App')).toEqual([
      ['Pay by ', false],
      ['APP', true],
      [' or ', false],
      ['app', true],
    ]);
  });

  it('trims the query and marks nothing for an empty or blank one', () => {
    expect(pieces('支付宝缴费', '  支付宝 ')).toEqual([
      ['支付宝', true],
      ['缴费', false],
    ]);
    expect(pieces('支付宝缴费', '')).toEqual([['支付宝缴费', false]]);
    expect(pieces('支付宝缴费', '   ')).toEqual([['支付宝缴费', false]]);
    expect(pieces('', '缴费')).toEqual([]);
  });

  it('does not overlap occurrences', () => {
    expect(findQueryRanges('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('is safe with surrogate pairs: whole emoji and astral characters, never half of one', () => {
    const text = '缴费😀𠮷缴费😀';
    expect(pieces(text, '😀')).toEqual([
      ['缴费', false],
      ['😀', true],
      ['𠮷缴费', false],
      ['😀', true],
    ]);
    expect(pieces(text, '𠮷')).toEqual([
      ['缴费😀', false],
      ['𠮷', true],
      ['缴费😀', false],
    ]);
    // A lone half of a pair never matches inside a pair.
    expect(findQueryRanges(text, '\ud83d')).toEqual([]);
    expect(findQueryRanges(text, '\ude00')).toEqual([]);
  });

  it('maps back through characters whose lower case is longer', () => {
    // "İ" lower-cases to two UTF-16 units; offsets still point into the original text.
    const text = 'İstanbul istanbul';
    expect(findQueryRanges(text, 'İSTANBUL')).toEqual([{ start: 0, end: 8 }]);
    expect(pieces(text, 'stan')).toEqual([
      ['İ', false],
      ['stan', true],
      ['bul i', false],
      ['stan', true],
      ['bul', false],
    ]);
  });
});
