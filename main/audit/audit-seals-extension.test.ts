import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditSealsExtensionFile } from './audit-seals-extension';

describe('auditSealsExtensionFile', () => {
  it.runIf(process.platform === 'linux' || process.platform === 'darwin')('finds the library the install built, from the sources as from a bundle two levels down', () => {
    const file = auditSealsExtensionFile();
    expect(file).toBeDefined();
    expect(existsSync(file!)).toBe(true);
    expect(auditSealsExtensionFile('linux', '/opt/project')).toBe('/opt/project/out/native/seatdesk-audit-seals.so');
    expect(auditSealsExtensionFile('darwin', '/Applications/Seatdesk.app/Contents/Resources')).toBe(
      '/Applications/Seatdesk.app/Contents/Resources/out/native/seatdesk-audit-seals.dylib',
    );
  });

  it('points into app.asar.unpacked inside a package, where the system loader can open it', () => {
    expect(auditSealsExtensionFile('linux', '/opt/Seatdesk/resources/app.asar')).toBe(
      '/opt/Seatdesk/resources/app.asar.unpacked/out/native/seatdesk-audit-seals.so',
    );
  });

  it('has nothing on a platform the extension is not built for: the walk uses plain SQL there', () => {
    expect(auditSealsExtensionFile('win32', 'C:\\Seatdesk')).toBeUndefined();
  });
});
