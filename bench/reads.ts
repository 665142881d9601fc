// `npm run bench -- reads`: the reads a bureau makes all day, at a province's scale. 100,000 cases in 100 county
// units under 10 cities (rows shaped as the workflows project them: the case row, three deadlines and an open task
// naming two of its county's eight officers for each open case, the audit trail, the public list) and as many
// complaints (their rows, acceptance and mediation deadlines, submissions, audit entries) on embedded PostgreSQL,
// migrated like production. Each read is run as the API runs it, 200 times, and its plan is shown (EXPLAIN ANALYZE)
// so indexes are chosen from what PostgreSQL does. The figures' reads run twice: without the indexes of their
// migration, then with them. The on-time rate reads the counts that the deadlines' triggers kept as the seed
// inserted them (checked first against counting the deadlines), and is measured beside counting every ended
// deadline as it was read before; last, what the triggers add to a write that ends a deadline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '../platform/db.js';
import { Prisma } from '../schema/generated/prisma/client.js';
import { projectRoot } from '../platform/config.js';
import type { Actor } from '../schema/roles.js';
import { listMatters } from '../api/services/matters.js';
import { boardSql } from '../api/services/board.js';
import { figureQueries, figureSql, periodOf, readFigures } from '../api/services/figures.js';
import { unitSubtree } from '../api/services/units.js';
import { chinaDateOf } from '../schema/values/dates.js';
import { startMigratedPostgres } from '../test/helpers/postgres.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? CASES);
/** Runs per read (fewer for a quick check of the script itself). */
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** The migration of the figures: its statements fill the figure entries from the seeded audit trail (as the
 * projection writes them) and its indexes are measured without and with. */
const FIGURES_MIGRATION = readFileSync(
  path.join(projectRoot, 'schema/prisma/migrations/20261204090000_figures/migration.sql'),
  'utf8',
)
  .replace(/--.*$/gm, '')
  .split(';')
  .map((x) => x.trim());
const statement = (start: string) => FIGURES_MIGRATION.filter((x) => x.startsWith(start));

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
    SELECT c.number || ':next', c.number, 'next', '下一步', 'case_officer',
           ARRAY[c."unitId" || '-officer' || (hashtext(c.number) & 7),
                 c."unitId" || '-officer' || ((hashtext(c.number) >> 3) & 7)],
           c."unitId", c."nextDueOn", 'open', c."createdAt"
    FROM "Case" c WHERE c.status = 'open';`);
  // The audit trail of each case as its workflow writes it: eight steps of registration, filing and investigation,
  // then for a closed case how it ended: a decision (fine, for some also confiscated gains or property; the facts
  // and basis with it), served, published and closed; every 50th an on-the-spot fine instead; every 100th a
  // criminal transfer the police filed.
  await db.$executeRawUnsafe(`
    INSERT INTO "AuditEntry"("caseNumber", seq, at, "actorId", action, details, "prevHash", hash)
    SELECT c.number, s, c."createdAt" + s * interval '3 days', 'officer',
           (ARRAY['clue.registered', 'filing.approved', 'case_clock.started', 'evidence.recorded', 'evidence.recorded',
                  'testing.started', 'testing.finished', 'evidence.recorded'])[s],
           jsonb_build_object('officers', jsonb_build_array('officer1', 'officer2'), 'description', repeat('记录', 40)),
           repeat('0', 64), repeat('1', 64)
    FROM "Case" c CROSS JOIN generate_series(1, 8) s WHERE c.kind = 'case';`);
  await db.$executeRawUnsafe(`
    INSERT INTO "AuditEntry"("caseNumber", seq, at, "actorId", action, details, "prevHash", hash)
    SELECT c.number, 8 + e.n, c."createdAt" + interval '40 days' + e.n * interval '1 day', 'head', e.action, e.details,
           repeat('0', 64), repeat('1', 64)
    FROM "Case" c
    CROSS JOIN LATERAL (SELECT abs(hashtext(c.number)) AS h) k
    CROSS JOIN LATERAL (
      SELECT * FROM (VALUES
        (1, CASE WHEN k.h % 100 = 1 THEN 'transfer.approved' WHEN k.h % 50 = 0 THEN 'simplified.decided'
                 ELSE 'decision.made' END,
            CASE WHEN k.h % 100 = 1 THEN jsonb_build_object('handOverBy', '2026-01-01')
                 WHEN k.h % 50 = 0 THEN jsonb_build_object('formNumber', 'F' || k.h, 'penalty',
                   jsonb_build_object('kind', 'fine', 'amount', 50 + k.h % 150), 'facts', repeat('事实', 50),
                   'legalBasis', repeat('依据', 20), 'officers', jsonb_build_array('officer1', 'officer2'), 'publish', false)
                 ELSE jsonb_build_object('documentNumber', 'K市监处罚〔2026〕' || k.h || '号',
                   'outcome', jsonb_build_object('kind', 'penalty', 'penalties',
                     jsonb_build_array(jsonb_build_object('kind', 'fine', 'amountFen', 100000 * (1 + k.h % 200)))
                     || CASE WHEN k.h % 3 = 0 THEN jsonb_build_array(jsonb_build_object('kind', 'confiscate_gains',
                          'amountFen', 50000 * (1 + k.h % 40))) ELSE '[]'::jsonb END
                     || CASE WHEN k.h % 7 = 0 THEN jsonb_build_array(jsonb_build_object('kind', 'confiscate_property',
                          'amountFen', 20000 * (1 + k.h % 30), 'items', '过期食品')) ELSE '[]'::jsonb END),
                   'legalBasis', repeat('依据', 40), 'facts', repeat('事实', 150), 'publish', true,
                   'collective', NULL, 'serviceDueOn', '2026-01-01') END),
        (2, CASE WHEN k.h % 100 = 1 THEN 'case.transferred_to_police' WHEN k.h % 50 = 0 THEN 'deadline.recomputed'
                 ELSE 'decision.served' END, '{}'::jsonb),
        (4, 'case.closed', '{}'::jsonb)) AS v(n, action, details)
      WHERE v.n <= 2 OR k.h % 50 > 1
    ) e(n, action, details)
    WHERE c.kind = 'case' AND c.status = 'closed';`);
  // The public list: two of three decided cases published, between 5 and 40 days after the decision, each with
  // its publicity clock (20 WD, due about 28 days after the decision).
  await db.$executeRawUnsafe(`
    INSERT INTO "Publication"("caseNumber", "unitId", "documentNumber", respondent, "penaltySummary", "decidedOn",
                              "publishedOn", "endsOn", status, text, "textSha256", version, "updatedAt")
    SELECT c.number, c."unitId", 'K市监处罚〔2026〕' || k.h || '号', '某公司', '罚款',
           to_char(c."createdAt" + interval '41 days', 'YYYY-MM-DD'),
           to_char(c."createdAt" + interval '41 days' + (5 + k.h % 36) * interval '1 day', 'YYYY-MM-DD'),
           to_char(c."createdAt" + interval '41 days' + interval '3 months', 'YYYY-MM-DD'),
           CASE WHEN k.h % 4 = 0 THEN 'ended' ELSE 'published' END, repeat('公示内容', 150), repeat('a', 64), 1,
           c."createdAt" + interval '50 days'
    FROM "Case" c CROSS JOIN LATERAL (SELECT abs(hashtext(c.number)) AS h) k
    WHERE c.kind = 'case' AND c.status = 'closed' AND k.h % 50 > 1 AND k.h % 3 <> 2;`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                           provisional, explanation, "updatedAt")
    SELECT p."caseNumber" || ':publicity', p."caseNumber", p."unitId", 'publicity', 'publicity', 'WD', 'stopped',
           p."decidedOn", to_char(p."decidedOn"::date + 28, 'YYYY-MM-DD'),
           (p."decidedOn"::date + 29)::timestamp AT TIME ZONE 'Asia/Shanghai', false, '{}'::jsonb,
           p."publishedOn"::date + interval '12 hours'
    FROM "Publication" p;`);
  // The step that published each, as its workflow records it (late: after the publicity clock's due day).
  await db.$executeRawUnsafe(`
    INSERT INTO "AuditEntry"("caseNumber", seq, at, "actorId", action, details, "prevHash", hash)
    SELECT p."caseNumber", 11, p."publishedOn"::date + interval '12 hours', 'officer', 'publicity.published',
           jsonb_build_object('publishedOn', p."publishedOn", 'endsOn', p."endsOn", 'tier', 'minor', 'months', 3,
                              'textSha256', p."textSha256", 'late', p."publishedOn" > d."dueOn",
                              'officers', jsonb_build_array('officer1', 'officer2')),
           repeat('0', 64), repeat('1', 64)
    FROM "Publication" p JOIN "Deadline" d ON d.id = p."caseNumber" || ':publicity';`);
  // Complaints over the same three years: 60% through 12315; 90% decided on acceptance (one in 17 not accepted),
  // the rest awaiting it; a third mediated (60% of those agreed); their acceptance and mediation clocks; a
  // submission each (every 7th a mixed one whose report started a case); five audit steps each.
  await db.$executeRawUnsafe(`
    INSERT INTO "Case"(number, kind, "unitId", stage, status, source, respondent, summary, "discoveredOn", overdue,
                       "nextDueOn", "nextDueAt", details, "auditSeq", "createdBy", "createdAt", "updatedAt")
    SELECT 'K' || (1 + i % 100) || '-TS-' || lpad(i::text, 6, '0'), 'complaint', 'k' || (1 + i % 100),
           CASE WHEN i % 10 = 7 THEN 'acceptance' WHEN i % 10 = 8 THEN 'accepted' ELSE 'closed' END,
           CASE WHEN i % 10 IN (7, 8) THEN 'open' ELSE 'closed' END,
           'complaint_report', '{"kind":"organisation","name":"某电器公司"}', '电热水器',
           to_char(now() - (i % 1000) * interval '1 day', 'YYYY-MM-DD'), false, NULL, NULL,
           jsonb_build_object('submissionId', 'SUB-C' || i,
             'channel', CASE WHEN i % 5 < 3 THEN '12315' ELSE 'phone' END, 'claim', '退货并退款', 'purchaseDate', NULL,
             'repeat', jsonb_build_object('count', 0, 'earlier', '[]'::jsonb),
             'acceptance', CASE WHEN i % 10 = 7 THEN NULL
               ELSE jsonb_build_object('decision', CASE WHEN i % 17 = 0 THEN 'rejected' ELSE 'accepted' END,
                 'by', 'intake1', 'on', to_char(now() - (i % 1000 - 3) * interval '1 day', 'YYYY-MM-DD')) END,
             'transfer', NULL, 'transferredFrom', NULL,
             'mediation', jsonb_build_object(
               'status', CASE WHEN i % 3 = 0 AND i % 10 NOT IN (7, 8) AND i % 17 <> 0 THEN 'ended' ELSE 'not_started' END,
               'startedOn', CASE WHEN i % 3 = 0 AND i % 10 NOT IN (7, 8) AND i % 17 <> 0
                 THEN to_char(now() - (i % 1000 - 5) * interval '1 day', 'YYYY-MM-DD') END,
               'endedOn', CASE WHEN i % 3 = 0 AND i % 10 NOT IN (7, 8) AND i % 17 <> 0
                 THEN to_char(now() - (i % 1000 - 20) * interval '1 day', 'YYYY-MM-DD') END,
               'outcome', CASE WHEN i % 3 = 0 AND i % 10 NOT IN (7, 8) AND i % 17 <> 0
                 THEN CASE WHEN i % 5 < 3 THEN 'agreement' ELSE 'no_agreement' END END,
               'endedBy', NULL),
             'partiesNotified', NULL, 'violations', '[]'::jsonb,
             'outcome', CASE WHEN i % 17 = 0 THEN 'rejected' WHEN i % 10 IN (7, 8) THEN NULL
                             WHEN i % 3 = 0 AND i % 5 < 3 THEN 'agreement' ELSE 'refused' END),
           5, 'intake1', now() - (i % 1000) * interval '1 day', now() - (i % 900) * interval '1 day'
    FROM generate_series(1, ${COMPLAINTS}) i;`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                           provisional, explanation, "updatedAt")
    SELECT c.number || ':' || k.clock, c.number, c."unitId", k.clock, k.clock, 'WD',
           CASE WHEN k.clock = 'acceptance' AND c.stage = 'acceptance' THEN 'running' ELSE 'stopped' END,
           c."discoveredOn", to_char(c."createdAt" + k.days * interval '1 day', 'YYYY-MM-DD'),
           c."createdAt" + (k.days + 1) * interval '1 day', false, '{}'::jsonb,
           c."createdAt" + (CASE WHEN hashtext(c.number) % 8 = 0 THEN k.days + 4 ELSE 3 END) * interval '1 day'
    FROM "Case" c CROSS JOIN (VALUES ('acceptance', 9), ('mediation', 63)) AS k(clock, days)
    WHERE c.kind = 'complaint' AND (k.clock = 'acceptance' OR c.details #>> '{acceptance,decision}' = 'accepted');`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Submission"(id, "unitId", kind, channel, "submitterKey", "respondentKey", "subjectKey",
                             "complaintNumber", "caseNumber", "repeatOf", "receivedOn", "createdBy", "createdAt")
    SELECT c.details ->> 'submissionId', c."unitId", CASE WHEN i % 7 = 0 THEN 'mixed' ELSE 'complaint' END,
           c.details ->> 'channel', md5('s' || i), md5('r' || i), md5('k' || i), c.number,
           CASE WHEN i % 7 = 0 AND i <= ${CASES} THEN 'K' || (1 + i % 100) || '-' || lpad(i::text, 6, '0') END,
           '{}', c."discoveredOn", 'intake1', c."createdAt"
    FROM generate_series(1, ${COMPLAINTS}) i JOIN "Case" c ON c.number = 'K' || (1 + i % 100) || '-TS-' || lpad(i::text, 6, '0');`);
  await db.$executeRawUnsafe(`
    INSERT INTO "AuditEntry"("caseNumber", seq, at, "actorId", action, details, "prevHash", hash)
    SELECT c.number, e.n, c."createdAt" + e.n * interval '4 days', 'intake1', e.action, e.details,
           repeat('0', 64), repeat('1', 64)
    FROM "Case" c CROSS JOIN LATERAL (VALUES
      (1, 'complaint.received', jsonb_build_object('channel', c.details ->> 'channel', 'receivedOn', c."discoveredOn",
                                                    'acceptanceDueOn', '2026-01-01', 'repeatOf', '[]'::jsonb)),
      (2, CASE WHEN c.details #>> '{acceptance,decision}' = 'rejected' THEN 'complaint.rejected'
               ELSE 'complaint.accepted' END, jsonb_build_object('mediationDueOn', '2026-03-01')),
      (3, 'mediation.started', jsonb_build_object('complainantConsents', true, 'respondentConsents', true)),
      (4, 'mediation.ended', jsonb_build_object('outcome', coalesce(c.details #>> '{mediation,outcome}', 'refused'),
                                                 'endedOn', coalesce(c.details #>> '{mediation,endedOn}',
                                                                     to_char(c."createdAt" + interval '16 days', 'YYYY-MM-DD')),
                                                 'noticeDueOn', '2026-02-10')),
      (5, 'parties.notified', jsonb_build_object('method', 'phone', 'outcome', c.details -> 'outcome'))
    ) AS e(n, action, details)
    WHERE c.kind = 'complaint' AND (e.n = 1 OR c.details -> 'acceptance' <> 'null')
      AND (e.n <= 2 OR c.details #>> '{mediation,status}' = 'ended' OR (e.n >= 4 AND c.stage = 'closed'
           AND c.details #>> '{acceptance,decision}' = 'accepted'));`);
  // The figure entries of those steps and the submissions' closed tracks, as the projection writes them (the
  // figures' migration's own statements, which fill them for the steps recorded before it).
  for (const sql of [...statement('INSERT INTO "FigureEntry"'), ...statement('UPDATE "Submission"')])
    await db.$executeRawUnsafe(sql);
  // As autovacuum leaves a table in steady state (statistics and the visibility map: index-only scans).
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  say(
    `seeded ${CASES.toLocaleString('en')} cases and ${COMPLAINTS.toLocaleString('en')} complaints (deadlines, tasks, audit trails, submissions, the public list): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const provinceUnits = await unitSubtree(db, 'p');
  const cityAll = await unitSubtree(db, 'c3');
  const today = chinaDateOf(Date.now());
  const year = periodOf(chinaDateOf(Date.now() - 365 * 86_400_000), today);
  /** The deadline board's horizon by default (5 days), as the API takes it. */
  const until = () => new Date(Date.now() + 5 * 86_400_000);

  // The seed's deadlines were counted by the triggers of migration 20261204100000_deadline_counts as they were
  // inserted: the counts answer what counting the deadlines answers, or the benchmark stops.
  const [counted, scanned] = await Promise.all([
    figureQueries.onTime(db, provinceUnits, year),
    figureQueries.onTimeFromDeadlines(db, provinceUnits, year),
  ]);
  if (
    JSON.stringify(counted, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) !==
    JSON.stringify(scanned, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))
  )
    throw new Error(`the counts differ from the deadlines: ${String(counted)} / ${String(scanned)}`);
  const rows = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql))[0]!.n);
  const [dayRows, monthRows, yearDayRows] = await Promise.all([
    rows('SELECT count(*) AS n FROM "DeadlineDayCount"'),
    rows('SELECT count(*) AS n FROM "DeadlineMonthCount"'),
    rows(`SELECT count(*) AS n FROM "DeadlineDayCount" WHERE day BETWEEN '${year.from}' AND '${year.to}'`),
  ]);
  say(
    `the province's year: ${scanned.reduce((t, o) => t + Number(o.ended), 0)} deadlines ended (${scanned.length} periods); ` +
      `counts kept: ${dayRows} of units' days (${yearDayRows} in the year), ${monthRows} of units' months`,
  );

  // What the on-time figure would read with counts per day only: a province's year of units' days.
  const daysAlone = Prisma.sql`
      SELECT clock, sum(ended) AS ended, sum("onTime") AS "onTime" FROM "DeadlineDayCount"
       WHERE "unitId" = ANY(${provinceUnits}) AND day >= ${year.from}::date AND day <= ${year.to}::date
       GROUP BY clock ORDER BY clock`;

  const officer: Actor = { id: 'officer3', displayName: 'o', roles: ['case_officer'], unitId: 'k7' };
  const citySupervisor: Actor = { id: 'sup', displayName: 's', roles: ['supervisor'], unitId: 'c3' };
  const province: Actor = { id: 'psup', displayName: 'p', roles: ['supervisor'], unitId: 'p' };
  const cityUnits = Array.from({ length: 10 }, (_, i) => `k${20 + i + 1}`);

  const reads: [string, () => Promise<unknown>, (string | Prisma.Sql)?][] = [
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
      'deadline board: counts by officer for a city (overdue, at risk)',
      () => db.$queryRaw(boardSql.byOfficer(cityAll, until())),
      boardSql.byOfficer(cityAll, until()),
    ],
    [
      'deadline board: counts by officer for the province (overdue, at risk)',
      () => db.$queryRaw(boardSql.byOfficer(provinceUnits, until())),
      boardSql.byOfficer(provinceUnits, until()),
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
      () => figureQueries.onTime(db, provinceUnits, year),
      figureSql.onTime(provinceUnits, year),
    ],
    [
      '  (counted from every deadline that ended, as before the counts)',
      () => figureQueries.onTimeFromDeadlines(db, provinceUnits, year),
      figureSql.onTimeFromDeadlines(provinceUnits, year),
    ],
    ['  (from the counts per day alone, without those per month)', () => db.$queryRaw(daysAlone), daysAlone],
  ];

  // The figures of GET /api/figures over the last year, for the province and for a city.
  const figureReads: typeof reads = [
    ...(
      [
        ['decisions, transfers, mediations, publicity (figure entries)', 'entries'],
        ['complaints received, decided within 7 WD (acceptance clocks)', 'complaints'],
        ['12315 received and closed (submissions)', 'channel12315'],
      ] as const
    ).map(([what, key]): (typeof reads)[number] => [
      `figures: ${what}, one year, the province`,
      () => figureQueries[key](db, provinceUnits, year),
      figureSql[key](provinceUnits, year),
    ]),
    [
      'figures: filed and closed (cases), one year, the province',
      () => figureQueries.cases(db, provinceUnits, year),
      figureSql.cases(provinceUnits, year),
    ],
    [
      'figures: on-time rate per statutory period, one year, a county',
      () => figureQueries.onTime(db, ['k7'], year),
      figureSql.onTime(['k7'], year),
    ],
    ['figures: all of GET /api/figures, one year, the province', () => readFigures(db, provinceUnits, year)],
    [
      '  (its queries with the on-time rate counted from every ended deadline, as before)',
      () => beforeTheCounts(),
    ],
    ['figures: all of GET /api/figures, one year, a city', () => readFigures(db, cityAll, year)],
    ['figures: all of GET /api/figures, one year, a county', () => readFigures(db, ['k7'], year)],
  ];

  // What the figures found, for a reader of the output (the province's year, all units together).
  const sum = (f: (u: Awaited<ReturnType<typeof readFigures>>['byUnit'][number]) => number | null) =>
    (figs.byUnit as Parameters<typeof f>[0][]).reduce((t, u) => t + (f(u) ?? 0), 0);
  const figs = await readFigures(db, provinceUnits, year);
  say(
    `the province's year: ${sum((u) => u.decisions.count)} decisions (fines ${sum((u) => u.decisions.fineFen)} fen), ` +
      `${sum((u) => u.complaints.received)} complaints (${sum((u) => u.complaints.decidedOnTime)} decided within 7 WD), ` +
      `${sum((u) => u.mediation.attempted)} mediations (${sum((u) => u.mediation.succeeded)} agreed), ` +
      `${sum((u) => u.channel12315.received)} through 12315 (${sum((u) => u.channel12315.closed)} closed), ` +
      `${sum((u) => u.publicity.published)} published (${sum((u) => u.publicity.onTime)} within 20 WD), ` +
      `${sum((u) => u.transfers.decided)} transfers`,
  );

  const plans: string[] = [];
  async function measure(list: typeof reads, label = '') {
    say('');
    say(`${`read${label}`.padEnd(70)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`);
    for (const [name, run, sql] of list) {
      for (let i = 0; i < 10; i++) await run(); // warm
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      say(
        `${name.padEnd(70)} ${times[Math.floor(RUNS / 2)]!.toFixed(1).padStart(6)}ms ${times[Math.floor(RUNS * 0.99)]!.toFixed(1).padStart(6)}ms`,
      );
      if (sql) {
        const plan = (await (typeof sql === 'string'
          ? db.$queryRawUnsafe(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`)
          : db.$queryRaw(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`))) as { 'QUERY PLAN': string }[];
        plans.push(`-- ${name}${label}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
      }
    }
  }
  /** Reads measured in turns (one run of each, then again), so that a load that comes and goes on the machine
   * falls on each alike: the fair comparison of the counts with counting every ended deadline. */
  async function measureInTurns(list: [string, () => Promise<unknown>][], label: string) {
    say('');
    say(`${`read${label}, in turns`.padEnd(70)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`);
    for (const [, run] of list) for (let i = 0; i < 10; i++) await run(); // warm
    const times = list.map((): number[] => []);
    for (let i = 0; i < RUNS; i++)
      for (const [k, [, run]] of list.entries()) {
        const t = performance.now();
        await run();
        times[k]!.push(performance.now() - t);
      }
    for (const [k, [name]] of list.entries()) {
      const ts = times[k]!.sort((a, b) => a - b);
      say(
        `${name.padEnd(70)} ${ts[Math.floor(RUNS / 2)]!.toFixed(1).padStart(6)}ms ${ts[Math.floor(RUNS * 0.99)]!.toFixed(1).padStart(6)}ms`,
      );
    }
  }
  const beforeTheCounts = () => {
    const q = figureQueries;
    return Promise.all(
      [q.cases, q.onTimeFromDeadlines, q.entries, q.complaints, q.channel12315].map((f) =>
        f(db, provinceUnits, year),
      ),
    );
  };
  const inTurns: [string, () => Promise<unknown>][] = [
    ['on-time rate, one year, the province: the counts', () => figureQueries.onTime(db, provinceUnits, year)],
    [
      '  counted from every ended deadline, as before',
      () => figureQueries.onTimeFromDeadlines(db, provinceUnits, year),
    ],
    ['all of GET /api/figures, one year, the province', () => readFigures(db, provinceUnits, year)],
    ['  its queries with the on-time rate as before', beforeTheCounts],
  ];

  await measure(reads);
  // The figures without the indexes of their migration, then with them (created as the migration creates them).
  const creates = statement('CREATE INDEX');
  const names = creates.map((x) => /CREATE INDEX "([^"]+)"/.exec(x)![1]!);
  for (const n of names) await db.$executeRawUnsafe(`DROP INDEX "${n}"`);
  await db.$executeRawUnsafe('ANALYZE');
  await measure(figureReads, ' (without the figures’ indexes)');
  for (const c of creates) await db.$executeRawUnsafe(c);
  await db.$executeRawUnsafe('ANALYZE');
  await measure(figureReads, ' (with them)');
  await measureInTurns(inTurns, '');

  // The seed ends a unit's deadlines on few days (its cases begin 100 days apart), so its counts per day are fewer
  // than a real province's, whose deadlines end on every day. The same deadlines with their ends (and due times)
  // moved back by 0–99 days each, counted again as the migration counts them (the triggers off meanwhile); then
  // the on-time reads again.
  await db.$executeRawUnsafe('ALTER TABLE "Deadline" DISABLE TRIGGER USER');
  await db.$executeRawUnsafe(
    `UPDATE "Deadline" SET "updatedAt" = "updatedAt" - (abs(hashtext(id)) % 100) * interval '1 day',
                           "dueAt" = "dueAt" - (abs(hashtext(id)) % 100) * interval '1 day'
      WHERE status = 'stopped'`,
  );
  await db.$executeRawUnsafe('ALTER TABLE "Deadline" ENABLE TRIGGER USER');
  const tr = performance.now();
  await db.$executeRawUnsafe('SELECT "deadline_counts_rebuild"()');
  const rebuilt = performance.now() - tr;
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  const [spreadDays, spreadYearDays, spreadMonths] = await Promise.all([
    rows('SELECT count(*) AS n FROM "DeadlineDayCount"'),
    rows(`SELECT count(*) AS n FROM "DeadlineDayCount" WHERE day BETWEEN '${year.from}' AND '${year.to}'`),
    rows('SELECT count(*) AS n FROM "DeadlineMonthCount"'),
  ]);
  say('');
  say(
    `the ends spread over every day: counted again from the deadlines in ${(rebuilt / 1000).toFixed(1)} s; ` +
      `counts kept: ${spreadDays} of units' days (${spreadYearDays} in the year), ${spreadMonths} of units' months`,
  );
  const [counted2, scanned2] = await Promise.all([
    figureQueries.onTime(db, provinceUnits, year),
    figureQueries.onTimeFromDeadlines(db, provinceUnits, year),
  ]);
  if (
    JSON.stringify(counted2, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) !==
    JSON.stringify(scanned2, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))
  )
    throw new Error('the counts differ from the deadlines after counting again');
  await measure(
    [
      ...reads.slice(reads.findIndex(([name]) => name.startsWith('figures: on-time'))),
      ...figureReads.filter(([name]) => name.includes('all of GET') || name.startsWith('  (its queries')),
    ],
    ' (the ends spread over every day)',
  );
  await measureInTurns(inTurns, ' (the ends spread over every day)');

  // What keeping the counts costs a write: a running deadline ended by one UPDATE in its own transaction, with the
  // triggers that count it and without them (disabled), in turns of 1,000 deadlines each.
  const running = (
    await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Deadline" WHERE status = 'running' ORDER BY md5(id) LIMIT ${4 * Math.min(RUNS * 5, 1000)}`,
    )
  ).map((r) => r.id);
  const writes: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (const [turn, ids] of [0, 1, 2, 3].map((k) => [k, running.filter((_, i) => i % 4 === k)] as const)) {
    const counted = turn % 2 === 0;
    if (!counted) await db.$executeRawUnsafe('ALTER TABLE "Deadline" DISABLE TRIGGER USER');
    for (const id of ids) {
      const t = performance.now();
      await db.$executeRaw`UPDATE "Deadline" SET status = 'stopped', "updatedAt" = now() WHERE id = ${id}`;
      writes[counted ? 'with' : 'without'].push(performance.now() - t);
    }
    if (!counted) await db.$executeRawUnsafe('ALTER TABLE "Deadline" ENABLE TRIGGER USER');
  }
  say('');
  say(`${'write'.padEnd(70)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`);
  for (const [label, times] of [
    ['a running deadline ended (one UPDATE), the counts kept by the triggers', writes.with],
    ['  the same without the triggers', writes.without],
  ] as const) {
    times.sort((a, b) => a - b);
    say(
      `${label.padEnd(70)} ${times[Math.floor(times.length / 2)]!.toFixed(2).padStart(6)}ms ${times[Math.floor(times.length * 0.99)]!.toFixed(2).padStart(6)}ms`,
    );
  }
  if (process.env.BENCH_PLANS) say(`\n${plans.join('\n\n')}`);
} finally {
  await db.$disconnect();
  await stop();
}
