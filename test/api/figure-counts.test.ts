// The on-time rate per statutory period reads counts kept per unit, period and day (and month) by triggers on the
// deadlines (migration 20261204100000_deadline_counts). On real PostgreSQL, after every kind of write the deadlines
// see — the projection's steps (a deadline started, ended, reopened, recomputed, its case moved to another unit, a
// retried step, steps at once), the application's role writing rows directly, deletions — the counts answer exactly
// what counting every ended deadline answers, for periods that begin and end on every kind of day, and the counts
// are exactly those of the deadlines counted again.
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { StepRecord } from '../../activities/persistence/record-step.js';
import { figureQueries, periodOf } from '../../api/services/figures.js';
import { createMailer } from '../../platform/mailer.js';
import type { ClockView } from '../../schema/case.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let tdb: TestDb;
let app: FastifyInstance;
let t: Record<string, string> = {};
let recordStep: ReturnType<typeof createActivities>['recordStep'];
const seqs = new Map<string, number>();

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
  t = await signIn(app, ['supervisor1', 'citysup'], '10.9.0');
  ({ recordStep } = createActivities({
    db: tdb.db,
    mailer: createMailer('smtp://127.0.0.1:9', 'unused@tiean.local'),
  }));
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

// Moments around China midnights and month ends (UTC+08:00): the last millisecond of a day and the first of the next.
const MOMENTS = [
  '2025-12-31T15:59:59.999Z', // 2025-12-31 23:59:59.999 in China
  '2025-12-31T16:00:00.000Z', // 2026-01-01 00:00
  '2026-01-14T23:00:00.000Z',
  '2026-01-31T15:59:59.999Z',
  '2026-01-31T16:00:00.000Z', // 2026-02-01 00:00
  '2026-02-01T03:30:00.000Z',
  '2026-02-28T15:59:59.999Z',
  '2026-02-28T16:00:00.000Z', // 2026-03-01 00:00
  '2026-03-15T04:00:00.000Z',
  '2026-06-30T15:59:59.999Z',
  '2026-06-30T16:00:00.000Z', // 2026-07-01 00:00
  '2026-12-31T15:59:59.999Z',
];
// Every period between two of these days (first and last days of months, mid-month, a year).
const DAYS = [
  '2025-12-31',
  '2026-01-01',
  '2026-01-15',
  '2026-01-31',
  '2026-02-01',
  '2026-02-28',
  '2026-03-01',
  '2026-03-15',
  '2026-06-30',
  '2026-07-01',
  '2026-12-31',
];
const UNIT_SETS = [['prv', 'city', 'dc', 'dc-cg'], ['dc'], ['dc-cg', 'city']];

/** The counts answer what counting the deadlines answers, for every period and set of units; and the tables hold
 * exactly the deadlines counted again here (not by the migration's SQL). Returns how many clocks were compared. */
async function expectExact(): Promise<number> {
  let compared = 0;
  for (const units of UNIT_SETS)
    for (const [i, from] of DAYS.entries())
      for (const to of DAYS.slice(i)) {
        const p = periodOf(from, to);
        const [counted, scanned] = await Promise.all([
          figureQueries.onTime(tdb.db, units, p),
          figureQueries.onTimeFromDeadlines(tdb.db, units, p),
        ]);
        expect(counted, `${units.join(',')} ${from}…${to}`).toEqual(scanned);
        compared += scanned.length;
      }
  const rows = await tdb.db.deadline.findMany({ where: { status: 'stopped' } });
  const days = new Map<string, [number, number]>();
  const months = new Map<string, [number, number]>();
  for (const d of rows) {
    const day = chinaDateOf(d.updatedAt.getTime());
    const onTime = d.dueAt !== null && d.updatedAt.getTime() <= d.dueAt.getTime() ? 1 : 0;
    for (const [map, key] of [
      [days, `${d.unitId}|${day}|${d.clock}`],
      [months, `${d.unitId}|${day.slice(0, 7)}-01|${d.clock}`],
    ] as const) {
      const [e, o] = map.get(key) ?? [0, 0];
      map.set(key, [e + 1, o + onTime]);
    }
  }
  const table = async (name: string, col: string) =>
    Object.fromEntries(
      (
        await tdb.db.$queryRawUnsafe<{ k: string; ended: number; onTime: number }[]>(
          `SELECT "unitId" || '|' || "${col}"::text || '|' || clock AS k, ended, "onTime" FROM "${name}"`,
        )
      ).map((r) => [r.k, [r.ended, r.onTime]]),
    );
  expect(await table('DeadlineDayCount', 'day')).toEqual(Object.fromEntries(days));
  expect(await table('DeadlineMonthCount', 'month')).toEqual(Object.fromEntries(months));
  return compared;
}

const clock = (name: string, status: ClockView['status'], dueAt: string | null): ClockView => ({
  name,
  title: { zh: name, en: name },
  rule: name,
  unit: 'WD',
  length: 15,
  startedOn: '2025-12-01',
  status,
  dueOn: dueAt ? chinaDateOf(Date.parse(dueAt)) : null,
  dueAt,
  remaining: 0,
  provisional: false,
  pauses: [],
  extensions: [],
  explanation: [],
});

/** A step of a case as the projection records it (the next in the case's sequence unless `seq` is given). */
function step(number: string, unitId: string, at: string, deadlines: ClockView[], seq?: number): StepRecord {
  const n = seq ?? (seqs.get(number) ?? 0) + 1;
  seqs.set(number, Math.max(n, seqs.get(number) ?? 0));
  return {
    caseNumber: number,
    seq: n,
    at,
    actorId: 'officer1',
    action: n === 1 ? 'clue.registered' : 'deadline.recomputed',
    details: {},
    case: {
      number,
      unitId,
      stage: 'investigation',
      status: 'open',
      source: 'media',
      respondent: { kind: 'organisation', name: '某公司' },
      summary: '线索',
      discoveredOn: '2025-12-01',
      overdue: false,
      nextDueOn: null,
      nextDueAt: null,
      createdBy: 'officer1',
      createdAt: '2025-12-01T02:00:00.000Z',
    },
    deadlines,
  };
}

describe('the on-time counts', () => {
  it('the projection’s steps: deadlines started, ended, reopened, recomputed, moved to another unit, retried', async () => {
    // Started, then ended on the last and first moments of days and months, on time, late, to the millisecond.
    for (const [i, at] of MOMENTS.entries()) {
      const n = `DC-2026-${String(100 + i)}`;
      await recordStep(
        step(n, i % 3 ? 'dc' : 'dc-cg', '2025-12-01T02:00:00.000Z', [clock('filing', 'running', at)]),
      );
      const due = [at, MOMENTS[(i + 1) % MOMENTS.length]!, MOMENTS[(i + 5) % MOMENTS.length]!, null][i % 4]!;
      await recordStep(
        step(n, i % 3 ? 'dc' : 'dc-cg', at, [clock('filing', 'stopped', due), clock('case', 'running', due)]),
      );
    }
    expect(await expectExact()).toBeGreaterThan(0);
    const all = await figureQueries.onTime(tdb.db, ['dc', 'dc-cg'], periodOf('2025-12-31', '2026-12-31'));
    expect(all).toEqual([{ clock: 'filing', ended: BigInt(MOMENTS.length), onTime: expect.any(BigInt) }]);

    // Reopened (a recomputation that gives the period back), then ended again on another day and month.
    await recordStep(step('DC-2026-101', 'dc', MOMENTS[5]!, [clock('filing', 'running', MOMENTS[9]!)]));
    await expectExact();
    await recordStep(step('DC-2026-101', 'dc', MOMENTS[8]!, [clock('filing', 'stopped', MOMENTS[9]!)]));
    // Ended, then written again ended with another due time (on time becomes late) and another moment.
    await recordStep(step('DC-2026-102', 'dc', MOMENTS[6]!, [clock('filing', 'stopped', MOMENTS[0]!)]));
    // The case moved to another unit: its deadlines written with the new unit.
    await recordStep(step('DC-2026-104', 'city', MOMENTS[4]!, [clock('filing', 'stopped', MOMENTS[4]!)]));
    // A second period of a case ended (the case period).
    await recordStep(step('DC-2026-105', 'dc', MOMENTS[7]!, [clock('case', 'stopped', MOMENTS[11]!)]));
    await expectExact();

    // A retried step (the same sequence number): found recorded, nothing written.
    const again = step(
      'DC-2026-105',
      'dc',
      MOMENTS[7]!,
      [clock('case', 'stopped', MOMENTS[11]!)],
      seqs.get('DC-2026-105'),
    );
    expect((await recordStep(again)).applied).toBe(false);
    // A deadline written again exactly as it is (an ended one, and one that is running).
    for (const id of ['DC-2026-105:case', 'DC-2026-103:filing', 'DC-2026-103:case']) {
      const row = await tdb.db.deadline.findUniqueOrThrow({ where: { id } });
      const { id: _, explanation, ...data } = row;
      await tdb.db.deadline.update({ where: { id }, data: { ...data, explanation: explanation as object } });
    }
    await expectExact();
    const year = periodOf('2025-12-31', '2026-12-31');
    expect(await figureQueries.onTime(tdb.db, ['prv', 'city', 'dc', 'dc-cg'], year)).toEqual(
      await figureQueries.onTimeFromDeadlines(tdb.db, ['prv', 'city', 'dc', 'dc-cg'], year),
    );
  });

  it('steps at once, ending deadlines of one unit, period and day (no count lost)', async () => {
    const at = '2026-03-15T05:00:00.000Z';
    const numbers = Array.from({ length: 24 }, (_, i) => `DC-2026-3${String(i).padStart(2, '0')}`);
    // Four steps at a time (the test's pool has five connections: more would wait for one past Prisma's limit).
    const atOnce = async (steps: StepRecord[]) => {
      for (let i = 0; i < steps.length; i += 4)
        await Promise.all(steps.slice(i, i + 4).map((x) => recordStep(x)));
    };
    await atOnce(
      numbers.map((n) => step(n, 'dc', '2026-03-01T02:00:00.000Z', [clock('service', 'running', at)])),
    );
    await atOnce(
      numbers.map((n, i) =>
        step(n, 'dc', at, [clock('service', 'stopped', i % 2 ? MOMENTS[11]! : MOMENTS[0]!)]),
      ),
    );
    const service = async () =>
      (await figureQueries.onTime(tdb.db, ['dc'], periodOf('2026-03-15', '2026-03-15'))).filter(
        (o) => o.clock === 'service',
      );
    expect(await service()).toEqual([{ clock: 'service', ended: 24n, onTime: 12n }]);
    // A third of them reopened at once.
    await atOnce(
      numbers
        .filter((_, i) => i % 3 === 0)
        .map((n) => step(n, 'dc', MOMENTS[9]!, [clock('service', 'running', MOMENTS[11]!)])),
    );
    expect(await service()).toEqual([{ clock: 'service', ended: 16n, onTime: 8n }]);
    await expectExact();
  });

  it('the application’s role writing deadlines directly (inserted, changed, deleted at random): exact; the counts it may only read', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(
      `do $$ begin if not exists (select 1 from pg_roles where rolname = 'tiean_test_app') then ` +
        `create role tiean_test_app login password 'test' in role tiean_app; end if; end $$`,
    );
    await admin.end();
    const url = new URL(tdb.url);
    url.username = 'tiean_test_app';
    url.password = 'test';
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      // A fixed sequence (a small linear congruential generator): the same writes every run.
      let seed = 20261204;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
      const cases = ['DC-2026-100', 'DC-2026-101', 'DC-2026-102', 'DC-2026-103'];
      const statuses = ['running', 'paused', 'overdue', 'stopped', 'stopped'] as const;
      for (let i = 0; i < 400; i++) {
        const id = `${pick(cases)}:x${rnd(12)}`;
        const op = rnd(10);
        if (op === 0) await c.query('DELETE FROM "Deadline" WHERE id = $1', [id]);
        else if (op === 1)
          await c.query('UPDATE "Deadline" SET status = status, "updatedAt" = "updatedAt" WHERE id = $1', [
            id,
          ]);
        else
          await c.query(
            `INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueAt",
                                    explanation, "updatedAt")
             VALUES ($1, split_part($1, ':', 1), $2, $3, 'r', 'WD', $4, '2025-12-01', $5, '{}', $6)
             ON CONFLICT (id) DO UPDATE SET "unitId" = EXCLUDED."unitId", clock = EXCLUDED.clock,
               status = EXCLUDED.status, "dueAt" = EXCLUDED."dueAt", "updatedAt" = EXCLUDED."updatedAt"`,
            [
              id,
              pick(['dc', 'dc-cg', 'city']),
              pick(['filing', 'case', 'x']),
              pick(statuses),
              rnd(5) ? pick(MOMENTS) : null,
              pick(MOMENTS),
            ],
          );
        if (i % 100 === 99) await expectExact();
      }
      await c.query(`DELETE FROM "Deadline" WHERE id LIKE '%:x%' AND status = 'stopped' AND "unitId" = 'dc'`);
      await expectExact();
      // The counts are the triggers' alone.
      const refused = async (sql: string) => {
        const e = await c.query(sql).then(
          () => undefined,
          (err: { code?: string }) => err,
        );
        expect(e?.code, sql).toBe('42501'); // insufficient_privilege
      };
      expect((await c.query('SELECT count(*) FROM "DeadlineDayCount"')).rowCount).toBe(1);
      await refused(`UPDATE "DeadlineDayCount" SET ended = ended + 1`);
      await refused(`INSERT INTO "DeadlineMonthCount" VALUES ('dc', '2026-01-01', 'filing', 1, 1)`);
      await refused(`DELETE FROM "DeadlineMonthCount"`);
      await refused(`SELECT "deadline_counts_add"('dc', 'filing', now(), now(), 1)`);
      await refused(`SELECT "deadline_counts_rebuild"()`);
    } finally {
      await c.end();
    }
  });

  it('GET /api/figures answers the same on-time rate as counting the deadlines', async () => {
    for (const [user, units] of [
      ['supervisor1', ['dc', 'dc-cg']],
      ['citysup', ['city', 'dc', 'dc-cg']],
    ] as const)
      for (const [from, to] of [
        ['2025-12-31', '2026-12-31'],
        ['2026-01-15', '2026-03-15'],
        ['2026-02-01', '2026-02-28'],
        ['2026-03-15', '2026-03-15'],
      ] as const) {
        const r = await app.inject({
          url: `/api/figures?from=${from}&to=${to}`,
          headers: { authorization: `Bearer ${t[user]}` },
        });
        expect(r.statusCode).toBe(200);
        const scanned = await figureQueries.onTimeFromDeadlines(tdb.db, [...units], periodOf(from, to));
        expect(r.json().onTime).toEqual(
          scanned.map((o) => ({ clock: o.clock, ended: Number(o.ended), onTime: Number(o.onTime) })),
        );
        if (from === '2025-12-31') expect(r.json().onTime.length).toBeGreaterThan(0);
      }
  });

  it('counted again from the deadlines (the migration’s back-fill) after writes the triggers did not see', async () => {
    // As the owner: the triggers off, deadlines ended and changed, the counts stale; then counted again.
    await tdb.db.$executeRawUnsafe('ALTER TABLE "Deadline" DISABLE TRIGGER USER');
    await tdb.db.$executeRawUnsafe(
      `UPDATE "Deadline" SET status = 'stopped', "updatedAt" = "updatedAt" + interval '7 hours' WHERE clock = 'case'`,
    );
    await tdb.db.$executeRawUnsafe('ALTER TABLE "Deadline" ENABLE TRIGGER USER');
    await expect(expectExact()).rejects.toThrow();
    await tdb.db.$executeRawUnsafe('SELECT "deadline_counts_rebuild"()');
    await expectExact();
    // Emptied with the deadlines.
    await tdb.db.$executeRawUnsafe('TRUNCATE "Deadline"');
    expect(await tdb.db.$queryRawUnsafe('SELECT * FROM "DeadlineDayCount"')).toEqual([]);
    expect(await tdb.db.$queryRawUnsafe('SELECT * FROM "DeadlineMonthCount"')).toEqual([]);
  });
});
