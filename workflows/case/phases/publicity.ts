// After closure (docs/rules.md: publicity, credit repair, remedies, rewards): the closed case is archived, but the
// law still runs on it — the published record is shown until its time is over, the party may apply for credit
// repair, an appeal may still come within its window (and take the record down), and the reporter's reward is
// decided. The phase ends when none of these is left.
import { registerRewardHandler } from '../execution/closure.js';
import { registerPublicityHandlers } from '../execution/publicity.js';
import { registerRemedyHandlers } from '../execution/remedies.js';
import { REMEDY_WINDOWS } from '../execution/open.js';
import { runPhase, type PhaseInput } from '../phase.js';
import type { CaseState } from '../state.js';

/** A clock of the case, as its state carries it, exists and runs. */
const running = (s: CaseState, name: string) =>
  s.matter.clocks.some((k) => k.snapshot.state.def.name === name && !k.snapshot.state.stopped);

/** What a closed case still owes after closure. */
export function owesAfterClosure(s: CaseState): boolean {
  const e = s.execution;
  if (!e || s.stage !== 'closed') return false;
  const p = e.publicity;
  return (
    p.status === 'published' ||
    (p.withdrawal !== null && p.withdrawal.done === null) ||
    p.repairs.some((r) => r.status === 'pending') ||
    e.remedies.some((r) => r.outcome === null) ||
    (!!s.report?.realName && e.reward === null) ||
    REMEDY_WINDOWS.some((w) => running(s, w))
  );
}

/** The publicity phase's workflow (`<case number>:publicity`). */
export function casePublicity(input: PhaseInput): Promise<CaseState> {
  return runPhase(input, {
    register(c) {
      registerPublicityHandlers(c);
      registerRemedyHandlers(c);
      registerRewardHandler(c);
    },
    over: (c) => !owesAfterClosure(c.state()),
  });
}
