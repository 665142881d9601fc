// Protection of local accounts (issue: API, identities and access control). Product settings, not statute.

/** Failed logins in a row, for one username from one source address, before that pair is locked. */
export const MAX_FAILED_LOGINS = 5;
/** Failed logins from one source address over all usernames (password spraying) before the source is locked. */
export const MAX_FAILED_LOGINS_PER_SOURCE = 30;
/** The first lock lasts this long; each further failure doubles it, up to a day. */
export const FIRST_LOCK_MINUTES = 15;
export const MAX_LOCK_MINUTES = 24 * 60;

/** The lock after the `failures`-th failure in a row, or undefined while under the limit. */
export function lockAfterFailure(failures: number, now: number, max = MAX_FAILED_LOGINS): Date | undefined {
  if (failures < max) return undefined;
  const minutes = Math.min(FIRST_LOCK_MINUTES * 2 ** (failures - max), MAX_LOCK_MINUTES);
  return new Date(now + minutes * 60_000);
}

export interface PasswordProblem {
  zh: string;
  en: string;
}

export const MIN_PASSWORD_LENGTH = 12;
const COMMON = ['password', '12345678', 'qwerty', 'admin', 'tiean', '88888888', 'abc123'];

/** Problems with a new password (empty when it is acceptable). */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH)
    out.push({ zh: `至少 ${MIN_PASSWORD_LENGTH} 个字符`, en: `at least ${MIN_PASSWORD_LENGTH} characters` });
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3)
    out.push({
      zh: '须包含小写字母、大写字母、数字、符号中的至少三类',
      en: 'use at least three of: lower-case, upper-case, digits, symbols',
    });
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    out.push({ zh: '不能包含用户名', en: 'must not contain the username' });
  if (COMMON.some((c) => lower.includes(c) && c.length >= lower.length - 4))
    out.push({ zh: '过于常见', en: 'too common' });
  return out;
}
