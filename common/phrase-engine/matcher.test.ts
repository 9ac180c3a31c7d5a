import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { defaultRulebook } from './default-rulebook';
import { compilePhraseRules, loadCompiledPhraseRules, type PhraseHit } from './matcher';
import { testRule } from './test-support';

const matcher = compilePhraseRules(defaultRulebook);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The rule IDs and matched texts found in `text`. */
function found(text: string): string[] {
  return matcher.scan(text).map((hit) => `${hit.ruleId}:${hit.text}`);
}

describe('the default rulebook', () => {
  const phrases = defaultRulebook.flatMap((rule) => rule.phrases.map((phrase) => ({ id: rule.id, phrase })));

  it.each(phrases)('finds $phrase ($id) in Simplified, exactly where it is', ({ id, phrase }) => {
    const text = `客户说：“嗯”，然后${phrase}啊。`;
    const start = text.indexOf(phrase);
    expect(matcher.scan(text)).toContainEqual({ ruleId: id, severity: expect.any(String), start, end: start + phrase.length, text: phrase });
  });

  it.each(phrases)('finds $phrase ($id) in Traditional', ({ id, phrase }) => {
    const traditional = toTraditional(phrase);
    const text = `然後${traditional}啊。`;
    expect(found(text)).toContain(`${id}:${traditional}`);
  });

  it('covers all fifteen banned items of BRIEF §3 and the rude words', () => {
    expect(defaultRulebook.filter((rule) => rule.category === 'service').map((rule) => rule.id)).toHaveLength(15);
    expect(defaultRulebook.some((rule) => rule.category === 'rude')).toBe(true);
    expect(defaultRulebook.every((rule) => rule.suggestions.length > 0)).toBe(true);
  });
});

describe('evasions', () => {
  it.each([
    ['spaces', '我 解 决 不 了', '我 解 决 不 了'],
    ['ideographic spaces', '我\u3000解\u3000决不了', '我\u3000解\u3000决不了'],
    ['punctuation', '我解，决·不*了', '我解，决·不*了'],
    ['symbols and emoji', '我解★决😀不了', '我解★决😀不了'],
    ['zero-width characters', '我\u200b解\u200c决\u200d不\u2060了\ufeff', '我\u200b解\u200c决\u200d不\u2060了'],
    ['Traditional', '我解決不了', '我解決不了'],
    ['Traditional, spaced and punctuated', '我 解、決 不·了', '我 解、決 不·了'],
    ['a long phrase with its commas omitted', '你找我没用要解决就去找领导', '你找我没用要解决就去找领导'],
    ['a long phrase with half-width commas', '你找我没用,要解决就去找领导', '你找我没用,要解决就去找领导'],
    ['a long phrase with its comma replaced by a space', '快下班了 明天再来', '快下班了 明天再来'],
    ['all at once', '快 下\u200b班、了,明天 再來', '快 下\u200b班、了,明天 再來'],
  ])('%s', (_kind, text, matched) => {
    expect(matcher.scan(text).map((hit) => hit.text)).toEqual([matched]);
  });

  it('folds full-width and mixed-case English', () => {
    expect(found('ＳＴＵＰＩＤ')).toEqual(['RW-05:ＳＴＵＰＩＤ']);
    expect(found('you are StUpId!')).toEqual(['RW-05:StUpId']);
    expect(found('ShUt Up now')).toEqual(['RW-05:ShUt Up']);
    expect(found('Ｓｈｕｔ－ｕｐ')).toEqual(['RW-05:Ｓｈｕｔ－ｕｐ']);
    expect(found('shutup')).toEqual(['RW-05:shutup']);
  });
});

describe('exceptions', () => {
  it.each(['不管怎样我都会帮您', '不管您什么时候来都可以', '不管是谁打来', '不知道您现在方便吗'])('let %s pass', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still flag the banned phrase outside the exception', () => {
    expect(matcher.scan('不管怎样，我不管')).toEqual([{ ruleId: 'SL-01', severity: 'warn', start: 6, end: 8, text: '不管' }]);
    expect(found('我不管。')).toEqual(['SL-01:不管']);
  });

  it('cover evasive spellings too', () => {
    expect(found('不 管 怎 樣我都会帮您')).toEqual([]);
  });

  it('belong to their own rule only', () => {
    const rules = [testRule('A', ['不管'], { exceptions: ['不管怎样'] }), testRule('B', ['不管'])];
    expect(compilePhraseRules(rules).scan('不管怎样').map((hit) => hit.ruleId)).toEqual(['B']);
  });
});

describe('sentence ends', () => {
  it.each(['不。管', '不！管', '不?管', '不\n管', '快下班了。明天再来', '快下班了！明天再来'])('are never bridged: %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('English rules', () => {
  it.each(['stupidity is not a word we use', 'idiotic', 'damned', 'shut upon'])('match whole words only: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['idiot!', 'RW-05:idiot'],
    ['(damn)', 'RW-05:damn'],
    ['你这个idiot', 'RW-05:idiot'],
    ['DAMN，', 'RW-05:DAMN'],
  ])('find the word beside punctuation and Chinese: %s', (text, hit) => {
    expect(found(text)).toEqual([hit]);
  });
});

describe('clean polite sentences', () => {
  it.each([
    '我知道了，马上为您登记',
    '您知道我们的地址吗',
    '我们领导很重视您的意见',
    '管道检修明天完成',
    '您好，有什么可以帮到您？',
    '请您稍等，我帮您查询一下。',
    '对不起，让您久等了',
    '很对不起，我没听清，请再重复一遍好吗？',
    '您尽管放心，我们会跟进的',
    '我们一向重视客户的意见',
    '您的问题我已经解决了',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets in the original text around emoji and surrogate pairs', () => {
    const text = '😀👍🏽我解决不了🙏';
    const [hit] = matcher.scan(text);
    expect(hit).toMatchObject({ start: 6, end: 11, text: '我解决不了' });
    expect(text.slice(hit!.start, hit!.end)).toBe('我解决不了');
  });

  it('take an emoji inside the phrase with the match', () => {
    expect(matcher.scan('a😀我解😀决不了😀')).toMatchObject([{ start: 3, end: 10, text: '我解😀决不了' }]);
  });

  it('keep combining marks on the last character inside the span', () => {
    expect(matcher.scan('e\u0301我解决不了\u0301\u0302!')).toMatchObject([{ start: 2, end: 9, text: '我解决不了\u0301\u0302' }]);
  });

  it('match phrases with characters outside the BMP', () => {
    const astral = compilePhraseRules([testRule('X', ['𠀀𠀁'])]);
    expect(astral.scan('😀𠀀 𠀁😀')).toMatchObject([{ start: 2, end: 7, text: '𠀀 𠀁' }]);
  });

  it('report overlapping hits of different rules', () => {
    const rules = [testRule('A', ['不管']), testRule('B', ['我不管'])];
    expect(compilePhraseRules(rules).scan('我不管').map((hit: PhraseHit) => [hit.ruleId, hit.start, hit.end])).toEqual([
      ['B', 0, 3],
      ['A', 1, 3],
    ]);
  });
});

describe('severity and disabled rules', () => {
  it('reports block rules as block and skips disabled rules', () => {
    const rules = [testRule('A', ['不管'], { severity: 'block' }), testRule('B', ['不知道'], { enabled: false })];
    const scanner = compilePhraseRules(rules);
    expect(scanner.scan('我不管，我不知道')).toEqual([{ ruleId: 'A', severity: 'block', start: 1, end: 3, text: '不管' }]);
    expect(scanner.ruleCount).toBe(1);
  });
});

describe('streaming', () => {
  it('waits until an exception can no longer cover a hit', () => {
    const stream = matcher.stream();
    expect(stream.push('我不管')).toEqual([]);
    expect(stream.push('怎')).toEqual([]);
    expect(stream.push('么说')).toEqual([]);
    expect(stream.push('呢')).toEqual([{ ruleId: 'SL-01', severity: 'warn', start: 1, end: 3, text: '不管' }]);
    expect(stream.push('不管怎样')).toEqual([]);
    expect(stream.end()).toEqual([]);
  });

  it('reports at once where nothing can change the hit, with offsets across chunks', () => {
    const stream = matcher.stream();
    expect(stream.push('您好。')).toEqual([]);
    expect(stream.push('我解决')).toEqual([]);
    expect(stream.push('不了。')).toEqual([{ ruleId: 'SL-10', severity: 'warn', start: 3, end: 8, text: '我解决不了' }]);
  });

  it('joins a surrogate pair split between chunks', () => {
    const rules = [testRule('X', ['𠀀不'])];
    const stream = compilePhraseRules(rules).stream();
    const pair = '𠀀';
    const hits = [...stream.push(`a${pair[0]!}`), ...stream.push(`${pair[1]!}不`), ...stream.end()];
    expect(hits).toEqual([{ ruleId: 'X', severity: 'warn', start: 1, end: 4, text: '𠀀不' }]);
  });

  it('refuses chunks after the end', () => {
    const stream = matcher.stream();
    stream.end();
    expect(() => stream.push('x')).toThrow(/ended/);
  });
});

describe('serialisation', () => {
  it('loads a matcher that finds what the compiled one finds', () => {
    const bytes = matcher.serialize();
    const loaded = loadCompiledPhraseRules(bytes);
    const text = '我不 管，自己看著辦，STUPID';
    expect(loaded.scan(text)).toEqual(matcher.scan(text));
    expect(loaded.byteLength).toBe(matcher.byteLength);
  });

  it('loads from bytes at any offset', () => {
    const bytes = matcher.serialize();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(loadCompiledPhraseRules(shifted.subarray(1)).scan('我不管。')).toHaveLength(1);
  });

  it('refuses bytes of another format, version or length', () => {
    const bytes = matcher.serialize();
    expect(() => loadCompiledPhraseRules(new TextEncoder().encode('not a rulebook'))).toThrow(/Not a compiled phrase rulebook/);
    const otherVersion = bytes.slice();
    otherVersion[4] = 99;
    expect(() => loadCompiledPhraseRules(otherVersion)).toThrow(/version 99/);
    expect(() => loadCompiledPhraseRules(bytes.subarray(0, bytes.length - 100))).toThrow(/truncated/);
  });
});
