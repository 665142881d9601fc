// Messages of the case workflow: declared once here, imported by the API and tests (nothing else crosses).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseView, DecideFiling, ExtendFiling } from '../../schema/case.js';
import type { Actor } from '../../schema/roles.js';

/** A command as the API sends it: the acting user (resolved from the session) and the validated payload. */
export interface Command<T> {
  actor: Actor;
  command: T;
}

/** 立案审批: the head approves or declines filing. */
export const decideFilingUpdate = defineUpdate<CaseView, [Command<DecideFiling>]>('decideFiling');
/** 延长核查期限: the head extends the filing period once. */
export const extendFilingUpdate = defineUpdate<CaseView, [Command<ExtendFiling>]>('extendFilingPeriod');
/** The holiday calendar changed: reload it and recompute every open deadline. */
export const calendarChangedSignal = defineSignal('calendarChanged');
/** The same as an update, answering which deadlines moved (for the administrator's report). */
export const recomputeDeadlinesUpdate = defineUpdate<DeadlineMove[], []>('recomputeDeadlines');

export interface DeadlineMove {
  clock: string;
  from: string | null;
  to: string | null;
}
export const caseViewQuery = defineQuery<CaseView>('caseView');

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';
