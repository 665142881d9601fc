// What a complaint starts: a case from a violation found in it (CRM 23), or the complaint that continues at the
// competent office (CRM 36–37). Each runs as a child workflow that outlives the complaint (ABANDON).
//
// Why a child and not an activity calling the Temporal client: the start is then part of the complaint's own
// history, so it is deterministic and exactly once (replay returns the recorded start), needs no client in
// the activity workers, and the Web UI links the complaint to what it started. The number comes first from an
// idempotent activity; the same number is the child's workflow ID, so a duplicate start is harmless.
import type { SearchAttributePair } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { CaseStageKey, CaseUnitKey, OverdueKey } from '../../schema/search-attributes.js';

export async function startMatter(
  type: string,
  workflowId: string,
  arg: unknown,
  stage: string,
  unitId: string,
) {
  const attrs: SearchAttributePair[] = [
    { key: CaseStageKey, value: stage },
    { key: CaseUnitKey, value: unitId },
    { key: OverdueKey, value: false },
  ];
  try {
    await startChild(type, {
      workflowId,
      args: [arg],
      // Same task queue as the complaint (the default).
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: attrs,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
