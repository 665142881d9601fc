// Matters whose workflow stopped while the projection still says they are open: terminated by an operator or by
// the server (a payload over its limits), failed, timed out or cancelled. Nothing will fire for them and no
// command reaches them, so they are flagged (`engineStatus`, and overdue) for the supervisors, who see them in
// `GET /api/cases?engine=stopped`. Found through Temporal's visibility (one query for all closed-abnormally
// executions), not by asking each workflow.
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db.js';

/** The workflow types that carry a matter under its number. */
const MATTER_TYPES = ['enforcementCase', 'complaintWorkflow'];
const STOPPED = ['Terminated', 'Failed', 'TimedOut', 'Canceled'];
/** At most this many stopped executions are looked at per check (the rest on the next one). */
const PER_CHECK = 1_000;

export async function flagStoppedMatters(db: Db, temporal: Client): Promise<string[]> {
  const query = `(${MATTER_TYPES.map((t) => `WorkflowType = '${t}'`).join(' OR ')}) AND (${STOPPED.map(
    (s) => `ExecutionStatus = '${s}'`,
  ).join(' OR ')})`;
  const stopped = new Map<string, string>();
  for await (const w of temporal.workflow.list({ query })) {
    if (!stopped.has(w.workflowId)) stopped.set(w.workflowId, w.status.name);
    if (stopped.size >= PER_CHECK) break;
  }
  if (!stopped.size) return [];
  const open = await db.case.findMany({
    where: { number: { in: [...stopped.keys()] }, status: 'open', engineStatus: null },
    select: { number: true },
  });
  for (const { number } of open)
    await db.case.update({ where: { number }, data: { engineStatus: stopped.get(number)!, overdue: true } });
  return open.map((o) => o.number);
}
