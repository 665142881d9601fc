// 缴纳罚款 and 强制执行 (docs/rules.md, payment and enforcement). The party pays at a bank or electronically; the
// officers record what the bank reports (罚缴分离, APL 67). The head may approve a deferral or instalments
// (APL 66 ¶2); the enforcement period then runs from their end (APL 72 ¶2). Late payment bears a surcharge of 3%
// of the fine a day, capped at the fine, not while an appeal is pending (APL 72–73). Once the appeal periods have
// lapsed unused and the party still has not paid, the officers serve a payment demand (催告书, ACL 54) and may ask
// the court after 10 WD, within 3 months of the periods' end (ACL 53).
import {
  checkArrangement,
  checkEnforcement,
  checkPaymentDemand,
  checkRecordPayment,
  isSettled,
  lastDueOn,
  outstandingFen,
  surchargeOf,
} from '../../../domain/case/execution.js';
import {
  PAYMENT,
  PAYMENT_DEMAND,
  PAYMENT_DEMAND_LATEST,
  paymentArranged,
} from '../../../domain/rules/periods.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import { daysBetween, type IsoDate } from '../../../schema/values/dates.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import {
  applyEnforcementUpdate,
  decidePaymentArrangementUpdate,
  recordPaymentUpdate,
  servePaymentDemandUpdate,
} from '../messages.js';
import type { Task } from '../proceedings/review.js';

/** The clock of an approved deferral or instalment plan (its last day is the agreed one). */
const ARRANGED = paymentArranged(0).name;
const ENFORCEMENT_LATEST = PAYMENT_DEMAND_LATEST.name;

const exec = (c: CaseContext) => c.execution!;

const demandTask = (c: CaseContext, dueOn: string | null): Task => ({
  id: c.taskId('payment-demand'),
  kind: 'payment-demand',
  title: { zh: '送达履行催告书', en: 'serve the payment demand' },
  role: 'case_officer',
  dueOn,
});
const enforcementTask = (c: CaseContext, dueOn: string | null): Task => ({
  id: c.taskId('apply-enforcement'),
  kind: 'apply-enforcement',
  title: { zh: '申请人民法院强制执行', en: 'apply to the court for enforcement' },
  role: 'case_officer',
  dueOn,
});

/** The payment period (or the agreed one) ran out: what is unpaid now bears the surcharge. */
export async function paymentDue(c: CaseContext, name: string, dueOn: IsoDate) {
  const e = c.execution;
  c.stopClock(name, dueOn, '期满 period ended');
  if (!e || outstandingFen(e) === 0) return;
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'payment.overdue',
    details: { dueOn, outstandingFen: outstandingFen(e), rule: PAYMENT.rule },
  });
  await enforcementWhenDue(c, dueOn);
}

/**
 * Once nothing more can stop it — the payment periods over, no appeal pending or still possible — and the party
 * has not paid: the payment demand is due, and the 3 months to apply to the court run from the later of the
 * periods' end and the arrangement's (APL 72 ¶2, ACL 53).
 */
export async function enforcementWhenDue(c: CaseContext, on: IsoDate) {
  const e = c.execution;
  if (!e || c.stage !== 'served' || e.demand || c.hasClock(ENFORCEMENT_LATEST)) return;
  if (isSettled(e, on) || e.annulled) return;
  const due = lastDueOn(e);
  if (due && on <= due) return;
  if (e.remedies.some((r) => !r.outcome) || c.executionFacts().windowsOpen.length) return;
  const latest = c.spawnClock(PAYMENT_DEMAND_LATEST, on, 'case_officer');
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'remedy.window_lapsed',
    details: { clock: 'all', dueOn: on, enforcementLatestOn: latest.dueOn ?? null },
    openTasks: [demandTask(c, latest.dueOn ?? null)],
  });
}

/** Ten working days after the demand: the court may be asked now, if the party still has not paid. */
export async function demandWaitOver(c: CaseContext, dueOn: IsoDate) {
  c.stopClock(PAYMENT_DEMAND.name, dueOn, '期满 period ended');
  const e = c.execution;
  if (!e || isSettled(e, dueOn) || e.enforcement) return;
  const latest = c.hasClock(ENFORCEMENT_LATEST) ? c.clock(ENFORCEMENT_LATEST).dueOn : undefined;
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'payment_demand.wait_over',
    details: { dueOn, enforcementLatestOn: latest ?? null },
    openTasks: [enforcementTask(c, latest ?? null)],
  });
}

/** Everything is paid: nothing is left to enforce. */
function settledNow(c: CaseContext, on: IsoDate): string[] {
  const e = exec(c);
  e.settled = isSettled(e, on);
  if (!e.settled) return [];
  for (const name of [PAYMENT.name, ARRANGED, PAYMENT_DEMAND.name, ENFORCEMENT_LATEST])
    c.stopClock(name, on, '已履行 paid');
  return [c.taskId('payment-demand'), c.taskId('apply-enforcement')];
}

export function registerPaymentHandlers(c: CaseContext) {
  command(
    c,
    recordPaymentUpdate,
    ({ actor, command }) => checkRecordPayment(c.facts(), c.executionFacts(), actor, command),
    async ({ actor, command }) => {
      const e = exec(c);
      e.payments.push({ ...command, recordedBy: actor.id });
      if (command.toward === 'penalty') e.paidFen += command.amountFen;
      else e.surchargePaidFen += command.amountFen;
      const surcharge = surchargeOf(e, command.paidOn).surchargeFen;
      const close = settledNow(c, command.paidOn);
      await c.record({
        actor,
        action: 'payment.recorded',
        details: { ...command, outstandingFen: outstandingFen(e), surchargeFen: surcharge },
        closeTasks: close,
      });
    },
  );

  command(
    c,
    decidePaymentArrangementUpdate,
    ({ actor, command }) => checkArrangement(c.facts(), c.executionFacts(), actor, command),
    async ({ actor, command }) => {
      const e = exec(c);
      const on = c.today();
      e.arrangement = {
        kind: command.kind,
        appliedOn: command.appliedOn,
        approved: command.approved,
        decidedBy: actor.id,
        on,
        reasons: command.reasons,
      };
      let lastDue: string | null = null;
      if (command.approved) {
        const owed = outstandingFen(e);
        // What is paid stays where it was; what is unpaid falls due on the agreed days.
        const paidPart = e.paidFen > 0 ? [{ dueOn: e.instalments[0]!.dueOn, amountFen: e.paidFen }] : [];
        e.instalments =
          command.kind === 'deferral'
            ? [...paidPart, { dueOn: command.deferUntil, amountFen: owed }]
            : [...paidPart, ...command.instalments];
        lastDue = e.instalments.at(-1)!.dueOn;
        c.stopClock(PAYMENT.name, on, '延期（分期）缴纳 arrangement approved');
        c.spawnClock(
          paymentArranged(daysBetween(command.appliedOn, lastDue)),
          command.appliedOn,
          'case_officer',
          { kind: 'payment-due' },
        );
      }
      await c.record({
        actor,
        action: 'payment.arrangement_decided',
        details: {
          kind: command.kind,
          approved: command.approved,
          appliedOn: command.appliedOn,
          instalments: command.approved ? e.instalments.length : 0,
          lastDueOn: lastDue,
        },
      });
    },
  );

  command(
    c,
    servePaymentDemandUpdate,
    ({ actor, team = [], command }) =>
      checkPaymentDemand(c.facts(), c.executionFacts(), actor, team, command.service.on),
    async (cmd) => {
      const s = cmd.command.service;
      const officers = teamIds(c, cmd);
      exec(c).demand = { method: s.method, on: s.on, receiver: s.receiver, officers };
      const wait = c.spawnClock(PAYMENT_DEMAND, s.on, 'case_officer', { kind: 'demand-wait' });
      await c.record({
        actor: cmd.actor,
        action: 'payment_demand.served',
        details: {
          ...s,
          earliestApplicationAfter: wait.dueOn ?? null,
          // What the demand asks for (the 催告书 states it): the sums unpaid and the surcharge accrued by its day.
          outstandingFen: outstandingFen(exec(c)),
          surchargeFen: surchargeOf(exec(c), s.on).surchargeFen,
          officers,
        },
        closeTasks: [c.taskId('payment-demand')],
      });
    },
  );

  command(
    c,
    applyEnforcementUpdate,
    ({ actor, team = [], command }) => checkEnforcement(c.facts(), c.executionFacts(), actor, team, command),
    async (cmd) => {
      const { appliedOn, court } = cmd.command;
      const officers = teamIds(c, cmd);
      exec(c).enforcement = { appliedOn, court, officers };
      c.stopClock(ENFORCEMENT_LATEST, appliedOn, '已申请强制执行 applied');
      await c.record({
        actor: cmd.actor,
        action: 'enforcement.applied',
        details: { appliedOn, court, officers },
        closeTasks: [c.taskId('apply-enforcement')],
      });
    },
  );
}
