import { z } from 'zod';

/**
 * A keyboard shortcut: the exact set of modifiers plus one key, named by its
 * `KeyboardEvent.code` (`'KeyL'`, `'Digit1'`, `'F9'`), i.e. by physical position.
 */
export type Hotkey = Readonly<{ control: boolean; alt: boolean; shift: boolean; meta: boolean; code: string }>;

/** The seat-leave lock hotkey a fresh desk starts with. */
export const defaultLockHotkey = 'Ctrl+L';

type Modifier = 'control' | 'alt' | 'shift' | 'meta';

/** Accepted spellings of each modifier, compared in lower case. */
const modifierNames: ReadonlyMap<string, Modifier> = new Map([
  ['ctrl', 'control'],
  ['control', 'control'],
  ['alt', 'alt'],
  ['option', 'alt'],
  ['shift', 'shift'],
  ['meta', 'meta'],
  ['cmd', 'meta'],
  ['command', 'meta'],
  ['win', 'meta'],
  ['super', 'meta'],
]);

/** The `KeyboardEvent.code` of a key name (`'l'` → `'KeyL'`), or `undefined` for a key the desk does not accept. */
function codeOfKeyName(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (/^[A-Z]$/.test(upper)) return `Key${upper}`;
  if (/^[0-9]$/.test(upper)) return `Digit${upper}`;
  if (/^F([1-9]|1[0-2])$/.test(upper)) return upper;
  return undefined;
}

/** The display name of a `KeyboardEvent.code` (`'KeyL'` → `'L'`); unknown codes are shown as they are. */
function keyNameOfCode(code: string): string {
  const letterOrDigit = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(code);
  if (letterOrDigit !== null) return letterOrDigit[1] ?? letterOrDigit[2] ?? code;
  return code;
}

function isFunctionKeyCode(code: string): boolean {
  return /^F([1-9]|1[0-2])$/.test(code);
}

/**
 * Parses a hotkey written as modifiers and one key joined by `+`, case-insensitive, spaces
 * around the parts allowed: `'Ctrl+L'`, `'ctrl+shift+l'`, `'Alt+F9'`, `'Meta+L'`, `'Cmd+L'`
 * (Cmd, Command, Win and Super mean Meta; Option means Alt), `'Control+Alt+1'`. The key is
 * A–Z, 0–9 or F1–F12. At least one of Ctrl, Alt or Meta is required, except for a function
 * key, which may stand alone: a bare or Shift-only letter or digit would fire while typing.
 * Returns `undefined` for anything else, including a repeated modifier or a missing key.
 */
export function parseHotkey(text: string): Hotkey | undefined {
  const parts = text.split('+').map((part) => part.trim().toLowerCase());
  const keyName = parts.pop();
  if (keyName === undefined) return undefined;
  const code = codeOfKeyName(keyName);
  if (code === undefined) return undefined;
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    const modifier = modifierNames.get(part);
    if (modifier === undefined || modifiers.has(modifier)) return undefined;
    modifiers.add(modifier);
  }
  const hotkey: Hotkey = {
    control: modifiers.has('control'),
    alt: modifiers.has('alt'),
    shift: modifiers.has('shift'),
    meta: modifiers.has('meta'),
    code,
  };
  const hasCommandModifier = hotkey.control || hotkey.alt || hotkey.meta;
  return hasCommandModifier || isFunctionKeyCode(code) ? hotkey : undefined;
}

/** Writes a hotkey in the canonical form read by {@link parseHotkey}: modifiers in the order Ctrl, Alt, Shift, Meta, then the key (`'Ctrl+Shift+L'`). */
export function formatHotkey(hotkey: Hotkey): string {
  const parts: string[] = [];
  if (hotkey.control) parts.push('Ctrl');
  if (hotkey.alt) parts.push('Alt');
  if (hotkey.shift) parts.push('Shift');
  if (hotkey.meta) parts.push('Meta');
  parts.push(keyNameOfCode(hotkey.code));
  return parts.join('+');
}

/** zod schema for a hotkey setting: a string {@link parseHotkey} accepts, output in the canonical {@link formatHotkey} form. */
export const hotkeySchema: z.ZodType<string> = z
  .string()
  .max(64)
  .transform((text, context) => {
    const hotkey = parseHotkey(text);
    if (hotkey === undefined) {
      context.addIssue({ code: 'custom', message: 'Not a valid hotkey (for example Ctrl+L, Alt+F9 or F9).', input: text });
      return z.NEVER;
    }
    return formatHotkey(hotkey);
  });

/** The parts of a `KeyboardEvent` (DOM or Electron `before-input-event`, once mapped) that {@link matchesHotkey} reads. */
export type KeyEventLike = Readonly<{ code: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }>;

/**
 * True when the event is exactly the hotkey: the same physical key and the same modifiers, no
 * more and no fewer (Ctrl+Shift+L does not fire Ctrl+L). Compares `code`, not `key`, so it
 * works with any keyboard layout and while a Chinese IME is composing (where `key` is
 * `'Process'`).
 */
export function matchesHotkey(hotkey: Hotkey, event: KeyEventLike): boolean {
  return (
    event.code === hotkey.code &&
    event.ctrlKey === hotkey.control &&
    event.altKey === hotkey.alt &&
    event.shiftKey === hotkey.shift &&
    event.metaKey === hotkey.meta
  );
}
