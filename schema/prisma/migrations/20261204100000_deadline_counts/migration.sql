-- The on-time rate per statutory period (GET /api/figures, api/services/figures.ts) read every deadline that ended in
-- the period: a province's year is about 165,000 rows (bench/reads.ts, README "Measured"). It now reads counts kept
-- as deadlines end: per unit, period (clock) and the China day of the end, and the same per month, so a period is
-- its whole months plus the days at its two ends. Days alone would not do: a county ends a few deadlines of a given
-- period a day at most, so a province's year holds nearly as many units' days as deadlines (92,000 for 159,000 in
-- the benchmark whose deadlines end on every day).
--
-- What is counted is what the figure counted: a deadline whose status is 'stopped', on the day of its "updatedAt"
-- at UTC+08:00 (the period's bounds are from 00:00+08:00 to the day after its last day, 00:00+08:00), on time when
-- "updatedAt" <= "dueAt" (never without a due time).
CREATE TABLE "DeadlineDayCount" (
    "unitId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "clock" TEXT NOT NULL,
    "ended" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,

    CONSTRAINT "DeadlineDayCount_pkey" PRIMARY KEY ("unitId","day","clock")
);

-- The same by month: "month" is the month's first day.
CREATE TABLE "DeadlineMonthCount" (
    "unitId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "clock" TEXT NOT NULL,
    "ended" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,

    CONSTRAINT "DeadlineMonthCount_pkey" PRIMARY KEY ("unitId","month","clock")
);

-- Adds n (1 or -1) deadlines of a unit and period that ended at a moment to the counts of its day and month, and
-- forgets a count that comes to nothing (the tables then hold what counting the deadlines again would give).
-- Called only by the trigger below: nobody else may execute it. The bodies are E-strings with their semicolons
-- written as \073 (Prisma splits scripts on every semicolon, see the first migration).
CREATE FUNCTION "deadline_counts_add"(unit_id TEXT, clock_name TEXT, ended_at TIMESTAMPTZ, due_at TIMESTAMPTZ, n INTEGER)
  RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS E'
DECLARE
  d DATE := (ended_at AT TIME ZONE INTERVAL ''+08:00'')::date\073
  m DATE := date_trunc(''month'', d)::date\073
  o INTEGER := CASE WHEN ended_at <= due_at THEN n ELSE 0 END\073
BEGIN
  INSERT INTO "DeadlineDayCount" AS x ("unitId", "day", "clock", "ended", "onTime") VALUES (unit_id, d, clock_name, n, o)
    ON CONFLICT ("unitId", "day", "clock")
    DO UPDATE SET "ended" = x."ended" + EXCLUDED."ended", "onTime" = x."onTime" + EXCLUDED."onTime"\073
  INSERT INTO "DeadlineMonthCount" AS x ("unitId", "month", "clock", "ended", "onTime") VALUES (unit_id, m, clock_name, n, o)
    ON CONFLICT ("unitId", "month", "clock")
    DO UPDATE SET "ended" = x."ended" + EXCLUDED."ended", "onTime" = x."onTime" + EXCLUDED."onTime"\073
  IF n < 0 THEN
    DELETE FROM "DeadlineDayCount" x WHERE x."unitId" = unit_id AND x."day" = d AND x."clock" = clock_name AND x."ended" = 0\073
    DELETE FROM "DeadlineMonthCount" x
     WHERE x."unitId" = unit_id AND x."month" = m AND x."clock" = clock_name AND x."ended" = 0\073
  END IF\073
END\073';
REVOKE ALL ON FUNCTION "deadline_counts_add"(TEXT, TEXT, TIMESTAMPTZ, TIMESTAMPTZ, INTEGER) FROM PUBLIC;

-- After every insert, update and delete of a deadline that is or was ended: the old row's count taken away, the new
-- row's added, nothing when both count the same (a step that writes a deadline again as it was, a retried write).
-- It runs as the tables' owner (SECURITY DEFINER): the application's role may read the counts but not write them,
-- so no writer can forget them or set them otherwise.
CREATE FUNCTION "deadline_counts"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND OLD."status" = ''stopped'' AND NEW."status" = ''stopped''
     AND OLD."unitId" = NEW."unitId" AND OLD."clock" = NEW."clock" AND OLD."updatedAt" = NEW."updatedAt"
     AND OLD."dueAt" IS NOT DISTINCT FROM NEW."dueAt" THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP <> ''INSERT'' THEN
    IF OLD."status" = ''stopped'' THEN
      PERFORM "deadline_counts_add"(OLD."unitId", OLD."clock", OLD."updatedAt", OLD."dueAt", -1)\073
    END IF\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    IF NEW."status" = ''stopped'' THEN
      PERFORM "deadline_counts_add"(NEW."unitId", NEW."clock", NEW."updatedAt", NEW."dueAt", 1)\073
    END IF\073
  END IF\073
  RETURN NULL\073
END\073';

-- Emptied with the deadlines (the application's role may not truncate, the owner may).
CREATE FUNCTION "deadline_counts_truncated"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS
  E'BEGIN DELETE FROM "DeadlineDayCount"\073 DELETE FROM "DeadlineMonthCount"\073 RETURN NULL\073 END\073';

-- The counts of the deadlines as they are, counted again from the deadlines (the migration's back-fill, and a repair
-- should the triggers ever have been disabled): writers are held off the deadlines until the transaction ends.
-- Only the owner may run it.
CREATE FUNCTION "deadline_counts_rebuild"() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS E'
BEGIN
  LOCK TABLE "Deadline" IN SHARE ROW EXCLUSIVE MODE\073
  DELETE FROM "DeadlineDayCount"\073
  DELETE FROM "DeadlineMonthCount"\073
  INSERT INTO "DeadlineDayCount"("unitId", "day", "clock", "ended", "onTime")
  SELECT "unitId", ("updatedAt" AT TIME ZONE INTERVAL ''+08:00'')::date, "clock", count(*),
         count(*) FILTER (WHERE "updatedAt" <= "dueAt")
    FROM "Deadline" WHERE "status" = ''stopped'' GROUP BY 1, 2, 3\073
  INSERT INTO "DeadlineMonthCount"("unitId", "month", "clock", "ended", "onTime")
  SELECT "unitId", date_trunc(''month'', "day")::date, "clock", sum("ended"), sum("onTime")
    FROM "DeadlineDayCount" GROUP BY 1, 2, 3\073
END\073';
REVOKE ALL ON FUNCTION "deadline_counts_rebuild"() FROM PUBLIC;

-- The counts of the deadlines that ended before, and the triggers, in one statement (one transaction, the deadlines
-- locked from the count to the triggers): no deadline is counted twice or missed.
DO E'
BEGIN
  PERFORM "deadline_counts_rebuild"()\073
  CREATE TRIGGER "Deadline_counts_insert" AFTER INSERT ON "Deadline"
    FOR EACH ROW WHEN (NEW."status" = ''stopped'') EXECUTE FUNCTION "deadline_counts"()\073
  CREATE TRIGGER "Deadline_counts_update" AFTER UPDATE ON "Deadline"
    FOR EACH ROW WHEN (OLD."status" = ''stopped'' OR NEW."status" = ''stopped'') EXECUTE FUNCTION "deadline_counts"()\073
  CREATE TRIGGER "Deadline_counts_delete" AFTER DELETE ON "Deadline"
    FOR EACH ROW WHEN (OLD."status" = ''stopped'') EXECUTE FUNCTION "deadline_counts"()\073
  CREATE TRIGGER "Deadline_counts_truncate" AFTER TRUNCATE ON "Deadline"
    FOR EACH STATEMENT EXECUTE FUNCTION "deadline_counts_truncated"()\073
END';

-- The application reads the counts and never writes them (the defaults of migration 20261203040000_app_role grant
-- it every new table).
DO E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''tiean_app'') THEN
    REVOKE ALL ON "DeadlineDayCount", "DeadlineMonthCount" FROM tiean_app\073
    GRANT SELECT ON "DeadlineDayCount", "DeadlineMonthCount" TO tiean_app\073
  END IF\073
END';
