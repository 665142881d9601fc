// An SMTP outage (time-skipping server, PostgreSQL, SMTP). When deadlines fall due, the overdue flag and the
// audit entries come on time, the e-mails wait in the outbox (written with their steps, tried again by the
// worker's mail outbox), and once the server is back each is sent once. When
// a real-name reporter is to be told by e-mail, the head's filing decision is answered at once, not when the mail
// server is back; the reporter's e-mail goes out once it is, and only then is the feedback recorded.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { workingDaysBefore } from '../../domain/calendar/calendar.js';
import { chinaDateOf, chinaInstant } from '../../schema/values/dates.js';
import { WARNING_HOUR } from '../../domain/clock/clock.js';
import { startSmtpServer, type RunningSmtp } from '../../platform/smtp-server.js';
import {
  caseViewQuery,
  decideFilingUpdate,
  recordReportFeedbackUpdate,
} from '../../workflows/case/messages.js';
import { actor, caseInput, head } from '../helpers/cases.js';
import { registerComplaint } from '../helpers/complaints.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';
import { startCaseWorkflow } from '../helpers/case-client.js';

const MINUTE = 60_000;
const intake = actor('intake1', ['complaint_handler']);
const HOUR = 60 * MINUTE;
let env: TestWorkflowEnvironment;
let tdb: TestDb;
let smtp: TestSmtp;
/** Mail servers started again after an outage. */
const restarted: RunningSmtp[] = [];

beforeAll(async () => {
  [env, tdb, smtp] = await Promise.all([timeSkippingEnv(), freshDb(), startTestSmtp()]);
});
afterAll(async () => {
  await env?.teardown();
  await Promise.all(restarted.map((r) => r.stop()));
  await tdb?.drop();
});

describe('SMTP outage', () => {
  it('delays the e-mails, not the deadline; each is sent once when the server is back', async () => {
    const worker = await testWorker(env, 'outage', createActivities({ db: tdb.db, mailer: smtp.mailer }));
    const caseNumber = 'DC-OUTAGE-1';
    const input = caseInput(caseNumber, chinaDateOf(await env.currentTimeMs()), {
      source: 'monitoring',
      respondent: { kind: 'organisation', name: '演示网店' },
      summary: '网络交易监测发现虚假宣传',
    });
    const handle = await startCaseWorkflow(env.client, {
      taskQueue: 'outage',
      workflowId: caseNumber,
      args: [input],
    });
    await worker.runUntil(async () => {
      const view = await eventually(async () => {
        const v = await handle.query(caseViewQuery);
        expect(v.clocks).toHaveLength(1);
        return v.clocks[0]!;
      });
      const cal = builtinCalendar();
      const warning1 = chinaInstant(workingDaysBefore(cal, view.dueOn!, 1), WARNING_HOUR);
      const dueAt = Date.parse(view.dueAt!);
      // The 3-WD warning goes out; then the server goes down before the 1-WD warning.
      await env.sleep(warning1 - HOUR - (await env.currentTimeMs()));
      await smtp.waitFor((m) =>
        m.some((x) => x.subject?.includes(caseNumber) && x.subject.includes('【提醒】')),
      );
      // Sent and marked so (the outbox marks a row just after the server took it).
      await eventually(async () =>
        expect(await tdb.db.notification.count({ where: { caseNumber, status: 'pending' } })).toBe(0),
      );
      await smtp.stop();
      await env.sleep(dueAt + 10 * MINUTE - (await env.currentTimeMs()));
      // The deadline is flagged on time although the pending warning could not be sent.
      await eventually(async () => expect((await handle.query(caseViewQuery)).overdue).toBe(true));
      await eventually(async () => {
        const rows = await tdb.db.notification.findMany({ where: { caseNumber, status: 'pending' } });
        expect(rows.map((r) => r.kind).sort()).toEqual(['deadline.overdue', 'deadline.warning']);
        expect(rows.every((r) => r.attempts >= 1 && r.lastError)).toBe(true);
      });
      expect((await tdb.db.case.findUniqueOrThrow({ where: { number: caseNumber } })).overdue).toBe(true);
      restarted.push(await startSmtpServer({ port: smtp.port, mailDir: smtp.mailDir }));
      // The outbox tries again in real time (every 2 s at most in the tests; 5 minutes in production).
      await smtp.waitFor((m) => m.filter((x) => x.subject?.includes(caseNumber)).length >= 4);
    });
    // Deadline e-mails (the head's task e-mail went out too, once, and is not counted here).
    const all = (await smtp.inbox()).filter((m) => m.subject?.includes(caseNumber));
    expect(all.filter((m) => m.subject!.startsWith('【待办】'))).toHaveLength(1);
    const mails = all.filter((m) => !m.subject!.startsWith('【待办】'));
    expect(mails.map((m) => (m.subject!.includes('逾期') ? 'overdue' : 'warning')).sort()).toEqual([
      'overdue',
      'warning',
      'warning',
    ]);
    const rows = await tdb.db.notification.findMany({ where: { caseNumber } });
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    await handle.terminate();
  });

  it('answers a filing decision at once; the reporter’s e-mail and its record follow when the server is back', async () => {
    // A mail server of its own (the test above stopped the file's one).
    const smtp = await startTestSmtp();
    const worker = await testWorker(env, 'feedback', createActivities({ db: tdb.db, mailer: smtp.mailer }));
    const today = chinaDateOf(await env.currentTimeMs());
    const caseNumber = 'DC-FEEDBACK-1';
    // The reporter's submission, with their (confidential) address: the workflow knows only its id.
    await registerComplaint(tdb.db, {
      number: 'DC-TS-FEEDBACK-1',
      submissionId: 'SUB-FEEDBACK-1',
      receivedOn: today,
      complainantEmail: 'reporter@example.test',
    });
    const handle = await startCaseWorkflow(env.client, {
      taskQueue: 'feedback',
      workflowId: caseNumber,
      args: [
        {
          ...caseInput(caseNumber, today),
          report: { submissionId: 'SUB-FEEDBACK-1', realName: true, hasEmail: true },
        },
      ],
    });
    await worker.runUntil(async () => {
      await eventually(async () => expect((await handle.query(caseViewQuery)).clocks).toHaveLength(1));
      await smtp.stop();
      // With the mail server down, the decision is still answered (a minute of real time is far more than it
      // takes; before, the answer waited for the e-mail).
      const decided = handle.executeUpdate(decideFilingUpdate, {
        args: [{ actor: head, command: { decision: 'file', reasons: '有违法事实，符合立案条件' } }],
      });
      const answer = await Promise.race([
        decided,
        new Promise((resolve) => setTimeout(() => resolve('no answer'), 60_000)),
      ]);
      expect(answer).toMatchObject({ stage: 'investigation' });
      const actions = async () =>
        (await tdb.db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } })).map(
          (a) => a.action,
        );
      expect(await actions()).not.toContain('report.feedback_sent');
      // The server comes back: the e-mail goes out once, then the feedback is recorded and its period stops.
      restarted.push(await startSmtpServer({ port: smtp.port, mailDir: smtp.mailDir }));
      await env.sleep(15 * MINUTE); // longer than the activities' longest retry back-off (5 minutes)
      await smtp.waitFor((m) => m.some((x) => x.to?.includes('reporter@example.test')));
      await eventually(async () => expect(await actions()).toContain('report.feedback_sent'));
      const v = await handle.query(caseViewQuery);
      expect(v.clocks.find((c) => c.name === 'report-feedback')?.status).toBe('stopped');
    });
    expect((await smtp.inbox()).filter((m) => m.to?.includes('reporter@example.test'))).toHaveLength(1);
    expect(
      (await tdb.db.auditEntry.findMany({ where: { caseNumber, action: 'report.feedback_sent' } })).length,
    ).toBe(1);
    await handle.terminate();
  });

  it('a reporter address the relay refuses for good: no retries, no address in the outbox or the failure, and the intake office tells the reporter', async () => {
    const bounced = 'gone.reporter@example.test';
    const smtp = await startTestSmtp({ rejects: (a) => a === bounced });
    const worker = await testWorker(env, 'bounce', createActivities({ db: tdb.db, mailer: smtp.mailer }));
    const today = chinaDateOf(await env.currentTimeMs());
    const caseNumber = 'DC-BOUNCE-1';
    await registerComplaint(tdb.db, {
      number: 'DC-TS-BOUNCE-1',
      submissionId: 'SUB-BOUNCE-1',
      receivedOn: today,
      complainantEmail: bounced,
    });
    const handle = await startCaseWorkflow(env.client, {
      taskQueue: 'bounce',
      workflowId: caseNumber,
      args: [
        {
          ...caseInput(caseNumber, today),
          report: { submissionId: 'SUB-BOUNCE-1', realName: true, hasEmail: true },
        },
      ],
    });
    const actions = async () =>
      (await tdb.db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } })).map(
        (a) => a.action,
      );
    await worker.runUntil(async () => {
      await handle.executeUpdate(decideFilingUpdate, {
        args: [{ actor: head, command: { decision: 'file', reasons: '有违法事实，符合立案条件' } }],
      });
      await eventually(async () => expect(await actions()).toContain('report.feedback_email_rejected'));
      const row = await tdb.db.notification.findUniqueOrThrow({
        where: { key: `${caseNumber}:report-feedback` },
      });
      expect(row).toMatchObject({ status: 'rejected', attempts: 1 });
      expect(row.lastError).toContain('550');
      expect(row.lastError).not.toContain(bounced);
      expect(JSON.stringify(row)).not.toContain(bounced);
      // The intake office's task, within the same 5 WD, and its record of the phone call is taken.
      const task = await tdb.db.task.findUniqueOrThrow({ where: { id: `${caseNumber}:report-feedback` } });
      expect(task).toMatchObject({ status: 'open', role: 'complaint_handler' });
      await handle.executeUpdate(recordReportFeedbackUpdate, {
        args: [{ actor: intake, command: { channel: 'phone', note: '已电话告知举报人' } }],
      });
      const v = await handle.query(caseViewQuery);
      expect(v.report!.feedback).toMatchObject({ channel: 'phone' });
      expect(v.clocks.find((c) => c.name === 'report-feedback')?.status).toBe('stopped');
      // Nothing about the address reached Temporal's history either.
      const history = JSON.stringify(
        await env.client.workflow.getHandle(`${caseNumber}:filing`).fetchHistory(),
        (_k, x) => (x instanceof Uint8Array ? Buffer.from(x).toString('utf8') : x),
      );
      expect(history).not.toContain(bounced);
    });
    expect(await actions()).toContain('report.feedback_recorded');
    expect(await actions()).not.toContain('report.feedback_sent');
    expect((await smtp.inbox()).filter((m) => m.to?.includes(bounced))).toHaveLength(0);
    await handle.terminate();
    await smtp.stop();
  });
});
