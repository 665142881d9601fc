// The case commands as the workbench offers them: for each, the API path under /api/cases/{number}/, the body's
// zod schema (the very one the API validates with), who may send it, and the stages where it is offered. The
// API's workflow validator has the last word: a command offered here and refused there shows the refusal's
// reason on its form. test/api/web-commands.test.ts checks this list against the API's (schema and roles).
import type { z } from 'zod';
import * as C from '../../schema/case.js';
import * as Cm from '../../schema/complaint.js';
import * as D from '../../schema/decision.js';
import * as X from '../../schema/execution.js';
import * as I from '../../schema/investigation.js';
import type { Role } from '../../schema/roles.js';

export type Stage =
  'filing' | 'investigation' | 'review' | 'notice' | 'hearing' | 'decision' | 'service' | 'served' | 'closed';

export interface CaseCommand {
  path: string;
  body: z.ZodType;
  roles: Role[];
  stages: Stage[];
  /** Shown first: the step the procedure expects next in these stages. */
  main?: Stage[];
}

const officer: Role[] = ['case_officer'];
const head: Role[] = ['agency_head'];
const reviewer: Role[] = ['legal_reviewer'];
const proceedings: Stage[] = ['investigation', 'review', 'notice', 'hearing', 'decision', 'service'];
const after: Stage[] = ['served', 'closed'];

export const CASE_COMMANDS: CaseCommand[] = [
  // 立案
  { path: 'filing-decision', body: C.DecideFilingSchema, roles: head, stages: ['filing'], main: ['filing'] },
  { path: 'filing-extension', body: C.ExtendFilingSchema, roles: head, stages: ['filing'] },
  {
    path: 'report-feedback',
    body: C.ReportFeedbackSchema,
    roles: ['complaint_handler'],
    stages: ['filing', 'investigation', ...after],
  },
  { path: 'on-the-spot-decision', body: I.OnTheSpotDecisionSchema, roles: officer, stages: ['filing'] },
  // 调查取证
  {
    path: 'evidence',
    body: I.RecordEvidenceSchema,
    roles: officer,
    stages: ['investigation'],
    main: ['investigation'],
  },
  { path: 'measures', body: I.RequestMeasureSchema, roles: officer, stages: ['investigation'] },
  {
    path: 'preservation-decision',
    body: I.DecidePreservationSchema,
    roles: officer,
    stages: ['investigation'],
  },
  { path: 'seizure-extension', body: I.ExtendSeizureSchema, roles: officer, stages: ['investigation'] },
  { path: 'seizure-release', body: I.ReleaseSeizureSchema, roles: officer, stages: proceedings },
  { path: 'testing', body: I.StartTestingSchema, roles: officer, stages: ['investigation'] },
  { path: 'testing-result', body: I.FinishTestingSchema, roles: officer, stages: ['investigation'] },
  { path: 'assistance', body: I.RequestAssistanceSchema, roles: officer, stages: ['investigation'] },
  {
    path: 'assistance-reply',
    body: I.RecordAssistanceReplySchema,
    roles: officer,
    stages: ['investigation'],
  },
  { path: 'suspension', body: I.RequestSuspensionSchema, roles: officer, stages: ['investigation'] },
  { path: 'resumption', body: I.ResumeCaseSchema, roles: officer, stages: ['investigation'] },
  { path: 'termination', body: I.RequestTerminationSchema, roles: officer, stages: ['investigation'] },
  { path: 'criminal-transfer', body: I.ProposeTransferSchema, roles: officer, stages: proceedings },
  {
    path: 'criminal-transfer/steps',
    body: I.RecordTransferStepSchema,
    roles: officer,
    stages: [...proceedings, ...after],
  },
  {
    path: 'investigation-conclusion',
    body: I.ConcludeInvestigationSchema,
    roles: officer,
    stages: ['investigation'],
    main: ['investigation'],
  },
  {
    path: 'approvals',
    body: I.DecideApprovalSchema,
    roles: head,
    stages: ['investigation', 'review', 'notice', 'hearing', 'decision'],
    main: ['investigation'],
  },
  { path: 'case-extension', body: I.ExtendCaseClockSchema, roles: head, stages: proceedings },
  { path: 'collective-extension', body: I.CollectiveExtensionSchema, roles: head, stages: proceedings },
  // 审核
  { path: 'case-review', body: D.CaseReviewSchema, roles: reviewer, stages: ['review'], main: ['review'] },
  { path: 'legal-review', body: D.LegalReviewSchema, roles: reviewer, stages: ['review'], main: ['review'] },
  { path: 'case-review-extension', body: D.ExtendCaseReviewSchema, roles: head, stages: ['review'] },
  // 告知、听证
  { path: 'notice', body: D.ServeNoticeSchema, roles: officer, stages: ['notice'], main: ['notice'] },
  { path: 'defences', body: D.RecordDefenceSchema, roles: officer, stages: ['notice', 'hearing'] },
  { path: 'hearing-request', body: D.RequestHearingSchema, roles: officer, stages: ['notice'] },
  { path: 'defence-waiver', body: D.WaiveDefenceSchema, roles: officer, stages: ['notice'] },
  { path: 'hearing', body: D.ScheduleHearingSchema, roles: officer, stages: ['hearing'], main: ['hearing'] },
  { path: 'hearing-postponement', body: D.PostponeHearingSchema, roles: officer, stages: ['hearing'] },
  { path: 'hearing-record', body: D.RecordHearingSchema, roles: officer, stages: ['hearing'] },
  // 决定、送达
  {
    path: 'decision',
    body: D.DecideCaseSchema,
    roles: head,
    stages: ['notice', 'hearing', 'decision'],
    main: ['decision'],
  },
  {
    path: 'e-service-consent',
    body: D.EServiceConsentSchema,
    roles: officer,
    stages: ['decision', 'service'],
  },
  { path: 'service', body: D.ServeDecisionSchema, roles: officer, stages: ['service'], main: ['service'] },
  // 执行、救济、公示、信用修复、结案
  { path: 'payments', body: X.RecordPaymentSchema, roles: officer, stages: ['served'], main: ['served'] },
  { path: 'payment-arrangement', body: X.DecidePaymentArrangementSchema, roles: head, stages: ['served'] },
  { path: 'payment-demand', body: X.ServePaymentDemandSchema, roles: officer, stages: ['served'] },
  { path: 'enforcement-application', body: X.ApplyEnforcementSchema, roles: officer, stages: ['served'] },
  { path: 'remedies', body: X.RecordRemedySchema, roles: ['case_officer', 'agency_head'], stages: after },
  {
    path: 'remedy-outcome',
    body: X.RecordRemedyOutcomeSchema,
    roles: ['case_officer', 'agency_head'],
    stages: after,
  },
  { path: 'publicity', body: X.PublishDecisionSchema, roles: officer, stages: after, main: ['served'] },
  { path: 'publicity-withdrawal', body: X.WithdrawPublicitySchema, roles: officer, stages: after },
  {
    path: 'credit-repair',
    body: X.ApplyCreditRepairSchema,
    roles: ['case_officer', 'agency_head'],
    stages: after,
  },
  { path: 'credit-repair-decision', body: X.DecideCreditRepairSchema, roles: head, stages: after },
  { path: 'closure', body: X.CloseCaseSchema, roles: head, stages: ['served'], main: ['served'] },
  { path: 'reward', body: X.DecideRewardSchema, roles: head, stages: ['closed'], main: ['closed'] },
];

/** The commands a user with these roles may send to a case in this stage, the expected next step first. */
export function commandsFor(stage: string, roles: readonly string[]): CaseCommand[] {
  const mine = CASE_COMMANDS.filter(
    (c) => c.stages.includes(stage as Stage) && c.roles.some((r) => roles.includes(r)),
  );
  const main = (c: CaseCommand) => (c.main?.includes(stage as Stage) ? 0 : 1);
  return mine.sort((a, b) => main(a) - main(b));
}

/** The complaint's commands (api/routes/complaints.ts), the stages where they are offered, their titles. */
export const COMPLAINT_COMMANDS = [
  {
    path: 'acceptance-decision',
    body: Cm.DecideAcceptanceSchema,
    stages: ['acceptance'],
    zh: '受理决定',
    en: 'Acceptance decision',
  },
  {
    path: 'transfer',
    body: Cm.TransferJurisdictionSchema,
    stages: ['acceptance'],
    zh: '移送有管辖权的部门',
    en: 'Transfer to the competent office',
  },
  {
    path: 'mediation',
    body: Cm.StartMediationSchema,
    stages: ['accepted'],
    zh: '组织调解',
    en: 'Start mediation',
  },
  {
    path: 'mediation/pause',
    body: Cm.PauseMediationSchema,
    stages: ['mediation'],
    zh: '中止调解期限',
    en: 'Pause the mediation period',
  },
  {
    path: 'mediation/resume',
    body: Cm.ResumeMediationSchema,
    stages: ['mediation'],
    zh: '恢复调解期限',
    en: 'Resume the mediation period',
  },
  {
    path: 'mediation/end',
    body: Cm.EndMediationSchema,
    stages: ['mediation'],
    zh: '终止调解（调解记录）',
    en: 'End mediation (the record)',
  },
  {
    path: 'parties-notified',
    body: Cm.RecordPartiesNotifiedSchema,
    stages: ['notification'],
    zh: '告知双方',
    en: 'Both parties told',
  },
  {
    path: 'violations',
    body: Cm.ReportViolationSchema,
    stages: ['acceptance', 'accepted', 'mediation', 'notification'],
    zh: '发现违法线索',
    en: 'A suspected violation found',
  },
];
