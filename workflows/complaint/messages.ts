// Messages of the complaint workflow: declared once here, imported by the API and tests (nothing else crosses).
// Every step is a validated Update from a complaint handler of the complaint's unit.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommandResult } from '../../schema/common.js';
import type {
  ComplaintView,
  DecideAcceptance,
  EndMediation,
  PauseMediation,
  RecordPartiesNotified,
  ReportViolation,
  ResumeMediation,
  StartMediation,
  TransferJurisdiction,
} from '../../schema/complaint.js';
import type { Command } from '../case/messages.js';

// The calendar messages are the case workflow's, by name: an administrator's recompute reaches every open matter.
export { calendarChangedSignal, recomputeDeadlinesUpdate, type Command } from '../case/messages.js';

/** 受理 / 不予受理 (CRM 14–15). */
export const decideAcceptanceUpdate = defineUpdate<CommandResult, [Command<DecideAcceptance>]>(
  'decideAcceptance',
);
/** 移送有管辖权的部门 (CRM 36–37): this complaint closes, the competent office's starts. */
export const transferJurisdictionUpdate = defineUpdate<CommandResult, [Command<TransferJurisdiction>]>(
  'transferJurisdiction',
);
/** 组织调解, with both parties' consent (CRM 16–21). */
export const startMediationUpdate = defineUpdate<CommandResult, [Command<StartMediation>]>('startMediation');
/** 检定、检验、检测、鉴定: the mediation period is not counted meanwhile. */
export const pauseMediationUpdate = defineUpdate<CommandResult, [Command<PauseMediation>]>('pauseMediation');
export const resumeMediationUpdate = defineUpdate<CommandResult, [Command<ResumeMediation>]>(
  'resumeMediation',
);
/** 终止调解: agreement, withdrawal, refusal, no-show or no agreement. */
export const endMediationUpdate = defineUpdate<CommandResult, [Command<EndMediation>]>('endMediation');
/** Both parties were told that mediation ended (CRM 21): the complaint closes. */
export const recordPartiesNotifiedUpdate = defineUpdate<CommandResult, [Command<RecordPartiesNotified>]>(
  'recordPartiesNotified',
);
/** A suspected violation found: it becomes a clue, and a case (CRM 23). */
export const reportViolationUpdate = defineUpdate<CommandResult, [Command<ReportViolation>]>(
  'reportViolation',
);

export const complaintViewQuery = defineQuery<ComplaintView>('complaintView');

export const COMPLAINT_WORKFLOW_TYPE = 'complaintWorkflow';
