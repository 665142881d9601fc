-- The mail outbox: an e-mail written with the step that causes it carries its audience (resolved to addresses
-- when it is sent) and when it is next due to be tried. The senders in the worker processes claim the due rows
-- from a partial index that holds only the pending outbox rows. Rows written by the notify activity have no
-- audience and are sent by that activity alone.
ALTER TABLE "Notification" ADD COLUMN "audience" JSONB;
ALTER TABLE "Notification" ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3);
CREATE INDEX "Notification_outbox_idx" ON "Notification" ("nextAttemptAt")
  WHERE status = 'pending' AND audience IS NOT NULL;
