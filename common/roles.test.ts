import { describe, expect, it } from 'vitest';
import { decideAccess } from './roles';

const agent = { role: 'agent', mustChangePassword: false } as const;
const admin = { role: 'admin', mustChangePassword: false } as const;

describe('decideAccess', () => {
  it('lets anyone call public channels', () => {
    expect(decideAccess('public', undefined)).toEqual({ allowed: true });
  });

  it('needs a session for signed-in channels, even with a pending password change', () => {
    expect(decideAccess('signedIn', undefined)).toEqual({ allowed: false, code: 'NOT_SIGNED_IN' });
    expect(decideAccess('signedIn', { ...agent, mustChangePassword: true })).toEqual({ allowed: true });
  });

  it('checks the role list', () => {
    expect(decideAccess(['admin'], agent)).toEqual({ allowed: false, code: 'FORBIDDEN_ROLE' });
    expect(decideAccess(['admin'], admin)).toEqual({ allowed: true });
    expect(decideAccess(['agent', 'team_lead'], agent)).toEqual({ allowed: true });
  });

  it('holds role channels until a forced password change is done', () => {
    expect(decideAccess(['admin'], { ...admin, mustChangePassword: true })).toEqual({
      allowed: false,
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
  });
});
