import { resolve } from 'node:path';

/** How the preview was asked to run. */
export type PreviewOptions = Readonly<{
  host: string;
  port: number;
  dataDirectory: string;
  /** From SEATDESK_DB_PASSPHRASE: unlocks a passphrase store at start (kiosk, CI). */
  passphrase: string | undefined;
  /** The CTI endpoint's port on 127.0.0.1 (0: any free port). */
  ctiPort: number;
}>;

/** The default port of `npm run preview`. */
export const defaultPreviewPort = 5178;

/** The default port of the CTI endpoint (the telephony middleware's WebSocket). */
export const defaultCtiPort = 5179;

function portOf(text: string, what: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid ${what}: ${text}`);
  return port;
}

/**
 * Reads `--port N`, `--host H`, `--data-dir D`, `--cti-port N` (or SEATDESK_PREVIEW_PORT,
 * SEATDESK_PREVIEW_HOST, SEATDESK_DATA_DIR, SEATDESK_CTI_PORT) and SEATDESK_DB_PASSPHRASE. Pure: arguments and environment are handed in.
 */
export function parsePreviewOptions(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  workingDirectory: string,
): PreviewOptions {
  const flag = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const port = portOf(flag('port') ?? environment.SEATDESK_PREVIEW_PORT ?? String(defaultPreviewPort), 'port');
  const ctiPort = portOf(flag('cti-port') ?? environment.SEATDESK_CTI_PORT ?? String(defaultCtiPort), 'CTI port');
  const passphrase = environment.SEATDESK_DB_PASSPHRASE;
  return {
    host: flag('host') ?? environment.SEATDESK_PREVIEW_HOST ?? '127.0.0.1',
    port,
    dataDirectory: resolve(workingDirectory, flag('data-dir') ?? environment.SEATDESK_DATA_DIR ?? '.seatdesk-data'),
    passphrase: passphrase === undefined || passphrase === '' ? undefined : passphrase,
    ctiPort,
  };
}
