-- CreateTable
CREATE TABLE "CommandRefusal" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "target" TEXT,
    "status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "CommandRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommandRefusal_at_idx" ON "CommandRefusal"("at");

-- CreateIndex
CREATE INDEX "CommandRefusal_target_idx" ON "CommandRefusal"("target");

-- Refused commands are kept like the audit trail: append-only.
CREATE TRIGGER "CommandRefusal_append_only"
  BEFORE UPDATE OR DELETE ON "CommandRefusal"
  FOR EACH ROW EXECUTE FUNCTION "append_only"();
