import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Keychain } from './security/database-key';
import { createDeskServices, type DeskServices } from './desk-services';

/** Cheap scrypt costs for tests; every hash records its own cost, so nothing else changes. */
export const testCost = { logN: 10, r: 8, p: 1 } as const;

/** A fake keychain standing in for Electron's safeStorage (which cannot run here). */
export function createFakeKeychain(backend = 'gnome_libsecret'): Keychain & { setBackend: (name: string) => void } {
  let currentBackend = backend;
  const mask = 0x5c;
  return {
    backend: () => currentBackend,
    isAvailable: () => true,
    encrypt: (plainText) => Buffer.from(Buffer.from(`fake:${plainText}`).map((byte) => byte ^ mask)),
    decrypt: (cipherText) => {
      const text = Buffer.from(cipherText.map((byte) => byte ^ mask)).toString();
      if (!text.startsWith('fake:')) throw new Error('not ours');
      return text.slice(5);
    },
    setBackend: (name) => {
      currentBackend = name;
    },
  };
}

/** Services over a temp data directory, plus helpers to restart them on the same directory. */
export type TestDesk = DeskServices &
  Readonly<{
    dataDirectory: string;
    errors: unknown[];
    restart: (keychain?: Keychain) => TestDesk;
    cleanup: () => void;
  }>;

/** Creates desk services in a fresh temp folder (no keychain unless given, like the preview). */
export function createTestDesk(keychain?: Keychain, dataDirectory?: string): TestDesk {
  const directory = dataDirectory ?? mkdtempSync(join(tmpdir(), 'seatdesk-desk-'));
  const errors: unknown[] = [];
  const services = createDeskServices({
    dataDirectory: directory,
    keychain,
    reportError: (_channel, error) => errors.push(error),
    passwordCost: testCost,
    passphraseCost: testCost,
  });
  return {
    ...services,
    dataDirectory: directory,
    errors,
    restart: (nextKeychain) => {
      services.close();
      return createTestDesk(nextKeychain ?? keychain, directory);
    },
    cleanup: () => {
      services.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A strong password that passes the policy, different per label. */
export function strongPassword(label: string): string {
  return `Seat-${label}-desk-2026!`;
}
