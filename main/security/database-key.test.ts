import { describe, expect, it } from 'vitest';
import { createFakeKeychain, testCost } from '../test-support';
import {
  createKeychainKey,
  createPassphraseKey,
  derivePassphraseKey,
  isKeychainUsable,
  keyFileSchema,
  unwrapKeychainKey,
  type KeyFile,
} from './database-key';

type KeychainKeyFile = Extract<KeyFile, { protection: 'keychain' }>;
type PassphraseKeyFile = Extract<KeyFile, { protection: 'passphrase' }>;

describe('database key handling', () => {
  it('refuses Linux basic_text and missing keychains', () => {
    expect(isKeychainUsable(undefined)).toBe(false);
    expect(isKeychainUsable(createFakeKeychain('basic_text'))).toBe(false);
    expect(isKeychainUsable(createFakeKeychain('gnome_libsecret'))).toBe(true);
    expect(() => createKeychainKey(createFakeKeychain('basic_text'))).toThrow(
      expect.objectContaining({ failure: 'KEYCHAIN_UNAVAILABLE' }),
    );
  });

  it('stores only keychain ciphertext and records the backend', () => {
    const keychain = createFakeKeychain('kwallet5');
    const { key, keyFile } = createKeychainKey(keychain);
    expect(key.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(keyFile)).not.toContain(key.hex);
    expect(keyFileSchema.parse(keyFile)).toEqual(keyFile);
    expect((keyFile as KeychainKeyFile).backend).toBe('kwallet5');
    expect(unwrapKeychainKey(keyFile as KeychainKeyFile, keychain)).toEqual(key);
  });

  it('refuses a silent change of keychain backend', () => {
    const keychain = createFakeKeychain('gnome_libsecret');
    const { keyFile } = createKeychainKey(keychain);
    keychain.setBackend('kwallet6');
    expect(() => unwrapKeychainKey(keyFile as KeychainKeyFile, keychain)).toThrow(
      expect.objectContaining({ failure: 'KEYCHAIN_BACKEND_CHANGED' }),
    );
    keychain.setBackend('basic_text');
    expect(() => unwrapKeychainKey(keyFile as KeychainKeyFile, keychain)).toThrow(
      expect.objectContaining({ failure: 'KEYCHAIN_UNAVAILABLE' }),
    );
  });

  it('derives the same key from the same passphrase and refuses a wrong one', async () => {
    const { key, keyFile } = await createPassphraseKey('counter-passphrase-2026', testCost);
    expect(JSON.stringify(keyFile)).not.toContain(key.hex);
    expect(await derivePassphraseKey(keyFile as PassphraseKeyFile, 'counter-passphrase-2026')).toEqual(key);
    await expect(derivePassphraseKey(keyFile as PassphraseKeyFile, 'counter-passphrase-2025')).rejects.toMatchObject({
      failure: 'WRONG_PASSPHRASE',
    });
  });
});
