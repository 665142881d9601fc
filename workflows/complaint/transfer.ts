// 移送 — a complaint that belongs to another office goes there before acceptance (docs/rules.md, CRM 12–13,
// 36–37): this complaint closes as transferred, and the competent office's complaint starts for the same
// submission, with its own number and its own 7 WD from the day it arrives.
import { unauthenticated } from '../matter/authenticated.js';
import { ActivityFailure, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { ACCEPTANCE_DECISION } from '../../domain/rules/complaint-periods.js';
import type { ComplaintInput } from '../../schema/complaint.js';
import { acts } from '../matter/matter-context.js';
import { startMatter } from './children.js';
import type { ComplaintContext } from './context.js';
import { checkTransfer } from '../../domain/complaint/guards.js';
import { COMPLAINT_WORKFLOW_TYPE, transferJurisdictionUpdate } from './messages.js';
import { DECIDE } from './stages/acceptance.js';

export function registerTransferHandler(c: ComplaintContext) {
  setHandler(
    transferJurisdictionUpdate,
    async ({ actor, command }) => {
      const on = c.today();
      c.transfer = { ...command, toNumber: null, by: actor.id, on };
      c.stage = 'closed';
      c.outcome = 'transferred';
      try {
        const next = await acts.transferComplaint({
          fromNumber: c.number,
          submissionId: c.input.submissionId,
          toUnitId: command.toUnitId,
          today: on,
        });
        const input: ComplaintInput = {
          ...c.input,
          complaintNumber: next.complaintNumber,
          unitId: command.toUnitId,
          receivedOn: on,
          registeredBy: actor,
          warnBefore: next.warnBefore,
          rulePack: next.rulePack,
          transferredFrom: { number: c.number, unitId: c.unitId },
        };
        await startMatter(
          COMPLAINT_WORKFLOW_TYPE,
          next.complaintNumber,
          input,
          'acceptance',
          command.toUnitId,
        );
        c.transfer.toNumber = next.complaintNumber;
      } catch (err) {
        // The activity gives up only when the target unit does not exist: nothing was transferred.
        c.transfer = null;
        c.stage = 'acceptance';
        c.outcome = null;
        if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure)
          c.refuse({ code: 'TRANSFER_TARGET_INVALID', detail: command.toUnitId });
        throw err;
      }
      await condition(() => c.hasClock(ACCEPTANCE_DECISION.name));
      c.clock(ACCEPTANCE_DECISION.name).stop(on, `已移送 transferred to ${c.transfer.toNumber}`);
      await c.record({
        actor,
        action: 'complaint.transferred',
        details: { toUnitId: command.toUnitId, toNumber: c.transfer.toNumber, reason: command.reason },
        closeTasks: [c.taskId(DECIDE)],
      });
      return c.result();
    },
    {
      validator: ({ actor, command, ...signed }) =>
        c.refuse(unauthenticated(signed) ?? checkTransfer(c.facts(), actor, command)),
    },
  );
}
