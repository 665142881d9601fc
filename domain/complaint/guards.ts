// Who may do what, when, in a complaint: the state-machine guards. Pure; the workflow's update validators call
// them, and the API calls them first on the projection for an early answer. A guard returns a refusal or
// undefined. Every step is the complaint handler’s (intake, acceptance, mediation).
import type {
  ComplaintStage,
  DecideAcceptance,
  EndMediation,
  StartMediation,
  TransferJurisdiction,
} from '../../schema/complaint.js';
import type { Refusal } from '../../schema/errors.js';
import type { Actor } from '../../schema/roles.js';

export interface ComplaintFacts {
  stage: ComplaintStage;
  unitId: string;
  mediationPaused: boolean;
  /** The office this complaint was transferred from, if any. */
  transferredFromUnitId?: string;
}

/** A complaint handler of the complaint's own unit (the unit above sees it, but does not handle it). */
function requireHandler(c: ComplaintFacts, actor: Actor): Refusal | undefined {
  if (!actor.roles.includes('complaint_handler'))
    return { code: 'FORBIDDEN_ROLE', detail: 'complaint_handler' };
  return actor.unitId === c.unitId ? undefined : { code: 'FORBIDDEN_UNIT' };
}

function requireStage(c: ComplaintFacts, ...stages: ComplaintStage[]): Refusal | undefined {
  return stages.includes(c.stage)
    ? undefined
    : { code: 'STAGE_NOT_ALLOWED', detail: `${c.stage} ∉ {${stages.join(', ')}}` };
}

/** Accept or reject within 7 WD of receipt (CRM 14–15); not accepting names a ground and explains it. */
export function checkDecideAcceptance(
  c: ComplaintFacts,
  actor: Actor,
  d?: DecideAcceptance,
): Refusal | undefined {
  return (
    requireHandler(c, actor) ??
    requireStage(c, 'acceptance') ??
    (d && !d.accept && !(d.ground && d.explanation)
      ? { code: 'VALIDATION_FAILED', detail: 'ground and explanation' }
      : undefined)
  );
}

/** Before acceptance, to another office. A complaint forwarded here may only go back where it came from: an
 * office without authority sends it back, never onward itself (CRM 36–37). */
export function checkTransfer(c: ComplaintFacts, actor: Actor, t: TransferJurisdiction): Refusal | undefined {
  return (
    requireHandler(c, actor) ??
    requireStage(c, 'acceptance') ??
    (t.toUnitId === c.unitId ? { code: 'TRANSFER_TARGET_INVALID', detail: 'same unit' } : undefined) ??
    (c.transferredFromUnitId !== undefined && t.toUnitId !== c.transferredFromUnitId
      ? { code: 'TRANSFER_TARGET_INVALID', detail: `CRM 37: back to ${c.transferredFromUnitId} only` }
      : undefined)
  );
}

/** Mediation needs both parties' consent (CRM 16–21). */
export function checkStartMediation(c: ComplaintFacts, actor: Actor, m: StartMediation): Refusal | undefined {
  return (
    requireHandler(c, actor) ??
    requireStage(c, 'accepted') ??
    (m.complainantConsents && m.respondentConsents ? undefined : { code: 'MEDIATION_CONSENT_REQUIRED' })
  );
}

/** Testing or appraisal stops the mediation period (CRM 16–21). */
export function checkPauseMediation(c: ComplaintFacts, actor: Actor): Refusal | undefined {
  return (
    requireHandler(c, actor) ??
    requireStage(c, 'mediation') ??
    (c.mediationPaused ? { code: 'MEDIATION_ALREADY_PAUSED' } : undefined)
  );
}

export function checkResumeMediation(c: ComplaintFacts, actor: Actor): Refusal | undefined {
  return (
    requireHandler(c, actor) ??
    requireStage(c, 'mediation') ??
    (c.mediationPaused ? undefined : { code: 'MEDIATION_NOT_PAUSED' })
  );
}

/** Mediation ends; a complaint accepted but never mediated ends too (a party refused, withdrew, did not come),
 * but not with an agreement. */
export function checkEndMediation(c: ComplaintFacts, actor: Actor, e: EndMediation): Refusal | undefined {
  return (
    requireHandler(c, actor) ??
    requireStage(c, 'accepted', 'mediation') ??
    (c.stage === 'accepted' && e.outcome === 'agreement'
      ? { code: 'STAGE_NOT_ALLOWED', detail: 'no agreement without mediation' }
      : undefined)
  );
}

/** Both parties told within 7 WD of the end of mediation (CRM 16–21). */
export function checkRecordPartiesNotified(c: ComplaintFacts, actor: Actor): Refusal | undefined {
  return requireHandler(c, actor) ?? requireStage(c, 'notification');
}

/** A violation found during mediation or after acceptance becomes a clue (CRM 23). */
export function checkReportViolation(c: ComplaintFacts, actor: Actor): Refusal | undefined {
  return requireHandler(c, actor) ?? requireStage(c, 'accepted', 'mediation', 'notification');
}
