import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short1!', 'PASSWORD_TOO_SHORT'],
    ['一二三四五六七八九十壹', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(129), 'PASSWORD_TOO_LONG'],
    ['password1234', 'PASSWORD_TOO_COMMON'],
    ['PASSWORD1234', 'PASSWORD_TOO_COMMON'],
    ['１２３４５６７８９０１２', 'PASSWORD_TOO_COMMON'],
    ['aaaaaaaaaaaaaa', 'PASSWORD_TOO_COMMON'],
    ['3456789012345', 'PASSWORD_TOO_COMMON'],
    ['987654321098', 'PASSWORD_TOO_COMMON'],
    ['zyxwvutsrqpo', 'PASSWORD_TOO_COMMON'],
    ['mydesk-A1024-pass', 'PASSWORD_CONTAINS_AGENT_ID'],
  ])('refuses %s with %s', (password, problem) => {
    expect(findPasswordProblem(password, 'a1024')).toBe(problem);
  });

  it.each(['Seat-desk-2026!', '我的密码是春天里的花朵吗', 'correct horse battery'])('accepts %s', (password) => {
    expect(findPasswordProblem(password, 'a1024')).toBeUndefined();
  });
});
