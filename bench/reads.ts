// `npm run bench -- reads`: the reads a bureau makes all day, at a province's scale. 100,000 cases in 100 county
// units under 10 cities (rows shaped as the workflows project them: the case row, three deadlines and an open task
// for each open case) on embedded PostgreSQL, migrated like production. Each read is run as the API runs it, 200
// times, and its plan is shown (EXPLAIN ANALYZE) so indexes are chosen from what PostgreSQL does.
import { performance } from 'node:perf_hooks';
import { createDb } from '../platform/db.js';
import type { Actor } from '../schema/roles.js';
import { listMatters } from '../api/services/matters.js';
import { startMigratedPostgres } from '../test/helpers/postgres.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = 200;

const { pg, stop } = await startMigratedPostgres('tiean-bench-reads', 'tiean');
const db = createDb(pg.url, 4);
const say = (s: string) => console.log(s);

try {
  const t0 = performance.now();
  // A province, 10 cities, 100 counties.
  await db.$executeRawUnsafe(`
    INSERT INTO "Unit"(id, code, name, "parentId") VALUES ('p', 'P', '省局', NULL);
    INSERT INTO "Unit"(id, code, name, "parentId")
      SELECT 'c' || i, 'C' || i, '市局' || i, 'p' FROM generate_series(1, 10) i;
    INSERT INTO "Unit"(id, code, name, "parentId")
      SELECT 'k' || i, 'K' || i, '县局' || i, 'c' || (1 + (i - 1) / 10) FROM generate_series(1, 100) i;`);
  // Cases over three years: 40% open (spread over the stages), the rest closed; an open case's next due date
  // within ±60 days of today, 8% of them overdue.
  await db.$executeRawUnsafe(`
    INSERT INTO "Case"(number, kind, "unitId", stage, status, source, respondent, summary, "discoveredOn", overdue,
                       "nextDueOn", "nextDueAt", details, "auditSeq", "createdBy", "createdAt", "updatedAt")
    SELECT 'K' || (1 + i % 100) || '-' || lpad(i::text, 6, '0'), 'case', 'k' || (1 + i % 100),
           CASE WHEN i % 10 < 6 THEN 'closed'
                ELSE (ARRAY['filing','investigation','review','notice','decision','served'])[1 + (i / 10) % 6] END,
           CASE WHEN i % 10 < 6 THEN 'closed' ELSE 'open' END,
           'own_inspection', '{"kind":"organisation","name":"某公司"}', '销售过期食品',
           to_char(now() - (i % 1000) * interval '1 day', 'YYYY-MM-DD'),
           i % 10 >= 6 AND i % 13 = 0,
           CASE WHEN i % 10 >= 6 THEN to_char(now() + ((i % 121) - 60) * interval '1 day', 'YYYY-MM-DD') END,
           CASE WHEN i % 10 >= 6 THEN now() + ((i % 121) - 60) * interval '1 day' END,
           CASE WHEN i % 10 < 6 THEN jsonb_build_object('outcome', jsonb_build_object('kind', 'decided',
             'documentNumber', 'K市监处罚〔2026〕' || i || '号', 'annulled', false)) ELSE '{}'::jsonb END,
           5, 'officer', now() - (i % 1000) * interval '1 day', now() - (i % 900) * interval '1 day'
    FROM generate_series(1, ${CASES}) i;`);
  // Three deadlines a case: the filing period (met or late), the case period, the service of the decision.
  await db.$executeRawUnsafe(`
    INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                           provisional, explanation, "updatedAt")
    SELECT c.number || ':' || k.clock, c.number, c."unitId", k.clock, k.clock, k.unit,
           CASE WHEN c.status = 'closed' OR k.clock = 'filing' THEN 'stopped'
                WHEN c.overdue AND k.clock = 'case' THEN 'overdue' ELSE 'running' END,
           c."discoveredOn", to_char(coalesce(c."nextDueAt", c."createdAt" + interval '20 days'), 'YYYY-MM-DD'),
           coalesce(c."nextDueAt", c."createdAt" + interval '20 days'), false, '{}'::jsonb,
           c."createdAt" + (CASE WHEN hashtext(c.number || k.clock) % 10 = 0 THEN 30 ELSE 10 END) * interval '1 day'
    FROM "Case" c CROSS JOIN (VALUES ('filing', 'WD'), ('case', 'CD'), ('service', 'WD')) AS k(clock, unit);`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Task"(id, "caseNumber", kind, title, role, assignees, "unitId", "dueOn", status, "createdAt")
    SELECT c.number || ':next', c.number, 'next', '下一步', 'case_officer', ARRAY['officer' || (hashtext(c.number) & 7)],
           c."unitId", c."nextDueOn", 'open', c."createdAt"
    FROM "Case" c WHERE c.status = 'open';`);
  // As autovacuum leaves a table in steady state (statistics and the visibility map: index-only scans).
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  say(
    `seeded ${CASES.toLocaleString('en')} cases, 3 deadlines each, a task per open case: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const officer: Actor = { id: 'officer3', displayName: 'o', roles: ['case_officer'], unitId: 'k7' };
  const citySupervisor: Actor = { id: 'sup', displayName: 's', roles: ['supervisor'], unitId: 'c3' };
  const province: Actor = { id: 'psup', displayName: 'p', roles: ['supervisor'], unitId: 'p' };
  const cityUnits = Array.from({ length: 10 }, (_, i) => `k${20 + i + 1}`);

  const reads: [string, () => Promise<unknown>, string?][] = [
    [
      'case list, a county officer, page 1 (most urgent first)',
      () => listMatters(db, officer, 'case', { page: 1, pageSize: 50 }),
    ],
    [
      'case list, a city supervisor, overdue only',
      () => listMatters(db, citySupervisor, 'case', { page: 1, pageSize: 50, overdue: 'true' }),
    ],
    [
      'case list, the province, open, page 20',
      () => listMatters(db, province, 'case', { page: 20, pageSize: 50, status: 'open' }),
      `SELECT number FROM "Case" WHERE kind = 'case' AND status = 'open' AND "unitId" IN (SELECT id FROM "Unit") ORDER BY overdue DESC, "nextDueAt" ASC NULLS LAST, number LIMIT 50 OFFSET 950`,
    ],
    [
      '  (its count)',
      () => db.case.count({ where: { kind: 'case', status: 'open' } }),
      `SELECT count(*) FROM "Case" WHERE kind = 'case' AND status = 'open' AND "unitId" IN (SELECT id FROM "Unit")`,
    ],
    [
      'my tasks: open tasks of a county for the role, by due date',
      () =>
        db.task.findMany({
          where: { unitId: 'k7', role: 'case_officer', status: 'open' },
          orderBy: [{ dueOn: 'asc' }],
          take: 50,
        }),
      `SELECT * FROM "Task" WHERE "unitId" = 'k7' AND role = 'case_officer' AND status = 'open' ORDER BY "dueOn" LIMIT 50`,
    ],
    [
      'deadline board: a city’s open deadlines overdue or due within 5 days',
      () =>
        db.$queryRawUnsafe(
          `SELECT d.id, d."caseNumber", d.clock, d.status, d."dueAt", d."unitId" FROM "Deadline" d
            WHERE d."unitId" = ANY($1) AND d.status IN ('running', 'overdue') AND d."dueAt" < now() + interval '5 days'
            ORDER BY d."dueAt" LIMIT 100`,
          cityUnits,
        ),
      `SELECT d.id FROM "Deadline" d WHERE d."unitId" = ANY(ARRAY[${cityUnits.map((u) => `'${u}'`).join(',')}]) AND d.status IN ('running','overdue') AND d."dueAt" < now() + interval '5 days' ORDER BY d."dueAt" LIMIT 100`,
    ],
    [
      'deadline board: counts by unit for the province (overdue, at risk)',
      () =>
        db.$queryRawUnsafe(
          `SELECT d."unitId", count(*) FILTER (WHERE d."dueAt" < now()) AS overdue,
                  count(*) FILTER (WHERE d."dueAt" >= now()) AS at_risk
             FROM "Deadline" d
            WHERE d.status IN ('running', 'overdue') AND d."dueAt" < now() + interval '5 days'
            GROUP BY d."unitId"`,
        ),
    ],
    [
      'figures: cases filed and closed by unit and month, one year, a city',
      () =>
        db.$queryRawUnsafe(
          `SELECT "unitId", date_trunc('month', "createdAt") AS month, count(*) AS filed,
                  count(*) FILTER (WHERE status = 'closed') AS closed
             FROM "Case" WHERE kind = 'case' AND "unitId" = ANY($1) AND "createdAt" >= now() - interval '1 year'
            GROUP BY 1, 2`,
          cityUnits,
        ),
    ],
    [
      'figures: on-time rate per statutory period, one year, the province',
      () =>
        db.$queryRawUnsafe(
          `SELECT d.clock, count(*) AS ended, count(*) FILTER (WHERE d."updatedAt" <= d."dueAt") AS on_time
             FROM "Deadline" d
            WHERE d.status = 'stopped' AND d."updatedAt" >= now() - interval '1 year'
            GROUP BY d.clock`,
        ),
      `SELECT d.clock, count(*), count(*) FILTER (WHERE d."updatedAt" <= d."dueAt") FROM "Deadline" d WHERE d.status = 'stopped' AND d."updatedAt" >= now() - interval '1 year' GROUP BY d.clock`,
    ],
  ];

  say('');
  say(`${'read'.padEnd(70)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`);
  const plans: string[] = [];
  for (const [name, run, sql] of reads) {
    for (let i = 0; i < 10; i++) await run(); // warm
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    say(
      `${name.padEnd(70)} ${times[RUNS / 2]!.toFixed(1).padStart(6)}ms ${times[Math.floor(RUNS * 0.99)]!.toFixed(1).padStart(6)}ms`,
    );
    if (sql) {
      const plan = (await db.$queryRawUnsafe(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`)) as {
        'QUERY PLAN': string;
      }[];
      plans.push(`-- ${name}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
    }
  }
  if (process.env.BENCH_PLANS) say(`\n${plans.join('\n\n')}`);
} finally {
  await db.$disconnect();
  await stop();
}
