// Messages of the case workflow: declared once here, imported by the API and tests (nothing else crosses).
import type { Signed } from '../matter/authenticated.js';
import type { CommandResult } from '../../schema/common.js';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseView, DecideFiling, ExtendFiling } from '../../schema/case.js';
import type * as D from '../../schema/decision.js';
import type * as X from '../../schema/execution.js';
import type * as I from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import type { DeadlineMove } from '../matter/matter-context.js';

export type { DeadlineMove };

/** A command as the API sends it: the acting user (resolved from the session), the validated payload, and the
 * people it names as the API resolved them from the user directory (the validator checks them again). */
export interface Command<T> extends Signed {
  actor: Actor;
  command: T;
  team?: I.OfficerRef[];
  reviewer?: I.OfficerRef;
  participants?: I.OfficerRef[];
  /** A hearing's chair, as the API resolved them. */
  chair?: I.OfficerRef;
}

/** A command: validated, applied, and answered with a small result (the view is read with the query). */
const update = <T>(name: string) => defineUpdate<CommandResult, [Command<T>]>(name);

/** 立案审批: the head approves or declines filing. */
export const decideFilingUpdate = update<DecideFiling>('decideFiling');
/** 延长核查期限: the head extends the filing period once. */
export const extendFilingUpdate = update<ExtendFiling>('extendFilingPeriod');
/** 举报处理结果告知: the intake office tells the real-name reporter (when there is no e-mail address). */
export const recordReportFeedbackUpdate = update<{ channel: 'phone' | 'letter' | 'in_person'; note: string }>(
  'recordReportFeedback',
);

// Investigation (docs/rules.md)
export const recordEvidenceUpdate = update<I.RecordEvidence>('recordEvidence');
export const requestMeasureUpdate = update<I.RequestMeasure>('requestMeasure');
export const decidePreservationUpdate = update<I.DecidePreservation>('decidePreservation');
export const extendSeizureUpdate = update<I.ExtendSeizure>('extendSeizure');
export const releaseSeizureUpdate = update<I.ReleaseSeizure>('releaseSeizure');
export const startTestingUpdate = update<I.StartTesting>('startTesting');
export const finishTestingUpdate = update<I.FinishTesting>('finishTesting');
export const requestAssistanceUpdate = update<I.RequestAssistance>('requestAssistance');
export const recordAssistanceReplyUpdate = update<I.RecordAssistanceReply>('recordAssistanceReply');
export const requestSuspensionUpdate = update<I.RequestSuspension>('requestSuspension');
export const resumeCaseUpdate = update<I.ResumeCase>('resumeCase');
export const requestTerminationUpdate = update<I.RequestTermination>('requestTermination');
export const decideApprovalUpdate = update<I.DecideApproval>('decideApproval');
// The case clock (docs/rules.md)
export const extendCaseClockUpdate = update<I.ExtendCaseClock>('extendCaseClock');
export const collectiveExtensionUpdate = update<I.CollectiveExtension>('collectiveExtension');
// Transfer of a suspected crime (docs/rules.md)
export const proposeTransferUpdate = update<I.ProposeTransfer>('proposeTransfer');
export const recordTransferStepUpdate = update<I.RecordTransferStep>('recordTransferStep');
// Simplified procedure (docs/rules.md) and the hand-over to review
export const onTheSpotDecisionUpdate = update<I.OnTheSpotDecision>('onTheSpotDecision');
export const concludeInvestigationUpdate = update<I.ConcludeInvestigation>('concludeInvestigation');

// Review gates, notice and defence, hearing, decision and service (docs/rules.md)
export const caseReviewUpdate = update<D.CaseReview>('reviewCase');
export const legalReviewUpdate = update<D.LegalReview>('legalReview');
export const extendCaseReviewUpdate = update<D.ExtendCaseReview>('extendCaseReview');
export const serveNoticeUpdate = update<D.ServeNotice>('serveNotice');
export const recordDefenceUpdate = update<D.RecordDefence>('recordDefence');
export const requestHearingUpdate = update<D.RequestHearing>('requestHearing');
export const waiveDefenceUpdate = update<D.WaiveDefence>('waiveDefence');
export const scheduleHearingUpdate = update<D.ScheduleHearing>('scheduleHearing');
export const postponeHearingUpdate = update<D.PostponeHearing>('postponeHearing');
export const recordHearingUpdate = update<D.RecordHearing>('recordHearing');
export const decideCaseUpdate = update<D.DecideCase>('decideCase');
export const eServiceConsentUpdate = update<D.EServiceConsent>('recordEServiceConsent');
export const serveDecisionUpdate = update<D.ServeDecision>('serveDecision');

// Payment and enforcement, remedies, publicity and credit repair, closure, rewards (docs/rules.md)
export const recordPaymentUpdate = update<X.RecordPayment>('recordPayment');
export const decidePaymentArrangementUpdate = update<X.DecidePaymentArrangement>('decidePaymentArrangement');
export const servePaymentDemandUpdate = update<X.ServePaymentDemand>('servePaymentDemand');
export const applyEnforcementUpdate = update<X.ApplyEnforcement>('applyEnforcement');
export const recordRemedyUpdate = update<X.RecordRemedy>('recordRemedy');
export const recordRemedyOutcomeUpdate = update<X.RecordRemedyOutcome>('recordRemedyOutcome');
export const publishDecisionUpdate = update<X.PublishDecision>('publishDecision');
export const withdrawPublicityUpdate = update<X.WithdrawPublicity>('withdrawPublicity');
export const applyCreditRepairUpdate = update<X.ApplyCreditRepair>('applyCreditRepair');
export const decideCreditRepairUpdate = update<X.DecideCreditRepair>('decideCreditRepair');
export const closeCaseUpdate = update<X.CloseCase>('closeCase');
export const decideRewardUpdate = update<X.DecideReward>('decideReward');

/** The holiday calendar changed: reload it and recompute every open deadline. */
export const calendarChangedSignal = defineSignal('calendarChanged');
/** The same as an update, answering which deadlines moved (for the administrator's report). */
export const recomputeDeadlinesUpdate = defineUpdate<DeadlineMove[], []>('recomputeDeadlines');

export const caseViewQuery = defineQuery<CaseView>('caseView');

/** The case's workflow (ID = case number): it runs the phases one after the other. */
export const CASE_WORKFLOW_TYPE = 'enforcementCase';

/** The phases of a case, each a child workflow of the case's workflow. */
export type CasePhase =
  | 'filing'
  | 'investigation'
  | 'review'
  | 'notice'
  | 'hearing'
  | 'decision'
  | 'execution'
  | 'publicity'
  | 'aftercare';
/** A phase's workflow ID: deterministic, so the API finds it and a phase never starts twice. A case returned
 * from review runs investigation and review again: their later rounds are `<phase>-<round>`. */
export const phaseWorkflowId = (caseNumber: string, phase: CasePhase, round = 1) =>
  round > 1 ? `${caseNumber}:${phase}-${round}` : `${caseNumber}:${phase}`;
/** The workflow ID of the phase running now (or of the last one, once the case has run its course); null before
 * the first phase has started. Commands and the view go there. */
export const casePhaseQuery = defineQuery<string | null>('casePhase');
/** The memo field of the case's workflow that names the phase running now (as casePhaseQuery answers), set when
 * each phase starts; cases whose workflow predates it have none and are asked with the query. */
export const PHASE_MEMO = 'phase';

/** Every command of a case (a phase refuses those it does not take with STAGE_NOT_ALLOWED). */
export const CASE_COMMANDS = [
  decideFilingUpdate,
  extendFilingUpdate,
  recordReportFeedbackUpdate,
  recordEvidenceUpdate,
  requestMeasureUpdate,
  decidePreservationUpdate,
  extendSeizureUpdate,
  releaseSeizureUpdate,
  startTestingUpdate,
  finishTestingUpdate,
  requestAssistanceUpdate,
  recordAssistanceReplyUpdate,
  requestSuspensionUpdate,
  resumeCaseUpdate,
  requestTerminationUpdate,
  decideApprovalUpdate,
  extendCaseClockUpdate,
  collectiveExtensionUpdate,
  proposeTransferUpdate,
  recordTransferStepUpdate,
  onTheSpotDecisionUpdate,
  concludeInvestigationUpdate,
  caseReviewUpdate,
  legalReviewUpdate,
  extendCaseReviewUpdate,
  serveNoticeUpdate,
  recordDefenceUpdate,
  requestHearingUpdate,
  waiveDefenceUpdate,
  scheduleHearingUpdate,
  postponeHearingUpdate,
  recordHearingUpdate,
  decideCaseUpdate,
  eServiceConsentUpdate,
  serveDecisionUpdate,
  recordPaymentUpdate,
  decidePaymentArrangementUpdate,
  servePaymentDemandUpdate,
  applyEnforcementUpdate,
  recordRemedyUpdate,
  recordRemedyOutcomeUpdate,
  publishDecisionUpdate,
  withdrawPublicityUpdate,
  applyCreditRepairUpdate,
  decideCreditRepairUpdate,
  closeCaseUpdate,
  decideRewardUpdate,
] as const;
