/** Shortest password the desk accepts. */
export const minimumPasswordLength = 12;

/** Longest password the desk accepts (bounds the cost of hashing attacker-supplied input). */
export const maximumPasswordLength = 128;

/**
 * Passwords people pick when told "at least 12 characters". Compared after normalisation
 * (NFKC, lower case), so full-width digits and capitals do not slip past.
 */
const commonPasswords: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '123123123123',
  '111111111111', '000000000000', '666666666666', '888888888888', '999999999999',
  '520520520520', '5201314520520', 'woaini131452', 'woaini1314520', '1314520520520',
  'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', '123456qwerty', '1qaz2wsx3edc',
  '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'zaq12wsxcde3', '!qaz2wsx3edc', '1qazxsw23edc',
  'qazwsxedcrfv', '123qweasdzxc', 'qweasdzxc123', 'qwer1234qwer', 'asdf1234asdf',
  '1234qwer1234', 'asdfghjkl123', 'zxcvbnm12345', '1234567890qwe', 'aa1234567890',
  'abc123456789', 'abcd12345678', 'a123456789012', 'abc123abc123', '12345678abcd',
  'abcdefghijkl', 'a1b2c3d4e5f6', '11223344556677', '147258369147', '147258369258',
  '159753159753', '741852963741', '987654321098', 'password1234', 'password12345',
  'password123456', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'password2025',
  'password2026', 'passwordpassword', 'admin1234567', 'admin@123456', 'administrator',
  'administrator1', 'iloveyou1234', 'iloveyou123456', 'welcome12345', 'changeme1234',
  'letmein12345', 'football1234', 'test12345678', 'root12345678', 'guest1234567',
  'user12345678', 'service12345', 'kefu12345678', 'kefu123456789', 'zuoxi1234567',
  'seatdesk1234', 'seatdesk2026', 'seatdesk@123', 'huawei123456', 'zhang1234567',
  'wang123456789', 'qwertyuiopasdf', 'asdfghjklqwe', 'zxcvbnmasdfg',
]);

/** Reasons a password is refused; each is also an IPC error code. */
export type PasswordProblem =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_COMMON'
  | 'PASSWORD_CONTAINS_AGENT_ID';

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isSingleRepeatedCharacter(text: string): boolean {
  return [...new Set(text)].length === 1;
}

/** True for "123456789012", "3456789012345" (digits wrap) or "abcdefghijklm": each character one step on. */
function isStraightSequence(text: string): boolean {
  const allDigits = /^[0-9]+$/.test(text);
  const codes = [...text].map((character) => character.codePointAt(0) ?? 0);
  const stepBetween = (index: number): number => {
    const difference = (codes[index] ?? 0) - (codes[index - 1] ?? 0);
    return allDigits ? (difference + 10) % 10 : difference;
  };
  const step = stepBetween(1);
  const isUnitStep = allDigits ? step === 1 || step === 9 : Math.abs(step) === 1;
  return isUnitStep && codes.every((_code, index) => index === 0 || stepBetween(index) === step);
}

/**
 * Checks a proposed password against the desk's policy: at least {@link minimumPasswordLength}
 * characters (counted as Unicode code points), at most {@link maximumPasswordLength}, not a
 * well-known password, not one repeated character or a straight sequence, and not containing
 * the account's agent ID. Returns the first problem, or `undefined` when the password is fine.
 * Pure; the renderer uses it for hints, main enforces it.
 */
export function findPasswordProblem(password: string, agentId: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < minimumPasswordLength) return 'PASSWORD_TOO_SHORT';
  if (length > maximumPasswordLength) return 'PASSWORD_TOO_LONG';
  const normalised = normalise(password);
  if (
    commonPasswords.has(normalised) ||
    isSingleRepeatedCharacter(normalised) ||
    isStraightSequence(normalised)
  ) {
    return 'PASSWORD_TOO_COMMON';
  }
  const normalisedAgentId = normalise(agentId.trim());
  if (normalisedAgentId.length >= 3 && normalised.includes(normalisedAgentId)) {
    return 'PASSWORD_CONTAINS_AGENT_ID';
  }
  return undefined;
}
