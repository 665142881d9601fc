// The deadline board's counts by officer (api/services/board.ts) read the officers each deadline keeps (triggers
// set them as tasks and deadlines are written, migration 20261206090000_deadline_officers), so that a province's
// board reads no task. On real PostgreSQL with random cases, deadlines and tasks (several open tasks naming the
// same officer, tasks for a role naming no one, closed tasks, stopped and paused deadlines, deadlines beyond the
// horizon), then random changes (tasks closed, reopened, given other officers, moved, deleted; deadlines added
// after the tasks), the counts are exactly those of the definition: the distinct open deadlines due before the
// horizon of the cases on whose open tasks the officer is named, overdue and at risk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSql } from '../../api/services/board.js';
import { Prisma } from '../../schema/generated/prisma/client.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let tdb: TestDb;
beforeAll(async () => {
  tdb = await freshDb({ seed: false });
});
afterAll(async () => {
  await tdb?.drop();
});

/** The definition, as a plain join: each deadline counted once per officer named on an open task of its case. */
const definition = (units: string[], until: Date) => Prisma.sql`
  SELECT a AS "officerId",
         count(DISTINCT d.id) FILTER (WHERE d."dueAt" < now()) AS overdue,
         count(DISTINCT d.id) FILTER (WHERE d."dueAt" >= now()) AS "atRisk"
    FROM "Deadline" d
    JOIN "Task" t ON t."caseNumber" = d."caseNumber" AND t.status = 'open'
    CROSS JOIN LATERAL unnest(t.assignees) AS a
   WHERE d."unitId" = ANY(${units}) AND d.status IN ('running', 'overdue') AND d."dueAt" < ${until}
   GROUP BY a ORDER BY overdue DESC, a LIMIT 200`;

type Row = { officerId: string; overdue: bigint; atRisk: bigint };
const plain = (rows: Row[]) =>
  rows.map((r) => ({ officerId: r.officerId, overdue: Number(r.overdue), atRisk: Number(r.atRisk) }));

/** A small deterministic generator (mulberry32: the same data on every run). */
function random(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

describe('the deadline board counts by officer', () => {
  it('equal the definition for random cases, deadlines and tasks', async () => {
    const r = random(20261205);
    const units = ['u1', 'u2', 'u3'];
    const officers = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
    const statuses = ['running', 'running', 'overdue', 'stopped', 'paused'];
    const now = Date.now();
    for (let i = 0; i < 120; i++) {
      const number = `B-${i}`;
      const unit = units[r(3)]!;
      await tdb.db.$executeRaw`
        INSERT INTO "Case"(number, "unitId", stage, status, source, respondent, summary, "discoveredOn", "createdBy",
                           "createdAt", "updatedAt")
        VALUES (${number}, ${unit}, 'investigation', 'open', 'own_inspection', '{}'::jsonb, 's', '2026-01-01', 'x',
                now(), now())`;
      for (let k = 0, n = r(5); k < n; k++) {
        const dueAt = new Date(now + (r(41) - 20) * 86_400_000 + r(3_600_000));
        await tdb.db.$executeRaw`
          INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                                 explanation, "updatedAt")
          VALUES (${`${number}:${k}`}, ${number}, ${unit}, ${`c${k}`}, 'r', 'WD', ${statuses[r(5)]!}, '2026-01-01',
                  '2026-02-01', ${r(10) === 0 ? null : dueAt}, '[]'::jsonb, now())`;
      }
      for (let k = 0, n = r(4); k < n; k++) {
        const named = officers.filter(() => r(3) === 0);
        await tdb.db.$executeRaw`
          INSERT INTO "Task"(id, "caseNumber", kind, role, assignees, "unitId", status, "createdAt")
          VALUES (${`${number}:t${k}`}, ${number}, 'next', 'case_officer', ${named}, ${unit},
                  ${r(4) === 0 ? 'closed' : 'open'}, now())`;
      }
    }
    const compare = async () => {
      await tdb.db.$executeRawUnsafe('ANALYZE');
      let compared = 0;
      for (const scope of [units, ['u1'], ['u2', 'u3'], []])
        for (const days of [0, 1, 5, 30]) {
          const until = new Date(now + days * 86_400_000);
          const got = plain(await tdb.db.$queryRaw<Row[]>(boardSql.byOfficer(scope, until)));
          const want = plain(await tdb.db.$queryRaw<Row[]>(definition(scope, until)));
          expect(got, `units ${scope.join(',')}, ${days} days`).toEqual(want);
          if (want.some((w) => w.overdue > 1 || w.atRisk > 1)) compared++;
        }
      return compared;
    };
    // The data is rich enough to tell the two apart: officers with several deadlines, in several cases.
    expect(await compare()).toBeGreaterThan(6);

    // Changes, each as its own statement, then several in one (as the projection writes a step).
    const tasks = await tdb.db.task.findMany({ select: { id: true, caseNumber: true } });
    for (const t of tasks) {
      const named = officers.filter(() => r(3) === 0);
      switch (r(6)) {
        case 0:
          await tdb.db.$executeRaw`UPDATE "Task" SET status = 'closed' WHERE id = ${t.id}`;
          break;
        case 1:
          await tdb.db.$executeRaw`UPDATE "Task" SET status = 'open' WHERE id = ${t.id}`;
          break;
        case 2:
          await tdb.db.$executeRaw`UPDATE "Task" SET assignees = ${named} WHERE id = ${t.id}`;
          break;
        case 3:
          await tdb.db.$executeRaw`UPDATE "Task" SET "caseNumber" = ${`B-${r(120)}`} WHERE id = ${t.id}`;
          break;
        case 4:
          await tdb.db.$executeRaw`DELETE FROM "Task" WHERE id = ${t.id}`;
          break;
        default:
          break;
      }
    }
    for (let i = 0; i < 120; i += 1 + r(4)) {
      const number = `B-${i}`;
      const unit = units[r(3)]!;
      const dueAt = new Date(now + (r(21) - 10) * 86_400_000);
      // A task and a deadline of the case in one statement: the deadline takes the task's officers.
      await tdb.db.$executeRaw`
        WITH t AS (
          INSERT INTO "Task"(id, "caseNumber", kind, role, assignees, "unitId", status, "createdAt")
          VALUES (${`${number}:late`}, ${number}, 'late', 'case_officer', ${officers.filter(() => r(2) === 0)},
                  ${unit}, 'open', now()))
        INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                               explanation, "updatedAt")
        VALUES (${`${number}:late`}, ${number}, ${unit}, 'late', 'r', 'WD', 'running', '2026-01-01', '2026-02-01',
                ${dueAt}, '[]'::jsonb, now())`;
    }
    // A deadline alone, for a case whose tasks were written before: it takes their officers.
    for (let i = 0; i < 120; i += 1 + r(3)) {
      const unit = units[r(3)]!;
      const dueAt = new Date(now + (r(21) - 10) * 86_400_000);
      await tdb.db.$executeRaw`
        INSERT INTO "Deadline"(id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                               explanation, "updatedAt")
        VALUES (${`B-${i}:alone`}, ${`B-${i}`}, ${unit}, 'alone', 'r', 'WD', 'running', '2026-01-01', '2026-02-01',
                ${dueAt}, '[]'::jsonb, now())`;
    }
    expect(await compare()).toBeGreaterThan(6);
  });
});
