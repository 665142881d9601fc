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

  /** By officer: the officers named on the open tasks of the case each deadline belongs to (a task for a role,
   * with no one named, counts under no officer), each deadline once per officer. The deadline keeps its case's
   * officers itself (triggers set them as tasks and deadlines are written, migration
   * 20261206090000_deadline_officers), so this is one scan of the open deadlines in scope (their partial index
   * holds the officers), with no join to the tasks; the officers are unnested in the select list, which at a
   * province's scale took half the time of a lateral join to unnest(). */
  byOfficer: (units: string[], until: Date) => Prisma.sql`
          SELECT a AS "officerId", count(*) FILTER (WHERE late) AS overdue, count(*) FILTER (WHERE NOT late) AS "atRisk"
            FROM (SELECT unnest(officers) AS a, "dueAt" < now() AS late
                    FROM "Deadline"
                   WHERE "unitId" = ANY(${units}) AND status IN ('running', 'overdue') AND "dueAt" < ${until}) d
           GROUP BY a ORDER BY overdue DESC, a LIMIT 200`,
};
