import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { DatabaseKey } from '../../db/connection';
import { deriveScrypt, type ScryptCost } from './password-hashing';

/**
 * What main needs of the OS keychain: Electron's `safeStorage` behind a small interface, so the
 * decisions below run (and are tested) in plain Node. The preview has no keychain.
 */
export type Keychain = Readonly<{
  /** The backend in use (`gnome_libsecret`, `kwallet5`, `basic_text`, … on Linux; the platform name elsewhere). */
  backend: () => string;
  /** Whether encryption really protects the data (false for Linux `basic_text`). */
  isAvailable: () => boolean;
  encrypt: (plainText: string) => Buffer;
  decrypt: (cipherText: Buffer) => string;
}>;

/** Linux safeStorage backends that do not protect anything. */
const weakBackends = new Set(['basic_text', 'unknown']);

/** True when the keychain exists and its backend really encrypts. Pure. */
export function isKeychainUsable(keychain: Keychain | undefined): keychain is Keychain {
  return keychain !== undefined && keychain.isAvailable() && !weakBackends.has(keychain.backend());
}

/** The scrypt cost for database passphrases (derived once per start). */
export const defaultPassphraseCost: ScryptCost = { logN: 17, r: 8, p: 1 };

const keyCheckLabel = 'seatdesk-database-key-check-v1';

const keychainKeyFileSchema = z.object({
  version: z.literal(1),
  protection: z.literal('keychain'),
  backend: z.string().min(1),
  encryptedKey: z.string().min(1),
  encryptedAuditKey: z.string().min(1),
});

const passphraseKeyFileSchema = z.object({
  version: z.literal(1),
  protection: z.literal('passphrase'),
  kdf: z.literal('scrypt'),
  logN: z.number().int().min(10).max(22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(1),
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  encryptedAuditKey: z.string().min(1),
});

/**
 * The key file kept beside the database. It also holds the audit key (HMAC key of the audit
 * chain), separate from the database key so a copy of the database key alone cannot forge
 * audit entries; it is wrapped by the keychain, or by AES-256-GCM under a key derived from the
 * database key in passphrase mode.
 *
 * The key file (`seatdesk.key.json`). It never holds the key in plain
 * text: either the keychain's ciphertext of it, or the scrypt parameters to derive it from the
 * passphrase plus a check value that tells a wrong passphrase from a damaged database.
 */
export const keyFileSchema = z.discriminatedUnion('protection', [keychainKeyFileSchema, passphraseKeyFileSchema]);

/** Parsed contents of the key file. */
export type KeyFile = z.infer<typeof keyFileSchema>;

/** Why a key could not be obtained. */
export type KeyAccessFailure = 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_BACKEND_CHANGED' | 'KEYCHAIN_DECRYPT_FAILED' | 'WRONG_PASSPHRASE';

/** The key could not be obtained; `failure` says why. */
export class KeyAccessError extends Error {
  readonly failure: KeyAccessFailure;

  constructor(failure: KeyAccessFailure, message: string) {
    super(message);
    this.name = 'KeyAccessError';
    this.failure = failure;
  }
}

function keyCheckOf(key: DatabaseKey): string {
  return createHmac('sha256', Buffer.from(key.hex, 'hex')).update(keyCheckLabel).digest('hex');
}

/** The 32-byte HMAC key of the audit chain. Never logged, never sent over IPC, never in the database. */
export type AuditKey = Buffer;

/** Keys a new store needs: the database key, the audit key, and the key file that protects both. */
export type CreatedKeys = Readonly<{ key: DatabaseKey; auditKey: AuditKey; keyFile: KeyFile }>;

const auditWrapLabel = 'seatdesk-audit-key-wrap-v1';

function auditWrapKey(key: DatabaseKey): Buffer {
  return createHmac('sha256', Buffer.from(key.hex, 'hex')).update(auditWrapLabel).digest();
}

function sealAuditKey(auditKey: AuditKey, key: DatabaseKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', auditWrapKey(key), iv);
  const sealed = Buffer.concat([cipher.update(auditKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** Unwraps the audit key of a passphrase-protected store with its (already checked) database key. */
export function unwrapPassphraseAuditKey(keyFile: Extract<KeyFile, { protection: 'passphrase' }>, key: DatabaseKey): AuditKey {
  const packed = Buffer.from(keyFile.encryptedAuditKey, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', auditWrapKey(key), packed.subarray(0, 12));
    decipher.setAuthTag(packed.subarray(12, 28));
    const auditKey = Buffer.concat([decipher.update(packed.subarray(28)), decipher.final()]);
    if (auditKey.length !== 32) throw new Error('wrong length');
    return auditKey;
  } catch {
    throw new KeyAccessError('KEYCHAIN_DECRYPT_FAILED', 'The audit key in the key file cannot be decrypted.');
  }
}

/** Decrypts a 32-byte key the keychain wrapped as hex; `what` names it in errors. */
function decryptKeyHex(keychain: Keychain, encrypted: string, what: string): string {
  let hex: string;
  try {
    hex = keychain.decrypt(Buffer.from(encrypted, 'base64'));
  } catch (error) {
    throw new KeyAccessError('KEYCHAIN_DECRYPT_FAILED', `The keychain could not decrypt the ${what}: ${String(error)}`);
  }
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new KeyAccessError('KEYCHAIN_DECRYPT_FAILED', `The keychain returned something that is not a ${what}.`);
  }
  return hex;
}

/** Unwraps the audit key of a keychain-protected store (after {@link unwrapKeychainKey} succeeded). */
export function unwrapKeychainAuditKey(keyFile: Extract<KeyFile, { protection: 'keychain' }>, keychain: Keychain): AuditKey {
  return Buffer.from(decryptKeyHex(keychain, keyFile.encryptedAuditKey, 'audit key'), 'hex');
}

/** Creates 32 random bytes as the database key (and 32 more as the audit key) and wraps them with the keychain. */
export function createKeychainKey(keychain: Keychain): CreatedKeys {
  if (!isKeychainUsable(keychain)) {
    throw new KeyAccessError('KEYCHAIN_UNAVAILABLE', 'The system keychain is missing or does not protect secrets.');
  }
  const key = { hex: randomBytes(32).toString('hex') };
  const auditKey = randomBytes(32);
  return {
    key,
    auditKey,
    keyFile: {
      version: 1,
      protection: 'keychain',
      backend: keychain.backend(),
      encryptedKey: keychain.encrypt(key.hex).toString('base64'),
      encryptedAuditKey: keychain.encrypt(auditKey.toString('hex')).toString('base64'),
    },
  };
}

/**
 * Unwraps the database key with the keychain. Refuses when the keychain is unusable now, or
 * when its backend differs from the one recorded at setup (a silent downgrade, e.g. from
 * libsecret to `basic_text`, must never go unnoticed).
 */
export function unwrapKeychainKey(keyFile: Extract<KeyFile, { protection: 'keychain' }>, keychain: Keychain | undefined): DatabaseKey {
  if (!isKeychainUsable(keychain)) {
    throw new KeyAccessError(
      'KEYCHAIN_UNAVAILABLE',
      `The database key is protected by the system keychain (${keyFile.backend}), which is not available now.`,
    );
  }
  if (keychain.backend() !== keyFile.backend) {
    throw new KeyAccessError(
      'KEYCHAIN_BACKEND_CHANGED',
      `The system keychain backend changed from ${keyFile.backend} to ${keychain.backend()}.`,
    );
  }
  return { hex: decryptKeyHex(keychain, keyFile.encryptedKey, 'database key') };
}

/** Derives a new database key from a passphrase with a fresh salt. */
export async function createPassphraseKey(
  passphrase: string,
  cost: ScryptCost = defaultPassphraseCost,
): Promise<CreatedKeys> {
  const salt = randomBytes(16);
  const key = { hex: (await deriveScrypt(passphrase, salt, cost, 32)).toString('hex') };
  const auditKey = randomBytes(32);
  return {
    key,
    auditKey,
    keyFile: {
      version: 1,
      protection: 'passphrase',
      kdf: 'scrypt',
      logN: cost.logN,
      r: cost.r,
      p: cost.p,
      salt: salt.toString('base64'),
      keyCheck: keyCheckOf(key),
      encryptedAuditKey: sealAuditKey(auditKey, key),
    },
  };
}

/** Derives the database key from the passphrase; throws `WRONG_PASSPHRASE` when the check value differs. */
export async function derivePassphraseKey(
  keyFile: Extract<KeyFile, { protection: 'passphrase' }>,
  passphrase: string,
): Promise<DatabaseKey> {
  const derived = await deriveScrypt(passphrase, Buffer.from(keyFile.salt, 'base64'), keyFile, 32);
  const key = { hex: derived.toString('hex') };
  if (!timingSafeEqual(Buffer.from(keyCheckOf(key), 'hex'), Buffer.from(keyFile.keyCheck, 'hex'))) {
    throw new KeyAccessError('WRONG_PASSPHRASE', 'The passphrase does not match this database.');
  }
  return key;
}
