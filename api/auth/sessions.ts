// Sessions: login issues a random token, sent as a bearer token (API clients) and as an HttpOnly, SameSite
// cookie (the web). Only its SHA-256 is stored. Failed logins lock the account with back-off. The acting
// user's roles and unit always come from the database, never from the request.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lockAfterFailure, passwordProblems } from '../../domain/identity/login-policy.js';
import type { Db } from '../../platform/db.js';
import type { Actor, Role } from '../../schema/roles.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'tiean_session';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function login(db: Db, username: string, password: string, now = Date.now()) {
  const user = await db.user.findUnique({ where: { username } });
  if (user?.lockedUntil && user.lockedUntil.getTime() > now) {
    throw new AppError('ACCOUNT_LOCKED', [], `until ${user.lockedUntil.toISOString()}`);
  }
  // Verify against a dummy hash when the user is unknown, so timing does not tell which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) {
    if (user) {
      const failures = user.failedLogins + 1;
      const lockedUntil = lockAfterFailure(failures, now) ?? null;
      await db.user.update({ where: { id: user.id }, data: { failedLogins: failures, lockedUntil } });
      if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', [], `until ${lockedUntil.toISOString()}`);
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.failedLogins || user.lockedUntil)
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_HOURS * 3_600_000);
  await db.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
  return { token, expiresAt, user: toActor(user) };
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
