// The case entity workflow: one per case, workflow ID = case number. It runs the case stage by stage; human
// steps arrive as validated Updates, statutory periods run as statutory clocks.
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { CaseInput, CaseStage, CaseView } from '../../schema/case.js';
import { CaseContext } from './context.js';
import { registerApprovalHandler } from './investigation/approvals.js';
import { registerCaseClockHandlers } from './investigation/case-clock.js';
import { registerConclusionHandlers } from './investigation/conclusion.js';
import { registerEvidenceHandlers } from './investigation/evidence.js';
import { registerMeasureHandlers } from './investigation/measures.js';
import { registerSuspensionHandlers } from './investigation/suspension.js';
import { registerTransferHandlers, transferItemsSettled } from './investigation/transfer.js';
import { calendarChangedSignal, caseViewQuery, recomputeDeadlinesUpdate } from './messages.js';
import { filingStage, registerFilingHandlers } from './stages/filing.js';
import { investigationStage, reviewStage } from './stages/investigation.js';
import { registerReportFeedbackHandler, reportFeedbackSettled } from './stages/report-feedback.js';

const STAGES: Record<Exclude<CaseStage, 'closed'>, (c: CaseContext) => Promise<CaseStage>> = {
  filing: filingStage,
  investigation: investigationStage,
  review: reviewStage,
};

export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  const c = new CaseContext(input);
  setHandler(caseViewQuery, () => c.view());
  setHandler(calendarChangedSignal, async () => void (await c.recomputeCalendar()));
  setHandler(recomputeDeadlinesUpdate, () => c.recomputeCalendar());
  registerFilingHandlers(c);
  registerReportFeedbackHandler(c);
  registerApprovalHandler(c);
  registerEvidenceHandlers(c);
  registerMeasureHandlers(c);
  registerSuspensionHandlers(c);
  registerCaseClockHandlers(c);
  registerTransferHandlers(c);
  registerConclusionHandlers(c);
  await c.init();

  // Every case begins with filing, even when an early update has already decided it: the stage starts the
  // filing clock that the update stops.
  for (let stage: CaseStage = 'filing'; stage !== 'closed';) stage = await STAGES[stage](c);

  // A closed case still tells a real-name reporter, and still hands a transferred case's items to the police.
  await condition(() => reportFeedbackSettled(c) && transferItemsSettled(c));
  await c.finish(c.today(), '结案 closed');
  await condition(allHandlersFinished);
  await c.drain();
  return c.view();
}
