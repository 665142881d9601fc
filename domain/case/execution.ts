// The rules of a served decision (docs/rules.md: payment and enforcement, remedies, publicity, credit repair,
// rewards, closure). Pure: what is owed and what was paid, the late surcharge with its appeal freeze, when the
// agency may demand payment and go to court, when a case may close; and the guards the workflow's validators
// call. Commands act on their own unit's cases; the officers' team is checked like every other step's.
import type { DecisionOutcome } from '../../schema/decision.js';
import type { Refusal } from '../../schema/errors.js';
import {
  EXECUTION_LIMITS,
  type ApplyCreditRepair,
  type ApplyEnforcement,
  type DecidePaymentArrangement,
  type DecideReward,
  type ExecutionView,
  type RecordPayment,
  type RecordRemedyOutcome,
} from '../../schema/execution.js';
import type { OfficerRef } from '../../schema/investigation.js';
import type { Actor } from '../../schema/roles.js';
import type { RewardSettings } from '../../schema/rule-pack.js';
import type { IsoDate } from '../../schema/values/dates.js';
import { publicitySettings } from '../rules/packs/merge.js';
import {
  checkEventDate,
  checkTeam,
  requireRole,
  requireStage,
  requireUnit,
  type CaseFacts,
} from './guards.js';
import { publishes } from './proceedings.js';
import { repairRefusal } from './publicity.js';
import { computeReward, insiderRefusal } from './rewards.js';
import { computeSurcharge, formatYuan, type FineInstalment, type SurchargeResult } from './surcharge.js';

type Check = Refusal | undefined;

// ——— amounts ———

/** What a decision orders paid, in fen: fines, and confiscated gains (confiscated property is handed over). */
export function payable(outcome: DecisionOutcome): { fineFen: number; confiscationFen: number } {
  if (outcome.kind !== 'penalty') return { fineFen: 0, confiscationFen: 0 };
  const sum = (k: string) =>
    outcome.penalties.reduce((s, p) => s + (p.kind === k && 'amountFen' in p ? p.amountFen : 0), 0);
  return { fineFen: sum('fine'), confiscationFen: sum('confiscate_gains') };
}

/** The outcome in force: as changed by a reconsideration or a court, or as decided. */
export const outcomeInForce = (e: ExecutionView, decided: DecisionOutcome): DecisionOutcome =>
  e.changedOutcome ?? decided;

const totalFen = (e: Pick<ExecutionView, 'fineFen' | 'confiscationFen'>) => e.fineFen + e.confiscationFen;
/** What the penalty still owes (fines first, then confiscated gains). */
export const outstandingFen = (e: ExecutionView) => (e.annulled ? 0 : Math.max(0, totalFen(e) - e.paidFen));

/** The last day anything is due (the payment period, a deferral's or the last instalment's day). */
export const lastDueOn = (e: ExecutionView): IsoDate | undefined => e.instalments.at(-1)?.dueOn;

/** The days a reconsideration or a lawsuit was pending: no surcharge accrues (APL 73 ¶3). */
export const freezes = (e: ExecutionView) =>
  e.remedies.map((r) => ({ from: r.filedOn, ...(r.outcome ? { to: r.outcome.on } : {}) }));

/**
 * The late surcharge (加处罚款, APL 72 ¶1 (1)): 3% of the unpaid fine a day from the day after it was due, never
 * more than the fine, not while an appeal is pending. Only the fine bears it; payments go to the fine first, and
 * each instalment bears it from its own last day.
 */
export function surchargeOf(e: ExecutionView, asOf: IsoDate): SurchargeResult {
  let fineLeft = e.annulled ? 0 : e.fineFen;
  const instalments: FineInstalment[] = [];
  for (const i of e.instalments) {
    const part = Math.min(fineLeft, i.amountFen);
    fineLeft -= part;
    if (part > 0) instalments.push({ dueOn: i.dueOn, amountFen: part });
  }
  const payments = e.payments
    .filter((p) => p.toward === 'penalty')
    .map((p) => ({ paidOn: p.paidOn, amountFen: p.amountFen }));
  return computeSurcharge({
    fineFen: e.annulled ? 0 : e.fineFen,
    instalments,
    payments,
    freezes: freezes(e),
    asOf,
  });
}

/** The surcharge still owed as of a day. */
export const surchargeOwedFen = (e: ExecutionView, asOf: IsoDate) =>
  e.annulled ? 0 : Math.max(0, surchargeOf(e, asOf).surchargeFen - e.surchargePaidFen);

/** The party has carried out the payments (penalty and surcharge), or nothing is to be paid. */
export const isSettled = (e: ExecutionView, asOf: IsoDate) =>
  outstandingFen(e) === 0 && surchargeOwedFen(e, asOf) === 0;

const pendingRemedy = (e: ExecutionView) => e.remedies.find((r) => r.outcome === null);

// ——— guards ———

const role = requireRole;
const unit = requireUnit;
const stage = requireStage;
const head = (c: CaseFacts, actor: Actor) => role(actor, 'agency_head') ?? unit(actor, c);
const officer = (c: CaseFacts, actor: Actor) => role(actor, 'case_officer') ?? unit(actor, c);
const officerOrHead = (c: CaseFacts, actor: Actor) =>
  (actor.roles.includes('agency_head') ? undefined : role(actor, 'case_officer')) ?? unit(actor, c);

/** The facts of a served case the guards need besides CaseFacts (built by the workflow's context). */
export interface ExecutionFacts {
  execution: ExecutionView;
  decided: DecisionOutcome;
  decidedOn: IsoDate;
  respondentKind: 'natural_person' | 'organisation' | 'individual_business';
  /** Remedy windows still running (reconsideration, lawsuit, lawsuit after reconsideration). */
  windowsOpen: string[];
  /** The 10th working day after the demand was served: the court may be asked after it (ACL 54). */
  demandWaitEndsOn?: IsoDate;
  /** The last day to apply to the court (ACL 53: 3 months). */
  enforcementLatestOn?: IsoDate;
  transferSettled: boolean;
  /** A case from a real-name report (a reward may be due). */
  realNameReport: boolean;
  /** Decisions of this case annulled earlier with a new decision ordered. */
  redecisions?: number;
}

const list = (n: number, max: number): Check =>
  n >= max ? { code: 'LIST_FULL', detail: `${n} ≥ ${max}` } : undefined;

export function checkRecordPayment(c: CaseFacts, x: ExecutionFacts, actor: Actor, cmd: RecordPayment): Check {
  const e = x.execution;
  const r =
    officer(c, actor) ??
    stage(c, 'served') ??
    checkEventDate(cmd.paidOn, c.today, x.decidedOn) ??
    list(e.payments.length, EXECUTION_LIMITS.payments);
  if (r) return r;
  const owed = cmd.toward === 'penalty' ? outstandingFen(e) : surchargeOwedFen(e, c.today);
  return cmd.amountFen > owed
    ? { code: 'PAYMENT_NOT_OWED', detail: `${cmd.toward}: ${cmd.amountFen} > ${owed} fen` }
    : undefined;
}

/** 延期、分期缴纳 (APL 66 ¶2): once, by the head, before the payment demand, for what is still unpaid. */
export function checkArrangement(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  cmd: DecidePaymentArrangement,
): Check {
  const e = x.execution;
  const r = head(c, actor) ?? stage(c, 'served') ?? checkEventDate(cmd.appliedOn, c.today, x.decidedOn);
  if (r) return r;
  if (e.arrangement) return { code: 'EXTENSION_USED', detail: 'payment arrangement' };
  if (e.demand) return { code: 'STAGE_NOT_ALLOWED', detail: 'the payment demand was served' };
  const owed = outstandingFen(e);
  if (owed === 0) return { code: 'PAYMENT_NOT_OWED', detail: 'nothing outstanding' };
  if (!cmd.approved) return undefined;
  const current = lastDueOn(e) ?? c.today;
  if (cmd.kind === 'deferral')
    return cmd.deferUntil > current
      ? undefined
      : { code: 'ARRANGEMENT_INVALID', detail: `deferUntil ${cmd.deferUntil} ≤ ${current}` };
  const sum = cmd.instalments.reduce((s, i) => s + i.amountFen, 0);
  if (sum !== owed)
    return { code: 'ARRANGEMENT_INVALID', detail: `instalments ${sum} ≠ outstanding ${owed} fen` };
  const days = cmd.instalments.map((i) => i.dueOn);
  if (days.some((d, i) => (i === 0 ? d < cmd.appliedOn : d <= days[i - 1]!)))
    return { code: 'ARRANGEMENT_INVALID', detail: 'instalment days must rise from the application day' };
  return undefined;
}

/**
 * 催告 (ACL 54): only once the appeal periods have lapsed unused (no appeal pending, none still open) and the
 * party is late with a payment. Appeals do not suspend execution (APL 73), but a court is asked only after them.
 */
export function checkPaymentDemand(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  team: OfficerRef[],
  on: IsoDate,
): Check {
  const e = x.execution;
  const r = checkTeam(c, actor, team) ?? stage(c, 'served') ?? checkEventDate(on, c.today, x.decidedOn);
  if (r) return r;
  if (e.demand) return { code: 'ALREADY_EXISTS', detail: 'payment demand' };
  if (isSettled(e, c.today)) return { code: 'PAYMENT_NOT_OWED', detail: 'settled' };
  const due = lastDueOn(e);
  if (due && c.today <= due) return { code: 'ENFORCEMENT_NOT_YET', detail: `payable until ${due}` };
  const pending = pendingRemedy(e);
  if (pending) return { code: 'ENFORCEMENT_NOT_YET', detail: `${pending.kind} pending` };
  if (x.windowsOpen.length)
    return { code: 'ENFORCEMENT_NOT_YET', detail: `open: ${x.windowsOpen.join(', ')}` };
  return undefined;
}

/** 申请强制执行 (ACL 53–54): after the 10 WD that follow the demand, within the 3 months. */
export function checkEnforcement(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: ApplyEnforcement,
): Check {
  const e = x.execution;
  const r =
    checkTeam(c, actor, team) ?? stage(c, 'served') ?? checkEventDate(cmd.appliedOn, c.today, x.decidedOn);
  if (r) return r;
  if (e.enforcement) return { code: 'ALREADY_EXISTS', detail: 'enforcement application' };
  if (!e.demand || !x.demandWaitEndsOn)
    return { code: 'ENFORCEMENT_NOT_YET', detail: 'no payment demand served' };
  if (cmd.appliedOn <= x.demandWaitEndsOn)
    return { code: 'ENFORCEMENT_TOO_EARLY', detail: `after ${x.demandWaitEndsOn}` };
  if (x.enforcementLatestOn && cmd.appliedOn > x.enforcementLatestOn)
    return { code: 'ENFORCEMENT_TOO_LATE', detail: `by ${x.enforcementLatestOn}` };
  if (isSettled(e, cmd.appliedOn)) return { code: 'PAYMENT_NOT_OWED', detail: 'settled' };
  return undefined;
}

/** A reconsideration or lawsuit the agency learnt of: recorded while the case is served or after its closure. */
export function checkRecordRemedy(c: CaseFacts, x: ExecutionFacts, actor: Actor, filedOn: IsoDate): Check {
  return (
    officerOrHead(c, actor) ??
    stage(c, 'served', 'closed') ??
    checkEventDate(filedOn, c.today, x.execution.servedOn) ??
    list(x.execution.remedies.length, EXECUTION_LIMITS.remedies) ??
    (pendingRemedy(x.execution) ? { code: 'ALREADY_EXISTS', detail: 'a remedy is pending' } : undefined)
  );
}

export function checkRemedyOutcome(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  cmd: RecordRemedyOutcome,
): Check {
  const r = officerOrHead(c, actor) ?? stage(c, 'served', 'closed');
  if (r) return r;
  const remedy = x.execution.remedies.find((m) => m.id === cmd.remedyId);
  if (!remedy || remedy.outcome) return { code: 'REMEDY_NOT_PENDING', detail: cmd.remedyId };
  // A new decision is made in a new round of the open case (a closed case is archived: its annulment closes it).
  if (cmd.newDecision)
    return (
      stage(c, 'served') ??
      list(x.redecisions ?? 0, EXECUTION_LIMITS.redecisions) ??
      checkEventDate(cmd.on, c.today, remedy.filedOn)
    );
  return checkEventDate(cmd.on, c.today, remedy.filedOn);
}

/** 公示录入 (PUB 9, 16): the case's officers, once, for a decision in the publicity's scope. */
export function checkPublish(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  team: OfficerRef[],
  on: IsoDate,
): Check {
  const p = x.execution.publicity;
  return (
    checkTeam(c, actor, team) ??
    stage(c, 'served', 'closed') ??
    checkEventDate(on, c.today, x.decidedOn) ??
    (p.status !== 'due' ? { code: 'PUBLICITY_NOT_DUE', detail: p.status } : undefined)
  );
}

/** A changed or annulled decision's publicity taken down or updated (PUB 11). */
export function checkWithdrawPublicity(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  team: OfficerRef[],
  cmd: { on: IsoDate; action: 'withdraw' | 'update' },
): Check {
  const e = x.execution;
  const w = e.publicity.withdrawal;
  const r = checkTeam(c, actor, team) ?? stage(c, 'served', 'closed');
  if (r) return r;
  if (!w || w.done) return { code: 'PUBLICITY_NOT_DUE', detail: 'no withdrawal due' };
  if (cmd.action === 'update' && (e.annulled || !e.changedOutcome || !publishes(e.changedOutcome)))
    return {
      code: 'VALIDATION_FAILED',
      detail: 'action: only a changed decision still published is updated',
    };
  return checkEventDate(cmd.on, c.today, w.since);
}

/** 信用修复 (Order 107; PUB 14): a published record, one application at a time, its tier's waiting time, the
 * penalty carried out, the conditions declared; never for the penalties PUB 14 excludes. */
export function checkApplyCreditRepair(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  cmd: ApplyCreditRepair,
): Check {
  const e = x.execution;
  const p = e.publicity;
  const r =
    officerOrHead(c, actor) ??
    stage(c, 'served', 'closed') ??
    checkEventDate(cmd.appliedOn, c.today, p.record?.publishedOn) ??
    list(p.repairs.length, EXECUTION_LIMITS.repairs);
  if (r) return r;
  if (p.status !== 'published' || !p.record || !p.tier)
    return { code: 'PUBLICITY_NOT_DUE', detail: `publicity ${p.status}` };
  if (p.repairs.some((a) => a.status === 'pending'))
    return { code: 'ALREADY_EXISTS', detail: 'a repair is pending' };
  const refusal = repairRefusal(
    publicitySettings(c.pack!),
    p.tier,
    outcomeInForce(e, x.decided),
    p.record.publishedOn,
    cmd.appliedOn,
    { carriedOut: isSettled(e, cmd.appliedOn) || e.enforcement !== null, declarations: cmd.declarations },
  );
  return refusal ? { code: refusal.code, detail: refusal.earliestOn ?? refusal.detail } : undefined;
}

export function checkDecideCreditRepair(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  repairId: string,
): Check {
  const r = head(c, actor) ?? stage(c, 'served', 'closed');
  if (r) return r;
  const a = x.execution.publicity.repairs.find((m) => m.id === repairId);
  return a?.status === 'pending' ? undefined : { code: 'NOT_FOUND_IN_CASE', detail: repairId };
}

/** What closure (结案) still waits for: each condition not met, by name. */
export function closureOpen(x: ExecutionFacts, on: IsoDate): string[] {
  const e = x.execution;
  const open: string[] = [];
  if (!e.annulled && !isSettled(e, on) && !e.enforcement) open.push('not_carried_out');
  if (e.publicity.status === 'due') open.push('publicity_not_entered');
  if (e.publicity.withdrawal && !e.publicity.withdrawal.done) open.push('publicity_withdrawal_due');
  if (pendingRemedy(e)) open.push('remedy_pending');
  if (e.redecision) open.push('new_decision_ordered');
  if (!x.transferSettled) open.push('transfer_not_settled');
  return open;
}

/** 结案审批: the head, once every condition is met. */
export function checkClose(c: CaseFacts, x: ExecutionFacts, actor: Actor, closedOn: IsoDate): Check {
  const r = head(c, actor) ?? stage(c, 'served') ?? checkEventDate(closedOn, c.today, x.execution.servedOn);
  if (r) return r;
  const open = closureOpen(x, closedOn);
  return open.length ? { code: 'CLOSURE_CONDITIONS_OPEN', detail: open.join(', ') } : undefined;
}

/** 举报奖励: after closure, for a case from a real-name report, once. */
export function checkReward(
  c: CaseFacts,
  x: ExecutionFacts,
  actor: Actor,
  cmd: DecideReward,
  settings: RewardSettings,
): Check {
  const r = head(c, actor) ?? stage(c, 'closed');
  if (r) return r;
  if (!x.realNameReport || x.execution.reward) return { code: 'REWARD_NOT_APPLICABLE' };
  if (cmd.eligible && cmd.insider) {
    const standard = computeReward(settings, cmd.grade, outcomeInForce(x.execution, x.decided));
    const code = insiderRefusal(settings, standard, cmd.insider.amountFen);
    if (code) return { code, detail: formatYuan(standard.amountFen) };
  }
  return undefined;
}
