// 执行、救济、公示、结案 (docs/rules.md: payment and enforcement, remedies, publicity, closure): the served case
// waits here while the party pays (or the court is asked), appeals run their course and the decision is
// published; it ends when the head approves the closure.
import { registerClosureHandlers } from '../execution/closure.js';
import { openExecution } from '../execution/open.js';
import { registerPaymentHandlers } from '../execution/payment.js';
import { registerPublicityHandlers } from '../execution/publicity.js';
import { registerRemedyHandlers } from '../execution/remedies.js';
import { runPhase, type PhaseInput } from '../phase.js';
import type { CaseState } from '../state.js';

/** The execution phase's workflow (`<case number>:execution`). */
export function caseExecution(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerPaymentHandlers(c);
      registerRemedyHandlers(c);
      registerPublicityHandlers(c);
      registerClosureHandlers(c);
    },
    open: openExecution,
    over: (c) => c.stage !== 'served',
  });
}
