import { describe, expect, it } from 'vitest';
import { defaultLockHotkey, formatHotkey, hotkeySchema, matchesHotkey, parseHotkey, type Hotkey, type KeyEventLike } from './hotkey';

const noModifiers = { control: false, alt: false, shift: false, meta: false } as const;

function keyEvent(code: string, modifiers: Partial<Omit<KeyEventLike, 'code'>> = {}): KeyEventLike {
  return { code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...modifiers };
}

describe('parseHotkey', () => {
  it.each<[string, Hotkey]>([
    ['Ctrl+L', { ...noModifiers, control: true, code: 'KeyL' }],
    ['ctrl+shift+l', { ...noModifiers, control: true, shift: true, code: 'KeyL' }],
    ['Alt+F9', { ...noModifiers, alt: true, code: 'F9' }],
    ['Meta+L', { ...noModifiers, meta: true, code: 'KeyL' }],
    ['Cmd+L', { ...noModifiers, meta: true, code: 'KeyL' }],
    ['Control+Alt+1', { ...noModifiers, control: true, alt: true, code: 'Digit1' }],
    [' Shift + Ctrl + z ', { ...noModifiers, control: true, shift: true, code: 'KeyZ' }],
    ['F9', { ...noModifiers, code: 'F9' }],
    ['f12', { ...noModifiers, code: 'F12' }],
    ['Shift+F1', { ...noModifiers, shift: true, code: 'F1' }],
    ['Ctrl+Alt+Shift+Meta+0', { control: true, alt: true, shift: true, meta: true, code: 'Digit0' }],
  ])('reads %j', (text, hotkey) => {
    expect(parseHotkey(text)).toEqual(hotkey);
  });

  it.each([
    '',
    'L',
    '1',
    'Shift+L',
    'Shift+1',
    'Ctrl',
    'Ctrl+',
    '+L',
    'Ctrl++L',
    'Ctrl+Ctrl+L',
    'Ctrl+Control+L',
    'Ctrl+L+K',
    'Ctrl+F13',
    'Ctrl+F0',
    'Ctrl+Enter',
    'Ctrl+Space',
    'Ctrl+;',
    'Hyper+L',
    'Ctrl+Ｌ',
    'Ctrl+锁',
  ])('refuses %j', (text) => {
    expect(parseHotkey(text)).toBeUndefined();
  });

  it('reads the default', () => {
    expect(parseHotkey(defaultLockHotkey)).toEqual({ ...noModifiers, control: true, code: 'KeyL' });
  });
});

describe('formatHotkey', () => {
  it.each([
    ['ctrl+shift+l', 'Ctrl+Shift+L'],
    ['shift+meta+alt+ctrl+k', 'Ctrl+Alt+Shift+Meta+K'],
    ['cmd+l', 'Meta+L'],
    ['control+alt+1', 'Ctrl+Alt+1'],
    ['f9', 'F9'],
    ['alt+f10', 'Alt+F10'],
  ])('writes %j as %j', (text, canonical) => {
    expect(formatHotkey(parseHotkey(text)!)).toBe(canonical);
  });

  it('round-trips through parseHotkey', () => {
    for (const text of ['Ctrl+L', 'Ctrl+Alt+Shift+Meta+9', 'F1', 'Meta+F12', 'Alt+Z']) {
      expect(formatHotkey(parseHotkey(text)!)).toBe(text);
    }
  });
});

describe('hotkeySchema', () => {
  it('accepts a parsable hotkey and outputs the canonical form', () => {
    expect(hotkeySchema.parse('shift+ctrl+l')).toBe('Ctrl+Shift+L');
    expect(hotkeySchema.parse(defaultLockHotkey)).toBe('Ctrl+L');
  });

  it.each(['L', 'Ctrl+Enter', 'x'.repeat(100)])('refuses %j', (text) => {
    expect(hotkeySchema.safeParse(text).success).toBe(false);
  });

  it('refuses a non-string', () => {
    expect(hotkeySchema.safeParse(12).success).toBe(false);
  });
});

describe('matchesHotkey', () => {
  const controlL = parseHotkey('Ctrl+L')!;

  it('matches the exact key and modifiers', () => {
    expect(matchesHotkey(controlL, keyEvent('KeyL', { ctrlKey: true }))).toBe(true);
  });

  it('requires the exact modifiers, no more and no fewer', () => {
    expect(matchesHotkey(controlL, keyEvent('KeyL'))).toBe(false);
    expect(matchesHotkey(controlL, keyEvent('KeyL', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesHotkey(controlL, keyEvent('KeyL', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesHotkey(controlL, keyEvent('KeyL', { metaKey: true }))).toBe(false);
  });

  it('compares the physical key, whatever the layout or IME produces as key', () => {
    // On AZERTY or with a Chinese IME composing, `key` differs but `code` stays the position.
    expect(matchesHotkey(controlL, { code: 'KeyL', ctrlKey: true, altKey: false, shiftKey: false, metaKey: false, key: 'Process' } as KeyEventLike)).toBe(true);
    expect(matchesHotkey(controlL, keyEvent('KeyK', { ctrlKey: true }))).toBe(false);
  });

  it('matches digits and function keys', () => {
    expect(matchesHotkey(parseHotkey('Control+Alt+1')!, keyEvent('Digit1', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(matchesHotkey(parseHotkey('Control+Alt+1')!, keyEvent('Numpad1', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesHotkey(parseHotkey('F9')!, keyEvent('F9'))).toBe(true);
    expect(matchesHotkey(parseHotkey('F9')!, keyEvent('F9', { shiftKey: true }))).toBe(false);
  });
});
