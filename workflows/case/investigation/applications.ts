// Applications for the head's approval (负责人批准, docs/rules.md "Roles"): the officers' request is filed with
// the case, recorded with its officers, and opens a task for the unit's agency head (the principal head for a
// criminal transfer). The decision and what it does are in approvals.ts.
import type { AuditEvent, DetailsOf } from '../../../schema/events.js';
import type { ApprovalView } from '../../../schema/investigation.js';
import type { Step } from '../../matter/matter-context.js';
import type { CaseContext } from '../context.js';
import { teamIds } from '../handler.js';
import type { Command } from '../messages.js';

export type ApprovalKind = ApprovalView['kind'];

const TITLES: Record<ApprovalKind, { zh: string; en: string }> = {
  preservation: { zh: '审批先行登记保存', en: 'approve evidence preservation' },
  seizure: { zh: '审批查封扣押', en: 'approve a seizure' },
  seizure_extension: { zh: '审批延长查封扣押期限', en: 'approve a seizure extension' },
  suspension: { zh: '审批案件中止', en: 'approve suspending the case' },
  termination: { zh: '审批案件终止', en: 'approve terminating the case' },
  criminal_transfer: { zh: '审批涉嫌犯罪案件移送', en: 'approve the transfer of a suspected crime' },
};

export const taskOf = (c: CaseContext, id: string) => c.taskId(`approve-${id}`);

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
