import { join, resolve } from 'node:path';
import { auditSealsExtensionLibraries } from '../../db/audit-seals';

/**
 * Where the audit-seals SQLite extension is for this build of main, or undefined on a platform
 * it is not built for. `root` is the project (or packaged app) folder: main's bundle lives in
 * `out/main`, its sources in `main/audit`, the benchmark's bundle in `out/bench`, each two levels
 * below it. Inside a package the library sits in `app.asar.unpacked` (see electron-builder.yml):
 * the system loader cannot read from inside the asar archive.
 */
export function auditSealsExtensionFile(
  platform: NodeJS.Platform = process.platform,
  root: string = resolve(__dirname, '..', '..'),
): string | undefined {
  const library = auditSealsExtensionLibraries[platform];
  if (library === undefined) return undefined;
  return join(root, 'out', 'native', library).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
