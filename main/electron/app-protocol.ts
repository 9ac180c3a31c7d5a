import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { securityHeaders } from '../security/content-security-policy';
import { contentTypeOf, resolveAssetPath } from '../security/static-assets';
import { appHost, appScheme } from '../window/window-policy';

/** Must run before `app` is ready: makes `seatdesk://` a standard, secure scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the bundled renderer from `rendererDirectory` under `seatdesk://app/`, with our CSP. */
export function serveAppProtocol(rendererDirectory: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveAssetPath(rendererDirectory, url.pathname) : undefined;
    if (file === undefined) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...securityHeaders, 'content-type': contentTypeOf(file) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
