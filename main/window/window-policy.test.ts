import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from '../security/static-assets';
import {
  appEntryUrl,
  decideWindowOpen,
  isAppUrl,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSenderFrame,
} from './window-policy';

describe('window policy', () => {
  it('allows only our own page', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    for (const url of [
      'https://example.com/',
      'seatdesk://evil/index.html',
      'seatdesk://user:pw@app/index.html',
      'file:///etc/passwd',
      'http://127.0.0.1:5178/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
    expect(isPermissionGranted()).toBe(false);
  });

  it('trusts only the main frame of our page', () => {
    expect(isTrustedSenderFrame({ url: appEntryUrl, parent: null })).toBe(true);
    expect(isTrustedSenderFrame({ url: appEntryUrl, parent: {} })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });

  it('serves assets only from inside the renderer folder', () => {
    expect(resolveAssetPath('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveAssetPath('/app/renderer', '/assets/a.js')).toBe('/app/renderer/assets/a.js');
    for (const path of ['/../main/index.js', '/%2e%2e/x', '/a/%00', '/..%5cx', '/%E0%A4%A']) {
      expect(resolveAssetPath('/app/renderer', path), path).toBeUndefined();
    }
  });
});
