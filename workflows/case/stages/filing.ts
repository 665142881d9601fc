// 核查立案 — verification and filing (RULES.md §2). The clue is verified and the agency head decides within
// 15 WD whether to file; the head may extend once by 15 WD. If the period runs out, the unit's supervisors are
// told and the case is flagged overdue; the decision can still be taken late.
import { condition, setHandler } from '@temporalio/workflow';
import { checkDecideFiling, checkExtendFiling } from '../../../domain/case/guards.js';
import { FILING_DECISION, FILING_EXTENSION } from '../../../domain/rules/periods.js';
import type { CaseStage } from '../../../schema/case.js';
import type { CaseContext } from '../context.js';
import { decideFilingUpdate, extendFilingUpdate } from '../messages.js';

const DECIDE = 'decide-filing';

export function registerFilingHandlers(c: CaseContext) {
  setHandler(
    decideFilingUpdate,
    async ({ actor, command }) => {
      // Claim the decision before the first await: a second update validated in the same activation is refused.
      const today = c.today();
      c.filing.decision = { ...command, by: actor.id, on: today };
      c.stage = command.decision === 'file' ? 'investigation' : 'closed';
      await condition(() => c.hasClock(FILING_DECISION.name));
      c.clock(FILING_DECISION.name).stop(
        today,
        command.decision === 'file' ? '已立案 filed' : '不予立案 not filed',
      );
      await c.record({
        actor,
        action: command.decision === 'file' ? 'filing.approved' : 'filing.declined',
        details: { reasons: command.reasons },
        closeTasks: [c.taskId(DECIDE)],
      });
      return c.view();
    },
    { validator: ({ actor }) => c.refuse(checkDecideFiling(c.facts(), actor)) },
  );

  setHandler(
    extendFilingUpdate,
    async ({ actor, command }) => {
      c.filing.extensions++; // before the first await, as above
      await condition(() => c.hasClock(FILING_DECISION.name));
      const clock = c.clock(FILING_DECISION.name);
      clock.extend({
        days: FILING_EXTENSION.days,
        on: c.today(),
        approvedBy: actor.id,
        basis: command.reason,
      });
      await c.record({
        actor,
        action: 'filing.extended',
        details: { days: FILING_EXTENSION.days, reason: command.reason, dueOn: clock.dueOn },
        openTasks: [{ id: c.taskId(DECIDE), kind: DECIDE, role: 'agency_head', dueOn: clock.dueOn ?? null }],
      });
      return c.view();
    },
    { validator: ({ actor }) => c.refuse(checkExtendFiling(c.facts(), actor)) },
  );
}

export async function filingStage(c: CaseContext): Promise<CaseStage> {
  const clock = c.startClock(FILING_DECISION, c.input.clue.discoveredOn, 'agency_head');
  await c.record({
    actor: c.input.registeredBy,
    action: 'clue.registered',
    details: {
      source: c.input.clue.source,
      discoveredOn: c.input.clue.discoveredOn,
      filingDueOn: clock.dueOn,
    },
    openTasks: [{ id: c.taskId(DECIDE), kind: DECIDE, role: 'agency_head', dueOn: clock.dueOn ?? null }],
  });
  await clock.run(); // returns when the decision stops the clock
  return c.stage;
}
