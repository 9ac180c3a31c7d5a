import { findPasswordProblem } from '../../../common/password-policy';

/** Letters and digits that cannot be confused when read aloud or copied by hand (no 0/O, 1/l/I). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

const temporaryPasswordLength = 16;

/** Largest byte value below which every alphabet index is equally likely (no modulo bias). */
const unbiasedLimit = 256 - (256 % alphabet.length);

function randomCharacters(count: number): string {
  let text = '';
  while (text.length < count) {
    const bytes = crypto.getRandomValues(new Uint8Array(count * 2));
    for (const byte of bytes) {
      if (byte >= unbiasedLimit) continue;
      text += alphabet[byte % alphabet.length] ?? '';
      if (text.length === count) break;
    }
  }
  return text;
}

/** A random 16-character temporary password that the desk's password policy accepts. */
export function generateTemporaryPassword(agentId = ''): string {
  for (;;) {
    const candidate = randomCharacters(temporaryPasswordLength);
    if (findPasswordProblem(candidate, agentId) === undefined) return candidate;
  }
}
