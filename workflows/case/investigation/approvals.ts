// Head approval (负责人批准) of what officers apply for (applications.ts): the head approves or refuses, and this
// is where what each decision does is written, kind by kind (docs/rules.md, "Roles").
import { checkDecideApproval } from '../../../domain/case/guards.js';
import type { ApprovalView } from '../../../schema/investigation.js';
import type { Actor } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { command } from '../handler.js';
import { decideApprovalUpdate } from '../messages.js';
import { taskOf } from './applications.js';
import { activateMeasure, extendSeizure, refuseMeasure } from './measures.js';
import { suspend, terminate } from './suspension.js';
import { transferApproved, transferRejected } from './transfer.js';

/** What the head's decision on a request does (after the decision's own step). */
function effectOf(
  c: CaseContext,
  a: ApprovalView,
  actor: Actor,
  approved: boolean,
): Promise<void> | undefined {
  switch (a.kind) {
    case 'preservation': // 先行登记保存: the 7 WD to decide on the items start
    case 'seizure': // 查封扣押: the 30 CD start
      return approved ? activateMeasure(c, a, actor) : refuseMeasure(c, a);
    case 'seizure_extension': // the seizure runs longer (once, at most 30 CD)
      return approved ? extendSeizure(c, a, actor) : undefined;
    case 'suspension': // 中止: the case clock pauses until the cause ends
      return approved ? suspend(c, a, actor) : undefined;
    case 'termination': // 终止: the case closes
      return approved ? terminate(c, a, actor) : undefined;
    case 'criminal_transfer': // 移送: 24 hours to hand the file to the police, or the transfer ends
      return approved ? transferApproved(c, a, actor) : transferRejected(c, a, actor);
  }
}

export function registerApprovalHandler(c: CaseContext) {
  command(
    c,
    decideApprovalUpdate,
    ({ actor, command }) => checkDecideApproval(c.facts(), actor, command.approvalId),
    async ({ actor, command }) => {
      const a = c.investigation.approvals.find((x) => x.id === command.approvalId)!;
      a.status = command.approve ? 'approved' : 'rejected';
      a.decidedBy = actor.id;
      a.decidedOn = c.today();
      a.note = command.note;
      // The effect changes the state synchronously up to its first await, then records its own step; the
      // decision's step comes first so the audit trail reads in order.
      const decided = c.record({
        actor,
        action: command.approve ? 'approval.granted' : 'approval.refused',
        details: { approvalId: a.id, kind: a.kind, subject: a.subject, note: command.note },
        closeTasks: [taskOf(c, a.id)],
      });
      await Promise.all([decided, effectOf(c, a, actor, command.approve)]);
    },
  );
}
