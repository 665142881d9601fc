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
   * with no one named, counts under no officer). */
  byOfficer: (units: string[], until: Date) => Prisma.sql`
          SELECT a AS "officerId",
                 count(DISTINCT d.id) FILTER (WHERE d."dueAt" < now()) AS overdue,
                 count(DISTINCT d.id) FILTER (WHERE d."dueAt" >= now()) AS "atRisk"
            FROM "Deadline" d
            JOIN "Task" t ON t."caseNumber" = d."caseNumber" AND t.status = 'open'
            CROSS JOIN LATERAL unnest(t.assignees) AS a
           WHERE d."unitId" = ANY(${units}) AND d.status IN ('running', 'overdue') AND d."dueAt" < ${until}
           GROUP BY a ORDER BY overdue DESC, a LIMIT 200`,
};
