import { describe, expect, it } from 'vitest';
import { mergeRanges, segmentText } from './highlight';

describe('mergeRanges', () => {
  it('merges overlapping and nested ranges, keeps touching ones apart, sorts', () => {
    expect(
      mergeRanges(
        [
          { start: 6, end: 8 },
          { start: 0, end: 3 },
          { start: 2, end: 5 },
          { start: 3, end: 4 },
          { start: 8, end: 9 },
        ],
        20,
      ),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 8 },
      { start: 8, end: 9 },
    ]);
  });

  it('clamps to the text and drops empty ranges', () => {
    expect(
      mergeRanges(
        [
          { start: -2, end: 1 },
          { start: 4, end: 4 },
          { start: 3, end: 99 },
          { start: 50, end: 60 },
        ],
        5,
      ),
    ).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 5 },
    ]);
  });
});

describe('segmentText', () => {
  it('cuts the sentence into marked and plain pieces by UTF-16 offsets', () => {
    const text = '我不 知道，不管怎样我都会帮您';
    expect(segmentText(text, [{ start: 1, end: 5 }]).map((segment) => [segment.text, segment.marked])).toEqual([
      ['我', false],
      ['不 知道', true],
      ['，不管怎样我都会帮您', false],
    ]);
  });

  it('marks overlapping hits once, covering both', () => {
    const segments = segmentText('你这个笨蛋白痴', [
      { start: 3, end: 5 },
      { start: 4, end: 7 },
    ]);
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(['笨蛋白痴']);
    expect(segments.map((segment) => segment.text).join('')).toBe('你这个笨蛋白痴');
  });

  it('keeps astral characters whole and returns the text unmarked without hits', () => {
    expect(segmentText('𠮷野家', [{ start: 0, end: 2 }])[0]).toEqual({ text: '𠮷', start: 0, end: 2, marked: true });
    expect(segmentText('没有问题', [])).toEqual([{ text: '没有问题', start: 0, end: 4, marked: false }]);
    expect(segmentText('', [])).toEqual([]);
  });
});
