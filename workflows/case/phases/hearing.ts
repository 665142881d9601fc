// 听证 (docs/rules.md, hearing): the hearing notice 7 WD ahead, a chair who never investigated the case,
// postponement, the record or the party's absence; the case clock does not count the hearing. Then the decision.
import { registerCaseClockHandlers } from '../investigation/case-clock.js';
import { runPhase, type PhaseInput } from '../phase.js';
import { registerEServiceHandler } from '../proceedings/decision.js';
import { registerHearingHandlers } from '../proceedings/hearing.js';
import type { CaseState } from '../state.js';

/** The hearing's workflow (`<case number>:hearing`), a child of the case's workflow like every phase. */
export function caseHearing(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerCaseClockHandlers(c);
      registerHearingHandlers(c);
      registerEServiceHandler(c);
    },
    over: (c) => c.stage !== 'hearing',
  });
}
