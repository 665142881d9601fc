// How every phase of a case runs as its own workflow: it is given the case as data (CaseState), registers the
// commands it takes, opens the phase (first run only), and waits until the phase is over. It then hands the case
// back as data to the case's workflow, which starts the next phase. When Temporal suggests it (the history has
// grown long) or the case's step budget per run is spent, the phase continues as new with the same data, at a
// point where no command is half-done and no step is being written.
import { condition, continueAsNew, setHandler } from '@temporalio/workflow';
import type { CaseInput } from '../../schema/case.js';
import { CaseContext } from './context.js';
import { refuseOtherCommands } from './handler.js';
import { CASE_COMMANDS, calendarChangedSignal, caseViewQuery, recomputeDeadlinesUpdate } from './messages.js';
import { registerReportFeedbackHandler } from './report-feedback.js';
import type { CaseState } from './state.js';

export interface PhaseInput {
  case: CaseInput;
  state: CaseState;
  /** This run continues the phase begun by an earlier run: it is not opened again. */
  continued?: boolean;
}

export interface PhaseSpec {
  /** The commands the phase takes, besides those every phase takes (the reporter's feedback, the calendar). */
  register(c: CaseContext): void;
  /** What the phase's first run does first (opening steps, clocks). */
  open?(c: CaseContext): Promise<void>;
  /** The phase is over. */
  over(c: CaseContext): boolean;
  /** Before the phase hands the case on. */
  close?(c: CaseContext): Promise<void>;
}

export async function runPhase(input: PhaseInput, spec: PhaseSpec): Promise<CaseState> {
  const c = new CaseContext(input.case, input.state);
  c.phaseOver = () => spec.over(c);
  setHandler(caseViewQuery, () => c.view());
  setHandler(calendarChangedSignal, async () => void (await c.recomputeCalendar()));
  setHandler(recomputeDeadlinesUpdate, () => c.recomputeCalendar());
  registerReportFeedbackHandler(c);
  spec.register(c);
  refuseOtherCommands(c, CASE_COMMANDS);
  await c.init();
  if (!input.continued) await spec.open?.(c);
  c.opened = true;

  // A safe point: the phase is over or its run is long, and the case may be handed over.
  await condition(() => (spec.over(c) || c.longRun(input.case.stepsPerRun)) && c.settled());
  await c.handOverPoint();
  if (!spec.over(c)) {
    return continueAsNew<(i: PhaseInput) => Promise<CaseState>>({
      case: input.case,
      state: c.state(),
      continued: true,
    });
  }
  await spec.close?.(c);
  return c.state();
}
