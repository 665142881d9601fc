// After a holiday calendar load: every open matter recomputes its deadlines with the calendar as loaded now, a batch
// at a time in an activity (which sends each matter's workflow its recomputation Update), while administrators
// watch the progress. One runs at a time (workflow ID `calendar-recompute`): a later load replaces a running one,
// since every matter then recomputes with the newer calendar anyway.
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CalendarRecomputeActivities } from '../../activities/calendar/recompute.js';
import type { CalendarRecompute } from '../../schema/calendar.js';
import { calendarRecomputeQuery, recomputeStarted, type CalendarRecomputeInput } from './messages.js';

/** Matters per activity: progress moves in steps of this many, and a retried batch repeats at most this many
 * (idempotent) recomputations. */
const BATCH = 100;
/** As schema/calendar.ts RECOMPUTE_LISTED (the workflow bundle does not load the schemas). */
const LISTED = 200;

const { countOpenMatters, recomputeBatch } = proxyActivities<CalendarRecomputeActivities>({
  startToCloseTimeout: '30 minutes',
  // A batch reports each matter: a worker that died mid-batch is noticed within a minute, and another worker
  // runs the batch again (the matters already done answer their Update ID again without recomputing).
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Where a continued run picks up. */
interface Carried {
  progress: CalendarRecompute;
  after: string | null;
}

export async function calendarRecompute(
  input: CalendarRecomputeInput,
  carried?: Carried,
): Promise<CalendarRecompute> {
  const progress: CalendarRecompute = carried?.progress ?? recomputeStarted(input);
  setHandler(calendarRecomputeQuery, () => progress);
  if (!carried) progress.cases = await countOpenMatters();
  let after = carried?.after ?? null;
  for (;;) {
    const b = await recomputeBatch({
      loadId: input.loadId,
      after,
      limit: BATCH,
      listRoom: LISTED - progress.moved.length,
    });
    if (b.cases === 0) break;
    progress.casesDone += b.cases;
    // Matters opened since the count are recomputed too: the total grows with them.
    progress.cases = Math.max(progress.cases, progress.casesDone);
    progress.casesChanged += b.casesChanged;
    progress.deadlinesChanged += b.deadlinesChanged;
    progress.casesNotRecomputed += b.casesNotRecomputed;
    progress.notRecomputed.push(...b.notRecomputed.slice(0, LISTED - progress.notRecomputed.length));
    progress.moved.push(...b.moved.slice(0, LISTED - progress.moved.length));
    after = b.last;
    if (workflowInfo().continueAsNewSuggested)
      await continueAsNew<typeof calendarRecompute>(input, { progress, after });
  }
  progress.status = 'done';
  progress.finishedAt = new Date(Date.now()).toISOString();
  return progress;
}
