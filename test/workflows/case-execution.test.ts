// After the served decision, on the time-skipping server with real PostgreSQL and SMTP (docs/rules.md: payment
// and enforcement, remedies, publicity, credit repair, rewards, closure). Expected dates come from the domain's
// calendar and clock functions; expected amounts are worked out here by hand from the law's 3% a day.
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { addMonths } from '../../domain/calendar/calendar.js';
import { surchargeOf } from '../../domain/case/execution.js';
import { periodDue } from '../../domain/rules/catalogue.js';
import { NATIONAL_DEFAULTS, PUBLICITY_DEFAULTS } from '../../domain/rules/packs/national.js';
import {
  LAWSUIT,
  LAWSUIT_AFTER_RECONSIDERATION,
  PAYMENT,
  PAYMENT_DEMAND,
  PUBLICITY,
  PUBLICITY_WITHDRAWAL,
  RECONSIDERATION,
  RECONSIDERATION_RIGHTS_NOT_EXPLAINED,
} from '../../domain/rules/periods.js';
import type { CaseInput, CaseView } from '../../schema/case.js';
import type { Proposal } from '../../schema/decision.js';
import type { OfficerRef } from '../../schema/investigation.js';
import type { RulePackContent } from '../../schema/rule-pack.js';
import { addDays, chinaDateOf, daysBetween } from '../../schema/values/dates.js';
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

const cal = builtinCalendar();
const due = (p: Parameters<typeof periodDue>[1], on: string) => periodDue(cal, p, on).due;

const reviewer = actor('reviewer1', ['legal_reviewer']);
const reviewerRef: OfficerRef = { ...ref('reviewer1', ['legal_reviewer'], 'dc', null), legalQualified: true };

/** ¥5,000 (500,000 fen): below every threshold of the national pack; 3% a day is ¥150 (15,000 fen). */
const FINE = 500_000;
const PER_DAY = 15_000;

/** A pack where the same fine falls in another publicity tier. */
const packWith = (publicity: Partial<typeof PUBLICITY_DEFAULTS>): CaseInput['rulePack'] => ({
  ref: 'national@1+test@1',
  content: { ...NATIONAL_DEFAULTS, publicity: { ...PUBLICITY_DEFAULTS, ...publicity } } as RulePackContent,
});
const GENERAL = packWith({ lowerFineBelow: { naturalPerson: 1_000, organisation: 1_000 } });
const SERIOUS = packWith({
  lowerFineBelow: { naturalPerson: 1_000, organisation: 1_000 },
  seriousFrom: 4_000,
});

describe('payment, enforcement, remedies, publicity, credit repair, closure', () => {
  const { h, startCase, actions } = useCaseHarness('exec');

  /** A case driven to its served decision: filed, concluded, reviewed, notice waived, decided, served today. */
  async function toServed(
    outcome?: Proposal['outcome'],
    input: Partial<CaseInput> = {},
    creditRepairNotice = false,
    serveExtra: { rightsExplained?: boolean } = {},
  ) {
    const started = await startCase({ input });
    const { send, file } = started;
    const today = async () => chinaDateOf(await h.env.currentTimeMs());
    /** To the served decision; `again`: a new round of a filed case (after an annulment). */
    async function serve(again = false): Promise<CaseView> {
      if (!again) await file();
      await send(M.concludeInvestigationUpdate, {
        actor: officer1,
        team,
        reviewer: reviewerRef,
        command: {
          officers: TEAM_IDS,
          reviewerId: 'reviewer1',
          report: '调查终结报告',
          proposal: proposal(outcome),
        },
      });
      await send(M.caseReviewUpdate, {
        actor: reviewer,
        reviewer: reviewerRef,
        command: { result: 'approve', opinion: '事实清楚，证据确凿，同意' },
      });
      const on = await today();
      if (outcome?.kind !== 'no_penalty') {
        await send(M.serveNoticeUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, service: { method: 'in_person', on, receiver: '当事人' } },
        });
        await send(M.waiveDefenceUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, on, note: '当事人书面放弃陈述申辩' },
        });
      }
      const p = proposal(outcome);
      await send(M.decideCaseUpdate, {
        actor: head,
        command: {
          outcome: p.outcome,
          facts: p.facts,
          legalBasis: p.legalBasis,
          correctiveOrder: p.correctiveOrder,
        },
      });
      const served = await send(M.serveDecisionUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          service: { method: 'in_person', on, receiver: '当事人法定代表人' },
          ...(creditRepairNotice ? { creditRepairNotice } : {}),
          ...serveExtra,
        },
      });
      expect(served.stage).toBe('served');
      // The execution phase opens by itself.
      return eventually(async () => {
        const v = await started.view();
        // (After an annulment, the new decision's execution replaces the annulled one's.)
        return v.execution && !v.execution.annulled ? v : Promise.reject(new Error('no execution yet'));
      });
    }
    const pay = (paidOn: string, amountFen: number, toward: 'penalty' | 'surcharge' = 'penalty') =>
      send(M.recordPaymentUpdate, {
        actor: officer1,
        command: { paidOn, amountFen, toward, bankReference: `BANK-${paidOn}-${amountFen}` },
      });
    const publish = (publishedOn: string) =>
      send(M.publishDecisionUpdate, { actor: officer1, team, command: { officers: TEAM_IDS, publishedOn } });
    const close = (closedOn: string) =>
      send(M.closeCaseUpdate, {
        actor: head,
        command: { closedOn, report: '结案报告：罚款已缴清，公示已录入' },
      });
    /** Lets time pass until `day` (China time), in one sleep and then day by day. */
    const sleepUntil = async (day: string) => {
      const ahead = daysBetween(await today(), day) - 1;
      if (ahead > 0) await h.env.sleep(ahead * DAY);
      while ((await today()) < day) await h.env.sleep(DAY);
    };
    const publication = () => h.tdb.db.publication.findUnique({ where: { caseNumber: started.caseNumber } });
    return { ...started, serve, pay, publish, close, today, sleepUntil, publication };
  }

  it('paid on time: the party’s periods from service, publicity within 20 WD for its tier, closure once its conditions are met, the record ends by itself', async () => {
    const c = await toServed();
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const servedOn = v.execution!.servedOn;
      const decidedOn = v.proceedings!.decision!.on;
      expect(clockOf(v, 'payment')).toMatchObject({ dueOn: due(PAYMENT, servedOn), unit: 'CD' });
      expect(clockOf(v, 'reconsideration').dueOn).toBe(due(RECONSIDERATION, servedOn));
      expect(clockOf(v, 'lawsuit').dueOn).toBe(due(LAWSUIT, servedOn));
      expect(clockOf(v, 'publicity').dueOn).toBe(due(PUBLICITY, decidedOn));
      expect(v.execution).toMatchObject({
        fineFen: FINE,
        settled: false,
        publicity: { status: 'due', tier: 'minor' },
      });

      await expect(c.close(servedOn)).rejects.toMatchObject({
        cause: {
          type: 'CLOSURE_CONDITIONS_OPEN',
          message: expect.stringContaining('not_carried_out, publicity_not_entered'),
        },
      });
      await expect(c.pay(servedOn, FINE + 1)).rejects.toMatchObject({ cause: { type: 'PAYMENT_NOT_OWED' } });
      await expect(c.pay(servedOn, 100, 'surcharge')).rejects.toMatchObject({
        cause: { type: 'PAYMENT_NOT_OWED' },
      });
      const paid = await c.pay(servedOn, FINE);
      expect(paid.execution).toMatchObject({ paidFen: FINE, settled: true });
      expect(clockOf(paid, 'payment').status).toBe('stopped');

      const published = await c.publish(servedOn);
      const record = published.execution!.publicity.record!;
      // The minor tier of the 2025 order: 3 months, ending by itself.
      expect(record).toMatchObject({
        publishedOn: servedOn,
        months: 3,
        endsOn: clockOf(published, 'publicity-shown').dueOn,
      });
      expect(clockOf(published, 'publicity').status).toBe('stopped');
      const row = await c.publication();
      expect(row).toMatchObject({
        status: 'published',
        documentNumber: v.proceedings!.decision!.documentNumber,
        endsOn: record.endsOn,
      });
      expect(row!.text).toContain('罚款人民币5,000.00元');
      await expect(c.publish(servedOn)).rejects.toMatchObject({ cause: { type: 'PUBLICITY_NOT_DUE' } });

      const closed = await c.close(servedOn);
      expect(closed).toMatchObject({
        stage: 'closed',
        status: 'closed',
        outcome: { kind: 'decided', annulled: false },
      });
      // Archived: execution's commands are refused; what follows closure goes on in the publicity phase.
      await expect(c.pay(servedOn, 1)).rejects.toMatchObject({
        cause: { type: expect.stringMatching(/PHASE_ENDED|STAGE_NOT_ALLOWED/) },
      });
      expect(await h.env.client.workflow.getHandle(c.caseNumber).query(M.casePhaseQuery)).toMatch(
        /:publicity$/,
      );
      // The memo the API reads (no worker woken) names the same phase.
      expect((await h.env.client.workflow.getHandle(c.caseNumber).describe()).memo).toEqual({
        [M.PHASE_MEMO]: `${c.caseNumber}:publicity`,
      });

      // The record's 3 months pass: it comes off the public list; after the lawsuit window the case is done.
      await c.sleepUntil(addDays(record.endsOn, 1));
      await eventually(async () => expect((await c.publication())!.status).toBe('ended'));
      await c.sleepUntil(addDays(clockOf(v, 'lawsuit').dueOn!, 1));
      const result = await c.handle.result();
      expect(result).toMatchObject({ status: 'closed', outcome: { kind: 'decided' } });
      expect(await actions(c.caseNumber)).toEqual(
        expect.arrayContaining([
          'execution.opened',
          'payment.recorded',
          'publicity.published',
          'case.closed',
          'publicity.ended',
        ]),
      );
    });
  });

  it('paid late: the surcharge is 3% of the fine a day, frozen while a reconsideration is pending, capped at the fine', async () => {
    const c = await toServed(undefined, { rulePack: GENERAL });
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const payDue = clockOf(v, 'payment').dueOn!;
      // Three days late, the party applies for reconsideration; it is upheld five days later.
      await c.sleepUntil(addDays(payDue, 4));
      await eventually(async () => expect(await actions(c.caseNumber)).toContain('payment.overdue'));
      const filedOn = addDays(payDue, 4);
      const filed = await c.send(M.recordRemedyUpdate, {
        actor: officer1,
        command: { kind: 'reconsideration', filedOn, body: '某区人民政府' },
      });
      expect(filed.execution!.remedies).toEqual([
        expect.objectContaining({ id: 'RM1', late: false, outcome: null }),
      ]);
      expect(clockOf(filed, 'reconsideration').status).toBe('stopped');
      await c.sleepUntil(addDays(filedOn, 5));
      const decidedOn = addDays(filedOn, 5);
      const upheld = await c.send(M.recordRemedyOutcomeUpdate, {
        actor: officer1,
        command: { remedyId: 'RM1', on: decidedOn, result: 'upheld', note: '复议维持' },
      });
      // After the reconsideration decision, 15 CD to sue (ALL 45).
      expect(clockOf(upheld, 'lawsuit-after-reconsideration').dueOn).toBe(
        due(LAWSUIT_AFTER_RECONSIDERATION, decidedOn),
      );
      // Two more days, then the fine is paid.
      await c.sleepUntil(addDays(decidedOn, 2));
      const paidOn = addDays(decidedOn, 2);
      // Accruing days: payDue+1 … payDue+3 (3), frozen filedOn … decidedOn, then decidedOn+1 … paidOn-1 (1);
      // on the day of payment the fine is paid and nothing accrues.
      const expected = 4 * PER_DAY;
      const paid = await c.pay(paidOn, FINE);
      const entry = await h.tdb.db.auditEntry.findFirst({
        where: { caseNumber: c.caseNumber, action: 'payment.recorded' },
      });
      expect(entry!.details).toMatchObject({ outstandingFen: 0, surchargeFen: expected });
      expect(paid.execution!.settled).toBe(false); // the surcharge is still owed
      await expect(c.pay(paidOn, expected + 1, 'surcharge')).rejects.toMatchObject({
        cause: { type: 'PAYMENT_NOT_OWED' },
      });
      const settled = await c.pay(paidOn, expected, 'surcharge');
      expect(settled.execution).toMatchObject({ settled: true, surchargePaidFen: expected });
    });
  });

  it('never paid: the surcharge stops at the fine; after the appeal periods the demand, a too-early court application refused, then applied; closed as enforced', async () => {
    const c = await toServed();
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const servedOn = v.execution!.servedOn;
      await c.publish(servedOn);
      await expect(
        c.send(M.servePaymentDemandUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, service: { method: 'in_person', on: servedOn, receiver: '当事人' } },
        }),
      ).rejects.toMatchObject({ cause: { type: 'ENFORCEMENT_NOT_YET' } });
      // A deferral moves the payment's last day (APL 66 ¶2).
      const deferUntil = addDays(clockOf(v, 'payment').dueOn!, 20);
      const deferred = await c.send(M.decidePaymentArrangementUpdate, {
        actor: head,
        command: {
          kind: 'deferral',
          appliedOn: servedOn,
          approved: true,
          reasons: '当事人经营困难',
          deferUntil,
        },
      });
      expect(deferred.execution!.instalments).toEqual([{ dueOn: deferUntil, amountFen: FINE }]);
      expect(clockOf(deferred, 'payment-arranged').dueOn).toBe(deferUntil);
      await expect(
        c.send(M.decidePaymentArrangementUpdate, {
          actor: head,
          command: {
            kind: 'deferral',
            appliedOn: servedOn,
            approved: true,
            reasons: '再次申请',
            deferUntil: addDays(deferUntil, 5),
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'EXTENSION_USED' } });
      // The appeal windows pass unused (the lawsuit's 6 months are the longer).
      const lapse = clockOf(v, 'lawsuit').dueOn!;
      await c.sleepUntil(addDays(lapse, 1));
      const lapsed = await eventually(async () => {
        const x = await c.view();
        return x.clocks.some((k) => k.name === 'enforcement-application')
          ? x
          : Promise.reject(new Error('not yet'));
      });
      // 34 days of 3% reach the fine; the surcharge stops there.
      const s = surchargeOf(lapsed.execution!, addDays(lapse, 1));
      expect(s).toMatchObject({ surchargeFen: FINE, capped: true });
      expect(s.days).toHaveLength(34);
      expect(s.days[0]!.on).toBe(addDays(deferUntil, 1));

      const demandOn = addDays(lapse, 1);
      const demanded = await c.send(M.servePaymentDemandUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, service: { method: 'in_person', on: demandOn, receiver: '当事人' } },
      });
      const waitEnds = due(PAYMENT_DEMAND, demandOn);
      expect(clockOf(demanded, 'payment-demand').dueOn).toBe(waitEnds);
      await c.sleepUntil(addDays(waitEnds, 1));
      const apply = (appliedOn: string) =>
        c.send(M.applyEnforcementUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, appliedOn, court: '某区人民法院' },
        });
      await expect(apply(waitEnds)).rejects.toMatchObject({ cause: { type: 'ENFORCEMENT_TOO_EARLY' } });
      const applied = await apply(addDays(waitEnds, 1));
      expect(applied.execution!.enforcement).toMatchObject({ court: '某区人民法院' });
      expect(clockOf(applied, 'enforcement-application').status).toBe('stopped');
      const closed = await c.close(addDays(waitEnds, 1));
      expect(closed.outcome).toMatchObject({ kind: 'decided' });
      expect(closed.execution!.settled).toBe(false);
    });
    // The deferral notice, the payment demand with what it asks for (the fine and the capped surcharge) and the
    // application to the court, each made from its step.
    const db = h.tdb.db;
    await expectDocument(db, officer1, c.caseNumber, 'payment_arrangement_notice', [
      '同意你（单位）延期缴纳',
      '第六十六条',
    ]);
    await expectDocument(db, officer1, c.caseNumber, 'payment_demand', [
      '行政处罚决定履行催告书',
      '缴纳罚没款人民币5,000.00元',
      '加处罚款人民币5,000.00元',
      '十日内',
      '第五十四条',
    ]);
    await expectDocument(db, officer1, c.caseNumber, 'enforcement_application', [
      '强制执行申请书',
      '某区人民法院',
      '人民币5,000.00元',
    ]);
    await expectDocument(db, head, c.caseNumber, 'closure_approval', [
      '结案审批表',
      '已申请人民法院强制执行',
    ]);
  });

  it('instalments: only the late part bears the surcharge', async () => {
    const c = await toServed();
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const servedOn = v.execution!.servedOn;
      const first = addDays(servedOn, 10);
      const second = addDays(servedOn, 40);
      await expect(
        c.send(M.decidePaymentArrangementUpdate, {
          actor: head,
          command: {
            kind: 'instalments',
            appliedOn: servedOn,
            approved: true,
            reasons: '分期',
            instalments: [
              { dueOn: first, amountFen: 200_000 },
              { dueOn: second, amountFen: 200_000 },
            ],
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'ARRANGEMENT_INVALID' } });
      await c.send(M.decidePaymentArrangementUpdate, {
        actor: head,
        command: {
          kind: 'instalments',
          appliedOn: servedOn,
          approved: true,
          reasons: '分期',
          instalments: [
            { dueOn: first, amountFen: 200_000 },
            { dueOn: second, amountFen: 300_000 },
          ],
        },
      });
      await c.sleepUntil(first);
      await c.pay(first, 200_000);
      // The second part is paid two days late: 2 × 3% × ¥3,000.
      await c.sleepUntil(addDays(second, 3));
      await c.pay(addDays(second, 3), 300_000);
      const entry = await h.tdb.db.auditEntry.findFirst({
        where: { caseNumber: c.caseNumber, action: 'payment.recorded' },
        orderBy: { seq: 'desc' },
      });
      expect(entry!.details).toMatchObject({ outstandingFen: 0, surchargeFen: 2 * 9_000 });
    });
  });

  it('a reconsideration annuls the decision: the record comes down within 3 WD, nothing is owed, the case closes', async () => {
    const c = await toServed();
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const on = v.execution!.servedOn;
      await c.publish(on);
      await c.send(M.recordRemedyUpdate, {
        actor: officer1,
        command: { kind: 'reconsideration', filedOn: on, body: '某区人民政府' },
      });
      await h.env.sleep(DAY);
      const decidedOn = addDays(on, 1);
      const annulled = await c.send(M.recordRemedyOutcomeUpdate, {
        actor: head,
        command: { remedyId: 'RM1', on: decidedOn, result: 'annulled', note: '复议机关撤销原处罚决定' },
      });
      expect(annulled.execution).toMatchObject({
        annulled: true,
        publicity: { withdrawal: { reason: 'annulled', done: null } },
      });
      expect(clockOf(annulled, 'publicity-withdrawal').dueOn).toBe(due(PUBLICITY_WITHDRAWAL, decidedOn));
      await expect(c.close(decidedOn)).rejects.toMatchObject({
        cause: {
          type: 'CLOSURE_CONDITIONS_OPEN',
          message: expect.stringContaining('publicity_withdrawal_due'),
        },
      });
      await expect(
        c.send(M.withdrawPublicityUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, on: decidedOn, action: 'update', note: '更新' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      const down = await c.send(M.withdrawPublicityUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, on: decidedOn, action: 'withdraw', note: '决定已被撤销，撤下公示' },
      });
      expect(down.execution!.publicity.status).toBe('withdrawn');
      expect((await c.publication())!.status).toBe('withdrawn');
      const closed = await c.close(decidedOn);
      expect(closed.outcome).toMatchObject({ kind: 'decided', annulled: true });
    });
  });

  it('credit repair in the serious tier: too early, conditions unmet, refused, then granted (the record comes down)', async () => {
    const c = await toServed(undefined, { rulePack: SERIOUS }, true);
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const on = v.execution!.servedOn;
      await c.pay(on, FINE);
      // The decision went out with a credit-repair notice (双书送达).
      expect(v.proceedings!.service).toMatchObject({ creditRepairNotice: true });
      const published = await c.publish(on);
      expect(published.execution!.publicity).toMatchObject({ tier: 'serious', record: { months: 36 } });
      const apply = (appliedOn: string, ok = true) =>
        c.send(M.applyCreditRepairUpdate, {
          actor: officer1,
          command: {
            appliedOn,
            declarations: { harmRemedied: true, noRepeat: ok, notOnCreditList: true },
            commitment: '本企业承诺依法诚信经营',
          },
        });
      await expect(apply(on)).rejects.toMatchObject({ cause: { type: 'REPAIR_TOO_EARLY' } });
      await c.close(on);
      // A year later (the serious tier's waiting time) the party may apply.
      const year = addMonths(on, 12);
      await c.sleepUntil(year);
      await expect(apply(year, false)).rejects.toMatchObject({ cause: { type: 'REPAIR_CONDITIONS_UNMET' } });
      const applied = await apply(year);
      expect(clockOf(applied, 'credit-repair-CR1').unit).toBe('WD');
      const refused = await c.send(M.decideCreditRepairUpdate, {
        actor: head,
        command: { repairId: 'CR1', decision: 'refuse', reasons: '整改材料不全' },
      });
      expect(refused.execution!.publicity.repairs[0]).toMatchObject({ status: 'refused' });
      await apply(year);
      const granted = await c.send(M.decideCreditRepairUpdate, {
        actor: head,
        command: { repairId: 'CR2', decision: 'grant', reasons: '符合信用修复条件' },
      });
      expect(granted.execution!.publicity.status).toBe('repaired');
      expect((await c.publication())!.status).toBe('repaired');
    });
  });

  it('a reporter’s reward after closure: grade, minimum and the rule pack; refused before closure and twice', async () => {
    const c = await toServed(undefined, {
      report: { submissionId: 'sub-reward-1', realName: true, hasEmail: false },
    });
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const on = v.execution!.servedOn;
      const reward = () =>
        c.send(M.decideRewardUpdate, {
          actor: head,
          command: { eligible: true, grade: 2, reasons: '举报内容与违法事实完全相符' },
        });
      await expect(reward()).rejects.toMatchObject({ cause: { type: 'STAGE_NOT_ALLOWED' } });
      await c.pay(on, FINE);
      await c.publish(on);
      await c.close(on);
      const decided = await reward();
      // 3% of ¥5,000 is ¥150: the grade's minimum of ¥3,000 is paid.
      expect(decided.execution!.reward).toMatchObject({
        eligible: true,
        grade: 2,
        amountFen: 300_000,
        withFinance: false,
      });
      await expect(reward()).rejects.toMatchObject({ cause: { type: 'REWARD_NOT_APPLICABLE' } });
    });
  });

  it('an insider’s reward: raised above the grade’s amount with the finance department’s consent, not below it', async () => {
    const c = await toServed(undefined, {
      report: { submissionId: 'sub-reward-2', realName: true, hasEmail: false },
    });
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const on = v.execution!.servedOn;
      await c.pay(on, FINE);
      await c.publish(on);
      await c.close(on);
      const insider = (amountFen: number) =>
        c.send(M.decideRewardUpdate, {
          actor: head,
          command: {
            eligible: true,
            grade: 2,
            reasons: '内部知情人员提供关键证据',
            insider: { amountFen, financeConsent: true },
          },
        });
      // The grade's amount is ¥3,000 (its minimum): an insider's reward must be above it.
      await expect(insider(300_000)).rejects.toMatchObject({ cause: { type: 'REWARD_INSIDER_NOT_HIGHER' } });
      const decided = await insider(800_000);
      expect(decided.execution!.reward).toMatchObject({
        eligible: true,
        grade: 2,
        amountFen: 800_000,
        withFinance: true,
        insider: true,
      });
    });
  });

  it('a decision that did not explain the right to appeal: the reconsideration window is a year', async () => {
    const c = await toServed(undefined, {}, false, { rightsExplained: false });
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const servedOn = v.execution!.servedOn;
      expect(v.proceedings!.service).toMatchObject({ rightsExplained: false });
      expect(clockOf(v, 'reconsideration').dueOn).toBe(
        periodDue(cal, RECONSIDERATION_RIGHTS_NOT_EXPLAINED, servedOn).due,
      );
      expect(clockOf(v, 'reconsideration').dueOn! > periodDue(cal, RECONSIDERATION, servedOn).due).toBe(true);
    });
  });

  it('an annulment that orders a new decision: the record down, then a new round to a new decision with a new number, published again', async () => {
    const c = await toServed();
    await c.worker.runUntil(async () => {
      const v = await c.serve();
      const on = v.execution!.servedOn;
      const first = v.proceedings!.decision!.documentNumber;
      await c.publish(on);
      await c.send(M.recordRemedyUpdate, {
        actor: officer1,
        command: { kind: 'reconsideration', filedOn: on, body: '某区人民政府' },
      });
      const dueOn = addDays(on, 60);
      const annulled = await c.send(M.recordRemedyOutcomeUpdate, {
        actor: officer1,
        command: {
          remedyId: 'RM1',
          on,
          result: 'annulled',
          note: '复议决定撤销原处罚决定，责令六十日内重新作出',
          newDecision: { dueOn },
        },
      });
      // The record must come down first (3 WD); the new decision's day runs as a clock for the head.
      expect(annulled).toMatchObject({
        stage: 'served',
        execution: { annulled: true, redecision: { dueOn } },
      });
      expect(clockOf(annulled, 'new-decision')).toMatchObject({ dueOn, status: 'running' });
      const closing = await c
        .send(M.closeCaseUpdate, {
          actor: head,
          command: { closedOn: on, report: '结案' },
        })
        .catch((e: { cause?: { type?: string; message?: string } }) => e.cause);
      expect(closing).toMatchObject({ type: 'CLOSURE_CONDITIONS_OPEN' });
      const reopened = await c.send(M.withdrawPublicityUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, on, action: 'withdraw', note: '决定已被撤销，撤下公示' },
      });
      expect(reopened.stage).toBe('investigation');
      expect((await c.publication())!.status).toBe('withdrawn');
      // The case's workflow runs the new round's phases.
      await eventually(async () =>
        expect(await h.env.client.workflow.getHandle(c.caseNumber).query(M.casePhaseQuery)).toBe(
          `${c.caseNumber}:investigation-2`,
        ),
      );
      expect((await h.env.client.workflow.getHandle(c.caseNumber).describe()).memo?.[M.PHASE_MEMO]).toBe(
        `${c.caseNumber}:investigation-2`,
      );
      const again = await c.serve(true);
      const second = again.proceedings!.decision!.documentNumber;
      expect(second).not.toBe(first);
      expect(again.proceedings).toMatchObject({
        round: 2,
        annulledDecisions: [
          { round: 1, documentNumber: first, annulledOn: on, remedyId: 'RM1', newDecisionDueOn: dueOn },
        ],
      });
      expect(clockOf(again, 'new-decision').status).toBe('stopped');
      expect(again.execution).toMatchObject({ annulled: false, remedies: [], publicity: { status: 'due' } });
      expect(clockOf(again, 'reconsideration').status).toBe('running');
      const republished = await c.publish(await c.today());
      expect(republished.execution!.publicity.status).toBe('published');
      const row = (await c.publication())!;
      expect(row).toMatchObject({ status: 'published', documentNumber: second });
    });
    expect(await actions(c.caseNumber)).toEqual(
      expect.arrayContaining(['remedy.decided', 'publicity.withdrawn', 'case.reopened', 'execution.opened']),
    );
  });
});
