// The rules of a credit listing (docs/rules.md, "Credit lists"). Pure: who decides a listing and its removal,
// when a removal may be applied for, and the guards the listing workflow's validators (and the API, early)
// call. A refusal leaves the listing unchanged.
import type {
  ApplyRemoval,
  CreditList,
  DecideListing,
  DecideRemoval,
  ListingStage,
} from '../../schema/credit-list.js';
import { LISTING_LIMITS } from '../../schema/credit-list.js';
import type { Refusal } from '../../schema/errors.js';
import type { Actor } from '../../schema/roles.js';
import type { IsoDate } from '../../schema/values/dates.js';

type Check = Refusal | undefined;

/** What the guards need to know of a listing. */
export interface ListingFacts {
  stage: ListingStage;
  /** The list it is on, or proposed for (an escalation proposes the serious list while it is on the abnormal). */
  list: CreditList;
  unitId: string;
  /** Whose head decides serious listings and their removal (one level up, or the unit itself). */
  approvingUnitId: string;
  foundOn: IsoDate;
  listedOn: IsoDate | null;
  /** Serious list: the first day an early removal may be applied for. */
  earliestRemovalOn: IsoDate | null;
  pendingRemoval: { appliedOn: IsoDate } | null;
  removals: number;
  today: IsoDate;
}

/** The unit whose head decides for this list: the abnormal list is the listing unit's own; a serious listing
 * goes one level up where the rule pack says so. */
export const decidingUnit = (f: ListingFacts): string =>
  f.list === 'serious' ? f.approvingUnitId : f.unitId;

/** The unit whose head approves a serious listing: the unit above when the rule pack asks for approval one level
 * up and there is one (a county's or city's office), else the unit itself. */
export function approvingUnitOf(unit: { id: string; parentId: string | null }, oneLevelUp: boolean): string {
  return oneLevelUp && unit.parentId ? unit.parentId : unit.id;
}

function head(f: ListingFacts, actor: Actor): Check {
  if (!actor.roles.includes('agency_head')) return { code: 'FORBIDDEN_ROLE', detail: 'agency_head' };
  const unit = decidingUnit(f);
  return actor.unitId === unit ? undefined : { code: 'LISTING_APPROVAL_ELSEWHERE', detail: unit };
}

function officer(f: ListingFacts, actor: Actor): Check {
  if (!actor.roles.includes('case_officer')) return { code: 'FORBIDDEN_ROLE', detail: 'case_officer' };
  return actor.unitId === f.unitId ? undefined : { code: 'FORBIDDEN_UNIT' };
}

function stage(f: ListingFacts, ...stages: ListingStage[]): Check {
  return stages.includes(f.stage)
    ? undefined
    : { code: 'STAGE_NOT_ALLOWED', detail: `${f.stage} ∉ ${stages.join('|')}` };
}

/** A day that has happened, not before `earliest`. */
function dated(on: IsoDate, today: IsoDate, earliest: IsoDate | null): Check {
  if (on > today) return { code: 'DATE_IN_FUTURE', detail: on };
  if (earliest !== null && on < earliest)
    return { code: 'VALIDATION_FAILED', detail: `on: ${on} < ${earliest}` };
  return undefined;
}

/** 列入决定: the head of the deciding unit, on a proposed listing or an escalation, dated after the finding. */
export function checkDecideListing(f: ListingFacts, actor: Actor, cmd: DecideListing): Check {
  const proposed: CreditList = f.stage === 'escalation' ? 'serious' : f.list;
  return (
    head({ ...f, list: proposed }, actor) ??
    stage(f, 'proposed', 'escalation') ??
    dated(cmd.on, f.today, f.stage === 'escalation' ? f.listedOn : f.foundOn)
  );
}

/** 移出申请: recorded by an officer of the listing unit while the entity is listed, one at a time; early removal
 * from the serious list not before a year on it. */
export function checkApplyRemoval(f: ListingFacts, actor: Actor, cmd: ApplyRemoval): Check {
  const r = officer(f, actor) ?? stage(f, 'listed') ?? dated(cmd.appliedOn, f.today, f.listedOn);
  if (r) return r;
  if (f.pendingRemoval) return { code: 'LISTING_REMOVAL_PENDING', detail: f.pendingRemoval.appliedOn };
  if (f.removals >= LISTING_LIMITS.removals)
    return { code: 'LIST_FULL', detail: `removals ≤ ${LISTING_LIMITS.removals}` };
  if (f.list === 'serious' && f.earliestRemovalOn && cmd.appliedOn < f.earliestRemovalOn)
    return { code: 'LISTING_REMOVAL_TOO_EARLY', detail: f.earliestRemovalOn };
  return undefined;
}

/** 移出决定: the head of the deciding unit, on the pending application (also while an escalation awaits its
 * decision: a removal makes it moot), dated after it. */
export function checkDecideRemoval(f: ListingFacts, actor: Actor, cmd: DecideRemoval): Check {
  const r = head(f, actor) ?? stage(f, 'listed', 'escalation');
  if (r) return r;
  if (!f.pendingRemoval) return { code: 'LISTING_NO_REMOVAL_PENDING' };
  return dated(cmd.on, f.today, f.pendingRemoval.appliedOn);
}
