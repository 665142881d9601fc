// The case's workflow: one per case, workflow ID = case number. It reads like the procedure: each phase runs as
// a child workflow (`<case number>:<phase>`) that takes the phase's commands, runs its clocks and hands the case
// back as data; this workflow starts the phases in order and skips those the case does not reach.
import {
  continueAsNew,
  executeChild,
  patched,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseInput, CaseView } from '../../schema/case.js';
import { CaseStageKey } from '../../schema/search-attributes.js';
import { casePhaseQuery, PHASE_MEMO, phaseWorkflowId, type CasePhase } from './messages.js';
import type { PhaseInput } from './phase.js';
import { caseAftercare } from './phases/aftercare.js';
import { caseFiling } from './phases/filing.js';
import { caseInvestigation } from './phases/investigation.js';
import { caseDecision, inDecision } from './phases/decision.js';
import { caseExecution } from './phases/execution.js';
import { casePublicity, owesAfterClosure } from './phases/publicity.js';
import { caseHearing } from './phases/hearing.js';
import { caseNotice } from './phases/notice.js';
import { caseReview } from './phases/review.js';
import { openCase, owesAfterClosing, type CaseState } from './state.js';

/** Where a continued run of the case's workflow picks up. */
export interface CaseCarried {
  state: CaseState;
  /** The phases run, by workflow ID suffix (`investigation`, `review-2` …). */
  done: string[];
  current: string | null;
}

export interface CaseSummary {
  number: string;
  stage: CaseView['stage'];
  status: CaseView['status'];
  outcome: CaseView['outcome'];
}

export async function enforcementCase(input: CaseInput, carried?: CaseCarried): Promise<CaseSummary> {
  let state = carried?.state ?? openCase(input);
  // The calendar given at registration is in the first phase's state; the phases are not given it again.
  const phaseCase: CaseInput = { ...input, calendar: undefined };
  const done = new Set(carried?.done ?? []);
  let current = carried?.current ?? null;
  setHandler(casePhaseQuery, () => current);
  /** Where the case stands (read after each phase: the phases change it). */
  const stage = (): CaseState['stage'] => state.stage;

  async function phase(
    name: CasePhase,
    workflow: (i: PhaseInput) => Promise<CaseState>,
    reached: (s: CaseState) => boolean,
    round = 1,
  ) {
    const id = phaseWorkflowId(input.caseNumber, name, round);
    const key = id.slice(input.caseNumber.length + 1);
    if (done.has(key) || !reached(state)) return;
    if (workflowInfo().continueAsNewSuggested)
      await continueAsNew<typeof enforcementCase>(input, { state, done: [...done], current });
    current = id;
    // The phase is named in the workflow's memo too: the API reads it with a describe, which no worker answers
    // (a query would wake, and after an eviction replay, this workflow for every command).
    if (patched('phase-memo')) upsertMemo({ [PHASE_MEMO]: id });
    state = await executeChild(workflow, { workflowId: current, args: [{ case: phaseCase, state }] });
    done.add(key);
    upsertSearchAttributes([{ key: CaseStageKey, value: state.stage }]);
  }

  // 核查立案: the clue is verified and the head files the case or declines (15 WD); a simplified penalty may
  // end it on the spot.
  await phase('filing', caseFiling, () => true);
  // A decision annulled with a new one ordered sends the served case back to investigation: another pass.
  for (let pass = 1; ; pass++) {
    // 调查取证 ⇄ 审核: the case clock (90 CD) runs; measures, testing, suspension, a transfer; the investigation
    // ends handed to review, terminated or transferred. Review approves (on to the notice) or returns the case
    // to investigation for another round.
    for (let round = 1; ; round++) {
      await phase('investigation', caseInvestigation, (s) => s.stage === 'investigation', round);
      await phase('review', caseReview, (s) => s.stage === 'review', round);
      if (stage() !== 'investigation') break;
    }
    // 告知 → 陈述申辩 (5 WD) → 听证 if requested → 决定 → 送达 (7 WD).
    await phase('notice', caseNotice, (s) => s.stage === 'notice', pass);
    await phase('hearing', caseHearing, (s) => s.stage === 'hearing', pass);
    await phase('decision', caseDecision, inDecision, pass);
    // 执行 (15 CD to pay; demand and court after the appeal windows), 复议/诉讼, 公示 (20 WD) → 结案.
    await phase('execution', caseExecution, (s) => s.stage === 'served', pass);
    if (stage() !== 'investigation') break;
  }
  // After closure: the record shown until its time is over, credit repair, late appeals, the reporter's reward.
  await phase('publicity', casePublicity, owesAfterClosure);
  // What a closed case still owes: the reporter's feedback, the transfer's items, e-mails.
  await phase('aftercare', caseAftercare, owesAfterClosing);
  return {
    number: input.caseNumber,
    stage: state.stage,
    status: state.stage === 'closed' ? 'closed' : 'open',
    outcome: state.outcome,
  };
}
