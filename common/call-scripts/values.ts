/**
 * How the script variables that need some judgement get their values: the caller's title from
 * surname and gender (王先生, 李女士), and the greeting for the time of day.
 */

/** A customer's title: surname + 先生 / 女士, or undefined without a surname. */
export function customerTitle(surname: string | undefined, gender: 'male' | 'female' | 'unknown' | undefined): string | undefined {
  const trimmed = surname?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (gender === 'male') return `${trimmed}先生`;
  if (gender === 'female') return `${trimmed}女士`;
  // Unknown gender: the standard's neutral pair, not a guess.
  return `${trimmed}先生/女士`;
}

/** The surname of a full Chinese name: the compound surnames first, else the first character. */
export function surnameOf(fullName: string): string | undefined {
  const name = fullName.trim();
  if (name === '') return undefined;
  const compound = compoundSurnames.find((surname) => name.startsWith(surname) && name.length > surname.length);
  return compound ?? [...name][0];
}

// The common two-character surnames (复姓); a name starting with one of them keeps both characters.
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '轩辕', '端木', '独孤', '南宫', '西门', '百里'];

/** 早上好 / 上午好 / 中午好 / 下午好 / 晚上好 for an hour of the day (0–23, the desk's local time). */
export function greetingForHour(hour: number): string {
  if (hour >= 5 && hour < 9) return '早上好';
  if (hour >= 9 && hour < 11) return '上午好';
  if (hour >= 11 && hour < 13) return '中午好';
  if (hour >= 13 && hour < 18) return '下午好';
  return '晚上好';
}
