import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { messagesEn as english } from './messages.en';
import { messagesZhCN as simplified } from './messages.zh-CN';
import { messagesZhTW as traditional } from './messages.zh-TW';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

describe('UI messages', () => {
  it('have the same keys and placeholders in every language', () => {
    const keys = Object.keys(simplified).sort();
    expect(Object.keys(traditional).sort()).toEqual(keys);
    expect(Object.keys(english).sort()).toEqual(keys);
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys) {
      const source = placeholders(simplified[key as keyof typeof simplified]);
      expect(placeholders(traditional[key as keyof typeof traditional]), key).toEqual(source);
      expect(placeholders(english[key as keyof typeof english]), key).toEqual(source);
    }
  });

  it('are written in Traditional characters for zh-TW and Simplified ones for zh-CN', () => {
    // 台 and 臺 are both standard in Taiwan; OpenCC prefers 臺, everyday text (and we) 台.
    for (const [key, text] of Object.entries(traditional)) expect(toTraditional(text).replaceAll('臺', '台'), key).toBe(text);
    for (const [key, text] of Object.entries(simplified)) expect(toSimplified(text), key).toBe(text);
  });
});
