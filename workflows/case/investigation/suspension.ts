// 案件中止 / 终止 (docs/rules.md). Suspension, on a listed ground with the head's approval, pauses the case clock
// until the officers record that the cause has ended; the remaining days are what was left when it began
// (docs/rules.md). Termination, with the head's approval, closes the case.
import {
  checkInvestigationStep,
  checkResume,
  checkTeam,
  transferPending,
} from '../../../domain/case/guards.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { requestSuspensionUpdate, requestTerminationUpdate, resumeCaseUpdate } from '../messages.js';
import { fileApproval, recordApplication } from './applications.js';
import type { ApprovalView } from '../../../schema/investigation.js';
import type { Actor } from '../../../schema/roles.js';

export function registerSuspensionHandlers(c: CaseContext) {
  command(
    c,
    requestSuspensionUpdate,
    ({ actor, team = [] }) => checkInvestigationStep(c.facts(), actor, team),
    async (cmd) => {
      const { ground, explanation } = cmd.command;
      const a = fileApproval(c, cmd, { kind: 'suspension', reasons: explanation, payload: { ground } });
      await recordApplication(c, cmd, a, 'suspension.requested', { ground, explanation });
    },
  );

  command(
    c,
    resumeCaseUpdate,
    ({ actor, team = [] }) => checkResume(c.facts(), actor, team),
    async (cmd) => {
      const today = c.today();
      c.investigation.suspension = null;
      c.caseClock()?.release('suspension', today);
      await c.record({
        actor: cmd.actor,
        action: 'case.resumed',
        details: {
          explanation: cmd.command.explanation,
          officers: teamIds(c, cmd),
          caseDueOn: c.caseClock()?.dueOn,
        },
      });
    },
  );

  command(
    c,
    requestTerminationUpdate,
    // Also while suspended: a party missing may turn out to have died (docs/rules.md).
    ({ actor, team = [] }) =>
      checkTeam(c.facts(), actor, team) ??
      (c.stage === 'investigation' ? undefined : { code: 'STAGE_NOT_ALLOWED', detail: c.stage }) ??
      transferPending(c.facts()),
    async (cmd) => {
      const { ground, explanation } = cmd.command;
      const a = fileApproval(c, cmd, { kind: 'termination', reasons: explanation, payload: { ground } });
      await recordApplication(c, cmd, a, 'termination.requested', { ground, explanation });
    },
  );
}

/** The head approved the suspension: the case clock pauses until the officers record that the cause ended. */
export async function suspend(c: CaseContext, a: ApprovalView, actor: Actor) {
  const today = c.today();
  const ground = String(a.payload.ground);
  c.investigation.suspension = { ground, since: today, explanation: a.reasons };
  c.caseClock()?.hold('suspension', {
    from: today,
    reason: `中止 suspended: ${ground}`,
    approvedBy: actor.id,
  });
  await c.record({ actor, action: 'case.suspended', details: { ground, approvalId: a.id } });
}

/** The head approved the termination: the case closes. */
export function terminate(c: CaseContext, a: ApprovalView, actor: Actor) {
  return c.close(
    { kind: 'terminated', ground: String(a.payload.ground), on: c.today() },
    { actor, action: 'case.terminated', details: { ground: String(a.payload.ground), approvalId: a.id } },
    '案件终止 terminated',
  );
}
