import { describe, expect, it } from 'vitest';
import type { PhraseHit } from '../../../common/phrase-engine/matcher';
import { applySuggestion, hasBlockingHit, hitAtCaret, hitsWhileComposing, markSegments } from './phraseMarks';

function hitOf(text: string, words: string, ruleId: string, severity: PhraseHit['severity'] = 'warn', from = 0): PhraseHit {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`${words} not in ${text}`);
  return { ruleId, severity, start, end: start + words.length, text: words };
}

describe('markSegments', () => {
  it('cuts plain and marked pieces around emoji without splitting a surrogate pair', () => {
    const text = '😀我解决不了👍好';
    const hit = hitOf(text, '我解决不了', 'SL-10');
    expect(hit.start).toBe(2);
    const segments = markSegments(text, [hit]);
    expect(segments.map((segment) => [segment.text, segment.severity])).toEqual([
      ['😀', undefined],
      ['我解决不了', 'warn'],
      ['👍好', undefined],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('widens a hit whose offsets fall inside an emoji to the whole character', () => {
    const text = 'a👍b';
    const segments = markSegments(text, [{ ruleId: 'X', severity: 'warn', start: 2, end: 2 + 1, text: '' }]);
    // Start 2 is the low half of 👍: widened back to 1.
    expect(segments.map((segment) => [segment.text, segment.severity])).toEqual([
      ['a', undefined],
      ['👍', 'warn'],
      ['b', undefined],
    ]);
  });

  it('merges overlapping hits into one mark that blocks when any hit under it blocks', () => {
    const text = '你他妈的笨蛋，滚蛋';
    const warn = { ruleId: 'W', severity: 'warn' as const, start: 1, end: 5, text: '他妈的笨' };
    const block = hitOf(text, '他妈的', 'RW-01', 'block');
    const later = hitOf(text, '滚蛋', 'RW-03', 'warn');
    const segments = markSegments(text, [block, warn, later]);
    expect(segments.map((segment) => [segment.text, segment.severity, segment.hits.map((hit) => hit.ruleId)])).toEqual([
      ['你', undefined, []],
      ['他妈的笨', 'block', ['RW-01', 'W']],
      ['蛋，', undefined, []],
      ['滚蛋', 'warn', ['RW-03']],
    ]);
  });

  it('keeps hits side by side as two marks and answers plain text for no hits', () => {
    const text = '笨蛋白痴';
    const segments = markSegments(text, [hitOf(text, '笨蛋', 'A', 'block'), hitOf(text, '白痴', 'B', 'block')]);
    expect(segments.map((segment) => segment.text)).toEqual(['笨蛋', '白痴']);
    expect(markSegments('好的', [])).toEqual([{ text: '好的', start: 0, end: 2, hits: [], severity: undefined }]);
  });
});

describe('hasBlockingHit', () => {
  it('is true only with a block hit', () => {
    expect(hasBlockingHit([])).toBe(false);
    expect(hasBlockingHit([hitOf('我解决不了', '我解决不了', 'SL-10')])).toBe(false);
    expect(hasBlockingHit([hitOf('他妈的', '他妈的', 'RW-01', 'block')])).toBe(true);
  });
});

describe('hitAtCaret', () => {
  const text = '我解决不了，😀他妈的，好';
  const first = hitOf(text, '我解决不了', 'SL-10');
  const second = hitOf(text, '他妈的', 'RW-01', 'block');
  const hits = [first, second];

  it('picks the hit the caret is in or just after', () => {
    expect(hitAtCaret(hits, second.end)).toBe(second);
    expect(hitAtCaret(hits, second.start + 1)).toBe(second);
    expect(hitAtCaret(hits, first.end)).toBe(first);
  });

  it('picks the nearest hit before the caret, else the first', () => {
    expect(hitAtCaret(hits, text.length)).toBe(second);
    expect(hitAtCaret(hits, first.end + 2)).toBe(first);
    expect(hitAtCaret([second], 0)).toBe(second);
    expect(hitAtCaret([], 3)).toBeUndefined();
  });

  it('prefers the hit starting last among overlapping ones', () => {
    const outer = { ruleId: 'A', severity: 'warn' as const, start: 0, end: 6, text: 'abcdef' };
    const inner = { ruleId: 'B', severity: 'warn' as const, start: 2, end: 4, text: 'cd' };
    expect(hitAtCaret([outer, inner], 3)).toBe(inner);
    expect(hitAtCaret([outer, inner], 5)).toBe(outer);
  });
});

describe('applySuggestion', () => {
  it('replaces the hit and puts the caret after the suggestion, around emoji', () => {
    const text = '😀我解决不了👍';
    const hit = hitOf(text, '我解决不了', 'SL-10');
    expect(applySuggestion(text, hit, '我能做到的是……')).toEqual({ text: '😀我能做到的是……👍', caret: 2 + '我能做到的是……'.length });
  });

  it('replaces a hit that ends in an emoji whole and never leaves half a pair', () => {
    const text = '好😡😡';
    expect(applySuggestion(text, { start: 1, end: 3 }, '抱歉')).toEqual({ text: '好抱歉😡', caret: 3 });
    // End 4 is inside the second 😡: it goes whole.
    expect(applySuggestion(text, { start: 1, end: 4 }, '抱歉')).toEqual({ text: '好抱歉', caret: 3 });
    expect(applySuggestion(text, { start: 2, end: 3 }, 'X')).toEqual({ text: '好X😡', caret: 2 });
  });

  it('clamps a stale hit to the text', () => {
    expect(applySuggestion('ab', { start: 1, end: 9 }, 'c')).toEqual({ text: 'ac', caret: 2 });
  });
});

describe('hitsWhileComposing', () => {
  it('keeps hits before the composition, moves those after it and drops touched ones', () => {
    const text = '笨蛋，好，白痴';
    const before = hitOf(text, '笨蛋', 'A', 'block');
    const after = hitOf(text, '白痴', 'B', 'block');
    const touched = hitOf(text, '好', 'C');
    const composing = hitsWhileComposing(
      { text, hits: [before, touched, after], selectionStart: 3, selectionEnd: 4 },
      '笨蛋，wo jie，白痴',
    );
    expect(composing.map((hit) => [hit.ruleId, hit.start, hit.end])).toEqual([
      ['A', 0, 2],
      ['B', 10, 12],
    ]);
  });
});
