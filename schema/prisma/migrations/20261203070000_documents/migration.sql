-- The documents register (文书登记): issued versions, services and the archived case file, append-only and
-- hash-chained per case. The application's role may add rows, never change or remove one.
CREATE TABLE "DocumentEntry" (
    "caseNumber" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "version" INTEGER,
    "reason" TEXT,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "pdf" BYTEA,
    "sha256" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "DocumentEntry_pkey" PRIMARY KEY ("caseNumber","seq")
);

CREATE UNIQUE INDEX "DocumentEntry_documentId_action_version_key" ON "DocumentEntry"("documentId", "action", "version");
CREATE INDEX "DocumentEntry_caseNumber_documentId_idx" ON "DocumentEntry"("caseNumber", "documentId");
ALTER TABLE "DocumentEntry" ADD CONSTRAINT "DocumentEntry_caseNumber_fkey" FOREIGN KEY ("caseNumber") REFERENCES "Case"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "DocumentEntry_append_only"
  BEFORE UPDATE OR DELETE ON "DocumentEntry"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
CREATE TRIGGER "DocumentEntry_no_truncate" BEFORE TRUNCATE ON "DocumentEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "no_truncate"();

DO E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''tiean_app'') THEN
    REVOKE UPDATE, DELETE ON "DocumentEntry" FROM tiean_app\073
  END IF\073
END';
