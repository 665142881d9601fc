// Administration of users and units. An administrator manages the units at and below their own unit, and the
// users in them; the unit tree itself is readable by every signed-in user.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadCalendarYear, recomputeStatus, startRecompute } from '../../services/calendar-admin.js';
import { passwordProblems } from '../../domain/identity/login-policy.js';
import { CalendarRecomputeSchema, CalendarYearFileSchema } from '../../schema/calendar.js';
import { ResolvedRulePackSchema, RulePackFileSchema, RulePackVersionSchema } from '../../schema/rule-pack.js';
import { loadRulePack, resolveRulePack } from '../../services/rule-packs.js';
import {
  CreateUnitSchema,
  CreateUserSchema,
  ProblemSchema,
  UnitSchema,
  UpdateUserSchema,
  UserSchema,
} from '../../schema/api.js';
import type { Actor } from '../../schema/roles.js';
import { hashPassword } from '../auth/passwords.js';
import { clearLoginLocks, requireRole } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { requireEngine } from '../services/engine.js';
import { unitScope } from '../services/units.js';
import type { ApiDeps } from '../server.js';
import type { CommandRefusal } from '../../schema/generated/prisma/client.js';

type UserRow = {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  unitId: string;
  active: boolean;
  lockedUntil: Date | null;
  certificateNo: string | null;
  legalQualified: boolean;
};
const toUser = (u: UserRow) => UserSchema.parse({ ...u, lockedUntil: u.lockedUntil?.toISOString() ?? null });

export function adminRoutes(app: FastifyInstance, { db, temporal, cfg }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = {
    400: ProblemSchema,
    401: ProblemSchema,
    403: ProblemSchema,
    404: ProblemSchema,
    409: ProblemSchema,
  };

  /** The administrator and the units they manage. */
  async function administrator(actor: Promise<Actor>) {
    const a = await actor;
    requireRole(a, 'administrator');
    return { actor: a, ...(await unitScope(db, a.unitId)) };
  }
  const inScope = (units: string[], unitId: string, path: string) => {
    if (!units.includes(unitId)) throw new AppError('FORBIDDEN_UNIT', [{ path, message: unitId }]);
  };

  r.get(
    '/api/units',
    {
      schema: {
        tags: ['administration'],
        summary: '单位列表 The unit tree',
        response: { 200: z.object({ items: z.array(UnitSchema) }), 401: ProblemSchema },
      },
    },
    async (req) => {
      await req.actor();
      return { items: await db.unit.findMany({ orderBy: { id: 'asc' } }) };
    },
  );

  r.post(
    '/api/admin/units',
    {
      schema: {
        tags: ['administration'],
        summary: '新建单位 Create a unit',
        body: CreateUnitSchema,
        response: { 201: UnitSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { units } = await administrator(req.actor());
      inScope(units, req.body.parentId, 'body.parentId');
      if (await db.unit.findFirst({ where: { OR: [{ id: req.body.id }, { code: req.body.code }] } }))
        throw new AppError('ALREADY_EXISTS', [
          { path: 'body.id', message: `${req.body.id} / ${req.body.code}` },
        ]);
      return reply.status(201).send(await db.unit.create({ data: req.body }));
    },
  );

  r.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['administration'],
        summary: '用户列表 Users of my units',
        response: { 200: z.object({ items: z.array(UserSchema) }), ...errors },
      },
    },
    async (req) => {
      const { units } = await administrator(req.actor());
      const rows = await db.user.findMany({ where: { unitId: { in: units } }, orderBy: { username: 'asc' } });
      return { items: rows.map(toUser) };
    },
  );

  r.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['administration'],
        summary: '新建用户 Create a user',
        body: CreateUserSchema,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { units } = await administrator(req.actor());
      const { password, ...data } = req.body;
      inScope(units, data.unitId, 'body.unitId');
      const problems = passwordProblems(password, data.username);
      if (problems.length)
        throw new AppError(
          'WEAK_PASSWORD',
          problems.map((p) => ({ path: 'body.password', message: `${p.zh} / ${p.en}` })),
        );
      if (await db.user.findUnique({ where: { username: data.username } }))
        throw new AppError('ALREADY_EXISTS', [{ path: 'body.username', message: data.username }]);
      const user = await db.user.create({
        data: { id: data.username, ...data, passwordHash: await hashPassword(password) },
      });
      return reply.status(201).send(toUser(user));
    },
  );

  r.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['administration'],
        summary: '修改用户（角色、单位、停用） Change a user’s roles, unit or status',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (req) => {
      const { actor, units } = await administrator(req.actor());
      const user = await db.user.findUnique({ where: { id: req.params.id } });
      if (!user) throw new AppError('NOT_FOUND');
      inScope(units, user.unitId, 'params.id');
      if (req.body.unitId) inScope(units, req.body.unitId, 'body.unitId');
      if (
        user.id === actor.id &&
        (req.body.active === false || (req.body.roles && !req.body.roles.includes('administrator')))
      )
        throw new AppError('VALIDATION_FAILED', [
          { path: 'body', message: '不能停用或降级自己 / you cannot deactivate or demote yourself' },
        ]);
      const updated = await db.$transaction(async (tx) => {
        const u = await tx.user.update({ where: { id: user.id }, data: req.body });
        // A deactivated user, or one whose roles or unit changed, signs in again.
        if (req.body.active === false || req.body.roles || req.body.unitId)
          await tx.session.deleteMany({ where: { userId: user.id } });
        return u;
      });
      return toUser(updated);
    },
  );

  r.post(
    '/api/admin/users/:id/unlock',
    {
      schema: {
        tags: ['administration'],
        summary: '解除账户锁定 Unlock an account',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { units } = await administrator(req.actor());
      const user = await db.user.findUnique({ where: { id: req.params.id } });
      if (!user) throw new AppError('NOT_FOUND');
      inScope(units, user.unitId, 'params.id');
      await clearLoginLocks(db, user);
      return reply.status(204).send(null);
    },
  );

  /** The holiday calendar is the installation's: loading a year recomputes every unit's open deadlines, so only an
   * administrator of the root unit loads one or sees the recomputation (it names cases of every unit). */
  async function rootAdministrator(actor: Promise<Actor>) {
    const a = await administrator(actor);
    if (!a.root)
      throw new AppError('FORBIDDEN_UNIT', [{ path: 'body', message: '仅限根单位管理员 / root unit only' }]);
    return a;
  }

  r.post(
    '/api/admin/calendar/years',
    {
      schema: {
        tags: ['administration'],
        summary:
          '载入年度节假日安排，后台重算未结期限 Load a year’s official holiday schedule; open deadlines are recomputed in the background',
        body: CalendarYearFileSchema,
        response: {
          202: z.object({
            year: z.number(),
            holidays: z.number(),
            workdays: z.number(),
            /** Every open matter recomputing its deadlines: follow it at GET /api/admin/calendar/recompute. */
            recompute: CalendarRecomputeSchema,
          }),
          ...errors,
          503: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const { actor } = await rootAdministrator(req.actor());
      // The engine answers before anything is written: an outage leaves the calendar as it was.
      await requireEngine(temporal);
      const loaded = await loadCalendarYear(db, req.body, actor.id);
      const recompute = await startRecompute(temporal, cfg.temporal.taskQueue, {
        loadId: `${req.body.year}-${Date.now().toString(36)}`,
        year: req.body.year,
        loadedBy: actor.id,
      });
      return reply.status(202).send({ year: req.body.year, ...loaded, recompute });
    },
  );

  r.get(
    '/api/admin/calendar/recompute',
    {
      schema: {
        tags: ['administration'],
        summary:
          '最近一次期限重算的进度与结果 The latest deadline recomputation: its progress, or its result',
        response: { 200: CalendarRecomputeSchema, ...errors, 503: ProblemSchema },
      },
    },
    async (req) => {
      await rootAdministrator(req.actor());
      const status = await recomputeStatus(temporal).catch(() => {
        throw new AppError('SERVICE_UNAVAILABLE');
      });
      if (!status) throw new AppError('NOT_FOUND');
      return status;
    },
  );

  r.post(
    '/api/admin/rule-packs',
    {
      schema: {
        tags: ['administration'],
        summary:
          '载入规则包（全国默认或省级覆盖），校验后存为新版本 Load a rule pack (national defaults or a provincial override) as a new version',
        body: RulePackFileSchema,
        response: {
          201: z.object({ id: z.string(), version: z.number(), resolved: ResolvedRulePackSchema.nullable() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const { actor } = await administrator(req.actor());
      // Packs apply across a province: only administrators of the province (a root unit) load them.
      const unit = await db.unit.findUniqueOrThrow({ where: { id: actor.unitId } });
      if (unit.parentId) throw new AppError('FORBIDDEN_UNIT');
      if (req.body.scope === 'province' && req.body.unitId !== unit.id)
        throw new AppError('FORBIDDEN_UNIT', [{ path: 'body.unitId', message: req.body.unitId }]);
      return reply.status(201).send(await loadRulePack(db, req.body, actor.id));
    },
  );

  r.get(
    '/api/admin/rule-packs',
    {
      schema: {
        tags: ['administration'],
        summary: '规则包版本 Rule-pack versions, newest first',
        response: { 200: z.object({ items: z.array(RulePackVersionSchema) }), ...errors },
      },
    },
    async (req) => {
      await administrator(req.actor());
      const rows = await db.rulePack.findMany({ orderBy: [{ id: 'asc' }, { version: 'desc' }] });
      return {
        items: rows.map((p) => ({
          id: p.id,
          version: p.version,
          title: (p.content as { title: { zh: string; en: string } }).title,
          source: p.source,
          loadedBy: p.loadedBy,
          loadedAt: p.loadedAt.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/admin/refused-commands',
    {
      schema: {
        tags: ['administration'],
        summary: '被拒绝或失败的命令 Refused and failed commands, newest first (never their bodies)',
        querystring: z
          .object({
            target: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                at: z.string(),
                userId: z.string().nullable(),
                method: z.string(),
                route: z.string(),
                target: z.string().nullable(),
                status: z.number(),
                code: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      // Scoped to the administrator's subtree: refusals of its users; those of no signed-in user only at the root.
      const { units, root } = await administrator(req.actor());
      const target = req.query.target ?? null;
      const rows = await db.$queryRaw<CommandRefusal[]>`
        SELECT r.* FROM "CommandRefusal" r LEFT JOIN "User" u ON u."id" = r."userId"
        WHERE (u."unitId" = ANY(${units}) OR (${root} AND u."id" IS NULL))
          AND (${target}::text IS NULL OR r."target" = ${target})
        ORDER BY r."id" DESC
        LIMIT ${req.query.limit}`;
      return { items: rows.map(({ id: _id, at, ...r }) => ({ ...r, at: at.toISOString() })) };
    },
  );

  r.get(
    '/api/rule-packs/effective',
    {
      schema: {
        tags: ['cases'],
        summary: '本单位新案件适用的规则包 The rule pack new cases of your unit run under',
        response: { 200: ResolvedRulePackSchema, 401: ProblemSchema },
      },
    },
    async (req) => resolveRulePack(db, (await req.actor()).unitId),
  );
}
