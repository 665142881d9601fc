// 核查立案 — verification and filing (docs/rules.md). The clue is verified and the agency head decides within
// 15 WD whether to file; the head may extend once by 15 WD. A clue whose limitation period has expired is filed
// only with the head's written reason (APL 36); declining on an exemption ground cites the rule pack's list
// (APL 33). If the period runs out, the supervisors are told and the case is flagged overdue; the decision can
// still be taken late. A real-name reporter is told of the decision within 5 WD (CRM 31–32).
import { condition } from '@temporalio/workflow';
import { checkDecideFiling, checkExtendFiling, limitationOf } from '../../../domain/case/guards.js';
import { FILING_DECISION, FILING_EXTENSION } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command } from '../handler.js';
import { decideFilingUpdate, extendFilingUpdate } from '../messages.js';
import { startReportFeedback } from '../report-feedback.js';
import { registerInvestigationHandlers } from '../investigation/register.js';
import { runPhase, type PhaseInput } from '../phase.js';
import type { CaseState } from '../state.js';

const DECIDE = 'decide-filing';
/** The head's task: decide on filing by the period's due date. */
const decideTask = (c: CaseContext, dueOn: string | undefined) => ({
  id: c.taskId(DECIDE),
  kind: DECIDE,
  title: { zh: '决定是否立案', en: 'decide on filing' },
  role: 'agency_head',
  dueOn: dueOn ?? null,
});

export function registerFilingHandlers(c: CaseContext) {
  command(
    c,
    decideFilingUpdate,
    ({ actor, command }) => checkDecideFiling(c.facts(), actor, command),
    async ({ actor, command }) => {
      // Claim the decision before the first await: a second update validated in the same activation is refused.
      const today = c.today();
      const filed = command.decision === 'file';
      c.filing.decision = { ...command, by: actor.id, on: today };
      c.stage = filed ? 'investigation' : 'closed';
      if (!filed) c.outcome = { kind: 'not_filed', ground: command.ground, on: today };
      await condition(() => c.hasClock(FILING_DECISION.name)); // an early decision waits for the stage's clock
      c.clock(FILING_DECISION.name).stop(today, filed ? '已立案 filed' : '不予立案 not filed');
      await c.record({
        actor,
        action: filed ? 'filing.approved' : 'filing.declined',
        details: {
          reasons: command.reasons,
          ...(command.ground ? { ground: command.ground } : {}),
          ...(command.exemption ? { exemption: command.exemption } : {}),
          ...(command.limitationOverride ? { limitationOverride: command.limitationOverride } : {}),
        },
        closeTasks: [c.taskId(DECIDE)],
      });
      if (c.report?.realName) await startReportFeedback(c, filed);
    },
  );

  command(
    c,
    extendFilingUpdate,
    ({ actor }) => checkExtendFiling(c.facts(), actor),
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
        openTasks: [decideTask(c, clock.dueOn)],
      });
    },
  );
}

/** The filing phase's workflow (`<case number>:filing`): the clue is verified and the head decides. Testing, evidence
 * measures and a transfer may begin before filing, and a simplified penalty may end the case on the spot. */
export function caseFiling(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerFilingHandlers(c);
      registerInvestigationHandlers(c);
    },
    open: openFiling,
    over: (c) => c.stage !== 'filing',
  });
}

/** The clue is registered: the head's 15 WD run from the day it was discovered. */
async function openFiling(c: CaseContext) {
  const clock = c.spawnClock(FILING_DECISION, c.input.clue.discoveredOn, 'agency_head');
  c.filing.limitation = limitationOf(c.input.clue);
  await c.record({
    actor: c.input.registeredBy,
    action: 'clue.registered',
    details: {
      source: c.input.clue.source,
      discoveredOn: c.input.clue.discoveredOn,
      filingDueOn: clock.dueOn,
      ...(c.filing.limitation ? { limitation: c.filing.limitation } : {}),
    },
    openTasks: [decideTask(c, clock.dueOn)],
  });
  // Tests begun before the phase opened (an early command) pause the filing period too (docs/rules.md).
  for (const t of c.investigation.testing.filter((x) => !x.finishedOn))
    clock.hold(`testing:${t.id}`, { from: t.startedOn, reason: `${t.kind} ${t.id}`, approvedBy: t.id });
}
