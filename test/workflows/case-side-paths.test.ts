// The side paths of a case on the time-skipping server, with real PostgreSQL and SMTP: the transfer of a
// suspected crime (docs/rules.md), the simplified procedure (§4), the limitation check and the no-penalty
// route through the rule pack's exemption lists (§2).
import { describe, expect, it } from 'vitest';
import { addDays, addYears, chinaDateOf } from '../../schema/values/dates.js';
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import type { RecordTransferStep } from '../../schema/investigation.js';
import * as M from '../../workflows/case/messages.js';
import {
  actor,
  DAY,
  head,
  officer1,
  principal,
  team,
  TEAM_IDS,
  useCaseHarness,
} from '../helpers/case-harness.js';
import { proposal } from '../helpers/cases.js';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { addWorkingDays } from '../../domain/calendar/calendar.js';
import { REPORT_FEEDBACK } from '../../domain/rules/periods.js';

const intake = actor('intake1', ['complaint_handler']);
import { expectDocument } from '../helpers/documents.js';
import { eventually } from '../helpers/eventually.js';

const { h, startCase, actions } = useCaseHarness('side');

/** Officers propose a transfer of a suspected crime and the principal head approves it (approval A1). */
async function approvedTransfer(send: Awaited<ReturnType<typeof startCase>>['send']) {
  await send(M.proposeTransferUpdate, {
    actor: officer1,
    team,
    command: { officers: TEAM_IDS, suspectedOffence: '涉嫌犯罪', facts: '事实' },
  });
  await send(M.decideApprovalUpdate, {
    actor: principal,
    command: { approvalId: 'A1', approve: true, note: '批准' },
  });
}

describe('side paths of a case (time-skipping server, PostgreSQL, SMTP)', () => {
  it('criminal transfer: refusal, reconsideration, acceptance; no on-the-spot penalty meanwhile; the case closes', async () => {
    const { worker, handle, caseNumber, send } = await startCase();
    await worker.runUntil(async () => {
      const step = (command: Parameters<typeof send<RecordTransferStep>>[1]['command']) =>
        send(M.recordTransferStepUpdate, { actor: officer1, team, command });
      const o = TEAM_IDS;
      const proposed = await send(M.proposeTransferUpdate, {
        actor: officer1,
        team,
        command: { officers: o, suspectedOffence: '生产、销售伪劣产品罪', facts: '涉案货值金额逾五万元' },
      });
      expect(proposed.investigation.transfer).toMatchObject({ status: 'proposed' });
      // While the transfer stands, the clue cannot be declined instead.
      await expect(
        send(M.decideFilingUpdate, {
          actor: head,
          command: { decision: 'decline', reasons: '情节轻微', ground: 'other' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'TRANSFER_STEP_NOT_ALLOWED' } });
      expect(proposed.clocks.map((c) => c.name)).toContain('transfer-approval-A1');
      await expect(
        send(M.onTheSpotDecisionUpdate, {
          actor: officer1,
          team,
          command: {
            officers: o,
            formNumber: 'JY-0001',
            penalty: { kind: 'warning' },
            facts: '事实清楚',
            legalBasis: '某法某条',
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'PENALTY_BARRED_BY_TRANSFER' } });
      await expect(
        step({ step: 'handed_over', officers: o, policeOffice: '区公安分局', note: '移送' }),
      ).rejects.toMatchObject({
        cause: { type: 'TRANSFER_STEP_NOT_ALLOWED' },
      });
      // Only the principal head decides a transfer (TR art. 5): an agency head alone is refused.
      await expect(
        send(M.decideApprovalUpdate, {
          actor: head,
          command: { approvalId: 'A1', approve: true, note: '批准移送' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      await send(M.decideApprovalUpdate, {
        actor: principal,
        command: { approvalId: 'A1', approve: true, note: '批准移送' },
      });
      await step({ step: 'handed_over', officers: o, policeOffice: '区公安分局', note: '已移送案卷' });
      const refused = await step({ step: 'police_decision', officers: o, accepted: false, note: '不予立案' });
      expect(refused.investigation.transfer!.status).toBe('refused');
      await step({ step: 'reconsideration_requested', officers: o, note: '提请复议' });
      const done = await step({
        step: 'reconsideration_answer',
        officers: o,
        accepted: true,
        note: '复议后立案',
      });
      expect(done).toMatchObject({ stage: 'closed', outcome: { kind: 'transferred_to_police' } });
      // The items go to the police within 3 days of the filing notice: a task and a clock outlive the closing.
      const filedOn = done.investigation.transfer!.history.at(-1)!.on;
      expect(done.investigation.transfer!.items).toEqual({ dueOn: addDays(filedOn, 3) });
      expect(done.clocks.find((k) => k.name === 'transfer-items-A1')).toMatchObject({ status: 'running' });
      const openTasks = await h.tdb.db.task.findMany({ where: { caseNumber, status: 'open' } });
      expect(openTasks.map((x) => x.kind)).toEqual(['transfer-items']);
      const handed = await step({ step: 'items_handed_over', officers: o, note: '移交扣押物品清单及实物' });
      expect(handed.investigation.transfer!.items!.handedOverOn).toBe(filedOn);
      // The transfer letter, made from the proposal the principal head approved.
      await expectDocument(h.tdb.db, officer1, caseNumber, 'transfer_to_police', [
        '涉嫌犯罪案件移送书',
        '生产、销售伪劣产品罪',
        '涉案货值金额逾五万元',
        '正职负责人批准',
      ]);
      // A second hand-over is refused: by the validator, or, once the workflow has ended with the hand-over, by
      // the server (the API answers both with 409).
      await expect(step({ step: 'items_handed_over', officers: o, note: '再次' })).rejects.toThrow();
      expect(await handle.result()).toMatchObject({ status: 'closed' });
    });
    expect(
      (await h.tdb.db.task.findMany({ where: { caseNumber, status: 'open' } })).map((x) => x.kind),
    ).toEqual([]);
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining([
        'transfer.proposed',
        'transfer.approved',
        'transfer.handed_over',
        'transfer.police_decision',
        'case.transferred_to_police',
        'transfer.items_due',
        'transfer.items_handed_over',
      ]),
    );
    expect((await actions(caseNumber)).filter((a) => a === 'transfer.items_handed_over')).toHaveLength(1);
  });

  it('an unused window to contest a refusal lapses: the case returns to administrative handling', async () => {
    const { worker, file, send, view } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const o = TEAM_IDS;
      await approvedTransfer(send);
      const step = (command: RecordTransferStep) =>
        send(M.recordTransferStepUpdate, { actor: officer1, team, command });
      await step({ step: 'handed_over', officers: o, policeOffice: '公安分局', note: '移送' });
      await step({ step: 'police_decision', officers: o, accepted: false, note: '不予立案' });
      await h.env.sleep(10 * DAY);
      await eventually(async () => expect((await view()).investigation.transfer!.status).toBe('returned'));
      expect((await view()).stage).toBe('investigation');
    });
  });

  it('simplified procedure within the limits closes the case unpublished; above the limit it is refused', async () => {
    const person = await startCase({ clue: { respondent: { kind: 'natural_person', name: '张某' } } });
    const o = TEAM_IDS;
    const decide = (c: typeof person, amount: number) =>
      c.send(M.onTheSpotDecisionUpdate, {
        actor: officer1,
        team,
        command: {
          officers: o,
          formNumber: `JY-${amount}`,
          penalty: { kind: 'fine', amount },
          facts: '事实清楚',
          legalBasis: '依据',
        },
      });
    const limits = NATIONAL_DEFAULTS.thresholds.simplifiedFineMax;
    await person.worker.runUntil(async () => {
      await expect(decide(person, limits.naturalPerson + 1)).rejects.toMatchObject({
        cause: { type: 'SIMPLIFIED_OVER_LIMIT' },
      });
      const done = await decide(person, limits.naturalPerson);
      expect(done.outcome).toMatchObject({
        kind: 'simplified_penalty',
        publish: false,
        penalty: { amount: limits.naturalPerson },
      });
      await person.handle.result();
    });
    // One case at a time: a started workflow without a running worker holds the test server's clock.
    const org = await startCase();
    await org.worker.runUntil(async () => {
      await expect(decide(org, limits.organisation + 1)).rejects.toMatchObject({
        cause: { type: 'SIMPLIFIED_OVER_LIMIT' },
      });
      expect((await decide(org, limits.organisation)).stage).toBe('closed');
    });
    expect(await actions(person.caseNumber)).toEqual(['clue.registered', 'simplified.decided']);
    // The on-the-spot decision carries the pre-printed form's number the officers recorded.
    const onTheSpot = await expectDocument(h.tdb.db, officer1, person.caseNumber, 'on_the_spot_decision', [
      '当场行政处罚决定书',
      `罚款人民币${limits.naturalPerson}元`,
      '张某',
      '十五日内',
      '六十日内',
    ]);
    expect(onTheSpot.number).toBe(`JY-${limits.naturalPerson}`);
    for (const n of [person.caseNumber, org.caseNumber])
      expect(await h.tdb.db.task.findMany({ where: { caseNumber: n, status: 'open' } })).toEqual([]);
    // The decision's facts and legal basis are stored with its step, where users read them.
    const step = await h.tdb.db.auditEntry.findFirstOrThrow({
      where: { caseNumber: person.caseNumber, action: 'simplified.decided' },
    });
    expect(step.details).toMatchObject({ facts: expect.any(String), legalBasis: expect.any(String) });
  });

  it('limitation: an expired clue is filed only with the head’s reason; not filing on an exemption cites the rule pack', async () => {
    const today = chinaDateOf(await h.env.currentTimeMs());
    const violationEndedOn = addYears(today, -3);
    const old = await startCase({ clue: { violationEndedOn } });
    await old.worker.runUntil(async () => {
      const v = await eventually(async () => {
        const x = await old.view();
        expect(x.filing.limitation).toBeTruthy();
        return x;
      });
      expect(v.filing.limitation).toMatchObject({
        expired: true,
        years: 2,
        expiresOn: addYears(violationEndedOn, 2),
      });
      await expect(old.file()).rejects.toMatchObject({ cause: { type: 'LIMITATION_EXPIRED' } });
      const filed = await old.send(M.decideFilingUpdate, {
        actor: head,
        command: {
          decision: 'file',
          reasons: '违法行为持续至今',
          limitationOverride: '连续状态至发现时仍未终了',
        },
      });
      expect(filed.stage).toBe('investigation');
    });
    const pack = {
      ref: 'national@1+prv@1',
      content: {
        ...NATIONAL_DEFAULTS,
        exemptionLists: [
          {
            id: 'prv-first',
            kind: 'first_violation' as const,
            title: { zh: '示例首违不罚清单', en: 'example first-violation list' },
            source: '示例 example',
            items: [{ id: 'ad-1', text: '示例条目 example item' }],
          },
        ],
      },
    };
    const exempt = await startCase({ input: { rulePack: pack } });
    await exempt.worker.runUntil(async () => {
      const decline = (itemId: string) =>
        exempt.send(M.decideFilingUpdate, {
          actor: head,
          command: {
            decision: 'decline',
            reasons: '首次违法且及时改正',
            ground: 'first_violation',
            exemption: { listId: 'prv-first', itemId },
          },
        });
      await expect(decline('nope')).rejects.toMatchObject({ cause: { type: 'EXEMPTION_UNKNOWN' } });
      const done = await decline('ad-1');
      expect(done).toMatchObject({
        stage: 'closed',
        rulePack: 'national@1+prv@1',
        outcome: { kind: 'not_filed', ground: 'first_violation' },
      });
    });
    const row = await h.tdb.db.case.findUniqueOrThrow({ where: { number: exempt.caseNumber } });
    expect(row.rulePack).toBe('national@1+prv@1');
  });

  it('after a first refusal the office may go directly to the procuratorate (TR art. 9)', async () => {
    const { worker, file, send } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const step = (command: RecordTransferStep) =>
        send(M.recordTransferStepUpdate, { actor: officer1, team, command });
      await approvedTransfer(send);
      const handed = await step({
        step: 'handed_over',
        officers: TEAM_IDS,
        policeOffice: '公安分局',
        note: '移送',
      });
      const handedOn = handed.investigation.transfer!.history.at(-1)!.on;
      await h.env.sleep(2 * DAY);
      // The refusal notice arrived the day after the hand-over and is recorded today: the 3 days run from its
      // receipt; a receipt dated before the hand-over is refused.
      await expect(
        step({
          step: 'police_decision',
          officers: TEAM_IDS,
          accepted: false,
          note: '不予立案',
          on: addDays(handedOn, -1),
        }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      const refused = await step({
        step: 'police_decision',
        officers: TEAM_IDS,
        accepted: false,
        note: '不予立案',
        on: addDays(handedOn, 1),
      });
      const window = refused.clocks.find((k) => k.name === 'transfer-reconsideration-request-A1')!;
      expect(window.startedOn).toBe(addDays(handedOn, 1));
      expect(window.dueOn).toBe(addDays(handedOn, 4)); // 3 calendar days, an agency's period: no roll-over
      const sup = await step({
        step: 'supervision_requested',
        officers: TEAM_IDS,
        note: '径行建议检察院立案监督',
      });
      expect(sup.investigation.transfer!.status).toBe('supervision');
      // The window to ask the police to reconsider no longer runs.
      expect(sup.clocks.find((k) => k.name === 'transfer-reconsideration-request-A1')?.status).toBe(
        'stopped',
      );
    });
  });

  it('procuratorate supervision: refused twice, supervision asked, the case returns to administrative handling', async () => {
    const { worker, file, send } = await startCase();
    await worker.runUntil(async () => {
      await file();
      const step = (command: RecordTransferStep) =>
        send(M.recordTransferStepUpdate, { actor: officer1, team, command });
      await approvedTransfer(send);
      await step({ step: 'handed_over', officers: TEAM_IDS, policeOffice: '公安分局', note: '移送' });
      await step({ step: 'police_decision', officers: TEAM_IDS, accepted: false, note: '不予立案' });
      await step({ step: 'reconsideration_requested', officers: TEAM_IDS, note: '提请复议' });
      const again = await step({
        step: 'reconsideration_answer',
        officers: TEAM_IDS,
        accepted: false,
        note: '维持',
      });
      expect(again.investigation.transfer!.status).toBe('refused_again');
      expect(again.clocks.map((k) => k.name)).toContain('transfer-supervision-request-A1');
      const sup = await step({
        step: 'supervision_requested',
        officers: TEAM_IDS,
        note: '建议检察院立案监督',
      });
      expect(sup.investigation.transfer!.status).toBe('supervision');
      // While the procuratorate has it, no penalty route is open.
      await expect(
        send(M.concludeInvestigationUpdate, {
          actor: officer1,
          team,
          reviewer: { id: 'reviewer1', unitId: 'dc', roles: ['legal_reviewer'], certificateNo: null },
          command: { officers: TEAM_IDS, reviewerId: 'reviewer1', report: '报告', proposal: proposal() },
        }),
      ).rejects.toMatchObject({ cause: { type: 'PENALTY_BARRED_BY_TRANSFER' } });
      const back = await step({
        step: 'supervision_outcome',
        officers: TEAM_IDS,
        policeMustFile: false,
        note: '不立案理由成立',
      });
      expect(back).toMatchObject({
        stage: 'investigation',
        investigation: { transfer: { status: 'returned' } },
      });
      expect(
        back.clocks.filter((k) => k.name.startsWith('transfer-') && k.status !== 'stopped'),
      ).toHaveLength(0);
      const review = await send(M.concludeInvestigationUpdate, {
        actor: officer1,
        team,
        reviewer: { id: 'reviewer1', unitId: 'dc', roles: ['legal_reviewer'], certificateNo: null },
        command: { officers: TEAM_IDS, reviewerId: 'reviewer1', report: '报告', proposal: proposal() },
      });
      expect(review.stage).toBe('review');
    });
  });

  it('a real-name reporter without an e-mail: the intake office is told to call within 5 WD', async () => {
    const report = { submissionId: 'SUB-TEST', realName: true, hasEmail: false };
    const told = await startCase({ input: { report } });
    await told.worker.runUntil(async () => {
      const filed = await told.file();
      const v = await eventually(async () => {
        const x = await told.view();
        expect(x.clocks.map((k) => k.name)).toContain('report-feedback');
        return x;
      });
      const due = v.clocks.find((k) => k.name === 'report-feedback')!;
      expect(due.dueOn).toBe(
        addWorkingDays(builtinCalendar(), filed.filing.decision!.on, REPORT_FEEDBACK.length).due,
      );
      await expect(
        told.send(M.recordReportFeedbackUpdate, {
          actor: officer1,
          command: { channel: 'phone', note: '已告知' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      const done = await told.send(M.recordReportFeedbackUpdate, {
        actor: intake,
        command: { channel: 'phone', note: '已电话告知立案结果' },
      });
      expect(done.report!.feedback).toMatchObject({ channel: 'phone', by: 'intake1' });
      expect(done.clocks.find((k) => k.name === 'report-feedback')!.status).toBe('stopped');
    });
  });

  it('a real-name reporter without an e-mail, unattended: the feedback period runs out; the workflow waits for it', async () => {
    const report = { submissionId: 'SUB-TEST', realName: true, hasEmail: false };
    // (A test of its own: a second workflow left running without a worker stops the test server skipping time.)
    const late = await startCase({ input: { report } });
    await late.worker.runUntil(async () => {
      await late.send(M.decideFilingUpdate, {
        actor: head,
        command: { decision: 'decline', reasons: '违法事实不成立', ground: 'no_violation' },
      });
      await h.env.sleep(15 * DAY);
      await h.smtp.waitFor((m) =>
        m.some((x) => x.subject?.includes(late.caseNumber) && x.subject.includes('逾期')),
      );
      // The case is closed, but its workflow waits until the reporter has been told.
      expect((await late.view()).status).toBe('closed');
      await late.send(M.recordReportFeedbackUpdate, {
        actor: intake,
        command: { channel: 'letter', note: '已函告' },
      });
      await late.handle.result();
    });
    const mails = (await h.smtp.inbox()).filter((m) => m.subject?.includes(late.caseNumber));
    expect(mails.filter((m) => m.subject!.includes('逾期')).map((m) => m.subject)).toEqual([
      expect.stringContaining('举报处理结果告知期限'),
    ]);
    expect(await actions(late.caseNumber)).toEqual(
      expect.arrayContaining([
        'filing.declined',
        'report.feedback_due',
        'deadline.overdue',
        'report.feedback_recorded',
      ]),
    );
  });
});
