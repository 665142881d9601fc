// From the hand-over to review until the decision is served, on the time-skipping server with real PostgreSQL
// and SMTP (docs/rules.md: review gates, notice and defence, hearing, decision and service). Expected dates come
// from the domain's calendar and clock functions, never from fixed dates.
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { periodDue } from '../../domain/rules/catalogue.js';
import {
  CASE_REVIEW,
  CASE_REVIEW_EXTENSION,
  DEFENCE,
  HEARING_NOTICE,
  PUBLIC_NOTICE_SERVICE,
  SERVICE,
} from '../../domain/rules/periods.js';
import type { Proposal } from '../../schema/decision.js';
import type { OfficerRef } from '../../schema/investigation.js';
import { addDays, chinaDateOf } from '../../schema/values/dates.js';
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
import { issueDocument, listDocuments } from '../../services/documents/register.js';
import { eventually } from '../helpers/eventually.js';
import { demoEmail } from '../../scripts/seed.js';
import type { StoredMail } from '../../platform/smtp-server.js';

const cal = builtinCalendar();
const due = (p: Parameters<typeof periodDue>[1], on: string) => periodDue(cal, p, on).due;

const reviewer = actor('reviewer1', ['legal_reviewer']);
const reviewerRef: OfficerRef = { ...ref('reviewer1', ['legal_reviewer'], 'dc', null), legalQualified: true };
/** A reviewer without the legal professional qualification. */
const reviewer2 = actor('reviewer2', ['legal_reviewer']);
const reviewer2Ref = ref('reviewer2', ['legal_reviewer'], 'dc', null);
const head2 = ref('head2', ['agency_head'], 'dc', null);
const headRef = ref('head1', ['agency_head'], 'dc', null);

/** ¥150,000 for an organisation: a hearing right (≥ ¥100,000), legal review, collective discussion (≥ ¥50,000). */
const LARGE: Proposal['outcome'] = {
  kind: 'penalty',
  penalties: [{ kind: 'fine', amountFen: 15_000_000 }, { kind: 'warning' }],
};

describe('review, notice, hearing, decision and service', () => {
  const { h, startCase, actions } = useCaseHarness('proc');

  async function toReview(outcome?: Proposal['outcome'], more: Partial<Proposal> = {}) {
    const started = await startCase();
    return {
      ...started,
      async conclude() {
        return started.send(M.concludeInvestigationUpdate, {
          actor: officer1,
          team,
          reviewer: reviewerRef,
          command: {
            officers: TEAM_IDS,
            reviewerId: 'reviewer1',
            report: '调查终结报告',
            proposal: proposal(outcome, more),
          },
        });
      },
    };
  }
  const review = (result: 'approve' | 'return', who = reviewer, whoRef = reviewerRef) => ({
    actor: who,
    reviewer: whoRef,
    command: {
      result,
      opinion: result === 'approve' ? '事实清楚，证据确凿，同意' : '证据不足，补充调查货值金额',
    },
  });
  const served = (on: string, method: 'in_person' | 'electronic' | 'public_notice' = 'in_person') => ({
    actor: officer1,
    team,
    command: { officers: TEAM_IDS, service: { method, on, receiver: '当事人法定代表人' } },
  });

  it('legal review approved, a hearing requested, postponed and held (the case clock paused), a collective decision, e-service with consent', async () => {
    const { worker, caseNumber, file, send, conclude, view } = await toReview(LARGE);
    await worker.runUntil(async () => {
      await file();
      const before = await eventually(
        async () => clockOf(await view(), 'case') ?? Promise.reject(new Error('no case clock')),
      );
      const inReview = await conclude();
      expect(inReview.stage).toBe('review');
      const p = inReview.proceedings!;
      expect(p.legalReview).toMatchObject({ required: true, reasons: ['hearing_rights'] });
      expect(p.collective.required).toBe(true);
      // The review phase opens with the case review's 10 WD.
      const opened = await eventually(async () => clockOf(await view(), 'case-review').dueOn);
      expect(opened).toBe(due(CASE_REVIEW, p.receivedOn));
      // An investigator may not review; a reviewer without the qualification may do the case review, not the legal one.
      const dual = actor('officer2', ['case_officer', 'legal_reviewer']);
      await expect(
        send(
          M.caseReviewUpdate,
          review('approve', dual, ref('officer2', ['case_officer', 'legal_reviewer'])),
        ),
      ).rejects.toMatchObject({
        cause: { type: 'REVIEWER_INVESTIGATED' },
      });
      await expect(
        send(M.legalReviewUpdate, review('approve', reviewer2, reviewer2Ref)),
      ).rejects.toMatchObject({
        cause: { type: 'LEGAL_QUALIFICATION_MISSING' },
      });
      const afterCase = await send(M.caseReviewUpdate, review('approve', reviewer2, reviewer2Ref));
      expect(afterCase.stage).toBe('review'); // legal review still missing
      expect(clockOf(afterCase, 'case-review').status).toBe('stopped');
      const notice = await send(M.legalReviewUpdate, review('approve'));
      expect(notice.stage).toBe('notice');
      // The case clock ran on through review, unchanged.
      expect(clockOf(notice, 'case').dueOn).toBe(before.dueOn);

      await h.env.sleep(DAY);
      const today = (await view()).proceedings!.receivedOn;
      const noticeOn = addDays(today, 1);
      const n = await send(M.serveNoticeUpdate, served(noticeOn));
      expect(n.proceedings!.notice).toMatchObject({
        hearingRight: true,
        hearingReasons: ['fine ≥ 100000 元'],
      });
      expect(clockOf(n, 'defence')).toMatchObject({ dueOn: due(DEFENCE, noticeOn), unit: 'WD' });
      const hearing = await send(M.requestHearingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, requestedOn: noticeOn },
      });
      expect(hearing.stage).toBe('hearing');
      expect(clockOf(hearing, 'defence').status).toBe('stopped');
      expect(clockOf(hearing, 'case').status).toBe('paused');

      const schedule = (hearingOn: string, chair: OfficerRef = reviewer2Ref) =>
        send(M.scheduleHearingUpdate, {
          actor: officer1,
          team,
          chair,
          command: {
            officers: TEAM_IDS,
            chairId: chair.id,
            hearingOn,
            place: '本局听证室',
            public: true,
            notice: { method: 'in_person' as const, on: noticeOn, receiver: '当事人' },
          },
        });
      const earliest = due(HEARING_NOTICE, noticeOn);
      const dayBefore = addDays(earliest, -1);
      await expect(schedule(dayBefore)).rejects.toMatchObject({ cause: { type: 'HEARING_NOTICE_TOO_LATE' } });
      await expect(schedule(earliest, ref('officer2'))).rejects.toMatchObject({
        cause: { type: 'REVIEWER_INVESTIGATED' },
      });
      const scheduled = await schedule(earliest);
      expect(scheduled.proceedings!.hearing).toMatchObject({ chairId: 'reviewer2', hearingOn: earliest });

      await h.env.sleep(3 * DAY);
      const renoticeOn = addDays(noticeOn, 3);
      const later = due(HEARING_NOTICE, renoticeOn);
      const postponed = await send(M.postponeHearingUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          reason: '当事人因病申请延期',
          requestedBy: 'party',
          hearingOn: later,
          notice: { method: 'post', on: renoticeOn, receiver: '当事人' },
        },
      });
      expect(postponed.proceedings!.hearing!.postponements).toEqual([
        { from: earliest, to: later, reason: '当事人因病申请延期', requestedBy: 'party' },
      ]);
      // Time passes until the hearing day; the hearing is held.
      while (chinaDateOf(await h.env.currentTimeMs()) < later) await h.env.sleep(DAY);
      const held = await send(M.recordHearingUpdate, {
        actor: officer1,
        team,
        command: {
          outcome: 'held',
          officers: TEAM_IDS,
          heldOn: later,
          partyAgents: ['律师甲'],
          record: '听证笔录：当事人对违法事实无异议，请求从轻处罚',
          report: '听证报告：建议维持拟处罚意见',
        },
      });
      expect(held.stage).toBe('decision');
      const caseClock = clockOf(held, 'case');
      expect(caseClock.status).toBe('running');
      expect(caseClock.pauses).toEqual([
        expect.objectContaining({ from: noticeOn, to: later, reason: '听证 hearing' }),
      ]);
      expect(caseClock.dueOn! > before.dueOn!).toBe(true);

      const decision = (outcome: Proposal['outcome'], collective?: { participants: string[] }) =>
        send(M.decideCaseUpdate, {
          actor: head,
          participants: collective
            ? collective.participants.map((id) =>
                id === 'head1' ? headRef : id === 'head2' ? head2 : ref(id),
              )
            : undefined,
          command: {
            outcome,
            facts: '当事人销售超过保质期的食品',
            legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
            ...(collective
              ? {
                  collective: {
                    heldOn: later,
                    participants: collective.participants,
                    minutes: '局务会议讨论，同意拟处罚意见',
                  },
                }
              : {}),
          },
        });
      await expect(decision(LARGE)).rejects.toMatchObject({
        cause: { type: 'COLLECTIVE_DISCUSSION_REQUIRED' },
      });
      await expect(decision(LARGE, { participants: ['head1'] })).rejects.toMatchObject({
        cause: { type: 'TEAM_TOO_SMALL' },
      });
      await expect(
        decision(
          { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 15_000_001 }] },
          { participants: ['head1', 'head2'] },
        ),
      ).rejects.toMatchObject({ cause: { type: 'PENALTY_EXCEEDS_NOTICE' } });
      await expect(
        decision(
          { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 100 }, { kind: 'business_suspension' }] },
          { participants: ['head1', 'head2'] },
        ),
      ).rejects.toMatchObject({ cause: { type: 'PENALTY_EXCEEDS_NOTICE' } });
      const decided = await decision(
        { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 12_000_000 }] },
        { participants: ['head1', 'head2'] },
      );
      expect(decided.stage).toBe('service');
      const d = decided.proceedings!.decision!;
      expect(d).toMatchObject({
        decidedBy: ['head1', 'head2'],
        publish: true,
        collective: { participants: ['head1', 'head2'] },
      });
      expect(d.documentNumber).toMatch(/^DC市监处罚〔\d{4}〕\d+号$/);
      expect(clockOf(decided, 'case').status).toBe('stopped');
      expect(clockOf(decided, 'service').dueOn).toBe(due(SERVICE, d.on));

      await expect(send(M.serveDecisionUpdate, served(d.on, 'electronic'))).rejects.toMatchObject({
        cause: { type: 'ESERVICE_NO_CONSENT' },
      });
      await send(M.eServiceConsentUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, signedOn: d.on, address: 'legal@example.com' },
      });
      const done = await send(M.serveDecisionUpdate, served(d.on, 'electronic'));
      expect(done.stage).toBe('served');
      expect(done.proceedings!.service).toMatchObject({ method: 'electronic', on: d.on, effectiveOn: d.on });
      expect(clockOf(done, 'service').status).toBe('stopped');
      // Each task is announced once, by e-mail to whoever must act on it (the reviewer, the chair, the heads).
      const todo = (all: StoredMail[]) =>
        all.filter((m) => m.subject?.includes(caseNumber) && m.subject.includes('待办'));
      const mails = todo(
        await h.smtp.waitFor((all) => todo(all).some((m) => m.subject!.includes('送达决定书'))),
      );
      const about = (zh: string) => mails.filter((m) => m.subject!.includes(zh));
      expect(about('案件审核').map((m) => m.to)).toEqual([[demoEmail('reviewer1')]]);
      expect(about('法制审核').map((m) => m.to)).toEqual([[demoEmail('reviewer1')]]);
      // The chair is told of the hearing, and again of its new date.
      expect(about('主持听证').map((m) => m.to)).toEqual([
        [demoEmail('reviewer2')],
        [demoEmail('reviewer2')],
      ]);
      expect(about('作出行政处罚决定')).toHaveLength(1);
    });
    expect(await actions(caseNumber)).toEqual(
      expect.arrayContaining([
        'review.opened',
        'review.case_approved',
        'review.legal_approved',
        'notice.served',
        'hearing.requested',
        'hearing.scheduled',
        'hearing.postponed',
        'hearing.held',
        'decision.made',
        'service.consent_recorded',
        'decision.served',
      ]),
    );
    const tasks = await h.tdb.db.task.findMany({ where: { caseNumber }, orderBy: { id: 'asc' } });
    // Every task of these stages is closed; the execution that follows may already have opened the publicity entry.
    expect(tasks.filter((t) => t.status === 'open' && t.kind !== 'publish').map((t) => t.kind)).toEqual([]);
    expect(tasks.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'case-review',
        'legal-review',
        'serve-notice',
        'schedule-hearing',
        'hold-hearing',
        'decide',
        'serve-decision',
      ]),
    );
    // The instruments of these stages, each made from the step that calls for it.
    const db = h.tdb.db;
    await expectDocument(db, officer1, caseNumber, 'legal_review_opinion', ['法制审核意见书', '同意']);
    await expectDocument(db, officer1, caseNumber, 'penalty_notice', [
      '罚款人民币150,000.00元',
      '警告',
      '要求举行听证',
      '五个工作日内',
    ]);
    const firstNotice = (await listDocuments(db, caseNumber)).available.find(
      (a) => a.kind === 'hearing_notice',
    )!;
    await expectDocument(
      db,
      officer1,
      caseNumber,
      'hearing_notice',
      ['听证通知书', '本局听证室', '公开举行听证', '第六十四条'],
      firstNotice.step,
    );
    await expectDocument(db, officer1, caseNumber, 'hearing_notice', ['听证通知书', '原定听证日期变更']);
    await expectDocument(db, officer1, caseNumber, 'hearing_record', [
      '听证笔录',
      '律师甲',
      '当事人对违法事实无异议，请求从轻处罚',
    ]);
    await expectDocument(db, officer1, caseNumber, 'hearing_report', ['听证报告', '建议维持拟处罚意见']);
    await expectDocument(db, officer1, caseNumber, 'collective_discussion', [
      '集体讨论记录',
      '局务会议讨论，同意拟处罚意见',
    ]);
    await expectDocument(db, officer1, caseNumber, 'penalty_decision', [
      '举行了听证',
      '罚款人民币120,000.00元',
      '当事人销售超过保质期的食品',
    ]);
  });

  it('returned by case review and resubmitted; silence waives the defence; service by public notice takes effect after 30 CD', async () => {
    const { worker, caseNumber, file, send, conclude, view } = await toReview();
    await worker.runUntil(async () => {
      await file();
      const first = await conclude();
      expect(first.proceedings!.legalReview.required).toBe(false);
      const dueBefore = clockOf(first, 'case').dueOn;
      const back = await send(M.caseReviewUpdate, review('return'));
      expect(back.stage).toBe('investigation');
      expect(back.proceedings!.returns).toEqual([
        { round: 1, gate: 'case', on: expect.any(String), opinion: '证据不足，补充调查货值金额' },
      ]);
      expect(clockOf(back, 'case').dueOn).toBe(dueBefore);
      expect(clockOf(back, 'case').status).toBe('running');
      const task = await h.tdb.db.task.findUniqueOrThrow({ where: { id: `${caseNumber}:investigate` } });
      expect(task).toMatchObject({ status: 'open', title: expect.stringContaining('补充调查') });
      // Further investigation, then a second round.
      await h.env.sleep(2 * DAY);
      const second = await conclude();
      expect(second.proceedings!.round).toBe(2);
      const opened = await eventually(async () => clockOf(await view(), 'case-review-2').dueOn);
      expect(opened).toBe(due(CASE_REVIEW, second.proceedings!.receivedOn));
      // The head extends the second round's review once.
      const extended = await send(M.extendCaseReviewUpdate, {
        actor: head,
        command: { reason: '案情需进一步审核' },
      });
      expect(clockOf(extended, 'case-review-2').extensions).toHaveLength(1);
      await expect(
        send(M.extendCaseReviewUpdate, { actor: head, command: { reason: '再延长' } }),
      ).rejects.toMatchObject({
        cause: { type: 'EXTENSION_USED' },
      });
      expect(CASE_REVIEW_EXTENSION.days).toBe(10);
      const approved = await send(M.caseReviewUpdate, review('approve'));
      expect(approved.stage).toBe('notice');
      // A small fine gives no hearing right.
      const noticeOn = approved.proceedings!.caseReview!.on;
      const n = await send(M.serveNoticeUpdate, served(noticeOn));
      expect(n.proceedings!.notice!.hearingRight).toBe(false);
      await expect(
        send(M.requestHearingUpdate, {
          actor: officer1,
          team,
          command: { officers: TEAM_IDS, requestedOn: noticeOn },
        }),
      ).rejects.toMatchObject({ cause: { type: 'NO_HEARING_RIGHT' } });
      await send(M.recordDefenceUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          receivedOn: noticeOn,
          form: 'written',
          content: '当事人称系初次违法，请求从轻',
          answer: { verdict: 'partly_accepted', reasons: '初次违法属实，但货值较大，不予免罚' },
        },
      });
      // Silence after that: the 5 WD run out, and the head decides.
      await h.env.sleep(14 * DAY);
      const waiting = await view();
      expect(waiting.stage).toBe('decision');
      expect(waiting.proceedings!.notice).toMatchObject({
        ended: 'period_ended',
        defences: [expect.objectContaining({ form: 'written' })],
      });
      const decided = await send(M.decideCaseUpdate, {
        actor: head,
        command: { outcome: proposal().outcome, facts: '事实', legalBasis: '依据' },
      });
      expect(decided.proceedings!.decision!.collective).toBeNull();
      const on = decided.proceedings!.decision!.on;
      const published = await send(M.serveDecisionUpdate, served(on, 'public_notice'));
      expect(published.stage).toBe('service');
      expect(clockOf(published, 'decision-public-notice').dueOn).toBe(due(PUBLIC_NOTICE_SERVICE, on));
      await h.env.sleep(35 * DAY);
      const effective = await view();
      expect(effective.stage).toBe('served');
      expect(effective.proceedings!.service!.effectiveOn).toBe(due(PUBLIC_NOTICE_SERVICE, on));
    });
    const trail = await actions(caseNumber);
    expect(trail).toEqual(
      expect.arrayContaining([
        'review.returned',
        'review.extended',
        'notice.defence_recorded',
        'notice.defence_period_ended',
        'decision.service_effective',
      ]),
    );
    expect(trail.filter((a) => a === 'review.opened')).toHaveLength(2);
    // The case ran investigation and review twice, each round its own workflow.
    const d = await h.env.client.workflow.getHandle(`${caseNumber}:review-2`).describe();
    expect(d.type).toBe('caseReview');
  });

  it('a no-penalty proposal goes from review straight to the decision; a penalty there is refused without a notice', async () => {
    const { worker, file, send, conclude, caseNumber } = await toReview({
      kind: 'no_penalty',
      ground: 'no_fault',
    });
    await worker.runUntil(async () => {
      await file();
      await conclude();
      const approved = await send(M.caseReviewUpdate, review('approve'));
      expect(approved.stage).toBe('decision');
      await expect(
        send(M.decideCaseUpdate, {
          actor: head,
          command: { outcome: proposal().outcome, facts: '事实', legalBasis: '依据' },
        }),
      ).rejects.toMatchObject({ cause: { type: 'NOTICE_REQUIRED' } });
      const decided = await send(M.decideCaseUpdate, {
        actor: head,
        command: {
          outcome: { kind: 'no_penalty', ground: 'no_fault' },
          facts: '当事人有证据足以证明没有主观过错',
          legalBasis: '《行政处罚法》第三十三条第二款',
        },
      });
      expect(decided.proceedings!.decision).toMatchObject({
        publish: false,
        documentNumber: expect.stringMatching(/^DC市监不罚〔\d{4}〕\d+号$/),
      });
      const done = await send(M.serveDecisionUpdate, served(decided.proceedings!.decision!.on));
      expect(done.stage).toBe('served');
    });
    // Without a penalty there is no notice; the decision not to penalise cites the no-fault ground.
    const db = h.tdb.db;
    await expect(issueDocument(db, officer1, caseNumber, { kind: 'penalty_notice' })).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_DUE',
    });
    await expectDocument(db, officer1, caseNumber, 'no_penalty_decision', [
      '不予行政处罚决定书',
      '当事人有证据足以证明没有主观过错',
      '第三十三条第二款',
      '决定不予行政处罚',
    ]);
  });

  it('legal review returns the case; a written waiver ends the defence period; a hearing no-show is a waiver', async () => {
    const { worker, file, send, conclude, view } = await toReview({
      kind: 'penalty',
      penalties: [{ kind: 'licence_revocation', licence: '食品经营许可证' }],
    });
    await worker.runUntil(async () => {
      await file();
      await conclude();
      await send(M.caseReviewUpdate, review('approve'));
      const back = await send(M.legalReviewUpdate, review('return'));
      expect(back.stage).toBe('investigation');
      expect(back.proceedings!.returns.at(-1)).toMatchObject({ gate: 'legal' });
      await h.env.sleep(DAY);
      const again = await conclude();
      expect(again.proceedings).toMatchObject({
        round: 2,
        caseReview: null,
        legalReview: { required: true, record: null },
      });
      await send(M.caseReviewUpdate, review('approve'));
      const notice = await send(M.legalReviewUpdate, review('approve'));
      const on = notice.proceedings!.legalReview.record!.on;
      const n = await send(M.serveNoticeUpdate, served(on));
      // A licence revoked gives a hearing right whatever the amount.
      expect(n.proceedings!.notice!.hearingReasons).toEqual(['吊销许可证件 licence revoked']);
      await send(M.requestHearingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, requestedOn: on },
      });
      const hearingOn = due(HEARING_NOTICE, on);
      await send(M.scheduleHearingUpdate, {
        actor: officer1,
        team,
        chair: reviewer2Ref,
        command: {
          officers: TEAM_IDS,
          chairId: 'reviewer2',
          hearingOn,
          place: '听证室',
          public: false,
          notice: { method: 'in_person', on, receiver: '当事人' },
        },
      });
      while (chinaDateOf(await h.env.currentTimeMs()) < hearingOn) await h.env.sleep(DAY);
      const noShow = await send(M.recordHearingUpdate, {
        actor: officer1,
        team,
        command: {
          outcome: 'no_show',
          officers: TEAM_IDS,
          on: hearingOn,
          note: '当事人无正当理由未到场，视为放弃听证',
        },
      });
      expect(noShow.stage).toBe('decision');
      expect(noShow.proceedings!.hearing).toMatchObject({ outcome: 'no_show' });
      expect((await view()).clocks.find((c) => c.name === 'case')!.status).toBe('running');
    });
  });

  it('a notice served by public notice reaches the party 30 CD after publication: the case clock does not count them, then the 5 WD run', async () => {
    const { worker, caseNumber, file, send, conclude, view } = await toReview();
    await worker.runUntil(async () => {
      await file();
      await conclude();
      const approved = await send(M.caseReviewUpdate, review('approve'));
      const publishedOn = approved.proceedings!.caseReview!.on;
      const n = await send(M.serveNoticeUpdate, served(publishedOn, 'public_notice'));
      expect(n.proceedings!.notice!.service.effectiveOn).toBeNull();
      expect(clockOf(n, 'case').status).toBe('paused');
      expect(clockOf(n, 'notice-public-notice').dueOn).toBe(due(PUBLIC_NOTICE_SERVICE, publishedOn));
      // No defence period yet: a hearing request or a defence before the notice takes effect is dated too early
      // only if before publication; the period itself starts at effect.
      expect(n.clocks.find((k) => k.name === 'defence')).toBeUndefined();
      await h.env.sleep(40 * DAY); // 30 CD, and a last day on a holiday moves on (a party's period)
      const effective = await eventually(async () => {
        const v = await view();
        expect(v.proceedings!.notice!.service.effectiveOn).toBeTruthy();
        return v;
      });
      const on = due(PUBLIC_NOTICE_SERVICE, publishedOn);
      expect(effective.proceedings!.notice!.service.effectiveOn).toBe(on);
      expect(clockOf(effective, 'defence').dueOn).toBe(due(DEFENCE, on));
      const caseClock = clockOf(effective, 'case');
      expect(caseClock.status).toBe('running');
      expect(caseClock.pauses).toEqual([
        expect.objectContaining({ from: publishedOn, to: on, reason: '公告 public notice' }),
      ]);
    });
    expect(await actions(caseNumber)).toEqual(expect.arrayContaining(['notice.served', 'notice.effective']));
  });

  it('a written waiver moves the case to the decision before the 5 WD run out', async () => {
    const { worker, file, send, conclude } = await toReview();
    await worker.runUntil(async () => {
      await file();
      await conclude();
      const approved = await send(M.caseReviewUpdate, review('approve'));
      const on = approved.proceedings!.caseReview!.on;
      await send(M.serveNoticeUpdate, served(on));
      const waived = await send(M.waiveDefenceUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, on, note: '当事人书面放弃陈述申辩' },
      });
      expect(waived.stage).toBe('decision');
      expect(waived.proceedings!.notice!.ended).toBe('waived');
      await expect(
        send(M.recordDefenceUpdate, {
          actor: officer1,
          team,
          command: {
            officers: TEAM_IDS,
            receivedOn: on,
            form: 'oral',
            content: '迟到的申辩',
            answer: { verdict: 'rejected', reasons: '期限已过' },
          },
        }),
      ).rejects.toMatchObject({ cause: { type: 'STAGE_NOT_ALLOWED' } });
    });
  });
});
