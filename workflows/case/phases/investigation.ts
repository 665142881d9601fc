// 调查取证 — investigation (docs/rules.md). Filing starts the case clock: 90 CD from the filing decision (APL 60),
// extended and paused by the investigation's own steps. The phase ends when the case is handed to review,
// terminated, or transferred to the police; the case clock runs on into review.
import { CASE_DECISION } from '../../../domain/rules/periods.js';
import { SYSTEM_ACTOR } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { registerInvestigationHandlers } from '../investigation/register.js';
import { runPhase, type PhaseInput } from '../phase.js';
import type { CaseState } from '../state.js';

/** The investigation phase's workflow (`<case number>:investigation`). */
export function caseInvestigation(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register: registerInvestigationHandlers,
    open: startCaseClock,
    over: (c) => c.stage !== 'investigation',
  });
}

/** The case clock starts on the day the case was filed, and the officers get their task. A case returned from
 * review already has both: its clock keeps running, and the return opened the task with the reviewer's opinion. */
async function startCaseClock(c: CaseContext) {
  if (c.caseClock()) return;
  const filedOn = c.filing.decision!.on;
  const clock = c.spawnClock(CASE_DECISION, filedOn, 'agency_head');
  // A test begun while the clue was verified keeps the case clock paused from the start (docs/rules.md).
  for (const t of c.investigation.testing.filter((x) => !x.finishedOn))
    clock.hold(`testing:${t.id}`, { from: filedOn, reason: `${t.kind} ${t.id}`, approvedBy: t.id });
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'case_clock.started',
    details: { filedOn, dueOn: clock.dueOn },
    openTasks: [
      {
        id: c.taskId('investigate'),
        kind: 'investigate',
        title: { zh: '调查取证', en: 'investigate' },
        role: 'case_officer',
        dueOn: clock.dueOn ?? null,
      },
    ],
  });
}
