// 案件审核 and 法制审核 (docs/rules.md, review gates). The investigation report and the proposal reach the review
// office when the investigation is concluded: the case review runs 10 WD from that day (the head may extend it
// once), and legal review is required where APL 58 or the rule pack says. Both reviewers are legal reviewers of
// the unit who never investigated the case; legal review needs the legal professional qualification. Approved,
// the case goes on to the notice (or, for a no-penalty proposal, straight to the decision); returned, it goes back
// to investigation with the reviewer's opinion as the officers' task, and the case clock keeps running.
import {
  checkCaseReview,
  checkExtendCaseReview,
  checkLegalReview,
} from '../../../domain/case/proceedings-guards.js';
import { collectiveReasons, legalReviewReasons } from '../../../domain/case/proceedings.js';
import { CASE_REVIEW, CASE_REVIEW_EXTENSION } from '../../../domain/rules/periods.js';
import type { ProceedingsView, Proposal } from '../../../schema/decision.js';
import { SYSTEM_ACTOR, type Actor } from '../../../schema/roles.js';
import type { TaskOpen } from '../../../activities/index.js';
import type { CaseContext } from '../context.js';
import { command } from '../handler.js';
import { caseReviewUpdate, extendCaseReviewUpdate, legalReviewUpdate } from '../messages.js';
import { decideTask } from './decision.js';
import { serveNoticeTask } from './notice.js';

/** Returns kept on the case (the audit trail has every one). */
const RETURNS_KEPT = 10;

export type Task = Omit<TaskOpen, 'unitId'>;

/** The case review's clock: one per round. */
export const reviewClockName = (p: Pick<ProceedingsView, 'round'>) =>
  p.round > 1 ? `${CASE_REVIEW.name}-${p.round}` : CASE_REVIEW.name;

/** The investigators hand the case over with their proposal: a new review round begins (called by the
 * conclusion of the investigation, which opens the case review's task). */
export function beginReview(c: CaseContext, proposal: Proposal, reviewerId: string): ProceedingsView {
  const respondent = c.input.clue.respondent.kind;
  const legal = legalReviewReasons(c.pack.content, respondent, proposal);
  const collective = collectiveReasons(c.pack.content, proposal.outcome, proposal.complex);
  const earlier = c.proceedings;
  c.proceedings = {
    round: (earlier?.round ?? 0) + 1,
    proposal,
    receivedOn: c.today(),
    reviewerId,
    caseReview: null,
    caseReviewExtended: false,
    legalReview: { required: legal.length > 0, reasons: legal, record: null },
    collective: { required: collective.length > 0, reasons: collective },
    returns: earlier?.returns ?? [],
    ...(earlier?.annulledDecisions ? { annulledDecisions: earlier.annulledDecisions } : {}),
    notice: null,
    hearing: null,
    eServiceConsent: earlier?.eServiceConsent ?? null,
    decision: null,
    service: null,
  };
  return c.proceedings;
}

const caseReviewTask = (c: CaseContext, p: ProceedingsView, dueOn: string | null): Task => ({
  id: c.taskId('case-review'),
  kind: 'case-review',
  title: { zh: '案件审核', en: 'review the case' },
  role: 'legal_reviewer',
  assignees: [p.reviewerId],
  dueOn,
});
const legalReviewTask = (c: CaseContext, p: ProceedingsView): Task => ({
  id: c.taskId('legal-review'),
  kind: 'legal-review',
  title: { zh: '法制审核', en: 'legal review' },
  role: 'legal_reviewer',
  assignees: [p.reviewerId],
  dueOn: c.caseClock()?.dueOn ?? null,
});

/** The review phase opens: the case review's 10 WD run from the day the materials arrived. */
export async function openReview(c: CaseContext) {
  const p = c.proceedings;
  if (!p) return;
  const clock = c.spawnClock({ ...CASE_REVIEW, name: reviewClockName(p) }, p.receivedOn, 'legal_reviewer');
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'review.opened',
    details: {
      round: p.round,
      receivedOn: p.receivedOn,
      dueOn: clock.dueOn,
      legalReview: p.legalReview.reasons,
      collective: p.collective.reasons,
    },
    openTasks: [
      caseReviewTask(c, p, clock.dueOn ?? null),
      ...(p.legalReview.required ? [legalReviewTask(c, p)] : []),
    ],
  });
}

/** Both gates passed: on to the notice, or to the decision when no penalty is proposed (no notice is due). */
function reviewed(c: CaseContext, p: ProceedingsView): Task[] {
  if (p.caseReview?.result !== 'approve') return [];
  if (p.legalReview.required && p.legalReview.record?.result !== 'approve') return [];
  const penalty = p.proposal.outcome.kind === 'penalty';
  c.stage = penalty ? 'notice' : 'decision';
  return [penalty ? serveNoticeTask(c) : decideTask(c)];
}

/** A reviewer sent the case back: to investigation, with the opinion as the officers' task. */
function returned(c: CaseContext, p: ProceedingsView, actor: Actor, gate: 'case' | 'legal', opinion: string) {
  const on = c.today();
  c.stage = 'investigation';
  p.returns.push({ round: p.round, gate, on, opinion });
  if (p.returns.length > RETURNS_KEPT) p.returns.shift();
  const clock = reviewClockName(p);
  if (c.hasClock(clock)) c.clock(clock).stop(on, '退回补充调查 returned');
  return c.record({
    actor,
    action: 'review.returned',
    details: { round: p.round, gate, opinion },
    closeTasks: [c.taskId('case-review'), c.taskId('legal-review')],
    openTasks: [
      {
        id: c.taskId('investigate'),
        kind: 'investigate',
        title: {
          zh: `补充调查（${gate === 'case' ? '案件审核' : '法制审核'}退回）`,
          en: `further investigation (returned by ${gate} review)`,
        },
        role: 'case_officer',
        dueOn: c.caseClock()?.dueOn ?? null,
      },
    ],
  });
}

export function registerReviewHandlers(c: CaseContext) {
  command(
    c,
    caseReviewUpdate,
    ({ actor, reviewer }) => checkCaseReview(c.facts(), actor, reviewer),
    async ({ actor, command }) => {
      const p = c.proceedings!;
      const on = c.today();
      p.caseReview = { by: actor.id, on, result: command.result, opinion: command.opinion };
      if (command.result === 'return') return returned(c, p, actor, 'case', command.opinion);
      const clock = reviewClockName(p);
      if (c.hasClock(clock)) c.clock(clock).stop(on, '审核完毕 reviewed');
      const next = reviewed(c, p);
      await c.record({
        actor,
        action: 'review.case_approved',
        details: { round: p.round, opinion: command.opinion },
        closeTasks: [c.taskId('case-review')],
        openTasks: next,
      });
    },
  );

  command(
    c,
    legalReviewUpdate,
    ({ actor, reviewer }) => checkLegalReview(c.facts(), actor, reviewer),
    async ({ actor, command }) => {
      const p = c.proceedings!;
      p.legalReview.record = {
        by: actor.id,
        on: c.today(),
        result: command.result,
        opinion: command.opinion,
      };
      if (command.result === 'return') return returned(c, p, actor, 'legal', command.opinion);
      const next = reviewed(c, p);
      await c.record({
        actor,
        action: 'review.legal_approved',
        details: { round: p.round, opinion: command.opinion, required: p.legalReview.required },
        closeTasks: [c.taskId('legal-review')],
        openTasks: next,
      });
    },
  );

  command(
    c,
    extendCaseReviewUpdate,
    ({ actor }) => checkExtendCaseReview(c.facts(), actor),
    async ({ actor, command }) => {
      const p = c.proceedings!;
      p.caseReviewExtended = true;
      const clock = c.clock(reviewClockName(p));
      clock.extend({
        days: CASE_REVIEW_EXTENSION.days,
        on: c.today(),
        approvedBy: actor.id,
        basis: command.reason,
      });
      await c.record({
        actor,
        action: 'review.extended',
        details: {
          days: CASE_REVIEW_EXTENSION.days,
          reason: command.reason,
          dueOn: clock.dueOn,
          rule: CASE_REVIEW_EXTENSION.rule,
        },
        openTasks: [caseReviewTask(c, p, clock.dueOn ?? null)],
      });
    },
  );
}
