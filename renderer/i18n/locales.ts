import type { ConfigProviderProps } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import antdZhTW from 'antd/locale/zh_TW';
import { messagesEn } from './messages.en';
import type { MessageKey } from './messages.zh-CN';
import { messagesZhCN } from './messages.zh-CN';
import { messagesZhTW } from './messages.zh-TW';

/** The interface languages of the desk. */
export const locales = ['zh-CN', 'zh-TW', 'en'] as const;

/** One interface language. */
export type Locale = (typeof locales)[number];

/** The language used until the person picks another. */
export const defaultLocale: Locale = 'zh-CN';

/** Each language named in itself, so a person can find their own whatever is shown now. */
export const localeNames: Record<Locale, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

/** The messages of each language. */
export const messagesByLocale: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': messagesZhCN,
  'zh-TW': messagesZhTW,
  en: messagesEn,
};

/** antd's own texts (pagination, date pickers, empty tables) for each language. */
export const antdLocales: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': antdZhCN,
  'zh-TW': antdZhTW,
  en: antdEnUS,
};

/** dayjs's language for each desk language (date pickers' month and weekday names). */
export const dayjsLocales: Record<Locale, string> = {
  'zh-CN': 'zh-cn',
  'zh-TW': 'zh-tw',
  en: 'en',
};

/** Font stacks that pick the right CJK glyph forms for each language. */
export const fontFamilies: Record<Locale, string> = {
  'zh-CN':
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  'zh-TW':
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Noto Sans TC', sans-serif",
  en: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', sans-serif",
};

/** Narrows any string (from storage, say) to a supported language. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
