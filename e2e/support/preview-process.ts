import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A running `out/main/preview.js` on a free loopback port with its own data folder. */
export type PreviewProcess = Readonly<{
  url: string;
  dataDirectory: string;
  output: () => string;
  stop: () => Promise<void>;
}>;

const previewEntry = resolve(__dirname, '../../out/main/preview.js');

/** Starts the real preview (built by `npm run build`) and waits for its "ready" line. */
export async function startPreview(dataDirectory = mkdtempSync(join(tmpdir(), 'seatdesk-e2e-'))): Promise<PreviewProcess> {
  if (!existsSync(previewEntry)) throw new Error(`Build first (npm run build): ${previewEntry} is missing.`);
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [previewEntry, '--port', '0', '--cti-port', '0', '--data-dir', dataDirectory], {
    env: { ...process.env, SEATDESK_DB_PASSPHRASE: '' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`Preview did not start:\n${output}`)), 30_000);
    const look = (): void => {
      const match = /Seatdesk preview ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => reject(new Error(`Preview exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDirectory,
    output: () => output,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

/** Removes a data folder made by {@link startPreview}. */
export function removeDataDirectory(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** The port of the preview's CTI endpoint, from the line it prints once it listens. */
export async function ctiPortOf(preview: PreviewProcess): Promise<number> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const match = /CTI endpoint: ws:\/\/127\.0\.0\.1:(\d+)\//.exec(preview.output());
    if (match?.[1] !== undefined) return Number(match[1]);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`The preview's CTI endpoint did not start:\n${preview.output()}`);
}
