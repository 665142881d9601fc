-- The deadline board's counts by officer read the officers named on the open tasks of the cases with deadlines
-- due (api/services/board.ts): the open tasks by case, with their named officers, from one partial index (chosen
-- from EXPLAIN ANALYZE at 100,000 cases, bench/reads.ts).
CREATE INDEX "Task_open_case_idx" ON "Task"("caseNumber") INCLUDE ("assignees") WHERE "status" = 'open';
