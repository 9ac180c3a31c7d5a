import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCtiCallHandler } from '../calls/cti-calls';
import type { DeskContext } from '../desk-context';
import { startCtiServer, type CtiServer } from './cti-server';

/** The file beside the database that holds the CTI shared secret (readable by its owner only). */
export const ctiSecretFileName = 'cti-secret';

/**
 * The CTI secret: SEATDESK_CTI_SECRET if set, else the one in the data folder, made on first
 * use. The middleware is configured with the same value.
 */
export function ctiSecret(dataDirectory: string, environment: Readonly<Record<string, string | undefined>>): string {
  const fromEnvironment = environment.SEATDESK_CTI_SECRET;
  if (fromEnvironment !== undefined && fromEnvironment.length >= 16) return fromEnvironment;
  const file = join(dataDirectory, ctiSecretFileName);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(24).toString('base64url');
    mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

/**
 * Starts the CTI endpoint for a desk, or reports why it could not (a port in use must not stop
 * the desk itself).
 */
export async function startCtiEndpoint(
  desk: DeskContext,
  options: Readonly<{ dataDirectory: string; port: number; environment: Readonly<Record<string, string | undefined>> }>,
  report: (line: string) => void,
): Promise<CtiServer | undefined> {
  // The secret file is written only into the folder of an open store: a desk whose store
  // failed or is not set up yet touches nothing there (and takes no calls).
  const secret = (): string | undefined =>
    desk.store.connectionIfOpen() === undefined ? undefined : ctiSecret(options.dataDirectory, options.environment);
  try {
    const server = await startCtiServer({
      port: options.port,
      secret,
      handle: createCtiCallHandler(desk),
      log: (entry) => report(`[cti] ${entry.event}${entry.detail === undefined ? '' : ` ${entry.detail}`}${entry.count === undefined ? '' : ` ×${entry.count}`}`),
    });
    report(`CTI endpoint: ws://127.0.0.1:${server.port}/ (secret in ${join(options.dataDirectory, ctiSecretFileName)} once the store is open)`);
    // Write the secret as soon as the store opens (after setup or unlock), so the middleware
    // (or npm run cti:simulate) can read it before its first call.
    const writeWhenOpen = setInterval(() => {
      if (secret() !== undefined) clearInterval(writeWhenOpen);
    }, 2000);
    writeWhenOpen.unref();
    secret();
    return {
      port: server.port,
      close: () => {
        clearInterval(writeWhenOpen);
        return server.close();
      },
    };
  } catch (error) {
    report(`CTI endpoint not started: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
