// After a case closed, what it still owes: the real-name reporter is told of the filing decision (CRM 31–32),
// a transferred case's items are handed to the police within 3 days of their filing notice (TR), and every
// e-mail started is sent. Then the remaining clocks stop.
import { registerTransferHandlers } from '../investigation/transfer.js';
import { runPhase, type PhaseInput } from '../phase.js';
import { reportFeedbackSettled, transferItemsSettled, type CaseState } from '../state.js';

/** The aftercare phase's workflow (`<case number>:aftercare`). */
export function caseAftercare(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register: registerTransferHandlers,
    // Over once nothing is owed and every e-mail has gone out (the reporter's e-mail records itself when sent).
    over: (c) => reportFeedbackSettled(c) && transferItemsSettled(c) && c.mailSent(),
    close: (c) => c.finish(c.today(), '结案 closed'),
  });
}
