-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "details" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'case',
ADD COLUMN     "rulePack" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "assignees" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "certificateNo" TEXT;

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "collectedAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "collectedBy" TEXT[],
    "attachments" JSONB NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RulePack" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "loadedBy" TEXT NOT NULL,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RulePack_pkey" PRIMARY KEY ("id","version")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "submitterKey" TEXT NOT NULL,
    "respondentKey" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "complaintNumber" TEXT,
    "caseNumber" TEXT,
    "repeatOf" TEXT[],
    "receivedOn" CHAR(10) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "submissionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "idNumber" TEXT,
    "address" TEXT,
    "realName" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("submissionId")
);

-- CreateTable
CREATE TABLE "SensitiveRead" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,

    CONSTRAINT "SensitiveRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_caseNumber_idx" ON "Evidence"("caseNumber");

-- CreateIndex
CREATE INDEX "Submission_submitterKey_respondentKey_subjectKey_idx" ON "Submission"("submitterKey", "respondentKey", "subjectKey");

-- CreateIndex
CREATE INDEX "Submission_caseNumber_idx" ON "Submission"("caseNumber");

-- CreateIndex
CREATE INDEX "Submission_complaintNumber_idx" ON "Submission"("complaintNumber");

-- CreateIndex
CREATE INDEX "SensitiveRead_subject_idx" ON "SensitiveRead"("subject");

-- CreateIndex
CREATE INDEX "Case_kind_unitId_stage_idx" ON "Case"("kind", "unitId", "stage");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_caseNumber_fkey" FOREIGN KEY ("caseNumber") REFERENCES "Case"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One trigger function for every append-only table added from here on (same octal-escape note as in the init
-- migration): reads of confidential identities, and refused commands.
CREATE FUNCTION "append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''% is append-only (% refused)'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER "SensitiveRead_append_only"
  BEFORE UPDATE OR DELETE ON "SensitiveRead"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
