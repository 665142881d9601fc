-- The bureau's figures (GET /api/figures, api/services/figures.ts) read from narrow, indexed rows of the projection,
-- chosen from EXPLAIN ANALYZE at 100,000 cases and 100,000 complaints (bench/reads.ts, README "Measured"): read
-- through the audit trail and joined to the matters, a year of a province's decisions took over half a second.

-- What each counted step adds to the figures (a decision and its amounts, an on-the-spot decision, a criminal
-- transfer decided or filed by the police, a mediation that ended after it began, a decision published), with the
-- matter's unit and the day it happened. The projection writes a row with the step's audit entry.
CREATE TABLE "FigureEntry" (
    "caseNumber" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "unitId" TEXT NOT NULL,
    "day" CHAR(10) NOT NULL,
    "kind" TEXT NOT NULL,
    "fineFen" BIGINT NOT NULL DEFAULT 0,
    "gainsFen" BIGINT NOT NULL DEFAULT 0,
    "propertyFen" BIGINT NOT NULL DEFAULT 0,
    "met" BOOLEAN,

    CONSTRAINT "FigureEntry_pkey" PRIMARY KEY ("caseNumber","seq")
);

-- The rows of the steps recorded before, as the projection writes them (services/figure-entries.ts).
INSERT INTO "FigureEntry"("caseNumber", "seq", "unitId", "day", "kind", "fineFen", "gainsFen", "propertyFen", "met")
SELECT a."caseNumber", a."seq", c."unitId",
       CASE a."action"
         WHEN 'mediation.ended' THEN coalesce(a."details" ->> 'endedOn', to_char(a."at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))
         WHEN 'publicity.published' THEN coalesce(a."details" ->> 'publishedOn', to_char(a."at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))
         ELSE to_char(a."at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END,
       CASE a."action"
         WHEN 'decision.made' THEN 'decision' WHEN 'simplified.decided' THEN 'on_the_spot'
         WHEN 'transfer.approved' THEN 'transfer_decided' WHEN 'case.transferred_to_police' THEN 'transfer_accepted'
         WHEN 'mediation.ended' THEN 'mediation' ELSE 'publication' END,
       CASE WHEN a."action" = 'simplified.decided' AND a."details" #>> '{penalty,kind}' = 'fine'
              THEN (a."details" #>> '{penalty,amount}')::bigint * 100
            ELSE coalesce(p."fine", 0) END,
       coalesce(p."gains", 0), coalesce(p."property", 0),
       CASE a."action"
         WHEN 'mediation.ended' THEN a."details" ->> 'outcome' = 'agreement'
         -- The step's own comparison with the publicity clock's due day, or unknown without that clock.
         WHEN 'publicity.published' THEN CASE WHEN d."id" IS NULL THEN NULL ELSE NOT (a."details" ->> 'late')::boolean END
         ELSE false END
  FROM "AuditEntry" a
  JOIN "Case" c ON c."number" = a."caseNumber"
  LEFT JOIN "Deadline" d ON a."action" = 'publicity.published' AND d."id" = a."caseNumber" || ':publicity'
  LEFT JOIN LATERAL (
    SELECT sum((x ->> 'amountFen')::bigint) FILTER (WHERE x ->> 'kind' = 'fine') AS "fine",
           sum((x ->> 'amountFen')::bigint) FILTER (WHERE x ->> 'kind' = 'confiscate_gains') AS "gains",
           sum((x ->> 'amountFen')::bigint) FILTER (WHERE x ->> 'kind' = 'confiscate_property') AS "property"
      FROM jsonb_array_elements(CASE WHEN a."action" = 'decision.made' THEN a."details" #> '{outcome,penalties}' ELSE '[]'::jsonb END) x
  ) p ON true
 WHERE a."action" IN ('decision.made', 'simplified.decided', 'transfer.approved', 'case.transferred_to_police',
                      'publicity.published')
    OR (a."action" = 'mediation.ended' AND jsonb_typeof(c."details" #> '{mediation,startedOn}') = 'string');

CREATE INDEX "FigureEntry_unitId_day_idx" ON "FigureEntry"("unitId", "day")
  INCLUDE ("kind", "fineFen", "gainsFen", "propertyFen", "met");

-- A submission's tracks, closed: the projection sets each when the matter's row first says closed. Before, the
-- time of the matter's last step.
ALTER TABLE "Submission" ADD COLUMN "complaintClosedAt" TIMESTAMPTZ(3), ADD COLUMN "caseClosedAt" TIMESTAMPTZ(3);
UPDATE "Submission" s SET "complaintClosedAt" = c."updatedAt"
  FROM "Case" c WHERE c."number" = s."complaintNumber" AND c."status" = 'closed';
UPDATE "Submission" s SET "caseClosedAt" = c."updatedAt"
  FROM "Case" c WHERE c."number" = s."caseNumber" AND c."status" = 'closed';

-- Submissions through 12315 by unit and the day received, with their tracks and whether each is closed.
CREATE INDEX "Submission_12315_idx" ON "Submission"("unitId", "receivedOn")
  INCLUDE ("complaintNumber", "caseNumber", "complaintClosedAt", "caseClosedAt") WHERE "channel" = '12315';

-- Deadlines by clock, unit and the day the period started (a complaint's acceptance: the day received), with what
-- the figures read of them.
CREATE INDEX "Deadline_started_idx" ON "Deadline"("clock", "unitId", "startedOn")
  INCLUDE ("status", "updatedAt", "dueAt");

-- The on-time rate per statutory period of a county or a city reads its own units' deadlines that ended in the
-- period, not the whole province's ("Deadline_ended_idx" serves a read of all units).
CREATE INDEX "Deadline_unit_ended_idx" ON "Deadline"("unitId", "status", "updatedAt") INCLUDE ("clock", "dueAt");

-- Cases registered in a period by unit, and whether each is closed (filed and closed).
CREATE INDEX "Case_created_idx" ON "Case"("kind", "unitId", "createdAt") INCLUDE ("status");
