// The complaint entity workflow (投诉, docs/rules.md): one per complaint, workflow ID = complaint number. It runs
// the complaint stage by stage; the handler's steps arrive as validated Updates, statutory periods run as
// statutory clocks. It knows the complainant only by the submission id (CRM 33).
import { allHandlersFinished, condition, continueAsNew, setHandler } from '@temporalio/workflow';
import type { ComplaintInput, ComplaintStage, ComplaintView } from '../../schema/complaint.js';
import { ComplaintContext, type ComplaintState } from './context.js';
import { calendarChangedSignal, complaintViewQuery, recomputeDeadlinesUpdate } from './messages.js';
import { acceptanceStage, registerAcceptanceHandlers } from './stages/acceptance.js';
import { mediationStage, registerMediationHandlers } from './stages/mediation.js';
import { notificationStage, registerNotificationHandlers } from './stages/notification.js';
import { registerTransferHandler } from './transfer.js';
import { registerViolationHandler } from './violation.js';

const STAGES: Record<Exclude<ComplaintStage, 'closed'>, (c: ComplaintContext) => Promise<ComplaintStage>> = {
  acceptance: acceptanceStage,
  accepted: mediationStage,
  mediation: mediationStage,
  notification: notificationStage,
};

export async function complaintWorkflow(
  input: ComplaintInput,
  carried?: ComplaintState,
): Promise<ComplaintView> {
  const c = new ComplaintContext(input, carried);
  setHandler(complaintViewQuery, () => c.view());
  setHandler(calendarChangedSignal, async () => void (await c.recomputeCalendar()));
  setHandler(recomputeDeadlinesUpdate, () => c.recomputeCalendar());
  registerAcceptanceHandlers(c);
  registerTransferHandler(c);
  registerMediationHandlers(c);
  registerNotificationHandlers(c);
  registerViolationHandler(c);
  await c.init();

  // Every complaint begins with the acceptance decision, even when an early update has already taken it: the
  // stage starts the acceptance clock that the update stops. Between two stages, when the run is long (Temporal
  // suggests it, or the input's step budget is spent) and nothing is half-done, the complaint continues as new
  // with its state as data; the next stage opens in the new run.
  for (let stage: ComplaintStage = carried?.stage ?? 'acceptance'; stage !== 'closed';) {
    if (stage !== 'acceptance' && c.longRun(input.stepsPerRun)) {
      await c.handOverPoint();
      return continueAsNew<typeof complaintWorkflow>(input, c.state());
    }
    stage = await STAGES[stage](c);
  }

  await condition(allHandlersFinished);
  await c.drain();
  return c.view();
}
