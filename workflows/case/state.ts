// A case as plain data: what one phase's workflow hands to the next (as its result and the next one's input)
// and to its own next run (continue-as-new). Nothing in it is a closure or a class.
import { emptyInvestigation, type InvestigationState } from '../../domain/case/investigation-state.js';
import type { CaseInput, CaseStage, CaseView } from '../../schema/case.js';
import type { MatterState } from '../matter/matter-context.js';
import type { CommandResult } from '../../schema/common.js';
import type { ProceedingsView } from '../../schema/decision.js';
import type { ExecutionView } from '../../schema/execution.js';

export interface CaseState {
  stage: CaseStage;
  filing: CaseView['filing'];
  investigation: InvestigationState;
  outcome: CaseView['outcome'];
  report: CaseView['report'];
  /** From the hand-over to review on (absent in states handed over before it existed). */
  proceedings?: ProceedingsView | null;
  /** From the served decision on (absent in states handed over before it existed). */
  execution?: ExecutionView | null;
  matter: MatterState;
  /** The last commands' Update IDs and answers (at most ANSWERS_KEPT): Temporal deduplicates an Update ID within
   * one run; these carry that across runs and phases, so a retried request is applied once. */
  answers?: { id: string; result: CommandResult }[];
}

export const ANSWERS_KEPT = 100;

export function openCase(input: CaseInput): CaseState {
  return {
    stage: 'filing',
    filing: { extensions: 0, decision: null },
    investigation: emptyInvestigation(),
    outcome: null,
    report: input.report
      ? { submissionId: input.report.submissionId, realName: input.report.realName, feedback: null }
      : null,
    matter: {
      seq: 0,
      createdAt: new Date(Date.now()).toISOString(),
      clocks: [],
      projected: {},
      mail: [],
      // Given at registration: the first phase counts with it (no activity to load it).
      ...(input.calendar ? { calendar: input.calendar } : {}),
    },
  };
}

/** A real-name reporter has been told of the filing decision (or none is due). */
export const reportFeedbackSettled = (s: Pick<CaseState, 'report' | 'filing'>) =>
  !s.report?.realName || s.report.feedback !== null || !s.filing.decision;

/** Nothing left to hand to the police: no transfer accepted, or its items handed over. */
export function transferItemsSettled(s: Pick<CaseState, 'investigation'>): boolean {
  const items = s.investigation.transfer?.items;
  return !items || items.handedOverOn !== undefined;
}

/** A closed case still owes something: the reporter's feedback, the transfer's items, e-mails not yet sent. */
export const owesAfterClosing = (s: CaseState) =>
  !reportFeedbackSettled(s) || !transferItemsSettled(s) || s.matter.mail.length > 0;
