// Who may do what, when: the state-machine guards of a case. Pure; the workflow's update validators call them
// (and the API may call them first, for an early answer). A guard returns a refusal or undefined.
import { addYears, type IsoDate } from '../../schema/values/dates.js';
import { findExemption, partyAmount } from '../rules/packs/merge.js';
import { collectiveMinHeads, DEFAULT_COLLECTIVE_MIN_HEADS } from './proceedings.js';
import { CASE_EXTENSION_BY_HEAD, FILING_EXTENSION, LIMITATION, SEIZURE_EXTENSION } from '../rules/periods.js';
import type { Actor, Role } from '../../schema/roles.js';
import type { CaseStage, DecideFiling, RegisterClue } from '../../schema/case.js';
import type { Refusal } from '../../schema/errors.js';
import type {
  FinishTesting,
  InvestigationView,
  OfficerRef,
  OnTheSpotDecision,
  RecordAssistanceReply,
  RecordTransferStep,
  StartTesting,
  TransferStatus,
} from '../../schema/investigation.js';
import type { RulePackContent } from '../../schema/rule-pack.js';
import type { ProceedingsView } from '../../schema/decision.js';

export interface CaseFacts {
  stage: CaseStage;
  unitId: string;
  filingExtensions: number;
  investigation?: InvestigationView;
  pack?: RulePackContent;
  clue?: RegisterClue;
  /** The case clock exists (the case was filed after it was introduced) and has not stopped. */
  caseClockRunning?: boolean;
  /** Today in China (the command's time), and the due dates an extension must come before. */
  today: IsoDate;
  filingDueOn?: IsoDate;
  caseDueOn?: IsoDate;
  measureDueOn?: (measureId: string) => IsoDate | undefined;
  /** Why a pause beginning on `from` could not hold the clocks it would pause (the case's, or the filing clock
   * before filing, and the named seizures'), if it could not. */
  holdClash?: (from: IsoDate, seizureIds: string[]) => string | undefined;
  /** From the hand-over to review on: the review, notice, hearing, decision and service (proceedings-guards.ts). */
  proceedings?: ProceedingsView | null;
  caseReviewDueOn?: IsoDate;
  defenceDueOn?: IsoDate;
  /** The earliest hearing day for a notice that reached the party on `noticeOn` (7 WD later, APL 64). */
  earliestHearingOn?: (noticeOn: IsoDate) => IsoDate;
}

type Check = Refusal | undefined;

export function requireRole(actor: Actor, role: Role): Check {
  return actor.roles.includes(role) ? undefined : { code: 'FORBIDDEN_ROLE', detail: role };
}

/** Commands act on their own unit's cases only. (Reading reaches the units below.) */
export function requireUnit(actor: Actor, c: CaseFacts): Check {
  return actor.unitId === c.unitId ? undefined : { code: 'FORBIDDEN_UNIT' };
}

export function requireStage(c: CaseFacts, ...stages: CaseStage[]): Check {
  return stages.includes(c.stage)
    ? undefined
    : { code: 'STAGE_NOT_ALLOWED', detail: `${c.stage} ∉ ${stages.join('|')}` };
}

const head = (c: CaseFacts, actor: Actor) => requireRole(actor, 'agency_head') ?? requireUnit(actor, c);

/** The date of an event a command reports: not after today, not before `earliest` (the case's start, a clock's
 * start, the start of what it ends). */
export function checkEventDate(on: IsoDate | undefined, today: IsoDate, earliest?: IsoDate): Check {
  if (on === undefined) return undefined;
  if (on > today) return { code: 'DATE_IN_FUTURE', detail: on };
  if (earliest !== undefined && on < earliest)
    return { code: 'VALIDATION_FAILED', detail: `on: ${on} < ${earliest}` };
  return undefined;
}

/** An extension must be granted before the period runs out: after its last day it is a procedural defect. */
export function checkInTime(today: IsoDate, dueOn: IsoDate | undefined): Check {
  return dueOn !== undefined && today > dueOn ? { code: 'PERIOD_EXPIRED', detail: dueOn } : undefined;
}

// ——— filing (docs/rules.md) ———

/** When the limitation period of the clue's violation ends (APL 36), if the clue says when it ended. */
export function limitationOf(clue: RegisterClue | undefined) {
  if (!clue?.violationEndedOn) return null;
  const years = clue.seriousHarm ? LIMITATION.yearsSeriousHarm : LIMITATION.years;
  const expiresOn = addYears(clue.violationEndedOn, years);
  return { expiresOn, years, expired: clue.discoveredOn > expiresOn, rule: LIMITATION.rule };
}

/** The agency head of the case's unit decides on filing (docs/rules.md). */
export function checkDecideFiling(c: CaseFacts, actor: Actor, cmd?: DecideFiling): Check {
  const basic = head(c, actor) ?? requireStage(c, 'filing');
  if (basic || !cmd) return basic;
  if (cmd.decision === 'decline' && transferPending(c)) return transferPending(c);
  if (cmd.decision === 'file' && limitationOf(c.clue)?.expired && !cmd.limitationOverride)
    return { code: 'LIMITATION_EXPIRED', detail: limitationOf(c.clue)!.expiresOn };
  if (cmd.decision === 'decline' && cmd.exemption && c.pack) {
    if (!findExemption(c.pack, cmd.exemption.listId, cmd.exemption.itemId))
      return { code: 'EXEMPTION_UNKNOWN', detail: `${cmd.exemption.listId}/${cmd.exemption.itemId}` };
  }
  return undefined;
}

/** The head may extend the filing period, once (docs/rules.md). */
export function checkExtendFiling(c: CaseFacts, actor: Actor): Check {
  return (
    checkDecideFiling(c, actor) ??
    (c.filingExtensions >= FILING_EXTENSION.maxTimes ? { code: 'EXTENSION_USED' } : undefined) ??
    checkInTime(c.today, c.filingDueOn)
  );
}

// ——— investigation (docs/rules.md) ———

/** At least two distinct certified officers of the case's unit, the actor among them (APL 42); never the
 * case's reviewer (docs/rules.md: the reviewer is never an investigator). */
export function checkTeam(c: CaseFacts, actor: Actor, team: OfficerRef[]): Check {
  const r = requireRole(actor, 'case_officer') ?? requireUnit(actor, c);
  if (r) return r;
  const ids = new Set(team.map((o) => o.id));
  if (ids.size < 2 || ids.size !== team.length) return { code: 'TEAM_TOO_SMALL' };
  if (!ids.has(actor.id)) return { code: 'ACTOR_NOT_IN_TEAM' };
  const bad = team.find(
    (o) => !o.roles.includes('case_officer') || !o.certificateNo || o.unitId !== c.unitId,
  );
  if (bad) return { code: 'OFFICER_NOT_CERTIFIED', detail: bad.id };
  const reviewer = c.investigation?.reviewerId;
  if (reviewer && ids.has(reviewer)) return { code: 'REVIEWER_INVESTIGATED', detail: reviewer };
  return undefined;
}

const notSuspended = (c: CaseFacts): Check =>
  c.investigation?.suspension ? { code: 'CASE_SUSPENDED' } : undefined;

/** An investigation step by officers: the investigation stage, not suspended, a proper team. */
export function checkInvestigationStep(c: CaseFacts, actor: Actor, team: OfficerRef[]): Check {
  return checkTeam(c, actor, team) ?? requireStage(c, 'investigation') ?? notSuspended(c);
}

/** A step that records what happened (a reply, a result, a transfer step) or starts a test: during verification
 * too (a test then pauses the filing period), and also while suspended. */
export function checkRecordingStep(c: CaseFacts, actor: Actor, team: OfficerRef[]): Check {
  return checkTeam(c, actor, team) ?? requireStage(c, 'filing', 'investigation');
}

export function checkResume(c: CaseFacts, actor: Actor, team: OfficerRef[]): Check {
  return (
    checkTeam(c, actor, team) ??
    requireStage(c, 'investigation') ??
    (c.investigation?.suspension ? undefined : { code: 'CASE_NOT_SUSPENDED' })
  );
}

/** The head decides on a pending request of the case's officers; a criminal transfer, the principal head. */
export function checkDecideApproval(c: CaseFacts, actor: Actor, approvalId: string): Check {
  const r = head(c, actor) ?? requireStage(c, 'filing', 'investigation');
  if (r) return r;
  const a = c.investigation?.approvals.find((x) => x.id === approvalId);
  if (a?.status !== 'pending') return { code: 'APPROVAL_NOT_PENDING', detail: approvalId };
  // Only the principal head (正职负责人 or 主持工作的负责人) decides a criminal transfer (TR art. 5).
  return a.kind === 'criminal_transfer' ? requireRole(actor, 'principal_head') : undefined;
}

export function checkMeasure(c: CaseFacts, measureId: string, kind: 'preservation' | 'seizure'): Check {
  const m = c.investigation?.measures.find((x) => x.id === measureId && x.kind === kind);
  if (!m) return { code: 'NOT_FOUND_IN_CASE', detail: measureId };
  return m.status === 'active'
    ? undefined
    : { code: 'MEASURE_NOT_ACTIVE', detail: `${measureId}: ${m.status}` };
}

export function checkExtendSeizure(c: CaseFacts, measureId: string, days: number): Check {
  const r = checkMeasure(c, measureId, 'seizure');
  if (r) return r;
  const m = c.investigation!.measures.find((x) => x.id === measureId)!;
  const pending = c.investigation!.approvals.some(
    (a) => a.kind === 'seizure_extension' && a.subject === measureId && a.status === 'pending',
  );
  if (m.extended || pending) return { code: 'EXTENSION_USED', detail: measureId };
  if (days > SEIZURE_EXTENSION.maxDays) return { code: 'VALIDATION_FAILED', detail: 'days' };
  return checkInTime(c.today, c.measureDueOn?.(measureId));
}

// ——— the case clock (docs/rules.md) ———

/** The stages the case clock runs through, from filing to the decision. */
const CASE_CLOCK_STAGES: CaseStage[] = ['investigation', 'review', 'notice', 'hearing', 'decision'];

const caseClockRunning = (c: CaseFacts): Check =>
  c.caseClockRunning ? undefined : { code: 'STAGE_NOT_ALLOWED', detail: 'no running case clock' };

export function checkExtendCaseClock(c: CaseFacts, actor: Actor): Check {
  const r = head(c, actor) ?? requireStage(c, ...CASE_CLOCK_STAGES) ?? caseClockRunning(c);
  if (r) return r;
  return (c.investigation?.caseExtensions.byHead ?? 0) >= 1
    ? { code: 'CASE_EXTENSION_USED', detail: `+${CASE_EXTENSION_BY_HEAD.days}` }
    : checkInTime(c.today, c.caseDueOn);
}

/** A collective discussion of the unit's heads, after the head's extension and in time, sets a further period. */
export function checkCollectiveExtension(
  c: CaseFacts,
  actor: Actor,
  participants: OfficerRef[],
  named: string[] = participants.map((p) => p.id),
): Check {
  const r =
    head(c, actor) ??
    requireStage(c, ...CASE_CLOCK_STAGES) ??
    caseClockRunning(c) ??
    checkHeads(c, actor, participants, named);
  if (r) return r;
  if ((c.investigation?.caseExtensions.byHead ?? 0) < 1) return { code: 'COLLECTIVE_TOO_EARLY' };
  return checkInTime(c.today, c.caseDueOn);
}

/** A collective discussion (集体讨论, APL 57 ¶2): at least the rule pack's number of distinct heads of the case's
 * unit, the acting head among them. `named` are the ids the command names (the API resolved `heads` from them). */
export function checkHeads(
  c: CaseFacts,
  actor: Actor,
  heads: OfficerRef[],
  named: string[] = heads.map((h) => h.id),
): Check {
  const min = c.pack ? collectiveMinHeads(c.pack) : DEFAULT_COLLECTIVE_MIN_HEADS;
  const ids = new Set(heads.map((h) => h.id));
  if (
    ids.size < min ||
    ids.size !== heads.length ||
    named.length !== ids.size ||
    named.some((n) => !ids.has(n))
  )
    return { code: 'TEAM_TOO_SMALL', detail: `collective discussion: at least ${min} distinct heads` };
  if (!ids.has(actor.id)) return { code: 'ACTOR_NOT_IN_TEAM' };
  const bad = heads.find((h) => !h.roles.includes('agency_head') || h.unitId !== c.unitId);
  return bad ? { code: 'FORBIDDEN_ROLE', detail: `${bad.id}: agency_head` } : undefined;
}

// ——— the end of part 1: simplified procedure, hand-over to review, criminal transfer ———

/** A transfer under way: the case cannot end otherwise until the police (or the procuratorate) have answered. */
export function transferPending(c: CaseFacts): Check {
  const t = c.investigation?.transfer;
  return t && !['returned', 'rejected', 'accepted'].includes(t.status)
    ? { code: 'TRANSFER_STEP_NOT_ALLOWED', detail: `transfer ${t.status}` }
    : undefined;
}

/** Once a suspected crime is transferred, no administrative penalty for the same facts (APL 27, 82). */
export function transferBars(c: CaseFacts): Check {
  const t = c.investigation?.transfer;
  return t && t.status !== 'returned' && t.status !== 'rejected'
    ? { code: 'PENALTY_BARRED_BY_TRANSFER', detail: t.status }
    : undefined;
}

/** 简易程序 (APL 51): warning or a fine within the rule pack's limit for the respondent's kind. */
export function checkOnTheSpot(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: OnTheSpotDecision,
): Check {
  const r = checkTeam(c, actor, team) ?? requireStage(c, 'filing') ?? transferBars(c);
  if (r) return r;
  const kind = c.clue?.respondent.kind;
  if (cmd.penalty.kind === 'fine' && c.pack && kind) {
    const max = partyAmount(c.pack, c.pack.thresholds.simplifiedFineMax, kind);
    if (cmd.penalty.amount > max)
      return { code: 'SIMPLIFIED_OVER_LIMIT', detail: `${cmd.penalty.amount} > ${max}` };
  }
  return undefined;
}

/** What must be finished before the investigation ends: tests, measures in force, assistance requests, pending
 * approvals (each has its own clock, which review would leave running or paused for good). */
function openWork(c: CaseFacts): Check {
  const inv = c.investigation;
  if (!inv) return undefined;
  const open = [
    ...inv.testing.filter((t) => !t.finishedOn).map((t) => t.id),
    ...inv.measures.filter((m) => m.status === 'active' || m.status === 'requested').map((m) => m.id),
    ...inv.assistance.filter((a) => a.reply === undefined).map((a) => a.id),
    ...inv.approvals.filter((a) => a.status === 'pending').map((a) => a.id),
  ];
  return open.length ? { code: 'OPEN_STEPS', detail: open.join(', ') } : undefined;
}

/** 调查终结: to review, by a legal reviewer of the unit who investigated nothing in this case (docs/rules.md). */
export function checkConclude(c: CaseFacts, actor: Actor, team: OfficerRef[], reviewer: OfficerRef): Check {
  const r = checkInvestigationStep(c, actor, team) ?? transferBars(c) ?? openWork(c);
  if (r) return r;
  if (!reviewer.roles.includes('legal_reviewer') || reviewer.unitId !== c.unitId)
    return { code: 'FORBIDDEN_ROLE', detail: `${reviewer.id}: legal_reviewer` };
  const investigated = new Set([...(c.investigation?.investigators ?? []), ...team.map((o) => o.id)]);
  return investigated.has(reviewer.id) ? { code: 'REVIEWER_INVESTIGATED', detail: reviewer.id } : undefined;
}

/** The hearing chair is never an investigator of the case (APL 64, docs/rules.md and "Roles"); the hearing step
 * of the lifecycle's second part calls this. */
export function checkHearingChair(c: CaseFacts, chair: OfficerRef): Check {
  return c.investigation?.investigators.includes(chair.id)
    ? { code: 'REVIEWER_INVESTIGATED', detail: `${chair.id}: hearing chair` }
    : undefined;
}

// ——— recorded steps of the investigation ———

/** Testing and the other periods not counted: the seizures named are active, a dated start is not in the
 * future nor before the case, and it fits every clock it pauses. */
export function checkStartTesting(c: CaseFacts, actor: Actor, team: OfficerRef[], cmd: StartTesting): Check {
  const r = checkRecordingStep(c, actor, team);
  if (r) return r;
  const active = (id: string) =>
    c.investigation?.measures.some((m) => m.id === id && m.kind === 'seizure' && m.status === 'active');
  const bad = cmd.seizureIds.find((id) => !active(id));
  if (bad) return { code: 'MEASURE_NOT_ACTIVE', detail: bad };
  const late = checkEventDate(cmd.on, c.today, c.clue?.discoveredOn);
  if (late) return late;
  return checkHold(c, cmd.on ?? c.today, cmd.seizureIds);
}

/** A pause beginning on `from` fits every clock it would hold (the case's, or the filing clock before filing, and
 * the named seizures'): not before a clock started or before its last pause ended. */
export function checkHold(c: CaseFacts, from: IsoDate, seizureIds: string[] = []): Check {
  const clash = c.holdClash?.(from, seizureIds);
  return clash ? { code: 'VALIDATION_FAILED', detail: `on: ${clash}` } : undefined;
}

/** The end of a running test, dated not before it began. */
export function checkFinishTesting(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: FinishTesting,
): Check {
  const t = c.investigation?.testing.find((x) => x.id === cmd.testingId && !x.finishedOn);
  return (
    checkRecordingStep(c, actor, team) ??
    (t ? checkEventDate(cmd.on, c.today, t.startedOn) : { code: 'NOT_FOUND_IN_CASE', detail: cmd.testingId })
  );
}

/** The reply to an assistance request still open. */
export function checkAssistanceReply(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: RecordAssistanceReply,
): Check {
  const open = c.investigation?.assistance.some((a) => a.id === cmd.assistanceId && a.reply === undefined);
  return (
    checkRecordingStep(c, actor, team) ??
    (open ? undefined : { code: 'NOT_FOUND_IN_CASE', detail: cmd.assistanceId })
  );
}

// ——— the transfer of a suspected crime (TR) ———

/** Where each recorded step of a transfer may come from. */
export const TRANSFER_STEPS: Record<RecordTransferStep['step'], { from: TransferStatus[] }> = {
  handed_over: { from: ['approved'] },
  police_decision: { from: ['handed_over'] },
  reconsideration_requested: { from: ['refused'] },
  reconsideration_answer: { from: ['reconsideration'] },
  // After a refusal the office may ask the police to reconsider or go directly to the procuratorate (TR art. 9).
  supervision_requested: { from: ['refused', 'refused_again'] },
  supervision_outcome: { from: ['supervision'] },
  refusal_accepted: { from: ['refused', 'refused_again'] },
  items_handed_over: { from: ['accepted'] },
};

/** A transfer still under way, or accepted: no second one. */
const TRANSFER_ACTIVE: TransferStatus[] = [
  'accepted',
  'proposed',
  'approved',
  'handed_over',
  'refused',
  'reconsideration',
  'refused_again',
  'supervision',
];

/** Officers propose a transfer during filing or investigation, unless one is under way. */
export function checkProposeTransfer(c: CaseFacts, actor: Actor, team: OfficerRef[]): Check {
  const status = c.investigation?.transfer?.status;
  return (
    checkTeam(c, actor, team) ??
    requireStage(c, 'filing', 'investigation') ??
    (status && TRANSFER_ACTIVE.includes(status)
      ? { code: 'TRANSFER_STEP_NOT_ALLOWED', detail: status }
      : undefined)
  );
}

/** A recorded transfer step: from the status the state machine allows, dated after the step before it. Handing
 * over the items comes after the case closed as transferred: it needs the team, not the stage. */
export function checkTransferStep(
  c: CaseFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: RecordTransferStep,
): Check {
  const t = c.investigation?.transfer;
  const refused =
    cmd.step === 'items_handed_over'
      ? (checkTeam(c, actor, team) ??
        (t?.items && !t.items.handedOverOn ? undefined : { code: 'TRANSFER_STEP_NOT_ALLOWED' }))
      : checkRecordingStep(c, actor, team);
  if (refused) return refused;
  if (!t || !TRANSFER_STEPS[cmd.step].from.includes(t.status))
    return { code: 'TRANSFER_STEP_NOT_ALLOWED', detail: `${t?.status ?? 'none'} → ${cmd.step}` };
  return checkEventDate(cmd.on, c.today, t.history.at(-1)?.on);
}
