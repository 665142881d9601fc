// 受理审查 — accept a complaint or not within 7 WD of receipt, and tell the complainant (docs/rules.md, CRM 14).
// Not accepting needs one of the grounds of CRM 15 and an explanation; the complaint then closes. Accepting
// starts the 45-WD mediation period (CRM 16–21). If the 7 WD run out, the unit's supervisors are told and the
// complaint is flagged overdue; the decision can still be taken late.
import { unauthenticated } from '../../matter/authenticated.js';
import { condition, setHandler } from '@temporalio/workflow';
import { ACCEPTANCE_DECISION } from '../../../domain/rules/complaint-periods.js';
import { REJECTION_GROUND_TITLES, type ComplaintStage } from '../../../schema/complaint.js';
import type { ComplaintContext } from '../context.js';
import { checkDecideAcceptance } from '../../../domain/complaint/guards.js';
import { decideAcceptanceUpdate } from '../messages.js';
import { mediateTask, startMediationPeriod } from './mediation.js';

export const DECIDE = 'decide-acceptance';

export function registerAcceptanceHandlers(c: ComplaintContext) {
  setHandler(
    decideAcceptanceUpdate,
    async ({ actor, command }) => {
      // Claim the decision before the first await: a second update validated in the same activation is refused.
      const on = c.today();
      const accept = command.accept;
      c.acceptance = accept
        ? { decision: 'accepted', by: actor.id, on }
        : {
            decision: 'rejected',
            ground: command.ground,
            explanation: command.explanation,
            by: actor.id,
            on,
          };
      c.stage = accept ? 'accepted' : 'closed';
      if (!accept) c.outcome = 'rejected';
      await condition(() => c.hasClock(ACCEPTANCE_DECISION.name));
      c.clock(ACCEPTANCE_DECISION.name).stop(on, accept ? '已受理 accepted' : '不予受理 not accepted');
      const mediation = accept ? startMediationPeriod(c, on) : undefined;
      await c.record({
        actor,
        ...(accept
          ? { action: 'complaint.accepted' as const, details: { mediationDueOn: mediation?.dueOn } }
          : {
              action: 'complaint.rejected' as const,
              details: { ground: command.ground, explanation: command.explanation },
            }),
        closeTasks: [c.taskId(DECIDE)],
        openTasks: mediation ? [mediateTask(c, mediation.dueOn)] : [],
        mail: [
          c.complainantMail(
            'acceptance',
            accept ? '已受理 / accepted' : '不予受理 / not accepted',
            accept
              ? ['您的投诉已受理，我们将组织调解。 Your complaint was accepted; we will arrange mediation.']
              : [
                  '您的投诉不予受理。 Your complaint was not accepted.',
                  `理由 Ground: ${REJECTION_GROUND_TITLES[command.ground!].zh} / ${REJECTION_GROUND_TITLES[command.ground!].en}`,
                  `说明 Explanation: ${command.explanation}`,
                ],
          ),
        ],
      });
      return c.result();
    },
    {
      validator: ({ actor, command, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkDecideAcceptance(c.facts(), actor, command)),
    },
  );
}

export async function acceptanceStage(c: ComplaintContext): Promise<ComplaintStage> {
  const i = c.input;
  const clock = c.startClock(ACCEPTANCE_DECISION, i.receivedOn, 'complaint_handler');
  await c.record({
    actor: i.registeredBy,
    action: 'complaint.received',
    details: {
      channel: i.channel,
      receivedOn: i.receivedOn,
      acceptanceDueOn: clock.dueOn,
      // Repeat submissions are flagged to the handler, never rejected automatically.
      repeatOf: i.repeat.earlier.map((e) => e.submissionId),
      transferredFrom: i.transferredFrom?.number,
    },
    openTasks: [
      {
        id: c.taskId(DECIDE),
        kind: DECIDE,
        title: { zh: '决定是否受理投诉', en: 'Decide whether to accept the complaint' },
        role: 'complaint_handler',
        dueOn: clock.dueOn ?? null,
      },
    ],
  });
  await clock.run(); // returns when the decision (or a transfer) stops the clock
  return c.stage;
}
