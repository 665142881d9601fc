// 结案 and 举报奖励 (docs/rules.md, rewards and closure). The head approves the closure report once the decision
// is carried out (or the court was asked to enforce it, or it was annulled), its publicity is entered, no appeal
// is pending and any transfer is settled; the case is then archived read-only. What follows closure — the
// publicity's time, credit repair, a late appeal, the reporter's reward — goes on in the publicity phase. The
// reward is decided after closure, without naming the reporter to anyone outside intake.
import { checkClose, checkReward, isSettled, outcomeInForce } from '../../../domain/case/execution.js';
import { computeReward, raiseForInsider } from '../../../domain/case/rewards.js';
import { rewardSettings } from '../../../domain/rules/packs/merge.js';
import { PAYMENT, PAYMENT_DEMAND, PAYMENT_DEMAND_LATEST, PUBLICITY } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command } from '../handler.js';
import { closeCaseUpdate, decideRewardUpdate } from '../messages.js';
import type { Task } from '../proceedings/review.js';

/** The clocks of execution that closure ends (the party's remedy windows and the publicity's time run on). */
const ENDED_BY_CLOSURE = [
  PAYMENT.name,
  'payment-arranged',
  PAYMENT_DEMAND.name,
  PAYMENT_DEMAND_LATEST.name,
  PUBLICITY.name,
];
/** Execution's tasks that closure ends. */
/** The tasks of a served case's execution (closed at closure, or when a new decision is ordered). */
export const EXECUTION_TASKS = ['publish', 'payment-demand', 'apply-enforcement'];

const rewardTask = (c: CaseContext): Task => ({
  id: c.taskId('decide-reward'),
  kind: 'decide-reward',
  title: { zh: '作出举报奖励决定', en: 'decide the reporter’s reward' },
  role: 'agency_head',
  dueOn: null,
});

export function registerClosureHandlers(c: CaseContext) {
  command(
    c,
    closeCaseUpdate,
    ({ actor, command }) => checkClose(c.facts(), c.executionFacts(), actor, command.closedOn),
    async ({ actor, command }) => {
      const e = c.execution!;
      const decision = c.proceedings!.decision!;
      c.stage = 'closed';
      e.settled = isSettled(e, command.closedOn);
      e.closure = { closedOn: command.closedOn, by: actor.id, report: command.report };
      c.outcome = {
        kind: 'decided',
        documentNumber: decision.documentNumber,
        annulled: e.annulled,
        on: command.closedOn,
      };
      for (const name of ENDED_BY_CLOSURE) c.stopClock(name, command.closedOn, '结案 closed');
      await c.record({
        actor,
        action: 'case.closed',
        details: {
          closedOn: command.closedOn,
          documentNumber: decision.documentNumber,
          settled: e.settled,
          enforced: e.enforcement !== null,
          report: command.report,
        },
        closeTasks: EXECUTION_TASKS.map((k) => c.taskId(k)),
        openTasks: c.report?.realName ? [rewardTask(c)] : [],
      });
    },
  );
}

/** After closure: the reporter's reward (in the publicity phase, which holds the closed case). */
export function registerRewardHandler(c: CaseContext) {
  command(
    c,
    decideRewardUpdate,
    ({ actor, command }) =>
      checkReward(c.facts(), c.executionFacts(), actor, command, rewardSettings(c.pack.content)),
    async ({ actor, command }) => {
      const e = c.execution!;
      const on = c.today();
      const standard = command.eligible
        ? computeReward(
            rewardSettings(c.pack.content),
            command.grade,
            outcomeInForce(e, c.proceedings!.decision!.outcome),
          )
        : undefined;
      const insider = command.eligible ? command.insider : undefined;
      const computed = standard && insider ? raiseForInsider(standard, insider.amountFen) : standard;
      e.reward = {
        eligible: command.eligible,
        grade: computed?.grade ?? null,
        amountFen: computed?.amountFen ?? 0,
        withFinance: computed?.withFinance ?? false,
        ...(insider ? { insider: true } : {}),
        decidedBy: actor.id,
        on,
        reasons: command.reasons,
      };
      await c.record({
        actor,
        action: 'reward.decided',
        details: {
          eligible: command.eligible,
          grade: e.reward.grade,
          amountFen: e.reward.amountFen,
          withFinance: e.reward.withFinance,
          ...(insider ? { insider: true } : {}),
          explanation: command.eligible ? computed!.explanation : [command.ground],
        },
        closeTasks: [c.taskId('decide-reward')],
      });
    },
  );
}
