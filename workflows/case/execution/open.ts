// 执行 (docs/rules.md: payment and enforcement, remedies, publicity): once the decision has reached the party, the
// party's periods run from that day — paying within 15 CD (APL 67), reconsideration within 60 CD (ARL 20), a
// lawsuit within 6 months (ALL 46); all of them a party's periods, so a last day on a holiday moves on — and the
// agency's 20 WD to publish the decision run from the decision itself (PUB 9, or the rule pack's stricter period).
import { payable } from '../../../domain/case/execution.js';
import { publicityTier } from '../../../domain/case/publicity.js';
import { publicitySettings } from '../../../domain/rules/packs/merge.js';
import {
  LAWSUIT,
  PAYMENT,
  PUBLICITY,
  RECONSIDERATION,
  RECONSIDERATION_RIGHTS_NOT_EXPLAINED,
} from '../../../domain/rules/periods.js';
import type { ExecutionView } from '../../../schema/execution.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import type { Task } from '../proceedings/review.js';

/** The remedy windows: while one runs, the agency may not yet demand payment or go to court (ACL 53). */
export const REMEDY_WINDOWS = ['reconsideration', 'lawsuit', 'lawsuit-after-reconsideration'] as const;

export const publishTask = (c: CaseContext, dueOn: string | null): Task => ({
  id: c.taskId('publish'),
  kind: 'publish',
  title: { zh: '录入行政处罚信息公示', en: 'enter the decision’s publicity record' },
  role: 'case_officer',
  dueOn,
});

/** The served decision's execution begins: amounts, the party's periods, the publicity period. */
export async function openExecution(c: CaseContext): Promise<void> {
  const p = c.proceedings!;
  const decision = p.decision!;
  const servedOn = p.service!.effectiveOn!;
  const { fineFen, confiscationFen } = payable(decision.outcome);
  const settings = publicitySettings(c.pack.content);
  const tier = decision.publish
    ? publicityTier(settings, c.pack.content, c.input.clue.respondent.kind, decision.outcome)
    : null;
  const payment =
    fineFen + confiscationFen > 0
      ? c.spawnClock(PAYMENT, servedOn, 'case_officer', { kind: 'payment-due' })
      : undefined;
  const window = { kind: 'remedy-window' };
  // 60 CD; a year when the decision did not explain the right to reconsideration (ARL 20).
  const rightsExplained = p.service!.rightsExplained !== false;
  const reconsideration = c.spawnClock(
    rightsExplained ? RECONSIDERATION : RECONSIDERATION_RIGHTS_NOT_EXPLAINED,
    servedOn,
    'case_officer',
    window,
  );
  const lawsuit = c.spawnClock(LAWSUIT, servedOn, 'case_officer', window);
  // PUB 9's 20 WD, or the locality's stricter period, from the day of the decision.
  const publicity =
    tier !== null
      ? c.spawnClock({ ...PUBLICITY, length: settings.withinWD }, decision.on, 'case_officer')
      : undefined;
  const e: ExecutionView = {
    servedOn,
    fineFen,
    confiscationFen,
    instalments: payment?.dueOn ? [{ dueOn: payment.dueOn, amountFen: fineFen + confiscationFen }] : [],
    arrangement: null,
    payments: [],
    paidFen: 0,
    surchargePaidFen: 0,
    settled: !payment,
    demand: null,
    enforcement: null,
    remedies: [],
    changedOutcome: null,
    annulled: false,
    publicity: {
      required: tier !== null,
      tier,
      status: tier !== null ? 'due' : 'not_required',
      record: null,
      withdrawal: null,
      // A new decision after an annulment goes on from the public list's last write of the case.
      version: c.execution?.publicity.version ?? 0,
      repairs: [],
    },
    closure: null,
    reward: null,
  };
  c.execution = e;
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'execution.opened',
    details: {
      servedOn,
      fineFen,
      confiscationFen,
      paymentDueOn: payment?.dueOn ?? null,
      reconsiderationDueOn: reconsideration.dueOn ?? null,
      lawsuitDueOn: lawsuit.dueOn ?? null,
      publicityDueOn: publicity?.dueOn ?? null,
    },
    openTasks: publicity ? [publishTask(c, publicity.dueOn ?? null)] : [],
  });
}
