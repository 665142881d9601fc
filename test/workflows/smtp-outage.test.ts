// An SMTP outage when deadlines fall due (time-skipping server, PostgreSQL, SMTP): the overdue flag and the
// audit entries come on time, the e-mails wait in the outbox, and once the server is back each is sent once.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { builtinCalendar } from '../../activities/calendar/builtin.js';
import { workingDaysBefore } from '../../domain/calendar/calendar.js';
import { chinaDateOf, chinaInstant } from '../../schema/values/dates.js';
import { WARNING_HOUR } from '../../domain/clock/clock.js';
import { startSmtpServer, type RunningSmtp } from '../../platform/smtp-server.js';
import { caseViewQuery } from '../../workflows/case/messages.js';
import { caseInput } from '../helpers/cases.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';
import { startCaseWorkflow } from '../helpers/case-client.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let env: TestWorkflowEnvironment;
let tdb: TestDb;
let smtp: TestSmtp;
let back: RunningSmtp | undefined;

beforeAll(async () => {
  [env, tdb, smtp] = await Promise.all([timeSkippingEnv(), freshDb(), startTestSmtp()]);
});
afterAll(async () => {
  await env?.teardown();
  await back?.stop();
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
      await smtp.waitFor((m) => m.some((x) => x.subject?.includes(caseNumber)));
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
      back = await startSmtpServer({ port: smtp.port, mailDir: smtp.mailDir });
      await env.sleep(15 * MINUTE); // longer than the activities' longest retry back-off (5 minutes)
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
});
