// The mail outbox's sender. Most e-mails a matter sends (a task to do, a deadline coming or run out, a
// preservation lapsed, a complainant told) are written as outbox rows by the step that causes them, in the step's
// own statement (persistence/record-step.ts): a step and its e-mails are stored together or not at all, and the
// workflow schedules no activity for them (one activity task and one workflow task fewer per e-mail, and none of
// it in history). This sender runs in every worker process: it claims the rows that are due (FOR UPDATE SKIP
// LOCKED, so any number of workers share the outbox), resolves their recipients, sends them and marks them.
//
// A transient SMTP failure is tried again with back-off (1 s, doubling, at most 5 minutes, without a limit on
// attempts: an outage delays an e-mail, it never drops it); a permanent refusal (a 5xx reply) marks the row
// `rejected`. A claim is a lease: a worker that dies mid-send leaves the row to another once the lease runs out,
// which sends it again under the same Message-ID. E-mails whose outcome a workflow must hear of (a reporter told of
// a decision) go by the `notify` activity instead (notify.ts).
import type { Logger } from 'pino';
import type { Db } from '../../platform/db.js';
import type { Mailer } from '../../platform/mailer.js';
import {
  maskAddresses,
  messageIdOf,
  permanent,
  recipientsOf,
  submitterAddress,
  type NotifyRequest,
} from './notify.js';

export interface OutboxOptions {
  /** Rows claimed at once. */
  batch?: number;
  /** E-mails sent at once. */
  concurrency?: number;
  /** How often an idle sender looks for rows. */
  idleMs?: number;
  /** How long a claim holds a row. */
  leaseMs?: number;
  /** Back-off after a failed attempt: first, doubling up to max. */
  retryFirstMs?: number;
  retryMaxMs?: number;
  domain?: string;
  log?: Pick<Logger, 'warn'>;
}

export interface MailOutbox {
  /** Sends what is due now and resolves when it is done (the loop does this on its own; for tests and tools). */
  drainDue(): Promise<number>;
  stop(): Promise<void>;
}

interface OutboxRow {
  key: string;
  recipients: string[];
  subject: string;
  body: string;
  audience: NotifyRequest['audience'];
  attempts: number;
}

type Outcome =
  | { key: string; status: 'sent'; recipients: string[]; messageId: string }
  | { key: string; status: 'no-recipients' }
  | { key: string; status: 'failed'; recipients: string[]; lastError: string; final: boolean };

/** Sends the outbox's due rows, a batch at a time, until stopped. */
export function startMailOutbox(db: Db, mailer: Mailer, opts: OutboxOptions = {}): MailOutbox {
  const batch = opts.batch ?? 50;
  const concurrency = opts.concurrency ?? 8;
  const idleMs = opts.idleMs ?? 250;
  const leaseMs = opts.leaseMs ?? 60_000;
  const first = opts.retryFirstMs ?? 1_000;
  const max = opts.retryMaxMs ?? 300_000;
  const domain = opts.domain ?? 'tiean.local';

  async function claim(): Promise<OutboxRow[]> {
    return db.$queryRaw<OutboxRow[]>`
      UPDATE "Notification" SET "nextAttemptAt" = now() + ${leaseMs}::int * interval '1 millisecond'
       WHERE key IN (SELECT key FROM "Notification"
                      WHERE status = 'pending' AND audience IS NOT NULL AND "nextAttemptAt" <= now()
                      ORDER BY "nextAttemptAt" LIMIT ${batch}::int FOR UPDATE SKIP LOCKED)
      RETURNING key, recipients, subject, body, audience, attempts`;
  }

  async function send(row: OutboxRow, audiences: Map<string, Promise<string[]>>): Promise<Outcome> {
    const a = row.audience;
    let recipients = row.recipients;
    if (!recipients.length) {
      // The same audience (a unit's supervisors) is looked up once per batch.
      const k = JSON.stringify(a);
      if (!audiences.has(k)) audiences.set(k, recipientsOf(db, a));
      recipients = await audiences.get(k)!;
    }
    if (!recipients.length) return { key: row.key, status: 'no-recipients' };
    const messageId = messageIdOf(row.key, domain);
    try {
      const to = 'submitterOf' in a ? await submitterAddress(db, a.submitterOf) : recipients;
      await mailer.send({ to, subject: row.subject, text: row.body, messageId });
      return { key: row.key, status: 'sent', recipients, messageId };
    } catch (err) {
      const lastError = maskAddresses(String(err)).slice(0, 500);
      return { key: row.key, status: 'failed', recipients, lastError, final: permanent(err) };
    }
  }

  async function mark(outcomes: Outcome[]): Promise<void> {
    const sent = outcomes.filter((o) => o.status === 'sent');
    if (sent.length)
      await db.$executeRaw`
        UPDATE "Notification" n SET status = 'sent', "sentAt" = now(), "messageId" = v.mid, "lastError" = NULL,
               recipients = ARRAY(SELECT jsonb_array_elements_text(v.r)), attempts = n.attempts + 1
          FROM jsonb_to_recordset(${JSON.stringify(sent.map((o) => ({ key: o.key, mid: o.messageId, r: o.recipients })))}::jsonb)
               AS v(key text, mid text, r jsonb)
         WHERE n.key = v.key AND n.status = 'pending'`;
    const none = outcomes.filter((o) => o.status === 'no-recipients').map((o) => o.key);
    if (none.length)
      await db.$executeRaw`
        UPDATE "Notification" SET status = 'no-recipients' WHERE key = ANY(${none}::text[]) AND status = 'pending'`;
    for (const o of outcomes) {
      if (o.status !== 'failed') continue;
      const row = await db.notification.update({
        where: { key: o.key },
        data: {
          attempts: { increment: 1 },
          lastError: o.lastError,
          recipients: o.recipients,
          ...(o.final ? { status: 'rejected' } : {}),
        },
        select: { attempts: true },
      });
      if (!o.final) {
        const wait = Math.min(max, first * 2 ** Math.min(row.attempts - 1, 30));
        await db.$executeRaw`
          UPDATE "Notification" SET "nextAttemptAt" = now() + ${wait}::int * interval '1 millisecond'
           WHERE key = ${o.key} AND status = 'pending'`;
      }
    }
  }

  async function drainDue(): Promise<number> {
    const rows = await claim();
    if (!rows.length) return 0;
    const audiences = new Map<string, Promise<string[]>>();
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
        while (next < rows.length) outcomes.push(await send(rows[next++]!, audiences));
      }),
    );
    await mark(outcomes);
    return rows.length;
  }

  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await drainDue();
      } catch (err) {
        // The database is down or restarting: the rows wait, and the loop tries again.
        opts.log?.warn({ err: maskAddresses(String(err)).slice(0, 300) }, 'mail outbox: sending failed');
      }
      if (claimed < batch && !stopped)
        await new Promise<void>((r) => {
          const t = setTimeout(r, idleMs);
          wake = () => {
            clearTimeout(t);
            r();
          };
        });
    }
  })();

  return {
    drainDue,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
