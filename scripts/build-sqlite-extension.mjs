// Builds db/audit-seals-extension.c into out/native/ (runs after `npm ci` / `npm install`).
// It compiles against the SQLite headers of better-sqlite3-multiple-ciphers, with the same C
// compiler that module's own install just used, so a machine that could install the project can
// build this too. Main loads the result on the audit walk's read-only connections; without it the
// walk gives the same results through plain SQL, only slower.
// Windows: not built here (packages for Windows are built on a networked machine, see README).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const source = join(root, 'db', 'audit-seals-extension.c');
const outputDirectory = join(root, 'out', 'native');
const libraryFile = { linux: 'seatdesk-audit-seals.so', darwin: 'seatdesk-audit-seals.dylib' }[process.platform];

if (libraryFile === undefined) {
  console.log(`sqlite extension: not built on ${process.platform}; the audit walk uses plain SQL.`);
  process.exit(0);
}
const headers = join(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'deps', 'sqlite3');
const output = join(outputDirectory, libraryFile);
mkdirSync(outputDirectory, { recursive: true });
rmSync(output, { force: true });
const compiler = process.env.CC ?? 'cc';
const args = ['-O2', '-std=c99', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : []), '-I', headers, '-o', output, source];
const result = spawnSync(compiler, args, { stdio: 'inherit' });
if (result.error !== undefined || result.status !== 0) {
  console.error(`sqlite extension: \`${compiler} ${args.join(' ')}\` failed${result.error ? `: ${result.error.message}` : ''}`);
  process.exit(1);
}
console.log(`sqlite extension: built ${output}`);
