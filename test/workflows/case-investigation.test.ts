// The investigation and the case clock on the time-skipping server, with real PostgreSQL and SMTP
// (docs/rules.md). Expected dates come from the domain's calendar and clock functions (the test server's
// clock may jump), never from fixed dates.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../schema/values/dates.js';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { addWorkingDays } from '../../domain/calendar/calendar.js';
import { computeClock, extendClock, pauseClock, resumeClock, startClock } from '../../domain/clock/clock.js';
import {
  ASSISTANCE_REPLY,
  CASE_DECISION,
  PRESERVATION_DECISION,
  SEIZURE_PERIOD,
} from '../../domain/rules/periods.js';
import type { OfficerRef } from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import { demoEmail } from '../../scripts/seed.js';
import * as M from '../../workflows/case/messages.js';
import {
  actor,
  clockOf,
  DAY,
  head,
  officer1,
  ref,
  team,
  TEAM_IDS,
  useCaseHarness,
} from '../helpers/case-harness.js';
import { proposal } from '../helpers/cases.js';
import { expectDocument } from '../helpers/documents.js';
import { eventually } from '../helpers/eventually.js';

const { h, startCase, actions } = useCaseHarness('inv');
const cal = builtinCalendar();

describe('investigation and the case clock (time-skipping server, PostgreSQL, SMTP)', () => {
  it('filing starts the 90-CD case clock; unattended it runs out and the supervisors are told', async () => {
    const { worker, caseNumber, file, view } = await startCase();
    await worker.runUntil(async () => {
      const filed = await file();
      const filedOn = filed.filing.decision!.on;
      const expected = computeClock(cal, startClock(CASE_DECISION, filedOn, [3, 1])).dueOn;
      const v = await eventually(async () => {
        const x = await view();
        expect(x.clocks.map((c) => c.name)).toContain('case');
        return x;
      });
      expect(clockOf(v, 'case')).toMatchObject({
        dueOn: expected,
        unit: 'CD',
        length: 90,
        status: 'running',
      });
      await h.env.sleep(100 * DAY);
      await h.smtp.waitFor((m) =>
        m.some((x) => x.subject?.includes(caseNumber) && x.subject.includes('逾期')),
      );
      expect(clockOf(await view(), 'case').status).toBe('overdue');
    });
    const overdue = (await h.smtp.inbox()).filter(
      (m) => m.subject?.includes(caseNumber) && m.subject.includes('逾期'),
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.to).toEqual([demoEmail('supervisor1')]);
    const tasks = (await h.smtp.inbox()).filter(
      (m) => m.subject?.includes(caseNumber) && m.subject.includes('待办'),
    );
    // decide-filing to the head; investigate to the unit's officers
    expect(tasks.map((t) => t.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('调查取证')]),
    );
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining([
        'clue.registered',
        'filing.approved',
        'case_clock.started',
        'deadline.overdue',
      ]),
    );
  });

  it('testing pauses the case clock; the due date moves by the paused days; extensions: head once, then collective', async () => {
    const { worker, caseNumber, file, send, view } = await startCase();
    await worker.runUntil(async () => {
      const filedOn = (await file()).filing.decision!.on;
      await eventually(async () => expect(clockOf(await view(), 'case')).toBeDefined());
      const started = await send(M.startTestingUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          kind: 'appraisal',
          description: '委托鉴定产品质量',
          seizureIds: [],
        },
      });
      const pausedOn = started.investigation.testing[0]!.startedOn;
      expect(clockOf(started, 'case').status).toBe('paused');
      await h.env.sleep(20 * DAY);
      const finished = await send(M.finishTestingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, testingId: 'T1', result: '不合格' },
      });
      const resumedOn = finished.investigation.testing[0]!.finishedOn!;
      let s = startClock(CASE_DECISION, filedOn, [3, 1]);
      s = resumeClock(pauseClock(s, { from: pausedOn, reason: 'x', approvedBy: 'x' }), resumedOn);
      expect(clockOf(finished, 'case')).toMatchObject({
        status: 'running',
        dueOn: computeClock(cal, s).dueOn,
      });
      expect(clockOf(finished, 'case').pauses).toHaveLength(1);

      // Collective discussion only after the head's extension.
      const collective = () =>
        send(M.collectiveExtensionUpdate, {
          actor: head,
          participants: [
            ref('head1', ['agency_head'], 'dc', null),
            ref('head2', ['agency_head'], 'dc', null),
          ],
          command: {
            participants: ['head1', 'head2'],
            heldOn: resumedOn,
            days: 45,
            minutes: '经集体讨论决定延长四十五日',
          },
        });
      await expect(collective()).rejects.toMatchObject({ cause: { type: 'COLLECTIVE_TOO_EARLY' } });
      const ext = await send(M.extendCaseClockUpdate, { actor: head, command: { reason: '案情复杂' } });
      s = extendClock(s, { days: 30, on: resumedOn, approvedBy: 'head1', basis: 'x' });
      expect(clockOf(ext, 'case').dueOn).toBe(computeClock(cal, s).dueOn);
      await expect(
        send(M.extendCaseClockUpdate, { actor: head, command: { reason: '再次' } }),
      ).rejects.toMatchObject({
        cause: { type: 'CASE_EXTENSION_USED' },
      });
      await expect(
        send(M.extendCaseClockUpdate, { actor: officer1, command: { reason: '越权' } }),
      ).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      // One head alone is not a collective discussion.
      await expect(
        send(M.collectiveExtensionUpdate, {
          actor: head,
          participants: [ref('head1', ['agency_head'], 'dc', null)],
          command: { participants: ['head1'], heldOn: resumedOn, days: 45, minutes: '独自决定' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'TEAM_TOO_SMALL' } });
      const coll = await collective();
      s = extendClock(s, { days: 45, on: resumedOn, approvedBy: 'x', basis: 'x' });
      expect(clockOf(coll, 'case').dueOn).toBe(computeClock(cal, s).dueOn);
      expect(clockOf(coll, 'case').extensions.map((e) => e.days)).toEqual([30, 45]);
    });
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining([
        'testing.started',
        'testing.finished',
        'case.extended',
        'case.extended_collectively',
      ]),
    );
  });

  it('a hearing dated when it was held pauses the case clock from that day; future or too-early dates are refused', async () => {
    const { worker, file, send } = await startCase();
    await worker.runUntil(async () => {
      const filedOn = (await file()).filing.decision!.on;
      await h.env.sleep(10 * DAY);
      const heldOn = addDays(filedOn, 3);
      const hearing = (on: string) =>
        send(M.startTestingUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, kind: 'hearing', description: '听证', seizureIds: [], on },
        });
      await expect(hearing(addDays(filedOn, 30))).rejects.toMatchObject({
        cause: { type: 'DATE_IN_FUTURE' },
      });
      await expect(hearing(addDays(filedOn, -1))).rejects.toMatchObject({
        cause: { type: 'VALIDATION_FAILED' },
      });
      const started = await hearing(heldOn);
      expect(started.investigation.testing[0]).toMatchObject({ kind: 'hearing', startedOn: heldOn });
      expect(clockOf(started, 'case').status).toBe('paused');
      const closedOn = addDays(heldOn, 2);
      await expect(
        send(M.finishTestingUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, testingId: 'T1', result: '听证结束', on: addDays(heldOn, -1) },
        }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      const finished = await send(M.finishTestingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, testingId: 'T1', result: '听证结束', on: closedOn },
      });
      let s = startClock(CASE_DECISION, filedOn, [3, 1]);
      s = resumeClock(pauseClock(s, { from: heldOn, reason: 'x', approvedBy: 'x' }), closedOn);
      expect(clockOf(finished, 'case')).toMatchObject({
        status: 'running',
        dueOn: computeClock(cal, s).dueOn,
      });
    });
  });

  it('suspension pauses the case clock until the cause ends; termination closes the case', async () => {
    const { worker, handle, caseNumber, file, send } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const req = await send(M.requestSuspensionUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          ground: 'party_missing',
          explanation: '当事人下落不明',
        },
      });
      const approval = req.investigation.approvals[0]!;
      expect(approval).toMatchObject({ kind: 'suspension', status: 'pending' });
      // Officers cannot approve; the head can.
      await expect(
        send(M.decideApprovalUpdate, {
          actor: officer1,
          command: { approvalId: approval.id, approve: true, note: '同意' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      const suspended = await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: approval.id, approve: true, note: '同意中止' },
      });
      expect(suspended.investigation.suspension).toMatchObject({ ground: 'party_missing' });
      expect(clockOf(suspended, 'case').status).toBe('paused');
      // While suspended, investigation steps are refused.
      await expect(
        send(M.recordEvidenceUpdate, {
          actor: officer1,
          team,
          command: {
            officers: TEAM_IDS,
            type: 'documentary',
            description: '购货凭证',
            collectedAt: new Date().toISOString(),
            place: '当事人经营场所',
            attachments: [],
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'CASE_SUSPENDED' } });
      await h.env.sleep(30 * DAY);
      const resumed = await send(M.resumeCaseUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, explanation: '当事人已到案' },
      });
      expect(clockOf(resumed, 'case').status).toBe('running');
      expect(clockOf(resumed, 'case').pauses[0]!.to).toBeDefined();

      const term = await send(M.requestTerminationUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          ground: 'entity_dissolved',
          explanation: '企业已注销，无承受人',
        },
      });
      const closed = await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: term.investigation.approvals[1]!.id, approve: true, note: '同意终止' },
      });
      expect(closed).toMatchObject({
        stage: 'closed',
        outcome: { kind: 'terminated', ground: 'entity_dissolved' },
      });
      expect(await handle.result()).toMatchObject({ status: 'closed' });
    });
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining(['case.suspended', 'case.resumed', 'case.terminated']),
    );
    const row = await h.tdb.db.case.findUniqueOrThrow({ where: { number: caseNumber } });
    expect(row).toMatchObject({ status: 'closed' });
    // Termination closes every task the case had open (the officers' investigation task among them).
    expect(await h.tdb.db.task.findMany({ where: { caseNumber, status: 'open' } })).toEqual([]);
    expect(
      await h.tdb.db.deadline.findMany({ where: { caseNumber, status: { not: 'stopped' } } }),
    ).toHaveLength(0);
  });

  it('evidence preservation lapses after 7 WD without a decision; a seizure is extended once and paused by testing', async () => {
    const { worker, caseNumber, file, send, view } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const ask = (kind: 'preservation' | 'seizure') =>
        send(M.requestMeasureUpdate, {
          actor: officer1,
          team,
          command: {
            officers: TEAM_IDS,
            kind,
            items: ['过期食品 20 箱'],
            reasons: '证据可能灭失',
          },
        });
      const p = await ask('preservation');
      const approved = await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: p.investigation.approvals[0]!.id, approve: true, note: '同意' },
      });
      const startedOn = approved.investigation.approvals[0]!.decidedOn!;
      expect(clockOf(approved, 'preservation-M1').dueOn).toBe(
        addWorkingDays(cal, startedOn, PRESERVATION_DECISION.length).due,
      );

      const s = await ask('seizure');
      const seized = await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: s.investigation.approvals[1]!.id, approve: true, note: '同意查封' },
      });
      const seizureDue = computeClock(
        cal,
        startClock(SEIZURE_PERIOD, seized.investigation.approvals[1]!.decidedOn!, [3, 1]),
      ).dueOn;
      expect(clockOf(seized, 'seizure-M2').dueOn).toBe(seizureDue);
      const testing = await send(M.startTestingUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          kind: 'testing',
          description: '送检',
          seizureIds: ['M2'],
        },
      });
      expect(clockOf(testing, 'seizure-M2').status).toBe('paused');
      const extReq = await send(M.extendSeizureUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, measureId: 'M2', days: 30, reasons: '情况复杂' },
      });
      await expect(
        send(M.extendSeizureUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, measureId: 'M2', days: 10, reasons: '再次' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'EXTENSION_USED' } });
      const ext = await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: extReq.investigation.approvals.at(-1)!.id, approve: true, note: '同意延长' },
      });
      expect(clockOf(ext, 'seizure-M2').extensions).toHaveLength(1);
      expect(ext.investigation.measures.find((m) => m.id === 'M2')!.extended).toBe(true);

      await h.env.sleep(15 * DAY);
      await eventually(async () =>
        expect((await view()).investigation.measures.find((m) => m.id === 'M1')!.status).toBe('lapsed'),
      );
      await h.smtp.waitFor((m) =>
        m.some((x) => x.subject?.includes(caseNumber) && x.subject.includes('失效')),
      );
      await expect(
        send(M.decidePreservationUpdate, {
          actor: officer1,
          team,
          command: {
            officers: TEAM_IDS,
            measureId: 'M1',
            disposal: 'returned',
            reasons: '太晚',
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'MEASURE_NOT_ACTIVE' } });
      // The seizure ends: the goods are released.
      await send(M.releaseSeizureUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, measureId: 'M2', outcome: 'released', reasons: '检测合格。' },
      });
    });
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining([
        'preservation.started',
        'seizure.started',
        'seizure.extended',
        'preservation.lapsed',
        'seizure.ended',
      ]),
    );
    // Each measure's instrument, made from the steps just recorded (docs: enforcement documents).
    const db = h.tdb.db;
    await expectDocument(db, officer1, caseNumber, 'preservation_notice', [
      '先行登记保存证据通知书',
      '过期食品 20 箱',
      '证据可能灭失',
      '七个工作日内',
      '第五十六条',
    ]);
    await expectDocument(db, officer1, caseNumber, 'seizure_decision', [
      '实施行政强制措施决定书',
      '过期食品 20 箱',
      '期限为三十日',
    ]);
    await expectDocument(db, officer1, caseNumber, 'seizure_extension', [
      '延长30日',
      '情况复杂',
      '第二十五条',
    ]);
    await expectDocument(db, officer1, caseNumber, 'seizure_release', [
      '解除查封（扣押），退还财物',
      '检测合格',
    ]);
    await expectDocument(db, officer1, caseNumber, 'testing_period_notice', ['送检', '不计入办案期限']);
  });

  it('validators: one officer only, an uncertified officer, the wrong unit, a reviewer who investigated', async () => {
    const { worker, caseNumber, file, send } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const evidence = (a: Actor, t: OfficerRef[]) =>
        send(M.recordEvidenceUpdate, {
          actor: a,
          team: t,
          command: {
            officers: t.map((o) => o.id),
            type: 'documentary',
            description: '进货单据',
            collectedAt: new Date().toISOString(),
            place: '经营场所',
            attachments: [
              { name: 'invoice.pdf', mediaType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) },
            ],
          },
        });
      await expect(evidence(officer1, [ref('officer1')])).rejects.toMatchObject({
        cause: { type: 'TEAM_TOO_SMALL' },
      });
      await expect(
        evidence(officer1, [ref('officer1'), ref('officer3', undefined, 'dc', null)]),
      ).rejects.toMatchObject({
        cause: { type: 'OFFICER_NOT_CERTIFIED' },
      });
      await expect(
        evidence(actor('officer-cg', ['case_officer'], 'dc-cg'), [
          ref('officer-cg', undefined, 'dc-cg'),
          ref('officer1'),
        ]),
      ).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN_UNIT' },
      });
      await expect(evidence(head, team)).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      await expect(evidence(officer1, [ref('officer2'), ref('officer4')])).rejects.toMatchObject({
        cause: { type: 'ACTOR_NOT_IN_TEAM' },
      });
      // A legal reviewer who also holds the officer role and took part in the investigation may not review it.
      const dual = ref('reviewer2', ['case_officer', 'legal_reviewer']);
      await evidence(officer1, [ref('officer1'), dual]);
      const conclude = (reviewer: OfficerRef) =>
        send(M.concludeInvestigationUpdate, {
          actor: officer1,
          team,
          reviewer,
          command: {
            officers: TEAM_IDS,
            reviewerId: reviewer.id,
            report: '调查终结报告',
            proposal: proposal(),
          },
        });
      // Open work keeps the case in investigation: a running test must finish first.
      await send(M.startTestingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, kind: 'testing', description: '送检', seizureIds: [] },
      });
      await expect(conclude(ref('reviewer1', ['legal_reviewer'], 'dc', null))).rejects.toMatchObject({
        cause: { type: 'OPEN_STEPS', details: [{ detail: 'T1' }] },
      });
      await send(M.finishTestingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, testingId: 'T1', result: '合格' },
      });
      await expect(conclude(dual)).rejects.toMatchObject({ cause: { type: 'REVIEWER_INVESTIGATED' } });
      await expect(conclude(ref('officer2', ['case_officer']))).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN_ROLE' },
      });
      const review = await conclude(ref('reviewer1', ['legal_reviewer'], 'dc', null));
      expect(review).toMatchObject({ stage: 'review', investigation: { reviewerId: 'reviewer1' } });
      expect(review.investigation.investigators.sort()).toEqual(['officer1', 'officer2', 'reviewer2']);
    });
    const evidence = await h.tdb.db.evidence.findMany({ where: { caseNumber } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ type: 'documentary', collectedBy: ['officer1', 'reviewer2'] });
    const task = await h.tdb.db.task.findUniqueOrThrow({ where: { id: `${caseNumber}:case-review` } });
    expect(task).toMatchObject({ assignees: ['reviewer1'], status: 'open' });
  });

  it('assistance: a reply in time stops the 15-WD clock; an unanswered request is overdue; preservation decided in time', async () => {
    const { worker, caseNumber, file, send } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const ask = (office: string) =>
        send(M.requestAssistanceUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, office, matter: '协查当事人注册信息' },
        });
      const first = await ask('西城区市场监督管理局');
      const requestedOn = first.investigation.assistance[0]!.requestedOn;
      expect(clockOf(first, 'assistance-H1').dueOn).toBe(
        addWorkingDays(cal, requestedOn, ASSISTANCE_REPLY.length).due,
      );
      await ask('南城区市场监督管理局');
      const replied = await send(M.recordAssistanceReplyUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, assistanceId: 'H1', summary: '已复函：当事人系该区登记企业' },
      });
      expect(clockOf(replied, 'assistance-H1').status).toBe('stopped');
      await expect(
        send(M.recordAssistanceReplyUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, assistanceId: 'H1', summary: '再次' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'NOT_FOUND_IN_CASE' } });

      const p = await send(M.requestMeasureUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, kind: 'preservation', items: ['账册 3 本'], reasons: '证据可能灭失' },
      });
      await send(M.decideApprovalUpdate, {
        actor: head,
        command: { approvalId: p.investigation.approvals[0]!.id, approve: true, note: '同意' },
      });
      const decided = await send(M.decidePreservationUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, measureId: 'M1', disposal: 'returned', reasons: '已复制，原物退还' },
      });
      expect(decided.investigation.measures[0]).toMatchObject({ status: 'decided', outcome: 'returned' });
      expect(clockOf(decided, 'preservation-M1').status).toBe('stopped');

      await h.env.sleep(30 * DAY);
      await h.smtp.waitFor((m) =>
        m.some((x) => x.subject?.includes(caseNumber) && x.subject.includes('逾期')),
      );
    });
    const overdue = (await h.smtp.inbox()).filter(
      (m) => m.subject?.includes(caseNumber) && m.subject.includes('逾期'),
    );
    // Only the unanswered request is overdue; the answered one and the decided preservation are not.
    expect(overdue.map((m) => m.subject)).toEqual([expect.stringContaining('协助调查回复期限')]);
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining(['assistance.requested', 'assistance.replied', 'preservation.decided']),
    );
    expect(await actions(caseNumber)).not.toContain('preservation.lapsed');
  });
});
