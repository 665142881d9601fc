// 重新作出行政处罚决定 (docs/rules.md, remedies): a reconsideration body or a court that annuls the decision may
// order a new one, by a day it sets. Once the annulled decision is off the public list (PUB 11, 3 WD), the case
// goes back to investigation for a new round — investigation, review, notice, hearing if requested, a new
// decision with a new number, service and execution — while the annulled decision stays on the case's record.
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { EXECUTION_TASKS } from './closure.js';

/** The clock of the day set for the new decision (it runs on into the new round). */
export const NEW_DECISION_CLOCK = 'new-decision';
/** Clocks a new round keeps: the filing's and the case clock (stopped, they are the case's history). */
const KEPT = ['filing', 'case', NEW_DECISION_CLOCK];

/** The annulment ordered a new decision and nothing of the annulled one is still shown: a new round begins. */
export async function reopenForNewDecision(c: CaseContext): Promise<void> {
  const e = c.execution;
  const p = c.proceedings;
  if (!e?.redecision || c.stage !== 'served' || !p?.decision) return;
  if (e.publicity.withdrawal && e.publicity.withdrawal.done === null) return;
  const on = c.today();
  const r = e.redecision;
  p.annulledDecisions = [
    ...(p.annulledDecisions ?? []),
    {
      round: p.round,
      documentNumber: p.decision.documentNumber,
      decidedOn: p.decision.on,
      annulledOn: r.orderedOn,
      remedyId: r.remedyId,
      newDecisionDueOn: r.dueOn,
    },
  ];
  // The annulled decision's periods end; a new round re-creates those it needs under the same names.
  for (const k of c.runningClocks())
    if (k.name !== NEW_DECISION_CLOCK) k.stop(on, '决定已撤销 decision annulled');
  c.dropStoppedClocks(KEPT);
  c.stage = 'investigation';
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'case.reopened',
    details: {
      round: p.round + 1,
      remedyId: r.remedyId,
      annulledDocument: p.decision.documentNumber,
      newDecisionDueOn: r.dueOn,
    },
    closeTasks: [...EXECUTION_TASKS, 'withdraw-publicity'].map((k) => c.taskId(k)),
    openTasks: [
      {
        id: c.taskId('investigate'),
        kind: 'investigate',
        title: { zh: '重新调查并作出行政处罚决定', en: 'investigate again for the new decision ordered' },
        role: 'case_officer',
        dueOn: r.dueOn,
      },
    ],
  });
}
