// Which workflow takes a matter's commands and answers for its live state. A complaint is one workflow (ID =
// its number). A case is a workflow per phase (`<case number>:<phase>`), started by the case's own workflow:
// the case's workflow names the phase running now (in its memo; casePhaseQuery for older cases), and the command
// or query goes there.
// Between two phases (the one ended, the next not yet started) the call is tried again for a short while.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { casePhaseQuery, PHASE_MEMO } from '../workflows/case/messages.js';

export type MatterKind = 'case' | 'complaint' | 'listing';

/** The case is between two phases and the next one did not start in time (a loaded Temporal server or worker):
 * the command did not apply; sent again with the same Idempotency-Key (the same Update ID), it applies once. */
export class PhaseHandoverError extends Error {
  constructor(readonly caseNumber: string) {
    super(`${caseNumber}: the case is between two phases; the next one has not started yet`);
    this.name = 'PhaseHandoverError';
  }
}

/** How long a call waits for the next phase to start, at most. */
const HANDOVER_MS = 5_000;
/** Between two tries: a handover takes a few workflow tasks (tens of milliseconds on a quiet server), so the first
 * tries come soon, and later ones back off to spare a loaded server. */
const RETRY_MS = [10, 20, 40, 80, 100] as const;

/** Runs `call` on the workflow that holds the matter now. A `read` (a query) of a running case goes to a running
 * phase only: a query on a phase that has just ended would have a worker replay its whole history to answer, when
 * the next phase, a moment later, holds the same case. */
export async function onMatter<T>(
  temporal: Client,
  number: string,
  kind: MatterKind,
  call: (h: WorkflowHandle) => Promise<T>,
  opts: { read?: boolean } = {},
): Promise<T> {
  if (kind !== 'case') return call(temporal.workflow.getHandle(number));
  const owner = temporal.workflow.getHandle(number);
  const until = Date.now() + HANDOVER_MS;
  for (let tries = 0; ; tries++) {
    const { phase, running } = await phaseOf(owner);
    if (phase !== null) {
      try {
        const h = temporal.workflow.getHandle(phase);
        if (opts.read && running && (await h.describe()).status.name !== 'RUNNING')
          throw new WorkflowNotFoundError('the phase has ended', phase, undefined);
        return await call(h);
      } catch (err) {
        // The phase refused the command as over, or has ended: the next one starts, unless the case has run its
        // course. (A refusal leaves no trace, so the same update ID may go to the next phase.)
        const handedOver =
          err instanceof WorkflowUpdateFailedError &&
          err.cause instanceof ApplicationFailure &&
          err.cause.type === 'PHASE_ENDED';
        if (!handedOver && (!(err instanceof WorkflowNotFoundError) || (await ended(owner)))) throw err;
      }
    }
    if (Date.now() > until) {
      // A case that has run its course has no phase to take the command; one still running is only slow.
      if (await ended(owner)) throw new WorkflowNotFoundError('no phase of the case is running', number, '');
      throw new PhaseHandoverError(number);
    }
    await sleep(RETRY_MS[Math.min(tries, RETRY_MS.length - 1)]!);
  }
}

/** The phase's workflow ID, from the case workflow's memo (a describe: the server answers, no worker is woken);
 * a case whose workflow predates the memo is asked with the query. Null before the first phase has started. */
async function phaseOf(owner: WorkflowHandle): Promise<{ phase: string | null; running: boolean }> {
  const { memo, status } = await owner.describe(); // WorkflowNotFoundError: no such case
  const running = status.name === 'RUNNING';
  const named = memo?.[PHASE_MEMO];
  if (typeof named === 'string') return { phase: named, running };
  const phase = await owner.query(casePhaseQuery).catch((err: unknown) => {
    if (err instanceof WorkflowNotFoundError) throw err;
    return null; // the case's workflow has not run its first task yet
  });
  return { phase, running };
}

async function ended(owner: WorkflowHandle) {
  const { status } = await owner.describe();
  return status.name !== 'RUNNING';
}
