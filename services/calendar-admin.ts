// Loading a year's official schedule (administrators, when the State Council publishes it) and having every
// open case recompute its deadlines, a batch at a time (the calendar recomputation workflow runs the batches).
import {
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { expandRanges } from '../domain/calendar/sources.js';
import type { Db } from '../platform/db.js';
import {
  RECOMPUTE_LISTED,
  type CalendarRecompute,
  type CalendarYearFile,
  type MovedDeadline,
} from '../schema/calendar.js';
import { recomputeDeadlinesUpdate } from '../workflows/case/messages.js';
import {
  CALENDAR_RECOMPUTE_WORKFLOW_ID,
  CALENDAR_RECOMPUTE_WORKFLOW_TYPE,
  calendarRecomputeQuery,
  recomputeStarted,
  type CalendarRecomputeInput,
} from '../workflows/calendar/messages.js';
import { forgetCalendar } from './calendar/load.js';
import { onMatter, PhaseHandoverError, type MatterKind } from './matter-workflows.js';

/** Replaces the year's entries in one transaction: either the whole year is loaded or nothing is. */
export async function loadCalendarYear(
  db: Db,
  file: CalendarYearFile,
  loadedBy: string,
): Promise<{ holidays: number; workdays: number }> {
  const holidays = expandRanges(file.holidays);
  const prefix = `${file.year}-`;
  await db.$transaction(async (tx) => {
    await tx.calendarDay.deleteMany({ where: { date: { startsWith: prefix } } });
    await tx.calendarDay.createMany({
      data: [
        ...holidays.map((h) => ({ date: h.date, kind: 'HOLIDAY', name: h.name, source: file.source })),
        ...file.workdays.map((w) => ({ date: w.date, kind: 'WORKDAY', name: w.name, source: file.source })),
      ],
    });
    await tx.calendarYear.upsert({
      where: { year: file.year },
      create: { year: file.year, source: file.source, loadedBy },
      update: { source: file.source, loadedBy, loadedAt: new Date() },
    });
  });
  forgetCalendar(db);
  return { holidays: holidays.length, workdays: file.workdays.length };
}

/** How often a case's recomputation is sent again when Temporal does not answer in time (the same Update ID, so
 * it applies once). */
const RECOMPUTE_TRIES = 3;

/** What recomputing a batch of matters did. */
export interface RecomputeBatch {
  /** Matters handled, and the last one's number (where the next batch starts); none left when `cases` is 0. */
  cases: number;
  last: string | null;
  casesChanged: number;
  deadlinesChanged: number;
  /** Matters whose workflow did not answer (after retries): their deadlines keep the old calendar until the year is
   * loaded again (each recomputation is idempotent). The load never fails for them. */
  casesNotRecomputed: number;
  notRecomputed: string[];
  /** The first `listRoom` deadlines that moved (the counts cover all). */
  moved: MovedDeadline[];
}

/** The next `limit` open matters after `after` (by number, from the projection) recompute their deadlines, `concurrency`
 * at a time; each recomputation of one load carries the Update ID `calendar-<loadId>`, so one sent again (a retried
 * batch, a timed-out Update) applies once. `heartbeat` is called after each matter. */
export async function recomputeOpenBatch(
  db: Db,
  temporal: Client,
  opts: {
    loadId: string;
    after: string | null;
    limit: number;
    concurrency?: number;
    listRoom?: number;
    heartbeat?: () => void;
  },
): Promise<RecomputeBatch> {
  const open = await db.case.findMany({
    where: { status: 'open', ...(opts.after !== null ? { number: { gt: opts.after } } : {}) },
    select: { number: true, kind: true },
    orderBy: { number: 'asc' },
    take: opts.limit,
  });
  const listRoom = opts.listRoom ?? RECOMPUTE_LISTED;
  let casesChanged = 0;
  let deadlinesChanged = 0;
  const listed: MovedDeadline[] = [];
  const failed: string[] = [];
  const queue = [...open];
  const work = async () => {
    for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
      for (let attempt = 1; ; attempt++) {
        try {
          const moved = await onMatter(temporal, m.number, m.kind as MatterKind, (h) =>
            h.executeUpdate(recomputeDeadlinesUpdate, { updateId: `calendar-${opts.loadId}` }),
          );
          if (moved.length) casesChanged++;
          deadlinesChanged += moved.length;
          for (const d of moved) listed.push({ caseNumber: m.number, ...d });
          break;
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) break; // closed meanwhile: nothing to recompute
          const transient =
            err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || err instanceof PhaseHandoverError;
          if (transient && attempt < RECOMPUTE_TRIES) continue;
          // Any other answer (a workflow that stopped, a Temporal server that does not answer): counted and
          // named, and the load goes on with the other cases.
          failed.push(m.number);
          break;
        }
      }
      opts.heartbeat?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, queue.length) }, work));
  listed.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || a.clock.localeCompare(b.clock));
  failed.sort();
  return {
    cases: open.length,
    last: open.at(-1)?.number ?? null,
    casesChanged,
    deadlinesChanged,
    casesNotRecomputed: failed.length,
    notRecomputed: failed.slice(0, RECOMPUTE_LISTED),
    moved: listed.slice(0, listRoom),
  };
}

/** Starts every open matter's recomputation after a load, in the background (replacing one still running: the
 * newer calendar is the one that counts). Returns its progress as it starts. */
export async function startRecompute(
  temporal: Client,
  taskQueue: string,
  load: { loadId: string; year: number; loadedBy: string },
): Promise<CalendarRecompute> {
  const startedAt = new Date().toISOString();
  const input: CalendarRecomputeInput = { ...load, startedAt };
  await temporal.workflow.start(CALENDAR_RECOMPUTE_WORKFLOW_TYPE, {
    workflowId: CALENDAR_RECOMPUTE_WORKFLOW_ID,
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'TERMINATE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
  return recomputeStarted(input);
}

/** The latest recomputation: its progress while it runs, its result once done; null if none ever ran. */
export async function recomputeStatus(temporal: Client): Promise<CalendarRecompute | null> {
  const h = temporal.workflow.getHandle(CALENDAR_RECOMPUTE_WORKFLOW_ID);
  const d = await h.describe().catch((err: unknown) => {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  });
  if (!d) return null;
  if (d.status.name === 'COMPLETED') return (await h.result()) as CalendarRecompute;
  const progress = await h.query(calendarRecomputeQuery);
  if (d.status.name === 'RUNNING') return progress;
  // Replaced by a later load (terminated), or stopped by an operator.
  return {
    ...progress,
    status: d.status.name === 'TERMINATED' ? 'superseded' : 'failed',
    finishedAt: d.closeTime?.toISOString() ?? null,
  };
}
