-- AlterTable
ALTER TABLE "User" ADD COLUMN     "legalQualified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DocumentNumber" (
    "key" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentNumber_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentNumber_unitId_kind_year_value_key" ON "DocumentNumber"("unitId", "kind", "year", "value");

-- CreateTable
CREATE TABLE "CommandKey" (
    "updateId" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommandKey_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "username" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("username","sourceHash")
);

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "engineStatus" TEXT;

-- AlterTable: the anchor of each matter's audit chain (the last sequence number written with it)
ALTER TABLE "Case" ADD COLUMN     "auditSeq" INTEGER NOT NULL DEFAULT 0;
UPDATE "Case" c SET "auditSeq" = COALESCE((SELECT MAX(a."seq") FROM "AuditEntry" a WHERE a."caseNumber" = c."number"), 0);

-- The append-only tables refuse TRUNCATE too (row triggers do not see it). The body is an E-string with its
-- semicolons as \073, as in the first migration (Prisma splits scripts on every semicolon).
CREATE FUNCTION "no_truncate"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''% is append-only (TRUNCATE refused)'', TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\073 END\073';
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "no_truncate"();
CREATE TRIGGER "SensitiveRead_no_truncate" BEFORE TRUNCATE ON "SensitiveRead"
  FOR EACH STATEMENT EXECUTE FUNCTION "no_truncate"();
CREATE TRIGGER "CommandRefusal_no_truncate" BEFORE TRUNCATE ON "CommandRefusal"
  FOR EACH STATEMENT EXECUTE FUNCTION "no_truncate"();
