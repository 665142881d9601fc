// 案件审核 and 法制审核 (docs/rules.md, review gates): the review office checks the investigation within 10 WD;
// legal review where it is required. Approved, the case goes on to the notice (or to the decision, when no
// penalty is proposed); returned, back to investigation for another round. The case clock keeps running, and the
// head may still extend it.
import { patched } from '@temporalio/workflow';
import { registerCaseClockHandlers } from '../investigation/case-clock.js';
import { runPhase, type PhaseInput } from '../phase.js';
import { openReview, registerReviewHandlers } from '../proceedings/review.js';
import { registerEServiceHandler } from '../proceedings/decision.js';
import type { CaseState } from '../state.js';

/** The review phase's workflow (`<case number>:review`, later rounds `:review-<n>`). */
export function caseReview(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerCaseClockHandlers(c);
      registerReviewHandlers(c);
      registerEServiceHandler(c);
    },
    // Review phases that began before the review gates existed only wait, as they did.
    open: async (c) => {
      if (patched('review-gates')) await openReview(c);
    },
    over: (c) => c.stage !== 'review',
  });
}
