import { describe, expect, it } from 'vitest';
import {
  FIRST_LOCK_MINUTES,
  lockAfterFailure,
  MAX_FAILED_LOGINS,
  MAX_LOCK_MINUTES,
  passwordProblems,
} from './login-policy.js';

describe('account lockout', () => {
  const now = Date.parse('2026-11-21T00:00:00Z');
  const minutes = (d: Date | undefined) => (d ? (d.getTime() - now) / 60_000 : 0);
  it('locks at the limit and doubles the lock with each further failure, up to a day', () => {
    expect(lockAfterFailure(MAX_FAILED_LOGINS - 1, now)).toBeUndefined();
    expect(minutes(lockAfterFailure(MAX_FAILED_LOGINS, now))).toBe(FIRST_LOCK_MINUTES);
    expect(minutes(lockAfterFailure(MAX_FAILED_LOGINS + 1, now))).toBe(FIRST_LOCK_MINUTES * 2);
    expect(minutes(lockAfterFailure(MAX_FAILED_LOGINS + 20, now))).toBe(MAX_LOCK_MINUTES);
  });
});

describe('password policy', () => {
  it('accepts a long password with three kinds of characters', () => {
    expect(passwordProblems('tiean-demo-2026', 'head1')).toEqual([]);
    expect(passwordProblems('市场监管Abc12345', 'head1')).toEqual([]);
  });
  it.each([
    ['Short1!', 'at least 12 characters'],
    ['alllowercaseletters', 'use at least three of'],
    ['Head1-and-more-2026', 'must not contain the username'],
    ['Password1234', 'too common'],
  ])('rejects %s', (pw, problem) => {
    expect(
      passwordProblems(pw, 'head1')
        .map((p) => p.en)
        .join('; '),
    ).toContain(problem);
  });
});
