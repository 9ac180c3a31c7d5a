import type { SafeStorage } from 'electron';
import type { Keychain } from '../security/database-key';

/** Adapts Electron's safeStorage (usable only after `app` is ready) to the {@link Keychain} interface. */
export function createSafeStorageKeychain(safeStorage: SafeStorage, platform: NodeJS.Platform): Keychain {
  return {
    backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform),
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (cipherText) => safeStorage.decryptString(cipherText),
  };
}
