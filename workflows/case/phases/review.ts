// 案件审核 and what follows it (case review, legal review, notice and hearing, decision): the next part of the
// lifecycle. Until it is built the case waits here with its case clock running, and the head may still extend
// the clock (docs/rules.md).
import { registerCaseClockHandlers } from '../investigation/case-clock.js';
import { runPhase, type PhaseInput } from '../phase.js';
import type { CaseState } from '../state.js';

/** The review phase's workflow (`<case number>:review`). */
export function caseReview(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register: registerCaseClockHandlers,
    over: (c) => c.stage !== 'review',
  });
}
