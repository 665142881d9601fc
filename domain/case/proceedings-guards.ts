// Who may do what, when, between the investigation and the served decision (docs/rules.md: review gates,
// notice and defence, hearing, decision and service). Pure, like guards.ts: a guard returns a refusal or
// undefined, and the workflow's update validators call them.
import type { IsoDate } from '../../schema/values/dates.js';
import type {
  DecideCase,
  PostponeHearing,
  RecordHearing,
  ScheduleHearing,
  ServeDecision,
} from '../../schema/decision.js';
import type { Refusal } from '../../schema/errors.js';
import type { OfficerRef } from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import { findExemption } from '../rules/packs/merge.js';
import {
  checkEventDate,
  requireRole,
  requireStage,
  requireUnit,
  checkHeads,
  checkHearingChair,
  checkHold,
  checkInTime,
  checkTeam,
  type CaseFacts,
} from './guards.js';
import { collectiveReasons, exceedsNotified } from './proceedings.js';

type Check = Refusal | undefined;

/** Lists a command adds to: at most this many entries each (defences, postponements). */
export const PROCEEDINGS_LIST_MAX = 10;

const role = requireRole;
const unit = requireUnit;
const stage = requireStage;
const head = (c: CaseFacts, actor: Actor) => role(actor, 'agency_head') ?? unit(actor, c);
const proceedings = (c: CaseFacts) => c.proceedings ?? undefined;
const missing: Refusal = { code: 'STAGE_NOT_ALLOWED', detail: 'no proceedings' };

/** A reviewer of the unit's review office who never investigated the case (docs/rules.md, "Roles"). */
function reviewer(c: CaseFacts, actor: Actor, ref: OfficerRef | undefined): Check {
  const r = role(actor, 'legal_reviewer') ?? unit(actor, c) ?? stage(c, 'review');
  if (r) return r;
  if (!ref || ref.id !== actor.id) return { code: 'NOT_FOUND', detail: 'reviewer' };
  return c.investigation?.investigators.includes(actor.id)
    ? { code: 'REVIEWER_INVESTIGATED', detail: actor.id }
    : undefined;
}

/** 案件审核: once per round, by a legal reviewer who did not investigate the case. */
export function checkCaseReview(c: CaseFacts, actor: Actor, ref: OfficerRef | undefined): Check {
  const p = proceedings(c);
  return (
    reviewer(c, actor, ref) ??
    (!p ? missing : p.caseReview ? { code: 'REVIEW_DONE', detail: 'case' } : undefined)
  );
}

/** 法制审核 (APL 58): as above, and the reviewer holds the legal professional qualification. */
export function checkLegalReview(c: CaseFacts, actor: Actor, ref: OfficerRef | undefined): Check {
  const p = proceedings(c);
  const r = reviewer(c, actor, ref) ?? (!p ? missing : undefined);
  if (r) return r;
  if (!ref?.legalQualified) return { code: 'LEGAL_QUALIFICATION_MISSING', detail: actor.id };
  return p!.legalReview.record ? { code: 'REVIEW_DONE', detail: 'legal' } : undefined;
}

/** The head extends the case review once, before it runs out. */
export function checkExtendCaseReview(c: CaseFacts, actor: Actor): Check {
  const p = proceedings(c);
  const r = head(c, actor) ?? stage(c, 'review') ?? (!p ? missing : undefined);
  if (r) return r;
  if (p!.caseReview) return { code: 'REVIEW_DONE', detail: 'case' };
  if (p!.caseReviewExtended) return { code: 'EXTENSION_USED', detail: 'case review' };
  if (!c.caseReviewDueOn) return { code: 'STAGE_NOT_ALLOWED', detail: 'no case review clock' };
  return checkInTime(c.today, c.caseReviewDueOn);
}

/** Officers record that the pre-penalty notice reached the party (once). */
export function checkServeNotice(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  on: IsoDate,
  byPublicNotice = false,
): Check {
  const p = proceedings(c);
  const r = checkTeam(c, actor, team) ?? stage(c, 'notice') ?? (!p ? missing : undefined);
  if (r) return r;
  if (p!.notice) return { code: 'STAGE_NOT_ALLOWED', detail: 'notice already served' };
  // A public notice's 30 CD are not counted on the case clock: the pause must fit it.
  return (
    checkEventDate(on, c.today, p!.caseReview?.on ?? p!.receivedOn) ??
    (byPublicNotice ? checkHold(c, on) : undefined)
  );
}

/** While the party's 5 WD run: a defence, a hearing request or a waiver, dated not before the notice reached it
 * and (a hearing request) not after the period. */
export function checkDefenceStep(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  on: IsoDate,
  kind: 'defence' | 'hearing' | 'waiver',
): Check {
  const n = proceedings(c)?.notice;
  const r =
    checkTeam(c, actor, team) ??
    stage(c, 'notice') ??
    (!n ? { code: 'STAGE_NOT_ALLOWED', detail: 'no notice served' } : undefined);
  if (r) return r;
  if (n!.ended) return { code: 'DEFENCE_PERIOD_OVER', detail: n!.ended };
  const date = checkEventDate(on, c.today, n!.service.on);
  if (date) return date;
  if (kind === 'defence' && n!.defences.length >= PROCEEDINGS_LIST_MAX)
    return { code: 'LIST_FULL', detail: `defences ≤ ${PROCEEDINGS_LIST_MAX}` };
  if (kind === 'hearing') {
    if (!n!.hearingRight) return { code: 'NO_HEARING_RIGHT' };
    if (c.defenceDueOn && on > c.defenceDueOn) return { code: 'DEFENCE_PERIOD_OVER', detail: c.defenceDueOn };
    return checkHold(c, on); // the hearing is not counted on the case clock from the request
  }
  return undefined;
}

/** The chair (never an investigator of the case) and a hearing date at least 7 WD after the notice reached the
 * party (APL 64). */
function hearingDate(
  c: CaseFacts,
  chair: OfficerRef | undefined,
  noticeOn: IsoDate,
  hearingOn: IsoDate,
): Check {
  if (chair) {
    if (chair.unitId !== c.unitId) return { code: 'FORBIDDEN_UNIT', detail: `${chair.id}: chair` };
    const r = checkHearingChair(c, chair);
    if (r) return r;
  }
  const earliest = c.earliestHearingOn?.(noticeOn);
  return earliest && hearingOn < earliest
    ? { code: 'HEARING_NOTICE_TOO_LATE', detail: `${hearingOn} < ${earliest}` }
    : undefined;
}

export function checkScheduleHearing(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  chair: OfficerRef | undefined,
  cmd: ScheduleHearing,
): Check {
  const h = proceedings(c)?.hearing;
  const r = checkTeam(c, actor, team) ?? stage(c, 'hearing') ?? (!h ? missing : undefined);
  if (r) return r;
  if (!chair) return { code: 'NOT_FOUND', detail: 'chairId' };
  if (h!.hearingOn) return { code: 'STAGE_NOT_ALLOWED', detail: 'hearing already scheduled' };
  return (
    checkEventDate(cmd.notice.on, c.today, h!.requestedOn) ??
    hearingDate(c, chair, cmd.notice.on, cmd.hearingOn)
  );
}

/** A step on a scheduled hearing: by the officers, in the hearing stage, once its date is set. */
function scheduled(c: CaseFacts, actor: Actor, team: OfficerRef[]): Check {
  return (
    checkTeam(c, actor, team) ??
    stage(c, 'hearing') ??
    (proceedings(c)?.hearing?.hearingOn
      ? undefined
      : { code: 'STAGE_NOT_ALLOWED', detail: 'no hearing scheduled' })
  );
}

export function checkPostponeHearing(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: PostponeHearing,
): Check {
  const h = proceedings(c)?.hearing;
  const r = scheduled(c, actor, team);
  if (r) return r;
  if (h!.postponements.length >= PROCEEDINGS_LIST_MAX) return { code: 'LIST_FULL', detail: 'postponements' };
  if (cmd.hearingOn <= h!.hearingOn!)
    return { code: 'VALIDATION_FAILED', detail: `hearingOn: ${cmd.hearingOn} ≤ ${h!.hearingOn}` };
  return (
    checkEventDate(cmd.notice.on, c.today, h!.notices.at(-1)?.on) ??
    hearingDate(c, undefined, cmd.notice.on, cmd.hearingOn)
  );
}

/** The hearing held on or after its date, or the party did not come. */
export function checkRecordHearing(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: RecordHearing,
): Check {
  const h = proceedings(c)?.hearing;
  return (
    scheduled(c, actor, team) ??
    checkEventDate(cmd.outcome === 'held' ? cmd.heldOn : cmd.on, c.today, h!.hearingOn!)
  );
}

/**
 * The decision: by a head of the unit; after an approving legal review where it is required; by a collective
 * discussion of enough heads where the rules call for one; never more than the party was notified of, and no
 * penalty without a notice.
 */
export function checkDecide(c: CaseFacts, actor: Actor, participants: OfficerRef[], cmd: DecideCase): Check {
  const p = proceedings(c);
  const r = head(c, actor) ?? stage(c, 'decision') ?? (!p ? missing : undefined);
  if (r) return r;
  if (p!.legalReview.required && p!.legalReview.record?.result !== 'approve')
    return { code: 'LEGAL_REVIEW_MISSING' };
  if (cmd.outcome.kind === 'penalty' && !p!.notice) return { code: 'NOTICE_REQUIRED' };
  const over = p!.notice ? exceedsNotified(p!.proposal.outcome, cmd.outcome) : undefined;
  if (over) return { code: 'PENALTY_EXCEEDS_NOTICE', detail: over };
  if (cmd.outcome.kind === 'no_penalty' && cmd.outcome.exemption && c.pack) {
    const { listId, itemId } = cmd.outcome.exemption;
    if (!findExemption(c.pack, listId, itemId))
      return { code: 'EXEMPTION_UNKNOWN', detail: `${listId}/${itemId}` };
  }
  const needed = c.pack ? collectiveReasons(c.pack, cmd.outcome, p!.proposal.complex) : [];
  if (!cmd.collective)
    return needed.length ? { code: 'COLLECTIVE_DISCUSSION_REQUIRED', detail: needed.join(', ') } : undefined;
  const date = checkEventDate(cmd.collective.heldOn, c.today, p!.receivedOn);
  if (date) return date;
  return checkHeads(c, actor, participants, cmd.collective.participants);
}

/** The party's consent to electronic service, recorded by officers at any point before service. */
export function checkEServiceConsent(c: CaseFacts, actor: Actor, team: OfficerRef[], on: IsoDate): Check {
  const p = proceedings(c);
  return (
    checkTeam(c, actor, team) ??
    stage(c, 'review', 'notice', 'hearing', 'decision', 'service') ??
    (!p ? missing : checkEventDate(on, c.today, p.receivedOn))
  );
}

/** The decision served: once, not before it was taken; electronically only with the party's consent. */
export function checkServeDecision(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: ServeDecision,
): Check {
  const p = proceedings(c);
  const r = checkTeam(c, actor, team) ?? stage(c, 'service') ?? (!p?.decision ? missing : undefined);
  if (r) return r;
  if (p!.service) return { code: 'STAGE_NOT_ALLOWED', detail: 'already served' };
  if (cmd.service.method === 'electronic' && !p!.eServiceConsent) return { code: 'ESERVICE_NO_CONSENT' };
  return checkEventDate(cmd.service.on, c.today, p!.decision!.on);
}
