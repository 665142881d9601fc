// 行政复议 and 行政诉讼 (docs/rules.md, remedies). The party's windows run from the served decision: 60 CD for
// reconsideration (ARL 20), 6 months for a lawsuit (ALL 46), and 15 CD to sue after a reconsideration decision
// (ALL 45). Appeals do not suspend execution (APL 73), but no surcharge accrues while one is pending. A decision
// changed or annulled comes down from publicity within 3 WD (PUB 11), and the case goes on accordingly: a changed
// penalty is what is owed, an annulled decision owes nothing.
import { checkRecordRemedy, checkRemedyOutcome, payable } from '../../../domain/case/execution.js';
import { publishes } from '../../../domain/case/proceedings.js';
import {
  LAWSUIT,
  LAWSUIT_AFTER_RECONSIDERATION,
  newDecisionBy,
  PUBLICITY_WITHDRAWAL,
  RECONSIDERATION,
} from '../../../domain/rules/periods.js';
import { daysBetween } from '../../../schema/values/dates.js';
import type { ExecutionView, RecordRemedyOutcome } from '../../../schema/execution.js';
import type { IsoDate } from '../../../schema/values/dates.js';
import type { CaseContext } from '../context.js';
import { command } from '../handler.js';
import { recordRemedyOutcomeUpdate, recordRemedyUpdate } from '../messages.js';
import type { Task } from '../proceedings/review.js';
import { enforcementWhenDue } from './payment.js';
import { NEW_DECISION_CLOCK, reopenForNewDecision } from './redecision.js';

const AFTER_RECONSIDERATION = 'lawsuit-after-reconsideration';

const withdrawTask = (c: CaseContext, dueOn: string | null): Task => ({
  id: c.taskId('withdraw-publicity'),
  kind: 'withdraw-publicity',
  title: { zh: '撤下或更新公示信息', en: 'withdraw or update the publicity record' },
  role: 'case_officer',
  dueOn,
});

/** A party's window ran out unused. */
export async function windowEnded(c: CaseContext, name: string, dueOn: IsoDate) {
  c.stopClock(name, dueOn, '期满 period ended');
  await enforcementWhenDue(c, dueOn);
}

/** The decision in force changed: what is owed follows it; publicity comes down or is updated within 3 WD. */
function applyChange(c: CaseContext, e: ExecutionView, cmd: RecordRemedyOutcome): IsoDate | null {
  const annulled = cmd.result === 'annulled';
  if (annulled) e.annulled = true;
  else {
    e.changedOutcome = cmd.changedOutcome!;
    const { fineFen, confiscationFen } = payable(e.changedOutcome);
    e.fineFen = fineFen;
    e.confiscationFen = confiscationFen;
    const due = e.instalments.at(-1)?.dueOn;
    e.instalments =
      due && fineFen + confiscationFen > 0 ? [{ dueOn: due, amountFen: fineFen + confiscationFen }] : [];
  }
  const p = e.publicity;
  const stillPublished = !annulled && publishes(e.changedOutcome!);
  if (p.status === 'due' && !stillPublished) {
    p.status = 'not_required';
    c.stopClock('publicity', cmd.on, '决定已变更或撤销 decision changed');
  }
  if (p.status !== 'published') return null;
  p.withdrawal = { reason: cmd.result, since: cmd.on, done: null };
  const clock = c.spawnClock(PUBLICITY_WITHDRAWAL, cmd.on, 'case_officer');
  return clock.dueOn ?? null;
}

export function registerRemedyHandlers(c: CaseContext) {
  command(
    c,
    recordRemedyUpdate,
    ({ actor, command }) => checkRecordRemedy(c.facts(), c.executionFacts(), actor, command.filedOn),
    async ({ actor, command }) => {
      const e = c.execution!;
      const window =
        command.kind === 'reconsideration'
          ? RECONSIDERATION.name
          : [AFTER_RECONSIDERATION, LAWSUIT.name].find((n) => c.hasClock(n))!;
      const due = c.hasClock(window) ? c.clock(window).dueOn : undefined;
      const id = `RM${e.remedies.length + 1}`;
      const late = due !== undefined && command.filedOn > due;
      e.remedies.push({ id, ...command, late, outcome: null });
      // Filed: the window has done its work (a lawsuit also ends the reconsideration route, and vice versa).
      for (const name of [RECONSIDERATION.name, LAWSUIT.name, AFTER_RECONSIDERATION])
        c.stopClock(
          name,
          command.filedOn,
          `已${command.kind === 'reconsideration' ? '申请复议' : '起诉'} filed`,
        );
      await c.record({
        actor,
        action: 'remedy.filed',
        details: { remedyId: id, kind: command.kind, filedOn: command.filedOn, body: command.body, late },
      });
    },
  );

  command(
    c,
    recordRemedyOutcomeUpdate,
    ({ actor, command }) => checkRemedyOutcome(c.facts(), c.executionFacts(), actor, command),
    async ({ actor, command }) => {
      const e = c.execution!;
      const remedy = e.remedies.find((r) => r.id === command.remedyId)!;
      remedy.outcome = { result: command.result, on: command.on, note: command.note };
      const changes = command.result === 'changed' || command.result === 'annulled';
      const withdrawalDueOn = changes ? applyChange(c, e, command) : null;
      // An annulment that orders a new decision: by the day the body set, if it set one.
      const ordered = command.result === 'annulled' ? command.newDecision : undefined;
      if (ordered) {
        e.redecision = { remedyId: remedy.id, orderedOn: command.on, dueOn: ordered.dueOn ?? null };
        if (ordered.dueOn)
          c.spawnClock(
            { ...newDecisionBy(daysBetween(command.on, ordered.dueOn)), name: NEW_DECISION_CLOCK },
            command.on,
            'agency_head',
          );
      }
      // After a reconsideration decision the party may still sue, within 15 CD of receiving it (ALL 45).
      const lawsuit =
        remedy.kind === 'reconsideration' && command.result !== 'withdrawn' && !e.annulled
          ? c.spawnClock(
              { ...LAWSUIT_AFTER_RECONSIDERATION, name: AFTER_RECONSIDERATION },
              command.on,
              'case_officer',
              { kind: 'remedy-window' },
            )
          : undefined;
      await c.record({
        actor,
        action: 'remedy.decided',
        details: {
          remedyId: remedy.id,
          result: command.result,
          on: command.on,
          lawsuitDueOn: lawsuit?.dueOn ?? null,
          withdrawalDueOn,
          ...(command.changedOutcome ? { changedOutcome: command.changedOutcome } : {}),
          ...(ordered ? { newDecisionDueOn: ordered.dueOn ?? null } : {}),
        },
        openTasks: withdrawalDueOn ? [withdrawTask(c, withdrawalDueOn)] : [],
      });
      if (!lawsuit) await enforcementWhenDue(c, command.on);
      if (ordered) await reopenForNewDecision(c);
    },
  );
}
