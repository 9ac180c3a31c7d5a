// Builds db/audit-seals-extension.c into out/native/ (after `npm ci` / `npm install`, and on
// `npm run build`, so a library from an older source is not left behind). It compiles against the
// SQLite headers of better-sqlite3-multiple-ciphers with the machine's C compiler (`CC`, else
// `cc`). Main loads the result on the audit walk's read-only connections; without it the walk
// gives the same results through plain SQL, only slower. So a machine without a working C
// compiler gets a warning, not a failed install (except in CI, which must prove the extension).
// macOS: one library for both architectures. Windows: not built yet (plain SQL there).
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
// Apple's compiler builds one library for both architectures; another CC builds for its own.
const platformFlags = process.platform === 'darwin' && process.env.CC === undefined ? ['-arch', 'arm64', '-arch', 'x86_64'] : [];
const args = ['-O2', '-std=c99', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', ...platformFlags, '-I', headers, '-o', output, source];
const result = spawnSync(compiler, args, { stdio: 'inherit' });
if (result.error !== undefined || result.status !== 0) {
  const why = result.error !== undefined && 'code' in result.error && result.error.code === 'ENOENT' ? `no C compiler (${compiler})` : `\`${compiler} ${args.join(' ')}\` failed`;
  // CI proves the extension: there a failed build fails the install. Elsewhere the desk still
  // works (plain SQL), so the install goes on with a warning.
  if (process.env.CI) {
    console.error(`sqlite extension: ${why}`);
    process.exit(1);
  }
  console.warn(`sqlite extension: ${why}: not built; the audit walk uses plain SQL, at about half the speed.`);
  process.exit(0);
}
console.log(`sqlite extension: built ${output}`);
