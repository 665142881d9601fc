// The mail outbox (activities/notifications/outbox.ts) against real PostgreSQL and real SMTP servers on loopback:
// e-mails written with a step are sent once, to the recipients resolved when sending; a retried step writes no
// second row; two senders racing send each e-mail once; an outage delays an e-mail and loses nothing; a permanent
// refusal is final and keeps no address; the notify activity's rows are never the outbox's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { startMailOutbox, type MailOutbox } from '../../activities/notifications/outbox.js';
import type { NotifyRequest } from '../../activities/notifications/notify.js';
import type { StepRecord } from '../../activities/persistence/record-step.js';
import { createMailer } from '../../platform/mailer.js';
import { startSmtpServer } from '../../platform/smtp-server.js';
import { demoEmail } from '../../scripts/seed.js';
import { registerComplaint } from '../helpers/complaints.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { freePort } from '../helpers/ports.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

let tdb: TestDb;
let smtp: TestSmtp;
const senders: MailOutbox[] = [];
beforeAll(async () => {
  [tdb, smtp] = await Promise.all([freshDb(), startTestSmtp()]);
});
afterAll(async () => {
  await Promise.all(senders.map((s) => s.stop()));
  await tdb?.drop();
  await smtp?.stop();
});

const mail = (
  key: string,
  audience: NotifyRequest['audience'],
  caseNumber = 'DC-2026-80001',
): NotifyRequest => ({
  key,
  caseNumber,
  kind: 'deadline.overdue',
  audience,
  subject: `【逾期】${key}`,
  text: '期限已届满 The period has run out.',
});

const step = (caseNumber: string, seq: number, m: NotifyRequest[]): StepRecord => ({
  caseNumber,
  seq,
  at: new Date(Date.UTC(2026, 11, 4, 1, seq)).toISOString(),
  actorId: 'system',
  action: 'deadline.overdue',
  details: { seq },
  case: {
    number: caseNumber,
    unitId: 'dc',
    stage: 'filing',
    status: 'open',
    source: 'media',
    respondent: { kind: 'natural_person', name: '张三' },
    summary: '媒体曝光',
    discoveredOn: '2026-12-01',
    overdue: true,
    nextDueOn: null,
    nextDueAt: null,
    createdBy: 'officer1',
    createdAt: '2026-12-01T01:00:00.000Z',
  },
  deadlines: [],
  mail: m,
});

const subjects = async (prefix: string) =>
  (await smtp.inbox()).filter((x) => x.subject?.includes(prefix)).map((x) => x.subject!);

describe('the mail outbox', () => {
  it('sends the e-mails a step wrote, once, to the recipients resolved when sending; a retried step writes none again', async () => {
    const { recordStep } = createActivities({ db: tdb.db, mailer: smtp.mailer });
    const s = step('DC-2026-80001', 1, [
      mail('ob-1:supervisors', { unitId: 'dc', role: 'supervisor' }),
      // No supervisor in the sub-unit: the nearest unit above that has one.
      mail('ob-1:up', { unitId: 'dc-cg', role: 'supervisor' }),
      mail('ob-1:named', { userIds: ['officer1'] }),
      mail('ob-1:nobody', { userIds: ['no-such-user'] }),
    ]);
    await recordStep(s);
    expect(await recordStep(s)).toMatchObject({ applied: false }); // retried
    const written = await tdb.db.notification.findMany({ where: { caseNumber: 'DC-2026-80001' } });
    expect(written).toHaveLength(4);
    expect(written.every((r) => r.status === 'pending' && r.recipients.length === 0)).toBe(true);

    const outbox = startMailOutbox(tdb.db, smtp.mailer, { idleMs: 50 });
    senders.push(outbox);
    const rows = await eventually(async () => {
      const r = await tdb.db.notification.findMany({
        where: { caseNumber: 'DC-2026-80001' },
        orderBy: { key: 'asc' },
      });
      expect(r.every((x) => x.status !== 'pending')).toBe(true);
      return r;
    });
    expect(rows.map((r) => [r.key, r.status, r.recipients, r.attempts])).toEqual([
      ['ob-1:named', 'sent', [demoEmail('officer1')], 1],
      ['ob-1:nobody', 'no-recipients', [], 0],
      ['ob-1:supervisors', 'sent', [demoEmail('supervisor1')], 1],
      ['ob-1:up', 'sent', [demoEmail('supervisor1')], 1],
    ]);
    expect(rows.filter((r) => r.status === 'sent').every((r) => r.sentAt && r.messageId)).toBe(true);
    await smtp.waitFor((m) => m.filter((x) => x.subject?.includes('ob-1:')).length >= 3);
    await new Promise((r) => setTimeout(r, 300)); // a second sending would show now
    expect((await subjects('ob-1:')).sort()).toEqual([
      '【逾期】ob-1:named',
      '【逾期】ob-1:supervisors',
      '【逾期】ob-1:up',
    ]);
    const named = (await smtp.inbox()).find((x) => x.subject === '【逾期】ob-1:named')!;
    expect(named.to).toEqual([demoEmail('officer1')]);
    expect(named.messageId).toBe(rows.find((r) => r.key === 'ob-1:named')!.messageId);
    await outbox.stop();
  });

  it('two senders racing over 60 e-mails send each once', async () => {
    const { recordStep } = createActivities({ db: tdb.db, mailer: smtp.mailer });
    for (let c = 0; c < 6; c++)
      await recordStep(
        step(
          `DC-2026-8010${c}`,
          1,
          Array.from({ length: 10 }, (_, i) =>
            mail(`ob-race:${c}:${i}`, { unitId: 'dc', role: 'supervisor' }, `DC-2026-8010${c}`),
          ),
        ),
      );
    const a = startMailOutbox(tdb.db, smtp.mailer, { idleMs: 10, batch: 7, concurrency: 3 });
    const b = startMailOutbox(tdb.db, smtp.mailer, { idleMs: 10, batch: 7, concurrency: 3 });
    senders.push(a, b);
    await smtp.waitFor((m) => m.filter((x) => x.subject?.includes('ob-race:')).length >= 60);
    await eventually(async () =>
      expect(
        await tdb.db.notification.count({ where: { key: { startsWith: 'ob-race:' }, status: 'sent' } }),
      ).toBe(60),
    );
    await new Promise((r) => setTimeout(r, 300));
    const got = await subjects('ob-race:');
    expect(got).toHaveLength(60);
    expect(new Set(got).size).toBe(60);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('an SMTP outage delays an e-mail and loses nothing: tried again with back-off, sent once when the server is back', async () => {
    const port = await freePort();
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, 'noreply@tiean.local');
    const { recordStep } = createActivities({ db: tdb.db, mailer });
    await recordStep(step('DC-2026-80200', 1, [mail('ob-outage', { unitId: 'dc', role: 'supervisor' })]));
    const outbox = startMailOutbox(tdb.db, mailer, { idleMs: 20, retryFirstMs: 100, retryMaxMs: 400 });
    senders.push(outbox);
    const failed = await eventually(async () => {
      const r = await tdb.db.notification.findUniqueOrThrow({ where: { key: 'ob-outage' } });
      expect(r.attempts).toBeGreaterThanOrEqual(2);
      return r;
    });
    expect(failed).toMatchObject({ status: 'pending', recipients: [demoEmail('supervisor1')] });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    // The back-off: the next attempt is set after the last failure.
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 1_000);
    const server = await startSmtpServer({ port, mailDir: smtp.mailDir });
    try {
      const sent = await eventually(async () => {
        const r = await tdb.db.notification.findUniqueOrThrow({ where: { key: 'ob-outage' } });
        expect(r.status).toBe('sent');
        return r;
      });
      expect(sent.lastError).toBeNull();
      expect(sent.attempts).toBeGreaterThan(failed.attempts);
      await new Promise((r) => setTimeout(r, 300));
      expect(await subjects('ob-outage')).toHaveLength(1);
    } finally {
      await outbox.stop();
      await server.stop();
      mailer.close();
    }
  });

  it('a complainant’s address is looked up when sending and never stored; one the relay refuses for good is final', async () => {
    const bounced = 'gone.complainant@example.test';
    const refusing = await startTestSmtp({ rejects: (a) => a === bounced });
    try {
      await registerComplaint(tdb.db, {
        number: 'DC-TS-OB-1',
        submissionId: 'SUB-OB-1',
        receivedOn: '2026-12-04',
        complainantEmail: 'complainant@example.test',
      });
      await registerComplaint(tdb.db, {
        number: 'DC-TS-OB-2',
        submissionId: 'SUB-OB-2',
        receivedOn: '2026-12-04',
        complainantEmail: bounced,
      });
      const { recordStep } = createActivities({ db: tdb.db, mailer: refusing.mailer });
      await recordStep(step('DC-TS-OB-1', 1, [mail('ob-told', { submitterOf: 'SUB-OB-1' }, 'DC-TS-OB-1')]));
      await recordStep(
        step('DC-TS-OB-2', 1, [mail('ob-bounced', { submitterOf: 'SUB-OB-2' }, 'DC-TS-OB-2')]),
      );
      const outbox = startMailOutbox(tdb.db, refusing.mailer, { idleMs: 20, retryFirstMs: 50 });
      senders.push(outbox);
      const rows = await eventually(async () => {
        const r = await tdb.db.notification.findMany({
          where: { key: { in: ['ob-told', 'ob-bounced'] } },
          orderBy: { key: 'asc' },
        });
        expect(r.map((x) => x.status)).toEqual(['rejected', 'sent']);
        return r;
      });
      await new Promise((r) => setTimeout(r, 300)); // no retry of the refused one
      const [rejected, told] = rows;
      expect(await tdb.db.notification.findUniqueOrThrow({ where: { key: 'ob-bounced' } })).toMatchObject({
        attempts: 1,
      });
      expect(rejected!.lastError).toContain('550');
      expect(JSON.stringify(rows)).not.toContain(bounced);
      expect(JSON.stringify(rows)).not.toContain('complainant@example.test');
      expect(told!.recipients).toEqual(['submitter:SUB-OB-1']);
      const got = await refusing.waitFor((m) => m.some((x) => x.subject === '【逾期】ob-told'));
      expect(got.filter((x) => x.subject === '【逾期】ob-told').map((x) => x.to)).toEqual([
        ['complainant@example.test'],
      ]);
      await outbox.stop();
    } finally {
      await refusing.stop();
    }
  });

  it('leaves the notify activity’s rows to that activity', async () => {
    const down = createMailer(`smtp://127.0.0.1:${await freePort()}`, 'noreply@tiean.local');
    const { notify } = createActivities({ db: tdb.db, mailer: down });
    await expect(notify(mail('ob-activity', { unitId: 'dc', role: 'supervisor' }))).rejects.toThrow();
    const outbox = startMailOutbox(tdb.db, smtp.mailer, { idleMs: 10 });
    senders.push(outbox);
    expect(await outbox.drainDue()).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await tdb.db.notification.findUniqueOrThrow({ where: { key: 'ob-activity' } })).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    expect(await subjects('ob-activity')).toEqual([]);
    await outbox.stop();
    down.close();
  });
});
