// Notifications by e-mail, through an outbox row per logical message: the row's key (case + event) makes a
// retried activity send nothing twice. A transient SMTP failure throws, so Temporal retries with back-off until
// the server is back; a permanent refusal (a 5xx reply: an unknown mailbox) is final: the row says `rejected`
// and the workflow is told. The row keeps the attempts and the last error for operators, with every e-mail
// address in it masked (a reporter's address must never reach them, CRM 33); so does the error Temporal and the
// logs see.
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../../platform/db.js';
import type { Mailer } from '../../platform/mailer.js';
import type { Role } from '../../schema/roles.js';

export interface NotifyRequest {
  key: string;
  caseNumber?: string;
  kind: string;
  /** Users holding `role` in `unitId` (if that unit has none, the nearest unit above that has some); named
   * users; or the submitter of an intake (a reporter or complainant), whose address is looked up at sending
   * time and never stored with the message (CRM 33). */
  audience: { unitId: string; role: Role } | { userIds: string[] } | { submitterOf: string };
  subject: string;
  text: string;
}

export interface NotifyResult {
  status: 'sent' | 'already-sent' | 'no-recipients' | 'rejected';
  recipients: string[];
}

/** An error's text with every e-mail address in it replaced. */
export function maskAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, '***@***');
}

/** A 5xx reply from the mail server: retrying will not help. */
export function permanent(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

async function resolveAudience(db: Db, unitId: string, role: Role): Promise<string[]> {
  for (let id: string | null = unitId; id;) {
    const users = await db.user.findMany({
      where: { unitId: id, active: true, roles: { has: role } },
      select: { email: true },
      orderBy: { username: 'asc' },
    });
    if (users.length) return users.map((u) => u.email);
    id = (await db.unit.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null;
  }
  return [];
}

async function namedUsers(db: Db, ids: string[]): Promise<string[]> {
  const users = await db.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { email: true },
    orderBy: { username: 'asc' },
  });
  return users.map((u) => u.email);
}

/** The outbox row names the submitter only by reference: the address stays in the confidential Person row. */
async function submitterMasked(db: Db, submissionId: string): Promise<string[]> {
  const p = await db.person.findUnique({ where: { submissionId }, select: { email: true } });
  return p?.email ? [`submitter:${submissionId}`] : [];
}

export async function submitterAddress(db: Db, submissionId: string): Promise<string[]> {
  const p = await db.person.findUniqueOrThrow({ where: { submissionId }, select: { email: true } });
  return p.email ? [p.email] : [];
}

/** The Message-ID of an outbox row: the same for every attempt, so a mail sent twice (a crash between sending and
 * marking it sent) is one message to the recipient's client. */
export function messageIdOf(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/** The addresses an outbox row records for an audience (a submitter only by reference, CRM 33). */
export async function recipientsOf(db: Db, a: NotifyRequest['audience']): Promise<string[]> {
  return 'role' in a
    ? resolveAudience(db, a.unitId, a.role)
    : 'userIds' in a
      ? namedUsers(db, a.userIds)
      : submitterMasked(db, a.submitterOf);
}

export function notifyActivity(db: Db, mailer: Mailer, domain = 'tiean.local') {
  return async function notify(req: NotifyRequest): Promise<NotifyResult> {
    const existing = await db.notification.findUnique({ where: { key: req.key } });
    if (existing?.status === 'sent') return { status: 'already-sent', recipients: existing.recipients };
    const a = req.audience;
    const recipients = existing?.recipients ?? (await recipientsOf(db, a));
    if (!existing) {
      await db.notification.upsert({
        where: { key: req.key },
        create: {
          key: req.key,
          caseNumber: req.caseNumber,
          kind: req.kind,
          recipients,
          subject: req.subject,
          body: req.text,
          status: recipients.length ? 'pending' : 'no-recipients',
        },
        update: {},
      });
    }
    if (!recipients.length) return { status: 'no-recipients', recipients };
    const to = 'submitterOf' in a ? await submitterAddress(db, a.submitterOf) : recipients;
    const messageId = messageIdOf(req.key, domain);
    if (existing?.status === 'rejected') return { status: 'rejected', recipients };
    try {
      await mailer.send({ to, subject: req.subject, text: req.text, messageId });
    } catch (err) {
      const lastError = maskAddresses(String(err)).slice(0, 500);
      const final = permanent(err);
      await db.notification.update({
        where: { key: req.key },
        data: { attempts: { increment: 1 }, lastError, ...(final ? { status: 'rejected' } : {}) },
      });
      if (final) return { status: 'rejected', recipients };
      throw ApplicationFailure.retryable(lastError, 'SMTP_FAILED');
    }
    await db.notification.update({
      where: { key: req.key },
      data: { status: 'sent', sentAt: new Date(), messageId, attempts: { increment: 1 }, lastError: null },
    });
    return { status: 'sent', recipients };
  };
}
