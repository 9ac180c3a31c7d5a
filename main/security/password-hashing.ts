import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^logN, block size r, parallelism p. */
export type ScryptCost = Readonly<{ logN: number; r: number; p: number }>;

/** OWASP's recommended minimum for scrypt (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms. */
export const defaultPasswordCost: ScryptCost = { logN: 17, r: 8, p: 1 };

const hashBytes = 32;
const saltBytes = 16;

/** Derives `length` bytes with scrypt on libuv's thread pool (never blocks the event loop). */
export function deriveScrypt(secret: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const N = 2 ** cost.logN;
  return new Promise((resolve, reject) => {
    scrypt(
      // Full-width digits typed through a Chinese IME must match their half-width forms.
      secret.normalize('NFKC'),
      salt,
      length,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 16 * 1024 * 1024 },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
}

/**
 * Hashes a password with a fresh per-user salt. The result carries its own parameters:
 * `scrypt$<logN>$<r>$<p>$<salt base64>$<hash base64>`, so costs can rise without migrations.
 */
export async function hashPassword(password: string, cost: ScryptCost = defaultPasswordCost): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await deriveScrypt(password, salt, cost, hashBytes);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

function parseStoredHash(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (logN === undefined || r === undefined || p === undefined) return undefined;
  if (![logN, r, p].every((value) => Number.isInteger(value) && value > 0) || logN > 22) return undefined;
  return {
    cost: { logN, r, p },
    salt: Buffer.from(parts[4] ?? '', 'base64'),
    hash: Buffer.from(parts[5] ?? '', 'base64'),
  };
}

/** True when `password` matches `stored`; compares in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (parsed === undefined || parsed.hash.length !== hashBytes) return false;
  const candidate = await deriveScrypt(password, parsed.salt, parsed.cost, hashBytes);
  return timingSafeEqual(candidate, parsed.hash);
}
