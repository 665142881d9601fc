// A real-name reporter with an e-mail address during an SMTP outage (time-skipping server, PostgreSQL, SMTP): the
// head's filing decision is answered at once, not when the mail server is back; the reporter's e-mail goes out
// once the server is back, and only then is the feedback recorded and its period stopped.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { startSmtpServer, type RunningSmtp } from '../../platform/smtp-server.js';
import * as M from '../../workflows/case/messages.js';
import { startCaseWorkflow } from '../helpers/case-client.js';
import { caseInput, head } from '../helpers/cases.js';
import { registerComplaint } from '../helpers/complaints.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';

const MINUTE = 60_000;
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

describe('the reporter told by e-mail during an SMTP outage', () => {
  it('answers the filing decision at once; the e-mail and its record follow when the server is back', async () => {
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
      await eventually(async () => expect((await handle.query(M.caseViewQuery)).clocks).toHaveLength(1));
      await smtp.stop();
      // With the mail server down, the decision is still answered (a minute of real time is far more than it
      // takes; before, the answer waited for the e-mail).
      const decided = handle.executeUpdate(M.decideFilingUpdate, {
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
      back = await startSmtpServer({ port: smtp.port, mailDir: smtp.mailDir });
      await env.sleep(15 * MINUTE); // longer than the activities' longest retry back-off (5 minutes)
      await smtp.waitFor((m) => m.some((x) => x.to?.includes('reporter@example.test')));
      await eventually(async () => expect(await actions()).toContain('report.feedback_sent'));
      const v = await handle.query(M.caseViewQuery);
      expect(v.clocks.find((c) => c.name === 'report-feedback')?.status).toBe('stopped');
    });
    expect((await smtp.inbox()).filter((m) => m.to?.includes('reporter@example.test'))).toHaveLength(1);
    expect(
      (await tdb.db.auditEntry.findMany({ where: { caseNumber, action: 'report.feedback_sent' } })).length,
    ).toBe(1);
    await handle.terminate();
  });
});
