// The case clock (办案期限, docs/rules.md): 90 CD from filing (APL 60); the head may extend by 30 CD once; beyond
// that only a recorded collective discussion extends it, and it sets the period. Pauses come from suspension
// and testing (their own handlers).
import { checkCollectiveExtension, checkExtendCaseClock } from '../../../domain/case/guards.js';
import { CASE_EXTENSION_BY_HEAD, CASE_EXTENSION_COLLECTIVE } from '../../../domain/rules/periods.js';
import type { CaseContext } from '../context.js';
import { command } from '../handler.js';
import { collectiveExtensionUpdate, extendCaseClockUpdate } from '../messages.js';

export function registerCaseClockHandlers(c: CaseContext) {
  command(
    c,
    extendCaseClockUpdate,
    ({ actor }) => checkExtendCaseClock(c.facts(), actor),
    async ({ actor, command }) => {
      c.investigation.caseExtensions.byHead++;
      const clock = c.caseClock()!;
      clock.extend({
        days: CASE_EXTENSION_BY_HEAD.days,
        on: c.today(),
        approvedBy: actor.id,
        basis: command.reason,
      });
      await c.record({
        actor,
        action: 'case.extended',
        details: {
          days: CASE_EXTENSION_BY_HEAD.days,
          reason: command.reason,
          dueOn: clock.dueOn,
          rule: CASE_EXTENSION_BY_HEAD.rule,
        },
      });
    },
  );

  command(
    c,
    collectiveExtensionUpdate,
    ({ actor, participants = [], command }) =>
      checkCollectiveExtension(c.facts(), actor, participants, command.participants),
    async ({ actor, command }) => {
      c.investigation.caseExtensions.collective++;
      const clock = c.caseClock()!;
      clock.extend({
        days: command.days,
        on: command.heldOn,
        approvedBy: command.participants.join('+'),
        basis: `集体讨论 collective discussion ${command.heldOn}`,
      });
      await c.record({
        actor,
        action: 'case.extended_collectively',
        details: {
          days: command.days,
          heldOn: command.heldOn,
          participants: command.participants,
          minutes: command.minutes,
          dueOn: clock.dueOn,
          rule: CASE_EXTENSION_COLLECTIVE.rule,
        },
      });
    },
  );
}
