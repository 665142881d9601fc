-- The deadline board's counts by officer (api/services/board.ts) read the officers from the deadlines themselves:
-- each deadline keeps the officers named on the open tasks of its case, so a province's board is one scan of the
-- open deadlines in scope, with no join to the tasks (it joined them per case: 195 ms at 100,000 cases,
-- bench/reads.ts). Triggers keep the column, so no writer can forget it: a deadline inserted takes its case's
-- officers, and a task inserted, changed or deleted sets them again on every deadline of its case (after the
-- statement's rows are written, so a step that writes its tasks and deadlines in one statement is seen whole).
-- Function bodies are quoted strings with each semicolon written as \073 (Prisma splits scripts on every
-- semicolon, see the first migration).
ALTER TABLE "Deadline" ADD COLUMN "officers" TEXT[] NOT NULL DEFAULT '{}';

-- The officers named on the open tasks of a case, each once, in order.
CREATE FUNCTION "case_officers"(c TEXT) RETURNS TEXT[] LANGUAGE sql VOLATILE
  SET search_path = public, pg_temp AS E'
  SELECT coalesce(array_agg(DISTINCT a ORDER BY a), ''{}'')
    FROM "Task" t CROSS JOIN LATERAL unnest(t."assignees") AS a
   WHERE t."caseNumber" = c AND t."status" = ''open''';

CREATE FUNCTION "deadline_officers"() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS E'
BEGIN
  NEW."officers" := "case_officers"(NEW."caseNumber")\073
  RETURN NEW\073
END\073';

CREATE FUNCTION "task_officers"() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS E'
DECLARE
  c TEXT\073
  v TEXT[]\073
BEGIN
  FOR c IN SELECT DISTINCT x FROM unnest(ARRAY[
      CASE WHEN TG_OP <> ''INSERT'' THEN OLD."caseNumber" END,
      CASE WHEN TG_OP <> ''DELETE'' THEN NEW."caseNumber" END]) AS x WHERE x IS NOT NULL LOOP
    v := "case_officers"(c)\073
    UPDATE "Deadline" SET "officers" = v WHERE "caseNumber" = c AND "officers" IS DISTINCT FROM v\073
  END LOOP\073
  RETURN NULL\073
END\073';

CREATE TRIGGER "Deadline_officers" BEFORE INSERT OR UPDATE OF "caseNumber" ON "Deadline"
  FOR EACH ROW EXECUTE FUNCTION "deadline_officers"();
CREATE TRIGGER "Task_officers" AFTER INSERT OR DELETE OR UPDATE OF "status", "assignees", "caseNumber" ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "task_officers"();

-- The deadlines written before: those of cases with open tasks that name someone.
UPDATE "Deadline" d SET "officers" = "case_officers"(d."caseNumber")
 WHERE EXISTS (SELECT 1 FROM "Task" t WHERE t."caseNumber" = d."caseNumber" AND t."status" = 'open'
                  AND cardinality(t."assignees") > 0);

-- The open deadlines by unit and due time, with their officers: the board's counts by unit and by officer read
-- only this index.
CREATE INDEX "Deadline_open_board_idx" ON "Deadline"("unitId", "dueAt") INCLUDE ("officers")
  WHERE "status" IN ('running', 'overdue');
