// Starting a case workflow: one place for the registration route, the report track of an intake and the
// clue a complaint's mediation turns up. The case number is allocated with the idempotency key, so a retry
// starts nothing twice; the rule pack of the unit's province is resolved now and recorded with the case.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { yearOf } from '../../domain/calendar/dates.js';
import type { Db } from '../../platform/db.js';
import type { CaseInput, RegisterClue } from '../../schema/case.js';
import type { Actor } from '../../schema/roles.js';
import { CASE_WORKFLOW_TYPE } from '../../workflows/case/messages.js';
import { CaseStageKey, CaseUnitKey, OverdueKey } from '../../workflows/case/search-attributes.js';
import { allocateCaseNumber, requestHash } from './case-numbers.js';
import { resolveRulePack } from './rule-packs.js';

export interface StartCaseRequest {
  /** Unique per logical registration (e.g. "<user>:<Idempotency-Key>"). */
  idempotencyKey: string;
  actor: Actor;
  unitId: string;
  clue: RegisterClue;
  today: string;
  report?: CaseInput['report'];
}

export async function startCase(
  deps: { db: Db; temporal: Client; taskQueue: string },
  req: StartCaseRequest,
): Promise<{ caseNumber: string; reused: boolean }> {
  const { caseNumber, reused } = await allocateCaseNumber(deps.db, {
    idempotencyKey: req.idempotencyKey,
    unitId: req.unitId,
    year: yearOf(req.today),
    requestHash: requestHash(req.report ? { clue: req.clue, report: req.report } : req.clue),
  });
  const rulePack = await resolveRulePack(deps.db, req.unitId);
  const input: CaseInput = {
    caseNumber,
    unitId: req.unitId,
    clue: req.clue,
    registeredBy: req.actor,
    warnBefore: [...rulePack.content.reminders.warnBeforeWD],
    rulePack,
    ...(req.report ? { report: req.report } : {}),
  };
  try {
    await deps.temporal.workflow.start(CASE_WORKFLOW_TYPE, {
      workflowId: caseNumber,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CaseStageKey, value: 'filing' },
        { key: CaseUnitKey, value: req.unitId },
        { key: OverdueKey, value: false },
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { caseNumber, reused };
}
