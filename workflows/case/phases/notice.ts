// 告知 → 陈述申辩 (docs/rules.md, notice and defence): the officers serve the pre-penalty notice; the party has
// 5 WD from receipt to state its case, defend itself and, where the penalty gives the right, ask for a hearing.
// A hearing request goes on to the hearing; a waiver, or silence until the period ends, to the decision.
import { registerCaseClockHandlers } from '../investigation/case-clock.js';
import { runPhase, type PhaseInput } from '../phase.js';
import { registerEServiceHandler } from '../proceedings/decision.js';
import { registerNoticeHandlers } from '../proceedings/notice.js';
import type { CaseState } from '../state.js';

/** The notice phase's workflow (`<case number>:notice`). */
export function caseNotice(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerCaseClockHandlers(c);
      registerNoticeHandlers(c);
      registerEServiceHandler(c);
    },
    over: (c) => c.stage !== 'notice',
  });
}
