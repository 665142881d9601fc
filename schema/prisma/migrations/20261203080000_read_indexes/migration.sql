-- Indexes chosen from EXPLAIN ANALYZE at 100,000 cases (bench/reads.ts, README "Measured").
-- The deadline board filters deadlines by unit: the unit is copied onto each deadline (the projection writes it),
-- so the board reads one index instead of joining every open deadline to its case.
ALTER TABLE "Deadline" ADD COLUMN "unitId" TEXT NOT NULL DEFAULT '';
UPDATE "Deadline" d SET "unitId" = c."unitId" FROM "Case" c WHERE c."number" = d."caseNumber";
CREATE INDEX "Deadline_unitId_status_dueAt_idx" ON "Deadline"("unitId", "status", "dueAt");
-- The on-time figures read the deadlines that ended in a period, with their clock and due time only.
CREATE INDEX "Deadline_ended_idx" ON "Deadline"("status", "updatedAt") INCLUDE ("clock", "dueAt", "unitId");
-- The case list in its order (overdue first, then the next due date), per kind and status: a page is read in
-- order instead of sorting every case of the units, and counted from the index alone (it carries the unit).
CREATE INDEX "Case_list_order_idx" ON "Case"("kind", "status", "overdue" DESC, "nextDueAt" ASC NULLS LAST, "number") INCLUDE ("unitId");
