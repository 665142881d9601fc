// 决定 → 送达 (docs/rules.md, decision and service): the head (or the heads in collective discussion) decides;
// the officers serve the decision within 7 WD and record how and when it reached the party. The served case
// waits here for the next part of the lifecycle (payment, remedies, publicity).
import { registerCaseClockHandlers } from '../investigation/case-clock.js';
import { runPhase, type PhaseInput } from '../phase.js';
import { registerDecisionHandlers } from '../proceedings/decision.js';
import type { CaseState } from '../state.js';
import type { CaseStage } from '../../../schema/case.js';

/** The stages the decision phase holds the case in. */
export const inDecision = (s: { stage: CaseStage }) => ['decision', 'service', 'served'].includes(s.stage);

/** The decision phase's workflow (`<case number>:decision`). */
export function caseDecision(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerCaseClockHandlers(c);
      registerDecisionHandlers(c);
    },
    over: (c) => !inDecision(c),
  });
}
