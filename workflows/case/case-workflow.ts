// The case entity workflow: one per case, workflow ID = case number. It runs the case stage by stage; human
// steps arrive as validated Updates, statutory periods run as statutory clocks.
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { CaseInput, CaseStage, CaseView } from '../../schema/case.js';
import { CaseContext } from './context.js';
import { calendarChangedSignal, caseViewQuery, recomputeDeadlinesUpdate } from './messages.js';
import { filingStage, registerFilingHandlers } from './stages/filing.js';
import { investigationStage } from './stages/investigation.js';

const STAGES: Record<Exclude<CaseStage, 'closed'>, (c: CaseContext) => Promise<CaseStage>> = {
  filing: filingStage,
  investigation: investigationStage,
};

export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  const c = new CaseContext(input);
  setHandler(caseViewQuery, () => c.view());
  setHandler(calendarChangedSignal, async () => void (await c.recomputeCalendar()));
  setHandler(recomputeDeadlinesUpdate, () => c.recomputeCalendar());
  registerFilingHandlers(c);
  await c.init();

  // Every case begins with filing, even when an early update has already decided it: the stage starts the
  // filing clock that the update stops.
  for (let stage: CaseStage = 'filing'; stage !== 'closed';) stage = await STAGES[stage](c);

  await condition(allHandlersFinished);
  await c.drain();
  return c.view();
}
