// Starting a credit listing's workflow (an officer's proposal). A serious listing must rest on a served penalty
// decision of the officer's unit against the same entity; the approving unit (one level up, or the unit itself)
// is resolved now from the rule pack and recorded with the listing. Nothing starts until the proposal is known
// to be good: the number is allocated with the idempotency key, so a retry starts nothing twice.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { approvingUnitOf } from '../../domain/credit/listing.js';
import { creditSettings } from '../../domain/rules/packs/merge.js';
import type { Db } from '../../platform/db.js';
import { LISTING_SERIES, type ListingInput, type ProposeListing } from '../../schema/credit-list.js';
import type { CaseOutcome } from '../../schema/case.js';
import type { Actor } from '../../schema/roles.js';
import { yearOf } from '../../schema/values/dates.js';
import { allocateCaseNumber, requestHash } from '../../services/case-numbers.js';
import { resolveRulePack } from '../../services/rule-packs.js';
import { LISTING_WORKFLOW_TYPE } from '../../workflows/listing/messages.js';
import { AppError } from '../errors.js';
import { requireEngine } from './engine.js';
import { projectRegistration } from './start-case.js';

/** A serious listing's case: this unit's, its decision served (and not annulled), against the same entity. */
async function checkCase(db: Db, unitId: string, p: Extract<ProposeListing, { list: 'serious' }>) {
  const c = await db.case.findUnique({ where: { number: p.caseNumber } });
  const outcome = (c?.details as { outcome?: CaseOutcome | null } | null)?.outcome;
  const served =
    c?.stage === 'served' || (c?.stage === 'closed' && outcome?.kind === 'decided' && !outcome.annulled);
  const uscc = (c?.respondent as { uscc?: string } | undefined)?.uscc;
  const ok = c?.kind === 'case' && c.unitId === unitId && served && (!uscc || uscc === p.entity.uscc);
  if (!ok) throw new AppError('LISTING_CASE_INVALID', [{ path: 'body.caseNumber', message: p.caseNumber }]);
}

export async function startListing(
  deps: { db: Db; temporal: Client; taskQueue: string },
  req: { idempotencyKey: string; actor: Actor; proposal: ProposeListing; today: string },
): Promise<{ number: string; reused: boolean }> {
  const { db, temporal } = deps;
  const p = req.proposal;
  if (p.foundOn > req.today)
    throw new AppError('DATE_IN_FUTURE', [{ path: 'body.foundOn', message: `> ${req.today}` }]);
  if (p.list === 'serious') await checkCase(db, req.actor.unitId, p);
  await requireEngine(temporal);
  const unit = await db.unit.findUniqueOrThrow({ where: { id: req.actor.unitId } });
  const rulePack = await resolveRulePack(db, unit.id);
  const { caseNumber: number, reused } = await allocateCaseNumber(db, {
    idempotencyKey: req.idempotencyKey,
    unitId: unit.id,
    year: yearOf(req.today),
    requestHash: requestHash({ listing: p }),
    series: LISTING_SERIES,
  });
  const input: ListingInput = {
    listingNumber: number,
    unitId: unit.id,
    approvingUnitId: approvingUnitOf(unit, creditSettings(rulePack.content).seriousApprovalOneLevelUp),
    proposal: p,
    proposedBy: req.actor,
    warnBefore: [...rulePack.content.reminders.warnBeforeWD],
    rulePack: rulePack.ref,
  };
  try {
    await temporal.workflow.start(LISTING_WORKFLOW_TYPE, {
      workflowId: number,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await projectRegistration(db, {
    number,
    kind: 'listing',
    unitId: unit.id,
    stage: 'proposed',
    source: `credit_${p.list}`,
    respondent: p.entity,
    summary: p.facts.slice(0, 200),
    discoveredOn: p.foundOn,
    rulePack: rulePack.ref,
    createdBy: req.actor.id,
  });
  return { number, reused };
}
