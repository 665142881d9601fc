// A case as the tests drive it: started as the API starts it (the case's workflow, ID = case number), with a
// handle whose commands, queries and signals go to the phase running now (services/matter-workflows.ts), as the
// API's do. `owner` is the case's own workflow.
import type {
  Client,
  QueryDefinition,
  SignalDefinition,
  UpdateDefinition,
  WorkflowUpdateOptions,
} from '@temporalio/client';
import type { CaseInput } from '../../schema/case.js';
import { onMatter } from '../../services/matter-workflows.js';
import { CASE_WORKFLOW_TYPE } from '../../workflows/case/messages.js';

export type CaseHandle = ReturnType<typeof caseHandle>;

export function caseHandle(client: Client, number: string) {
  const owner = client.workflow.getHandle(number);
  const on = <T>(call: Parameters<typeof onMatter<T>>[3]) => onMatter(client, number, 'case', call);
  return {
    workflowId: number,
    owner,
    query: <R>(q: QueryDefinition<R, []>) => on((h) => h.query(q)),
    executeUpdate: <R, A extends [unknown, ...unknown[]]>(
      u: UpdateDefinition<R, A, string>,
      opts: WorkflowUpdateOptions & { args: A },
    ) => on((h) => h.executeUpdate(u, opts)),
    signal: (s: SignalDefinition<[]>) => on((h) => h.signal(s)),
    /** The phase's workflow running now (its history, its runs). */
    phase: () => on(async (h) => h),
    terminate: (reason?: string) => owner.terminate(reason),
    result: () => owner.result(),
    describe: () => owner.describe(),
  };
}

export async function startCaseWorkflow(
  client: Client,
  opts: { taskQueue: string; workflowId: string; args: [CaseInput] },
): Promise<CaseHandle> {
  await client.workflow.start(CASE_WORKFLOW_TYPE, opts);
  return caseHandle(client, opts.workflowId);
}
