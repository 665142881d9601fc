// Starting a case workflow: one place for the registration route, the report track of an intake and the
// clue a complaint's mediation turns up. The case number is allocated with the idempotency key, so a retry
// starts nothing twice; the rule pack of the unit's province is resolved now and recorded with the case.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { yearOf } from '../../schema/values/dates.js';
import type { Db } from '../../platform/db.js';
import type { CaseInput, RegisterClue } from '../../schema/case.js';
import type { Actor } from '../../schema/roles.js';
import { CASE_WORKFLOW_TYPE, PHASE_MEMO, phaseWorkflowId } from '../../workflows/case/messages.js';
import { CaseStageKey, CaseUnitKey, OverdueKey } from '../../schema/search-attributes.js';
import { allocateCaseNumber, requestHash } from '../../services/case-numbers.js';
import { resolveRulePack } from '../../services/rule-packs.js';
import { calendarFromDb } from '../../services/calendar/load.js';
import { matterCalendar } from '../../domain/calendar/sources.js';
import { requireEngine } from './engine.js';

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
  await requireEngine(deps.temporal);
  const { caseNumber, reused } = await allocateCaseNumber(deps.db, {
    idempotencyKey: req.idempotencyKey,
    unitId: req.unitId,
    year: yearOf(req.today),
    requestHash: requestHash(req.report ? { clue: req.clue, report: req.report } : req.clue),
  });
  // The calendar as loaded now, for the years the case counts in (from the year of its clue, as the workflow would
  // load it): the case's first phase counts with it instead of loading it with an activity of its own.
  const [rulePack, calendar] = await Promise.all([
    resolveRulePack(deps.db, req.unitId),
    calendarFromDb(deps.db),
  ]);
  const input: CaseInput = {
    caseNumber,
    unitId: req.unitId,
    clue: req.clue,
    registeredBy: req.actor,
    warnBefore: [...rulePack.content.reminders.warnBeforeWD],
    rulePack,
    calendar: matterCalendar(calendar, yearOf(req.clue.discoveredOn)),
    ...(req.report ? { report: req.report } : {}),
  };
  try {
    await deps.temporal.workflow.start(CASE_WORKFLOW_TYPE, {
      workflowId: caseNumber,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      // Commands find the phase in the memo; the first one is known before the workflow runs.
      memo: { [PHASE_MEMO]: phaseWorkflowId(caseNumber, 'filing') },
      typedSearchAttributes: [
        { key: CaseStageKey, value: 'filing' },
        { key: CaseUnitKey, value: req.unitId },
        { key: OverdueKey, value: false },
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await projectRegistration(deps.db, {
    number: caseNumber,
    kind: 'case',
    unitId: req.unitId,
    stage: 'filing',
    source: req.clue.source,
    respondent: req.clue.respondent,
    summary: req.clue.summary,
    discoveredOn: req.clue.discoveredOn,
    rulePack: rulePack.ref,
    createdBy: req.actor.id,
  });
  return { caseNumber, reused };
}

/** Once its workflow has started, a new matter is in the list at once (its first step, a moment later, fills in
 * the rest), so a command sent right after registering finds it. Never overwrites what the workflow wrote. */
export async function projectRegistration(
  db: Db,
  m: {
    number: string;
    kind: 'case' | 'complaint' | 'listing';
    unitId: string;
    stage: string;
    source: string;
    respondent: object;
    summary: string;
    discoveredOn: string;
    rulePack: string;
    createdBy: string;
  },
): Promise<void> {
  const now = new Date();
  await db.case.createMany({
    data: [{ ...m, status: 'open', overdue: false, createdAt: now, updatedAt: now }],
    skipDuplicates: true,
  });
}
