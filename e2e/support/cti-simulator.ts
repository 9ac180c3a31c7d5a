import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { PreviewProcess } from './preview-process';

/** Runs `npm run cti:simulate`'s script against a preview's CTI endpoint, as a demo would; resolves with its output. */
export function simulateCall(preview: PreviewProcess, port: number, callerPhone: string, pauseMilliseconds: number): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [resolve(__dirname, '../../scripts/cti-simulate.mjs'), '--port', String(port), '--data-dir', preview.dataDirectory, '--caller', callerPhone, '--pause', String(pauseMilliseconds)],
      { env: { ...process.env, SEATDESK_CTI_SECRET: '' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolveRun(output) : reject(new Error(`The simulator failed (${code}):\n${output}`))));
  });
}
