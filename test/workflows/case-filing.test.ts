// The case workflow's filing stage on the time-skipping server, with its real activities: PostgreSQL for the
// projection and audit trail, a real SMTP server on loopback for the e-mail. docs/rules.md: 15 WD to decide,
// one extension of 15 WD by the head; when the period runs out the supervisors are told.
import { issueDocument } from '../../services/documents/register.js';
import { expectDocument } from '../helpers/documents.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { verifyChain } from '../../services/audit-hash.js';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { addWorkingDays } from '../../domain/calendar/calendar.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { FILING_DECISION, FILING_EXTENSION } from '../../domain/rules/periods.js';
import type { Actor } from '../../schema/roles.js';
import { demoEmail } from '../../scripts/seed.js';
import { loadCalendarYear } from '../../services/calendar-admin.js';
import {
  calendarChangedSignal,
  caseViewQuery,
  decideFilingUpdate,
  extendFilingUpdate,
} from '../../workflows/case/messages.js';
import { yearWithExtraHoliday } from '../helpers/calendar.js';
import { caseInput } from '../helpers/cases.js';
import type { CaseInput } from '../../schema/case.js';
import type { CaseState } from '../../workflows/case/state.js';
import { matterCalendar } from '../../domain/calendar/sources.js';
import { expectTypedAuditTrail } from '../helpers/audit.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';
import { startCaseWorkflow } from '../helpers/case-client.js';

const DAY = 86_400_000;
let env: TestWorkflowEnvironment;
let tdb: TestDb;
let smtp: TestSmtp;
let n = 0;
const running: { terminate(): Promise<unknown> }[] = [];

const actor = (id: string, roles: Actor['roles'], unitId = 'dc'): Actor => ({
  id,
  displayName: id,
  roles,
  unitId,
});
const head = actor('head1', ['agency_head']);
const officer = actor('officer1', ['case_officer']);

beforeAll(async () => {
  [env, tdb, smtp] = await Promise.all([timeSkippingEnv(), freshDb(), startTestSmtp()]);
});
afterAll(async () => {
  await env?.teardown();
  // Every step the file's matters recorded has its action's typed shape (schema/events.ts).
  if (tdb) expect(await expectTypedAuditTrail(tdb.db)).toBeGreaterThan(0);
  await tdb?.drop();
  await smtp?.stop();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.terminate().catch(() => undefined)));
});

async function startCase(extra: Partial<CaseInput> = {}) {
  const taskQueue = `case-${++n}`;
  const worker = await testWorker(env, taskQueue, createActivities({ db: tdb.db, mailer: smtp.mailer }));
  const today = chinaDateOf(await env.currentTimeMs());
  const caseNumber = `DC-TEST-${n}-${Date.now()}`;
  const input = { ...caseInput(caseNumber, today), ...extra };
  const handle = await startCaseWorkflow(env.client, {
    taskQueue,
    workflowId: caseNumber,
    args: [input],
  });
  running.push(handle);
  return { worker, handle, caseNumber, today };
}

const auditRows = (caseNumber: string) =>
  tdb.db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } });

describe('case workflow: filing (time-skipping server, PostgreSQL, SMTP)', () => {
  it('an unattended filing period ends with the overdue e-mail to the supervisors and the overdue flag', async () => {
    const { worker, handle, caseNumber, today } = await startCase();
    const expectedDue = addWorkingDays(builtinCalendar(), today, FILING_DECISION.length).due!;
    await worker.runUntil(async () => {
      const view = await eventually(async () => {
        const v = await handle.query(caseViewQuery);
        expect(v.clocks).toHaveLength(1);
        return v;
      });
      expect(view.clocks[0]!.dueOn).toBe(expectedDue);
      await eventually(async () =>
        expect(await tdb.db.case.findUnique({ where: { number: caseNumber } })).not.toBeNull(),
      );
      await env.sleep(40 * DAY);
      await eventually(async () => expect((await handle.query(caseViewQuery)).overdue).toBe(true));
      // The overdue e-mail and the two warnings before it (the outbox sends them as their steps are written).
      await smtp.waitFor(
        (m) =>
          m.some((x) => x.subject?.includes(caseNumber) && x.subject.includes('逾期')) &&
          m.filter((x) => x.subject?.includes(caseNumber) && x.subject.includes('提醒')).length >= 2,
      );
      // Too late to extend: an extension must be granted before the period runs out.
      const late = handle.executeUpdate(extendFilingUpdate, {
        args: [{ actor: head, command: { reason: '逾期后申请延长 after the period ran out' } }],
      });
      await expect(late).rejects.toMatchObject({ cause: { type: 'PERIOD_EXPIRED' } });
      await expect(late).rejects.toMatchObject({ cause: { message: expect.stringContaining(expectedDue) } });
      expect((await handle.query(caseViewQuery)).filing.extensions).toBe(0);
    });

    const mails = (await smtp.inbox()).filter((m) => m.subject?.includes(caseNumber));
    const overdue = mails.filter((m) => m.subject!.includes('逾期'));
    const warnings = mails.filter((m) => m.subject!.includes('提醒'));
    expect(overdue).toHaveLength(1);
    // The unit's supervisor, not the city's: the nearest unit that has one.
    expect(overdue[0]!.to).toEqual([demoEmail('supervisor1')]);
    expect(overdue[0]!.text).toContain(expectedDue);
    // Warnings 3 and 1 WD before go to the unit's heads, who own the task.
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect([...w.to].sort()).toEqual([demoEmail('head1'), demoEmail('head2')]);

    const row = await tdb.db.case.findUniqueOrThrow({ where: { number: caseNumber } });
    expect(row.overdue).toBe(true);
    expect(row.stage).toBe('filing');
    const deadline = await tdb.db.deadline.findUniqueOrThrow({ where: { id: `${caseNumber}:filing` } });
    expect(deadline.status).toBe('overdue');
    // The deadline board reads deadlines by unit: the projection copies the case's unit onto each.
    expect(deadline.unitId).toBe(row.unitId);
    expect(deadline.dueOn).toBe(expectedDue);
    const task = await tdb.db.task.findUniqueOrThrow({ where: { id: `${caseNumber}:decide-filing` } });
    expect(task).toMatchObject({ status: 'open', role: 'agency_head', dueOn: expectedDue });

    const audit = await auditRows(caseNumber);
    expect(audit.map((a) => a.action)).toEqual([
      'clue.registered',
      'deadline.warning',
      'deadline.warning',
      'deadline.overdue',
    ]);
    const chain = verifyChain(audit.map((a) => ({ ...a, at: a.at.toISOString() })));
    expect(chain).toEqual({ ok: true, entries: 4 });
    const outbox = await tdb.db.notification.findMany({
      where: { caseNumber, kind: { not: 'task.assigned' } },
    });
    expect(outbox.map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('the head extends once by 15 WD, then files; the task closes and nothing more is sent', async () => {
    const { worker, handle, caseNumber, today } = await startCase();
    await worker.runUntil(async () => {
      await eventually(async () => expect((await handle.query(caseViewQuery)).clocks).toHaveLength(1));
      const extended = await handle.executeUpdate(extendFilingUpdate, {
        args: [{ actor: head, command: { reason: '需调取外地证据 evidence from elsewhere' } }],
        updateId: `ext-${caseNumber}`,
      });
      const cal = builtinCalendar();
      const expectedDue = addWorkingDays(cal, today, FILING_DECISION.length + FILING_EXTENSION.days).due;
      // The Update answers with a small result; the view is read with the query.
      expect(extended).toEqual({
        number: caseNumber,
        stage: 'filing',
        status: 'open',
        step: 2,
        nextDueOn: expectedDue,
        overdue: false,
      });
      const afterExtension = await handle.query(caseViewQuery);
      expect(afterExtension.clocks[0]!.dueOn).toBe(expectedDue);
      expect(afterExtension.filing.extensions).toBe(1);

      // A second extension is refused, and changes nothing.
      const again = handle.executeUpdate(extendFilingUpdate, {
        args: [{ actor: head, command: { reason: 'again' } }],
      });
      await expect(again).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(again).rejects.toMatchObject({ cause: { type: 'EXTENSION_USED' } });
      // The same update ID again returns the first result (the API's idempotency key).
      const retried = await handle.executeUpdate(extendFilingUpdate, {
        args: [{ actor: head, command: { reason: '需调取外地证据 evidence from elsewhere' } }],
        updateId: `ext-${caseNumber}`,
      });
      expect(retried).toEqual(extended);
      expect((await handle.query(caseViewQuery)).filing.extensions).toBe(1);

      const fileIt = {
        actor: head,
        command: { decision: 'file' as const, reasons: '有违法事实，符合立案条件' },
      };
      const filed = await handle.executeUpdate(decideFilingUpdate, {
        args: [fileIt],
        updateId: `file-${caseNumber}`,
      });
      expect(filed.stage).toBe('investigation');
      expect((await handle.query(caseViewQuery)).clocks[0]!.status).toBe('stopped');
      // The client never got that answer and sends the command again, with its key, after the case has moved on
      // to investigation: it gets the filing phase's answer, not a refusal, and nothing is recorded twice.
      await eventually(async () =>
        expect((await handle.phase()).workflowId).toBe(`${caseNumber}:investigation`),
      );
      const again2 = await handle.executeUpdate(decideFilingUpdate, {
        args: [fileIt],
        updateId: `file-${caseNumber}`,
      });
      expect(again2).toEqual(filed);
      // A new command of the filing phase (another key) is refused at this stage.
      await expect(
        handle.executeUpdate(decideFilingUpdate, { args: [fileIt], updateId: `file-2-${caseNumber}` }),
      ).rejects.toMatchObject({ cause: { type: 'STAGE_NOT_ALLOWED' } });
      await env.sleep(60 * DAY);
    });
    const audit = await auditRows(caseNumber);
    expect(audit.map((a) => a.action)).toEqual([
      'clue.registered',
      'filing.extended',
      'filing.approved',
      'case_clock.started',
    ]);
    expect(
      (await tdb.db.task.findUniqueOrThrow({ where: { id: `${caseNumber}:decide-filing` } })).status,
    ).toBe('closed');
    // Only the task e-mails: the head's decision task (opened, then again with the extended due date) and
    // the officers' investigation task; no warning or overdue e-mail.
    const mails = (await smtp.inbox()).filter((m) => m.subject?.includes(caseNumber));
    expect(mails.every((m) => m.subject!.startsWith('【待办】'))).toBe(true);
    expect((await tdb.db.case.findUniqueOrThrow({ where: { number: caseNumber } })).stage).toBe(
      'investigation',
    );
  });

  it('refuses commands from the wrong role or unit and at the wrong stage; the case stays unchanged', async () => {
    const { worker, handle, caseNumber } = await startCase();
    await worker.runUntil(async () => {
      await eventually(async () => expect((await handle.query(caseViewQuery)).clocks).toHaveLength(1));
      const decide = (a: Actor) =>
        handle.executeUpdate(decideFilingUpdate, {
          args: [{ actor: a, command: { decision: 'file', reasons: '理由充分' } }],
        });
      await expect(decide(officer)).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      await expect(decide(actor('cityhead', ['agency_head'], 'city'))).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN_UNIT' },
      });
      expect(await decide(head)).toMatchObject({ stage: 'investigation' });
      await expect(decide(head)).rejects.toMatchObject({ cause: { type: 'STAGE_NOT_ALLOWED' } });
      await expect(
        handle.executeUpdate(extendFilingUpdate, { args: [{ actor: head, command: { reason: '太晚了' } }] }),
      ).rejects.toMatchObject({ cause: { type: 'STAGE_NOT_ALLOWED' } });
    });
    const audit = await auditRows(caseNumber);
    expect(audit.map((a) => a.action)).toEqual(['clue.registered', 'filing.approved', 'case_clock.started']);
  });

  it('a declined clue closes the case and completes its workflow', async () => {
    const { worker, handle, caseNumber } = await startCase();
    await worker.runUntil(async () => {
      const declined = await handle.executeUpdate(decideFilingUpdate, {
        args: [
          {
            actor: head,
            command: { decision: 'decline', reasons: '不属于本局管辖', ground: 'no_jurisdiction' },
          },
        ],
      });
      expect(declined.stage).toBe('closed');
      expect(await handle.result()).toMatchObject({ stage: 'closed', status: 'closed' });
    });
    const audit = await auditRows(caseNumber);
    expect(audit.map((a) => a.action)).toEqual(['clue.registered', 'filing.declined']);
    const row = await tdb.db.case.findUniqueOrThrow({ where: { number: caseNumber } });
    expect(row).toMatchObject({ status: 'closed', stage: 'closed', overdue: false });
    expect(await tdb.db.task.findMany({ where: { caseNumber, status: 'open' } })).toEqual([]);
    // Its workflow has completed; the approval form of the decision is still made from the recorded steps.
    await expect(issueDocument(tdb.db, head, caseNumber, { kind: 'filing_approval' })).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_DUE',
    });
    await expectDocument(tdb.db, head, caseNumber, 'no_filing_approval', [
      '不予立案审批表',
      '不属于本机关管辖',
      '同意不予立案。不属于本局管辖',
    ]);
  });

  it('recomputes the filing deadline when an administrator loads a schedule with a holiday on the due date', async () => {
    const { worker, handle, caseNumber } = await startCase();
    await worker.runUntil(async () => {
      const before = await eventually(async () => {
        const v = await handle.query(caseViewQuery);
        expect(v.clocks).toHaveLength(1);
        return v.clocks[0]!;
      });
      const due = before.dueOn!;
      // The year's schedule as loaded from a notice: what the engine assumed, plus a holiday on the due date.
      await loadCalendarYear(tdb.db, yearWithExtraHoliday(due), 'admin');
      await handle.signal(calendarChangedSignal);
      const after = await eventually(async () => {
        const c = (await handle.query(caseViewQuery)).clocks[0]!;
        expect(c.dueOn! > due, `${due} → ${c.dueOn}\n${c.explanation.join('\n')}`).toBe(true);
        return c;
      }, 60_000);
      expect(after.explanation.join('\n')).toContain('临时假日');
      await eventually(async () => {
        const row = await tdb.db.deadline.findUniqueOrThrow({ where: { id: `${caseNumber}:filing` } });
        expect(row.dueOn).toBe(after.dueOn);
      });
    });
    const audit = await auditRows(caseNumber);
    expect(audit.at(-1)).toMatchObject({ action: 'deadline.recomputed' });
    expect(audit.at(-1)!.details).toMatchObject({ moved: [{ clock: 'filing' }] });
    await tdb.db.calendarDay.deleteMany({});
    await tdb.db.calendarYear.deleteMany({});
  });

  it('a case given the calendar at registration counts with it and loads none (its first phase starts with it)', async () => {
    const now = chinaDateOf(await env.currentTimeMs());
    const builtin = builtinCalendar();
    // The calendar given differs from the engine's by one holiday inside the filing period: the due date shows
    // which one the case counted with.
    const extra = addWorkingDays(builtin, now, 3).due!;
    const given = matterCalendar(builtin, Number(now.slice(0, 4)));
    given.holidays = { ...given.holidays, [extra]: '临时假日 extra holiday' };
    // (A year without an official schedule counts its fixed-date holidays only: the test's year is made official.)
    given.officialYears = { ...given.officialYears, [extra.slice(0, 4)]: '测试通知 test notice' };
    const { worker, handle, caseNumber } = await startCase({ calendar: given });
    await worker.runUntil(async () => {
      const clock = await eventually(async () => {
        const v = await handle.query(caseViewQuery);
        expect(v.clocks).toHaveLength(1);
        return v.clocks[0]!;
      });
      expect(clock.dueOn).toBe(addWorkingDays(given, now, FILING_DECISION.length).due);
      expect(clock.dueOn).not.toBe(addWorkingDays(builtin, now, FILING_DECISION.length).due);
    });
    // No workflow of the case loaded the calendar, and the phase was not given it again in its input.
    for (const id of [caseNumber, `${caseNumber}:filing`]) {
      const events = (await env.client.workflow.getHandle(id).fetchHistory()).events ?? [];
      const scheduled = events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
      expect(scheduled).not.toContain('loadCalendar');
      expect(events.length).toBeGreaterThan(2);
    }
    const phaseStart = (await env.client.workflow.getHandle(`${caseNumber}:filing`).fetchHistory())
      .events![0]!;
    const phaseInput = phaseStart.workflowExecutionStartedEventAttributes!.input!.payloads![0]!.data!;
    const started = JSON.parse(Buffer.from(phaseInput).toString()) as { case: CaseInput; state: CaseState };
    expect(started.case.calendar).toBeUndefined();
    expect(started.state.matter.calendar).toEqual(given);
  });

  it('two extensions sent at once: exactly one is applied, the other refused', async () => {
    const { worker, handle, caseNumber } = await startCase();
    await worker.runUntil(async () => {
      const send = (reason: string) =>
        handle.executeUpdate(extendFilingUpdate, { args: [{ actor: head, command: { reason } }] });
      const results = await Promise.allSettled([send('第一次延长'), send('第二次延长')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toMatchObject([
        { reason: { cause: { type: 'EXTENSION_USED' } } },
      ]);
      expect((await handle.query(caseViewQuery)).clocks[0]!.extensions).toHaveLength(1);
    });
    const audit = await auditRows(caseNumber);
    expect(audit.filter((a) => a.action === 'filing.extended')).toHaveLength(1);
  });
});
