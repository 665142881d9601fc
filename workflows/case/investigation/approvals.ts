// Head approval (负责人批准) of what officers apply for: evidence preservation, seizure and its extension,
// suspension, termination, the transfer of a suspected crime (docs/rules.md, "Roles"). A request opens a task
// for the unit's agency head; the decision runs the effect its kind registered.
import { condition } from '@temporalio/workflow';
import { checkDecideApproval } from '../../../domain/case/guards.js';
import type { AuditEvent, DetailsOf } from '../../../schema/events.js';
import type { ApprovalView } from '../../../schema/investigation.js';
import type { Step } from '../../matter/matter-context.js';
import type { Actor } from '../../../schema/roles.js';
import type { CaseContext } from '../context.js';
import { command, teamIds } from '../handler.js';
import { decideApprovalUpdate, type Command } from '../messages.js';

export type ApprovalKind = ApprovalView['kind'];
export type ApprovalEffect = (a: ApprovalView, actor: Actor) => Promise<void>;

const TITLES: Record<ApprovalKind, { zh: string; en: string }> = {
  preservation: { zh: '审批先行登记保存', en: 'approve evidence preservation' },
  seizure: { zh: '审批查封扣押', en: 'approve a seizure' },
  seizure_extension: { zh: '审批延长查封扣押期限', en: 'approve a seizure extension' },
  suspension: { zh: '审批案件中止', en: 'approve suspending the case' },
  termination: { zh: '审批案件终止', en: 'approve terminating the case' },
  criminal_transfer: { zh: '审批涉嫌犯罪案件移送', en: 'approve the transfer of a suspected crime' },
};

export type ApprovalEffects = Map<ApprovalKind, { approved: ApprovalEffect; rejected?: ApprovalEffect }>;

/** Registers what a decision on a kind of request does (per case: workflow state is never module-global). */
export function onApproval(
  c: CaseContext,
  kind: ApprovalKind,
  approved: ApprovalEffect,
  rejected?: ApprovalEffect,
) {
  c.approvalEffects.set(kind, { approved, rejected });
}

const taskOf = (c: CaseContext, id: string) => c.taskId(`approve-${id}`);

/** Files the officers' request for the head's approval (state only: call before the first await). */
export function fileApproval(
  c: CaseContext,
  cmd: Command<unknown>,
  req: { kind: ApprovalKind; subject?: string; reasons: string; payload?: Record<string, unknown> },
): ApprovalView {
  const a: ApprovalView = {
    id: `A${c.investigation.approvals.length + 1}`,
    kind: req.kind,
    ...(req.subject ? { subject: req.subject } : {}),
    requestedBy: teamIds(c, cmd),
    requestedOn: c.today(),
    reasons: req.reasons,
    status: 'pending',
    payload: req.payload ?? {},
  };
  c.investigation.approvals.push(a);
  return a;
}

/** The application's step: recorded with its officers, and the head's task opened. */
/** The applications' audit events: each carries the approval's id and who applied, besides its own details. */
type Application = Extract<AuditEvent, { details: { approvalId: string; officers: string[] } }>;
export function recordApplication<A extends Application['action']>(
  c: CaseContext,
  cmd: Command<unknown>,
  a: ApprovalView,
  action: A,
  details: Omit<DetailsOf<A>, 'approvalId' | 'officers'>,
  dueOn: string | null = null,
): Promise<void> {
  return c.record({
    actor: cmd.actor,
    action,
    details: { ...details, approvalId: a.id, officers: a.requestedBy },
    openTasks: [approvalTask(c, a, dueOn)],
    // TypeScript does not narrow a generic action to its union member; A and DetailsOf<A> typed the call.
  } as unknown as Step);
}

export function approvalTask(c: CaseContext, a: ApprovalView, dueOn: string | null = null) {
  return {
    id: taskOf(c, a.id),
    kind: `approve-${a.kind}`,
    title: TITLES[a.kind],
    role: a.kind === 'criminal_transfer' ? 'principal_head' : 'agency_head',
    dueOn,
  };
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
      await condition(() => c.ready); // effects start clocks: with the calendar loaded
      const effect = c.approvalEffects.get(a.kind);
      const run = command.approve ? effect?.approved : effect?.rejected;
      // The effect changes the state synchronously up to its first await, then records its own step; the
      // decision's step comes first so the audit trail reads in order.
      const decided = c.record({
        actor,
        action: command.approve ? 'approval.granted' : 'approval.refused',
        details: { approvalId: a.id, kind: a.kind, subject: a.subject, note: command.note },
        closeTasks: [taskOf(c, a.id)],
      });
      await Promise.all([decided, run?.(a, actor)]);
    },
  );
}
