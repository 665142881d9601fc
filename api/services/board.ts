// The deadline board's counts (GET /api/deadlines/board): open deadlines of the units, overdue or due before
// `until`, counted by unit and by the officers named on the open tasks of their cases. The SQL is shared with the
// benchmark of the reads at a province's scale (bench/reads.ts), which runs it as the API does.
import { Prisma } from '../../schema/generated/prisma/client.js';

export const boardSql = {
  /** Overdue and at-risk open deadlines per unit. */
  byUnit: (units: string[], until: Date) => Prisma.sql`
          SELECT "unitId", count(*) FILTER (WHERE "dueAt" < now()) AS overdue,
                 count(*) FILTER (WHERE "dueAt" >= now()) AS "atRisk"
            FROM "Deadline"
           WHERE "unitId" = ANY(${units}) AND status IN ('running', 'overdue') AND "dueAt" < ${until}
           GROUP BY "unitId" ORDER BY "unitId"`,

  /** By officer: the officers named on the open tasks of the cases these deadlines belong to (a task for a role,
   * with no one named, counts under no officer), each deadline once per officer. Counted per case first, then
   * summed over each officer's cases: each deadline belongs to one case, so this is the count of distinct deadlines
   * per officer without sorting every (deadline, officer) pair; the open tasks are read from their partial index
   * (migration 20261205090000_board_officers). */
  byOfficer: (units: string[], until: Date) => Prisma.sql`
          WITH d AS (
            SELECT "caseNumber", count(*) FILTER (WHERE "dueAt" < now()) AS overdue,
                   count(*) FILTER (WHERE "dueAt" >= now()) AS "atRisk"
              FROM "Deadline"
             WHERE "unitId" = ANY(${units}) AND status IN ('running', 'overdue') AND "dueAt" < ${until}
             GROUP BY "caseNumber"),
          named AS (
            SELECT DISTINCT t."caseNumber", a
              FROM "Task" t CROSS JOIN LATERAL unnest(t.assignees) AS a
             WHERE t.status = 'open' AND t."caseNumber" IN (SELECT "caseNumber" FROM d))
          SELECT named.a AS "officerId", sum(d.overdue)::bigint AS overdue, sum(d."atRisk")::bigint AS "atRisk"
            FROM d JOIN named USING ("caseNumber")
           GROUP BY named.a ORDER BY overdue DESC, named.a LIMIT 200`,
};
