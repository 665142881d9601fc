// The workflows' side of the trust boundary below the API (platform/command-auth.ts): a command counts only when
// the workers' codec found the API's signature on it, and it was addressed to this workflow and this Update (a
// signed command copied from a history and sent elsewhere, or again under another Update ID, is refused).
import { currentUpdateInfo, workflowInfo } from '@temporalio/workflow';
import type { Refusal } from '../../schema/errors.js';

export interface Signed {
  /** Set by the workers' codec only (never by a sender). */
  authenticated?: boolean;
  /** Set by the API's client, inside the signed payload. */
  target?: { workflowId: string; update: string; updateId: string };
}

export function unauthenticated(cmd: Signed): Refusal | undefined {
  if (cmd.authenticated !== true) return { code: 'COMMAND_NOT_AUTHENTICATED' };
  const u = currentUpdateInfo();
  const t = cmd.target;
  return t && t.workflowId === workflowInfo().workflowId && t.update === u?.name && t.updateId === u?.id
    ? undefined
    : { code: 'COMMAND_NOT_AUTHENTICATED', detail: 'target' };
}
