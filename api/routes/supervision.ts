// What the workbench's lists and boards read, straight from the projection (never from the workflows): my tasks
// across cases, the deadline board of a unit and the units below it (overdue and at risk), and the bureau's
// figures by unit for a period. The queries are the ones measured at 100,000 cases (bench/reads.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../../schema/api.js';
import {
  BoardQuerySchema,
  BoardSchema,
  FiguresQuerySchema,
  FiguresSchema,
  MyTaskSchema,
  type Figures,
} from '../../schema/workbench.js';
import { AppError } from '../../schema/errors.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { requireRole } from '../auth/sessions.js';
import type { ApiDeps } from '../server.js';
import { unitSubtree } from '../services/units.js';
import { PERIODS } from '../../domain/rules/catalogue.js';
import { boardSql } from '../services/board.js';
import { figuresCsv, periodOf, readFigures } from '../services/figures.js';
import type { Actor } from '../../schema/roles.js';
import { recentCalendar } from '../../services/calendar/load.js';
import { workingDaysBetween } from '../../domain/calendar/calendar.js';

const OVERSEERS = ['supervisor', 'agency_head', 'principal_head', 'administrator'] as const;
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** The caller's units, or the one asked for if it is among them. */
async function unitsOf(db: ApiDeps['db'], callerUnit: string, unitId?: string): Promise<string[]> {
  const visible = await unitSubtree(db, callerUnit);
  if (unitId && !visible.includes(unitId))
    throw new AppError('FORBIDDEN_UNIT', [{ path: 'querystring.unitId', message: unitId }]);
  return unitId ? [unitId] : visible;
}

/** A clock's title by its name, from the statutory periods' catalogue (the first period of that name). */
const CLOCK_TITLES = new Map<string, { zh: string; en: string }>();
for (const p of PERIODS) if (!CLOCK_TITLES.has(p.name)) CLOCK_TITLES.set(p.name, p.title);

export function supervisionRoutes(app: FastifyInstance, { db }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/tasks/mine',
    {
      schema: {
        tags: ['workbench'],
        summary: '我的待办 My open tasks across cases, the earliest due first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
        response: { 200: z.object({ items: z.array(MyTaskSchema) }), ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      // Named for me, or for my role in my unit when no one is named.
      const rows = await db.task.findMany({
        where: {
          status: 'open',
          OR: [
            { assignees: { has: actor.id } },
            { assignees: { isEmpty: true }, unitId: actor.unitId, role: { in: actor.roles } },
          ],
        },
        orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        take: req.query.limit,
      });
      const today = chinaDateOf(Date.now());
      const cal = await recentCalendar(db);
      return {
        items: rows.map((t) => ({
          id: t.id,
          caseNumber: t.caseNumber,
          kind: t.kind,
          title: t.title,
          role: t.role,
          unitId: t.unitId,
          dueOn: t.dueOn,
          overdue: t.dueOn !== null && t.dueOn < today,
          workingDaysLeft:
            t.dueOn === null
              ? null
              : t.dueOn >= today
                ? workingDaysBetween(cal, today, t.dueOn)
                : -workingDaysBetween(cal, t.dueOn, today),
        })),
      };
    },
  );

  r.get(
    '/api/deadlines/board',
    {
      schema: {
        tags: ['workbench'],
        summary: '期限看板 Open deadlines of my units: overdue, and due within the horizon; counts by unit',
        querystring: BoardQuerySchema,
        response: { 200: BoardSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      requireRole(actor, ...OVERSEERS);
      const units = await unitsOf(db, actor.unitId, req.query.unitId);
      const until = new Date(Date.now() + req.query.horizonDays * 86_400_000);
      const open = { unitId: { in: units }, status: { in: ['running', 'overdue'] }, dueAt: { lt: until } };
      const [rows, counts, officers] = await Promise.all([
        db.deadline.findMany({ where: open, orderBy: { dueAt: 'asc' }, take: req.query.limit }),
        db.$queryRaw<{ unitId: string; overdue: bigint; atRisk: bigint }[]>(boardSql.byUnit(units, until)),
        db.$queryRaw<{ officerId: string; overdue: bigint; atRisk: bigint }[]>(
          boardSql.byOfficer(units, until),
        ),
      ]);
      const now = Date.now();
      return {
        items: rows.map((d) => ({
          id: d.id,
          caseNumber: d.caseNumber,
          clock: d.clock,
          title: CLOCK_TITLES.get(d.clock) ?? null,
          status: d.status,
          unitId: d.unitId,
          dueOn: d.dueOn,
          dueAt: d.dueAt?.toISOString() ?? null,
          overdue: d.status === 'overdue' || (d.dueAt !== null && d.dueAt.getTime() < now),
        })),
        byUnit: counts.map((c) => ({
          unitId: c.unitId,
          overdue: Number(c.overdue),
          atRisk: Number(c.atRisk),
        })),
        byOfficer: officers.map((c) => ({
          officerId: c.officerId,
          overdue: Number(c.overdue),
          atRisk: Number(c.atRisk),
        })),
      };
    },
  );

  /** The figures the caller asked for: their units (or one of them) and a period that is one. */
  async function figuresFor(req: {
    actor(): Promise<Actor>;
    query: z.infer<typeof FiguresQuerySchema>;
  }): Promise<{ figures: Figures; units: string[] }> {
    const actor = await req.actor();
    requireRole(actor, ...OVERSEERS);
    const { from, to } = req.query;
    if (from > to)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'querystring.to', message: '结束日期不能早于开始日期 / to must not be before from' },
      ]);
    const units = await unitsOf(db, actor.unitId, req.query.unitId);
    return { figures: await readFigures(db, units, periodOf(from, to)), units };
  }

  r.get(
    '/api/figures',
    {
      schema: {
        tags: ['workbench'],
        summary:
          '统计 Figures by unit for a period: cases filed and closed, decisions with fines and confiscations, ' +
          'complaints accepted within 7 WD, mediation, 12315 closure, publicity within 20 WD, criminal ' +
          'transfers; the on-time rate per statutory period',
        querystring: FiguresQuerySchema,
        response: { 200: FiguresSchema, ...errors },
      },
    },
    async (req) => (await figuresFor(req)).figures,
  );

  r.get(
    '/api/figures.csv',
    {
      schema: {
        tags: ['workbench'],
        summary:
          '统计表 (CSV) The same figures as a spreadsheet: UTF-8 with a byte-order mark, bilingual header row',
        querystring: FiguresQuerySchema,
        produces: ['text/csv', 'application/problem+json'],
        response: { 200: z.any().meta({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (req, reply) => {
      const { figures, units } = await figuresFor(req);
      const names = await db.unit.findMany({
        where: { id: { in: units } },
        select: { id: true, name: true },
      });
      const csv = figuresCsv(figures, new Map(names.map((u) => [u.id, u.name])));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="figures-${figures.from}-${figures.to}.csv"`)
        .send(Buffer.from(csv, 'utf8'));
    },
  );
}
