import { describe, expect, it } from 'vitest';
import { testCost } from '../test-support';
import { hashPassword, verifyPassword } from './password-hashing';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', testCost);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here', testCost)).not.toBe(await hashPassword('same password here', testCost));
  });

  it('treats full-width digits typed through an IME like half-width ones', async () => {
    const stored = await hashPassword('Seatdesk2026!abc', testCost);
    expect(await verifyPassword('Ｓｅａｔｄｅｓｋ２０２６！ａｂｃ', stored)).toBe(true);
  });

  it('never matches a malformed or absurd stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$40$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$10$8$1$AAAA$AAAA')).toBe(false);
  });
});
