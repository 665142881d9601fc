// The complaint workflow on the time-skipping server, with its real activities: PostgreSQL for the projection
// and audit trail, a real SMTP server on loopback for the e-mail. docs/rules.md (CRM): accept or reject within
// 7 WD (CRM 14–15); mediation with both parties' consent ends by itself 45 WD after acceptance, testing and
// appraisal not counted; both parties told within 7 WD (CRM 16–21); a violation found becomes a case (CRM 23);
// a transfer before acceptance (CRM 36–37). Expected dates come from the calendar functions, never literals.
import type { UpdateDefinition } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CommandResult } from '../../schema/common.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { createActivities } from '../../activities/index.js';
import { verifyChain } from '../../services/audit-hash.js';
import { addWorkingDays, workingDaysBetween } from '../../domain/calendar/calendar.js';
import { addDays, chinaDateOf, chinaInstant } from '../../schema/values/dates.js';
import { ACCEPTANCE_DECISION, MEDIATION, PARTIES_NOTICE } from '../../domain/rules/complaint-periods.js';
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import {
  REJECTION_GROUND_TITLES,
  RejectionGroundSchema,
  type ComplaintView,
} from '../../schema/complaint.js';
import type { Actor } from '../../schema/roles.js';
import { demoEmail } from '../../scripts/seed.js';
import { caseViewQuery } from '../../workflows/case/messages.js';
import {
  complaintViewQuery,
  decideAcceptanceUpdate,
  endMediationUpdate,
  pauseMediationUpdate,
  recordPartiesNotifiedUpdate,
  reportViolationUpdate,
  resumeMediationUpdate,
  startMediationUpdate,
  transferJurisdictionUpdate,
  type Command,
} from '../../workflows/complaint/messages.js';
import { registerComplaint } from '../helpers/complaints.js';
import { expectTypedAuditTrail } from '../helpers/audit.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';
import { caseHandle as caseHandle_ } from '../helpers/case-client.js';

type ComplaintUpdate<C> = UpdateDefinition<CommandResult, [Command<C>], string>;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const COMPLAINANT_EMAIL = 'complainant@example.test';
let env: TestWorkflowEnvironment;
let tdb: TestDb;
let smtp: TestSmtp;
let n = 0;
const running: { terminate(): Promise<unknown> }[] = [];
const cal = builtinCalendar();

const actor = (id: string, roles: Actor['roles'], unitId = 'dc'): Actor => ({
  id,
  displayName: id,
  roles,
  unitId,
});
const intake = actor('intake1', ['complaint_handler']);
const respondent = { kind: 'organisation' as const, name: '演示电器有限公司', uscc: '91350100M000100Y43' };

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

/** A complaint received today at the county unit "dc", with its submission and (confidential) complainant. */
async function startComplaint(extra: { stepsPerRun?: number } = {}) {
  const taskQueue = `complaint-${++n}`;
  const worker = await testWorker(env, taskQueue, createActivities({ db: tdb.db, mailer: smtp.mailer }));
  const today = chinaDateOf(await env.currentTimeMs());
  const number = `DC-TS-TEST-${n}-${Date.now()}`;
  const submissionId = `SUB-TEST-${n}-${Date.now()}`;
  const input = await registerComplaint(tdb.db, {
    number,
    submissionId,
    receivedOn: today,
    complainantEmail: COMPLAINANT_EMAIL,
    respondent,
    registeredBy: intake,
  });
  const handle = await env.client.workflow.start('complaintWorkflow', {
    taskQueue,
    workflowId: number,
    args: [{ ...input, ...extra }],
  });
  running.push(handle);
  /** A command: the Update answers with a small result; the test reads the view as the API does. */
  const update = async <C>(def: ComplaintUpdate<C>, command: NoInfer<C>, by: Actor = intake) => {
    const result = await handle.executeUpdate(def, { args: [{ actor: by, command }] });
    const v = await handle.query(complaintViewQuery);
    expect(result).toMatchObject({ number, stage: v.stage, status: v.status });
    return v;
  };
  const view = () => handle.query(complaintViewQuery);
  const ready = () => eventually(async () => expect((await view()).clocks).toHaveLength(1));
  return { worker, handle, number, today, submissionId, update, view, ready };
}

const auditActions = async (caseNumber: string) =>
  (await tdb.db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } })).map((a) => a.action);
const clockOf = (v: ComplaintView, name: string) => v.clocks.find((c) => c.name === name)!;
const mailsOf = async (number: string) => (await smtp.inbox()).filter((m) => m.subject?.includes(number));

describe('complaint workflow (time-skipping server, PostgreSQL, SMTP)', () => {
  it('accepted → mediated with an agreement → both parties told: closed, every task closed, complainant told', async () => {
    const { worker, handle, number, update, ready } = await startComplaint();
    await worker.runUntil(async () => {
      await ready();
      const accepted = await update(decideAcceptanceUpdate, { accept: true });
      expect(accepted.stage).toBe('accepted');
      expect(clockOf(accepted, ACCEPTANCE_DECISION.name).status).toBe('stopped');
      // CRM 16–21: 45 WD from acceptance.
      const acceptedOn = accepted.acceptance!.on;
      expect(clockOf(accepted, MEDIATION.name).dueOn).toBe(addWorkingDays(cal, acceptedOn, 45).due);

      const mediating = await update(startMediationUpdate, {
        complainantConsents: true,
        respondentConsents: true,
      });
      expect(mediating).toMatchObject({ stage: 'mediation', mediation: { status: 'in_progress' } });

      const ended = await update(endMediationUpdate, { outcome: 'agreement', note: '双方达成退货协议' });
      expect(ended).toMatchObject({ stage: 'notification', outcome: 'agreement' });
      expect(clockOf(ended, MEDIATION.name).status).toBe('stopped');
      // CRM 16–21: both parties told within 7 WD of the end.
      const notice = clockOf(ended, PARTIES_NOTICE.name);
      expect(notice.dueOn).toBe(addWorkingDays(cal, ended.mediation.endedOn!, 7).due);

      const closed = await update(recordPartiesNotifiedUpdate, { method: 'in_writing' });
      expect(closed).toMatchObject({ stage: 'closed', status: 'closed', outcome: 'agreement' });
      expect(await handle.result()).toMatchObject({
        status: 'closed',
        partiesNotified: { method: 'in_writing' },
      });
    });
    expect(await auditActions(number)).toEqual([
      'complaint.received',
      'complaint.accepted',
      'mediation.started',
      'mediation.ended',
      'parties.notified',
    ]);
    const audit = await tdb.db.auditEntry.findMany({
      where: { caseNumber: number },
      orderBy: { seq: 'asc' },
    });
    expect(verifyChain(audit.map((a) => ({ ...a, at: a.at.toISOString() })))).toEqual({
      ok: true,
      entries: 5,
    });
    const row = await tdb.db.case.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ kind: 'complaint', stage: 'closed', status: 'closed', overdue: false });
    expect(row.details).toMatchObject({ outcome: 'agreement', mediation: { outcome: 'agreement' } });
    const tasks = await tdb.db.task.findMany({ where: { caseNumber: number } });
    expect(tasks.map((t) => [t.kind, t.status]).sort()).toEqual([
      ['decide-acceptance', 'closed'],
      ['mediate', 'closed'],
      ['notify-parties', 'closed'],
    ]);
    // CRM 14: the complainant is told of the acceptance, at the address from the confidential Person row.
    const mails = await smtp.waitFor((m) =>
      m.some((x) => x.to.includes(COMPLAINANT_EMAIL) && !!x.subject?.includes(number)),
    );
    expect(mails.filter((x) => x.to.includes(COMPLAINANT_EMAIL) && x.subject?.includes(number))).toHaveLength(
      1,
    );
    const outbox = await tdb.db.notification.findMany({
      where: { caseNumber: number, kind: 'complaint.acceptance' },
    });
    expect(outbox[0]!.recipients).toEqual([expect.stringMatching(/^submitter:/)]); // the address is not stored
  });

  it.each(RejectionGroundSchema.options)(
    'not accepted on the ground %s (CRM 15): closed with the ground and explanation, the complainant told',
    async (ground) => {
      const { worker, handle, number, update, ready } = await startComplaint();
      await worker.runUntil(async () => {
        await ready();
        const rejected = await update(decideAcceptanceUpdate, {
          accept: false,
          ground,
          explanation: '经审查不符合受理条件',
        });
        expect(rejected).toMatchObject({
          stage: 'closed',
          outcome: 'rejected',
          acceptance: { decision: 'rejected', ground, explanation: '经审查不符合受理条件' },
        });
        expect(rejected.clocks.map((c) => c.name)).toEqual([ACCEPTANCE_DECISION.name]);
        expect(await handle.result()).toMatchObject({ status: 'closed' });
        // The e-mail went to the outbox with the decision; the worker's outbox sends it.
        await smtp.waitFor((m) =>
          m.some((x) => x.to.includes(COMPLAINANT_EMAIL) && !!x.subject?.includes(number)),
        );
      });
      expect(await auditActions(number)).toEqual(['complaint.received', 'complaint.rejected']);
      const last = await tdb.db.auditEntry.findFirstOrThrow({ where: { caseNumber: number, seq: 2 } });
      expect(last.details).toMatchObject({ ground });
      const mail = (await mailsOf(number)).find((m) => m.to.includes(COMPLAINANT_EMAIL));
      expect(mail?.text).toContain(REJECTION_GROUND_TITLES[ground].zh);
    },
  );

  it('an unattended acceptance period: one overdue e-mail to supervisor1, warnings to the handler, flagged', async () => {
    const { worker, number, today, view, ready } = await startComplaint();
    const expectedDue = addWorkingDays(cal, today, ACCEPTANCE_DECISION.length).due!;
    await worker.runUntil(async () => {
      await ready();
      expect(clockOf(await view(), ACCEPTANCE_DECISION.name).dueOn).toBe(expectedDue);
      await env.sleep(25 * DAY);
      await eventually(async () => expect((await view()).overdue).toBe(true));
      await smtp.waitFor(
        (m) =>
          m.some((x) => x.subject?.includes(number) && x.subject.includes('逾期')) &&
          m.filter((x) => x.subject?.includes(number) && x.subject.includes('提醒')).length >=
            NATIONAL_DEFAULTS.reminders.warnBeforeWD.length,
      );
      await env.sleep(25 * DAY); // still overdue, nothing more sent
      expect((await view()).stage).toBe('acceptance');
    });
    const mails = await mailsOf(number);
    const overdue = mails.filter((m) => m.subject!.includes('逾期'));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.to).toEqual([demoEmail('supervisor1')]);
    expect(overdue[0]!.text).toContain(expectedDue);
    const warnings = mails.filter((m) => m.subject!.includes('提醒'));
    expect(warnings).toHaveLength(NATIONAL_DEFAULTS.reminders.warnBeforeWD.length);
    expect(warnings.every((w) => w.to.join() === demoEmail('intake1'))).toBe(true);
    expect(await tdb.db.case.findUniqueOrThrow({ where: { number } })).toMatchObject({ overdue: true });
    expect(await auditActions(number)).toEqual([
      'complaint.received',
      'deadline.warning',
      'deadline.warning',
      'deadline.overdue',
    ]);
  });

  it('continues as new between stages: the paused mediation period, its end and the parties’ notice carry over', async () => {
    // A budget of 2 steps per run: the complaint continues as new after acceptance and after mediation.
    const { worker, number, update, view, ready, handle } = await startComplaint({ stepsPerRun: 2 });
    /** Waits for the run after `runId` (so the next command does not race the hand-over on the test server). */
    const nextRun = (runId: string) =>
      eventually(async () => {
        const d = await handle.describe();
        expect(d.runId).not.toBe(runId);
        return d.runId;
      });
    await worker.runUntil(async () => {
      await ready();
      const accepted = await update(decideAcceptanceUpdate, { accept: true });
      const firstDue = clockOf(accepted, MEDIATION.name).dueOn!;
      const second = await nextRun(handle.firstExecutionRunId);
      await update(startMediationUpdate, { complainantConsents: true, respondentConsents: true });
      await update(pauseMediationUpdate, { reason: 'appraisal', note: '送检热水器' });
      await env.sleep(10 * DAY);
      const resumed = await update(resumeMediationUpdate, {});
      const pause = clockOf(resumed, MEDIATION.name).pauses[0]!;
      const expected = addWorkingDays(cal, firstDue, workingDaysBetween(cal, pause.from, pause.to!)).due!;
      expect(clockOf(resumed, MEDIATION.name).dueOn).toBe(expected);
      // The restored period runs out by itself in the new run: mediation ends without agreement.
      await env.sleep(chinaInstant(addDays(expected, 1)) + HOUR - (await env.currentTimeMs()));
      await eventually(async () => expect((await view()).stage).toBe('notification'));
      await nextRun(second);
      const told = await update(recordPartiesNotifiedUpdate, { method: 'phone' });
      expect(told).toMatchObject({
        stage: 'closed',
        outcome: 'no_agreement',
        mediation: { endedOn: expected },
      });
      expect(await handle.result()).toMatchObject({ status: 'closed' });
    });
    // Three runs, one audit trail without gaps or repeats.
    const seqs = (
      await tdb.db.auditEntry.findMany({ where: { caseNumber: number }, orderBy: { seq: 'asc' } })
    ).map((a) => a.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await auditActions(number)).filter((a) => a.startsWith('mediation.'))).toEqual([
      'mediation.started',
      'mediation.paused',
      'mediation.resumed',
      'mediation.ended',
    ]);
  });

  it('a pause for appraisal moves the 45-WD end by the paused working days; then mediation ends by itself', async () => {
    const { worker, number, update, view, ready } = await startComplaint();
    await worker.runUntil(async () => {
      await ready();
      const accepted = await update(decideAcceptanceUpdate, { accept: true });
      const firstDue = clockOf(accepted, MEDIATION.name).dueOn!;
      await update(startMediationUpdate, { complainantConsents: true, respondentConsents: true });
      const paused = await update(pauseMediationUpdate, { reason: 'appraisal', note: '送检热水器' });
      expect(paused.mediation.status).toBe('paused');
      expect(clockOf(paused, MEDIATION.name)).toMatchObject({ status: 'paused', dueOn: null });
      await expect(update(pauseMediationUpdate, { reason: 'testing' })).rejects.toMatchObject({
        cause: { type: 'MEDIATION_ALREADY_PAUSED' },
      });
      await env.sleep(10 * DAY);
      const resumed = await update(resumeMediationUpdate, {});
      const clock = clockOf(resumed, MEDIATION.name);
      const pause = clock.pauses[0]!;
      // Testing and appraisal time is not counted (CRM 16–21): the end moves by the working days paused.
      const expected = addWorkingDays(cal, firstDue, workingDaysBetween(cal, pause.from, pause.to!)).due!;
      expect(workingDaysBetween(cal, pause.from, pause.to!)).toBeGreaterThan(0);
      expect(clock.dueOn).toBe(expected);
      expect(clock.explanation.join('\n')).toContain('鉴定 appraisal');

      // Sleep past the (moved) end: mediation ends without agreement by itself, no overdue alarm.
      await env.sleep(chinaInstant(addDays(expected, 1)) + HOUR - (await env.currentTimeMs()));
      const ended = await eventually(async () => {
        const v = await view();
        expect(v.stage).toBe('notification');
        return v;
      });
      expect(ended).toMatchObject({
        outcome: 'no_agreement',
        overdue: false,
        mediation: { status: 'ended', endedOn: expected, endedBy: 'system' },
      });
      expect(clockOf(ended, PARTIES_NOTICE.name).dueOn).toBe(addWorkingDays(cal, expected, 7).due);
      await update(recordPartiesNotifiedUpdate, { method: 'phone' });
    });
    const actions = await auditActions(number);
    expect(actions.filter((a) => a.startsWith('mediation.') || a === 'parties.notified')).toEqual([
      'mediation.started',
      'mediation.paused',
      'mediation.resumed',
      'mediation.ended',
      'parties.notified',
    ]);
    expect(actions).not.toContain('deadline.overdue');
    expect((await mailsOf(number)).filter((m) => m.subject!.includes('逾期'))).toHaveLength(0);
    const ended = await tdb.db.auditEntry.findFirstOrThrow({
      where: { caseNumber: number, action: 'mediation.ended' },
    });
    expect(ended).toMatchObject({ actorId: 'system', details: { outcome: 'no_agreement' } });
  });

  it('mediation without both consents is refused; a party refusing ends it with outcome "refused"', async () => {
    const { worker, number, update, view, ready } = await startComplaint();
    await worker.runUntil(async () => {
      await ready();
      await update(decideAcceptanceUpdate, { accept: true });
      for (const consents of [
        { complainantConsents: true, respondentConsents: false },
        { complainantConsents: false, respondentConsents: true },
      ])
        await expect(update(startMediationUpdate, consents)).rejects.toMatchObject({
          cause: { type: 'MEDIATION_CONSENT_REQUIRED' },
        });
      expect((await view()).stage).toBe('accepted');
      await expect(update(endMediationUpdate, { outcome: 'agreement' })).rejects.toMatchObject({
        cause: { type: 'STAGE_NOT_ALLOWED' },
      });
      const ended = await update(endMediationUpdate, { outcome: 'refused', note: '被投诉人明确拒绝调解' });
      expect(ended).toMatchObject({
        stage: 'notification',
        outcome: 'refused',
        mediation: { status: 'ended' },
      });
    });
    expect(await auditActions(number)).toEqual([
      'complaint.received',
      'complaint.accepted',
      'mediation.ended',
    ]);
  });

  it('the validator refuses the wrong role, another unit (above or below) and the wrong stage; nothing changes', async () => {
    const { worker, number, update, view, ready } = await startComplaint();
    await worker.runUntil(async () => {
      await ready();
      const accept = (by: Actor) => update(decideAcceptanceUpdate, { accept: true }, by);
      await expect(accept(actor('officer1', ['case_officer']))).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN_ROLE' },
      });
      await expect(accept(actor('head1', ['agency_head']))).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN_ROLE' },
      });
      for (const unit of ['city', 'dc-cg'])
        await expect(accept(actor(`intake-${unit}`, ['complaint_handler'], unit))).rejects.toMatchObject({
          cause: { type: 'FORBIDDEN_UNIT' },
        });
      // An update sent past the API's zod schema is still checked: not accepting needs a ground.
      await expect(update(decideAcceptanceUpdate, { accept: false })).rejects.toMatchObject({
        cause: { type: 'VALIDATION_FAILED' },
      });
      await expect(update(recordPartiesNotifiedUpdate, { method: 'phone' })).rejects.toMatchObject({
        cause: { type: 'STAGE_NOT_ALLOWED' },
      });
      await expect(update(pauseMediationUpdate, { reason: 'testing' })).rejects.toMatchObject({
        cause: { type: 'STAGE_NOT_ALLOWED' },
      });
      await expect(update(reportViolationUpdate, { summary: '未受理前不得报告' })).rejects.toMatchObject({
        cause: { type: 'STAGE_NOT_ALLOWED' },
      });
      expect((await view()).stage).toBe('acceptance');
    });
    expect(await auditActions(number)).toEqual(['complaint.received']);
  });

  it('a violation found in mediation starts a case with the complaint’s respondent, which outlives the complaint', async () => {
    const { worker, number, update, today, ready } = await startComplaint();
    let caseNumber = '';
    await worker.runUntil(async () => {
      await ready();
      await update(decideAcceptanceUpdate, { accept: true });
      await update(startMediationUpdate, { complainantConsents: true, respondentConsents: true });
      const reported = await update(reportViolationUpdate, {
        summary: '被投诉人销售不合格电热水器，涉嫌违法',
      });
      caseNumber = reported.violations[0]!.caseNumber!;
      expect(caseNumber).toMatch(new RegExp(`^DC-${today.slice(0, 4)}-\\d{5}$`));
      const caseHandle = caseHandle_(env.client, caseNumber);
      running.push(caseHandle);
      const c = await eventually(() => caseHandle.query(caseViewQuery));
      expect(c).toMatchObject({
        unitId: 'dc',
        stage: 'filing',
        source: 'complaint_report',
        respondent,
        summary: '被投诉人销售不合格电热水器，涉嫌违法',
        registeredBy: 'intake1',
      });
      expect(c.discoveredOn).toBe(reported.violations[0]!.on);
      // The complaint goes on and closes; the case keeps running (ABANDON).
      await update(endMediationUpdate, { outcome: 'no_agreement' });
      await update(recordPartiesNotifiedUpdate, { method: 'in_writing' });
      expect((await caseHandle.describe()).status.name).toBe('RUNNING');
    });
    expect(await auditActions(number)).toContain('violation.reported');
    expect(
      await tdb.db.registration.findUnique({ where: { idempotencyKey: `${number}:violation:1` } }),
    ).toMatchObject({
      caseNumber,
    });
    const row = await tdb.db.case.findUniqueOrThrow({ where: { number } });
    expect(row.details).toMatchObject({ violations: [{ n: 1, caseNumber }] });
  });

  it('a transfer before acceptance closes the complaint and starts one at the competent office (CRM 36–37)', async () => {
    const { worker, number, submissionId, today, update, view, ready } = await startComplaint();
    await worker.runUntil(async () => {
      await ready();
      await expect(
        update(transferJurisdictionUpdate, { toUnitId: 'nowhere', reason: '不属本局管辖' }),
      ).rejects.toMatchObject({
        cause: { type: 'TRANSFER_TARGET_INVALID' },
      });
      expect((await view()).stage).toBe('acceptance');
      const moved = await update(transferJurisdictionUpdate, { toUnitId: 'dc-cg', reason: '属城关所辖区' });
      expect(moved).toMatchObject({
        stage: 'closed',
        outcome: 'transferred',
        transfer: { toUnitId: 'dc-cg' },
      });
      const toNumber = moved.transfer!.toNumber!;
      expect(toNumber).toMatch(new RegExp(`^DC-CG-TS-${today.slice(0, 4)}-\\d{5}$`));
      const next = env.client.workflow.getHandle(toNumber);
      running.push(next);
      const v = await eventually(async () => {
        const x = await next.query(complaintViewQuery);
        expect(x.clocks).toHaveLength(1);
        return x;
      });
      expect(v).toMatchObject({
        unitId: 'dc-cg',
        stage: 'acceptance',
        submissionId,
        respondent,
        transferredFrom: { number, unitId: 'dc' },
      });
      // The receiving office has its own 7 WD from the day it arrived.
      expect(v.clocks[0]!.dueOn).toBe(addWorkingDays(cal, moved.transfer!.on, 7).due);
      // An office that received it without authority sends it back, never onward (CRM 37).
      const cgIntake = actor('intake-cg', ['complaint_handler'], 'dc-cg');
      await expect(
        next.executeUpdate(transferJurisdictionUpdate, {
          args: [{ actor: cgIntake, command: { toUnitId: 'city', reason: '再移送' } }],
        }),
      ).rejects.toMatchObject({ cause: { type: 'TRANSFER_TARGET_INVALID' } });
      expect(await tdb.db.submission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
        unitId: 'dc-cg',
        complaintNumber: toNumber,
      });
    });
    expect(await auditActions(number)).toEqual(['complaint.received', 'complaint.transferred']);
    expect(
      await tdb.db.task.findUniqueOrThrow({ where: { id: `${number}:decide-acceptance` } }),
    ).toMatchObject({
      status: 'closed',
    });
  });
});
