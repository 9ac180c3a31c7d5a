import { resolve } from 'node:path';

/** How the preview was asked to run. */
export type PreviewOptions = Readonly<{
  host: string;
  port: number;
  dataDirectory: string;
  /** From SEATDESK_DB_PASSPHRASE: unlocks a passphrase store at start (kiosk, CI). */
  passphrase: string | undefined;
}>;

/** The default port of `npm run preview`. */
export const defaultPreviewPort = 5178;

/**
 * Reads `--port N`, `--host H`, `--data-dir D` (or SEATDESK_PREVIEW_PORT, SEATDESK_PREVIEW_HOST,
 * SEATDESK_DATA_DIR) and SEATDESK_DB_PASSPHRASE. Pure: arguments and environment are handed in.
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
  const portText = flag('port') ?? environment.SEATDESK_PREVIEW_PORT ?? String(defaultPreviewPort);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${portText}`);
  const passphrase = environment.SEATDESK_DB_PASSPHRASE;
  return {
    host: flag('host') ?? environment.SEATDESK_PREVIEW_HOST ?? '127.0.0.1',
    port,
    dataDirectory: resolve(workingDirectory, flag('data-dir') ?? environment.SEATDESK_DATA_DIR ?? '.seatdesk-data'),
    passphrase: passphrase === undefined || passphrase === '' ? undefined : passphrase,
  };
}
