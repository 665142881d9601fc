// 决定 → 送达 (docs/rules.md, decision and service): the head (or the heads in collective discussion) decides;
// the officers serve the decision within 7 WD and record how and when it reached the party. The served case
// moves on to execution (payment, remedies, publicity).
import { patched } from '@temporalio/workflow';
import { registerCaseClockHandlers } from '../investigation/case-clock.js';
import { runPhase, type PhaseInput } from '../phase.js';
import { registerDecisionHandlers } from '../proceedings/decision.js';
import type { CaseState } from '../state.js';
import type { CaseStage } from '../../../schema/case.js';

/** The stages the decision phase holds the case in. */
export const inDecision = (s: { stage: CaseStage }) => ['decision', 'service', 'served'].includes(s.stage);

/** The decision phase's workflow (`<case number>:decision`). A served case moves on to execution; decision
 * phases begun before execution existed keep holding their served case. */
export function caseDecision(input: PhaseInput): Promise<CaseState> {
  const servedMovesOn = patched('served-moves-on');
  const holds = (s: { stage: CaseStage }) =>
    servedMovesOn ? ['decision', 'service'].includes(s.stage) : inDecision(s);
  return runPhase(input, {
    register(c) {
      registerCaseClockHandlers(c);
      registerDecisionHandlers(c);
    },
    over: (c) => !holds(c),
  });
}
