-- The public list of published penalty decisions (PUB): one row per case, its redacted text, while shown.
CREATE TABLE "Publication" (
    "caseNumber" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "respondent" TEXT NOT NULL,
    "uscc" TEXT,
    "penaltySummary" TEXT NOT NULL,
    "decidedOn" CHAR(10) NOT NULL,
    "publishedOn" CHAR(10) NOT NULL,
    "endsOn" CHAR(10) NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("caseNumber")
);

CREATE INDEX "Publication_status_endsOn_idx" ON "Publication"("status", "endsOn");
