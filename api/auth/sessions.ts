// Token sessions: login issues a random bearer token; only its SHA-256 is stored. The acting user's roles and
// unit always come from the database, never from the request.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.js';
import type { Actor, Role } from '../../schema/roles.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './passwords.js';

export const SESSION_HOURS = 12;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function login(db: Db, username: string, password: string) {
  const user = await db.user.findUnique({ where: { username } });
  // Verify against a dummy hash when the user is unknown, so timing does not tell which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) throw new AppError('INVALID_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await db.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
  return { token, expiresAt, user: toActor(user) };
}

export async function logout(db: Db, token: string) {
  await db.session.deleteMany({ where: { tokenHash: sha256(token) } });
}

function toActor(u: { id: string; displayName: string; roles: string[]; unitId: string }): Actor {
  return { id: u.id, displayName: u.displayName, roles: u.roles as Role[], unitId: u.unitId };
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export async function authenticate(db: Db, req: FastifyRequest): Promise<Actor> {
  const token = bearerToken(req);
  if (!token) throw new AppError('UNAUTHENTICATED');
  const s = await db.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!s || s.expiresAt.getTime() < Date.now() || !s.user.active) throw new AppError('UNAUTHENTICATED');
  return toActor(s.user);
}

export function requireRole(actor: Actor, ...roles: Role[]) {
  if (!roles.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN_ROLE', [], roles.join('|'));
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
