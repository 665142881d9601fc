// 告知 — after mediation ended, both parties are told within 7 WD (docs/rules.md, CRM 16–21). Recording that they
// were told closes the complaint; if the 7 WD run out, the unit's supervisors are told.
import { unauthenticated } from '../../matter/authenticated.js';
import { condition, setHandler } from '@temporalio/workflow';
import { PARTIES_NOTICE } from '../../../domain/rules/complaint-periods.js';
import type { ComplaintStage } from '../../../schema/complaint.js';
import type { ComplaintContext } from '../context.js';
import { checkRecordPartiesNotified } from '../../../domain/complaint/guards.js';
import { recordPartiesNotifiedUpdate } from '../messages.js';
import { NOTIFY_PARTIES } from './mediation.js';

export function registerNotificationHandlers(c: ComplaintContext) {
  setHandler(
    recordPartiesNotifiedUpdate,
    async ({ actor, command }) => {
      const on = c.today();
      c.partiesNotified = { method: command.method, note: command.note, by: actor.id, on };
      c.stage = 'closed';
      await condition(() => c.hasClock(PARTIES_NOTICE.name));
      c.clock(PARTIES_NOTICE.name).stop(on, '已告知双方 both parties told');
      await c.record({
        actor,
        action: 'parties.notified',
        details: { method: command.method, note: command.note, outcome: c.outcome },
        closeTasks: [c.taskId(NOTIFY_PARTIES)],
      });
      return c.result();
    },
    {
      validator: ({ actor, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkRecordPartiesNotified(c.facts(), actor)),
    },
  );
}

export async function notificationStage(c: ComplaintContext): Promise<ComplaintStage> {
  await condition(() => c.hasClock(PARTIES_NOTICE.name));
  await c.clock(PARTIES_NOTICE.name).run(); // stopped when the parties were told
  return c.stage;
}
