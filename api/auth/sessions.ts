// Sessions: login issues a random token, sent as a bearer token (API clients) and as an HttpOnly, SameSite
// cookie (the web). Only its SHA-256 is stored. Failed logins lock the username for the source they came from,
// with back-off (see login). The acting
// user's roles and unit always come from the database, never from the request.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  lockAfterFailure,
  MAX_FAILED_LOGINS,
  MAX_FAILED_LOGINS_PER_SOURCE,
  passwordProblems,
} from '../../domain/identity/login-policy.js';
import type { Db } from '../../platform/db.js';
import type { Actor, Role } from '../../schema/roles.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'tiean_session';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** All sources together: the username a source's failures over every username are counted under. */
const ANY_USER = '*';

/**
 * Signs in. Failures are counted per attempted username and source address (and per source over all usernames):
 * enough of them lock that pair (or that source) with back-off, never the account for its owner elsewhere. A
 * username that does not exist is counted and answered exactly like one that does.
 */
export async function login(db: Db, username: string, password: string, source: string, now = Date.now()) {
  const sourceHash = sha256(`tiean-login:${source}`);
  const keys = [
    { username, sourceHash },
    { username: ANY_USER, sourceHash },
  ];
  const throttles = await db.loginThrottle.findMany({ where: { OR: keys } });
  const locked = throttles.find((t) => t.lockedUntil && t.lockedUntil.getTime() > now);
  if (locked) throw new AppError('ACCOUNT_LOCKED', [], `until ${locked.lockedUntil!.toISOString()}`);
  const user = await db.user.findUnique({ where: { username } });
  // Verify against a dummy hash when the user is unknown, so timing does not tell which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) {
    let lockedUntil: Date | undefined;
    for (const k of keys) {
      const failures = (throttles.find((t) => t.username === k.username)?.failures ?? 0) + 1;
      const max = k.username === ANY_USER ? MAX_FAILED_LOGINS_PER_SOURCE : MAX_FAILED_LOGINS;
      const until = lockAfterFailure(failures, now, max) ?? null;
      await db.loginThrottle.upsert({
        where: { username_sourceHash: k },
        create: { ...k, failures, lockedUntil: until },
        update: { failures, lockedUntil: until },
      });
      lockedUntil ??= until ?? undefined;
    }
    if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', [], `until ${lockedUntil.toISOString()}`);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await db.loginThrottle.deleteMany({ where: { username, sourceHash } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_HOURS * 3_600_000);
  await db.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
  return { token, expiresAt, user: toActor(user) };
}

/** An administrator lifts every sign-in lock of a user, from whichever address it came. */
export async function clearLoginLocks(db: Db, user: { id: string; username: string }) {
  await db.$transaction([
    db.loginThrottle.deleteMany({ where: { username: user.username } }),
    db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } }),
  ]);
}

export async function logout(db: Db, token: string) {
  await db.session.deleteMany({ where: { tokenHash: sha256(token) } });
}

/** Changes a password: the current one must be right and the new one meet the policy; other sessions end. */
export async function changePassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  keepToken?: string,
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(current, user.passwordHash)))
    throw new AppError('INVALID_CREDENTIALS', [{ path: 'body.currentPassword', message: 'wrong password' }]);
  const problems = passwordProblems(next, user.username);
  if (problems.length)
    throw new AppError(
      'WEAK_PASSWORD',
      problems.map((p) => ({ path: 'body.newPassword', message: `${p.zh} / ${p.en}` })),
    );
  const passwordHash = await hashPassword(next);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } }),
    db.session.deleteMany({
      where: { userId: user.id, ...(keepToken ? { NOT: { tokenHash: sha256(keepToken) } } : {}) },
    }),
  ]);
}

function toActor(u: { id: string; displayName: string; roles: string[]; unitId: string }): Actor {
  return { id: u.id, displayName: u.displayName, roles: u.roles as Role[], unitId: u.unitId };
}

/** The session token: the bearer token if there is one, else the session cookie. */
export function sessionToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE];
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function authenticate(db: Db, req: FastifyRequest): Promise<Actor> {
  const token = sessionToken(req);
  if (!token) throw new AppError('UNAUTHENTICATED');
  const s = await db.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!s || s.expiresAt.getTime() < Date.now() || !s.user.active) throw new AppError('UNAUTHENTICATED');
  return toActor(s.user);
}

export function requireRole(actor: Actor, ...roles: Role[]) {
  if (!roles.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN_ROLE', [], roles.join('|'));
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
